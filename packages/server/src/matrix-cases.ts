// The authorization-matrix cases of the modules added after the core (one file per module, so that
// work on different modules never edits the same file). authorization-matrix.test.ts runs them all.
import type { Case } from './test-support/matrix';
import { cases as brandCases } from './modules/brands/brands.matrix';
import { cases as baseCases } from './modules/bases/bases.matrix';
import { cases as partnershipCases } from './modules/partnerships/partnerships.matrix';
import { cases as developmentCases } from './modules/development/development.matrix';
import { cases as reminderNoticeCases } from './modules/reminder-notices/reminder-notices.matrix';
import { cases as duesCases } from './modules/dues/dues.matrix';
import { cases as transferCases } from './modules/transfers/transfers.matrix';
import { cases as evaluationCases } from './modules/evaluations/evaluations.matrix';
import { cases as talkCases } from './modules/talks/talks.matrix';
import { cases as careCases } from './modules/care/care.matrix';
import { cases as pioneerCases } from './modules/pioneers/pioneers.matrix';

export const moduleMatrixCases: Case[] = [...brandCases, ...baseCases, ...partnershipCases, ...developmentCases, ...reminderNoticeCases, ...duesCases, ...transferCases,
  ...evaluationCases, ...talkCases, ...careCases, ...pioneerCases];
