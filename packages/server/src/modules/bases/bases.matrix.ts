// Authorization-matrix cases of 一支部一阵地: rooms, bookings, the room screen, shared materials (issue 4): every route of the module, run by
// authorization-matrix.test.ts (see test-support/matrix.ts for the case shape).
import type { Case } from '../../test-support/matrix';

export const cases: Case[] = [];
