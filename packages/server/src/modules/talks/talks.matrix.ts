// Authorization-matrix cases of 谈心谈话 (issue 5): every route of the module, run by
// authorization-matrix.test.ts (see test-support/matrix.ts for the case shape).
import type { Case } from '../../test-support/matrix';

export const cases: Case[] = [];
