// 谈心谈话 (issue 5): talk records (谈心谈话, 提醒谈话, 谈话提醒) and the yearly coverage of
// 支委↔支委, 支委↔党员, 党员↔党员 per branch, with the missing pairs paged. @see RULES.md §1.1
import { talkCoverageCategories, talkFollowUpStates, talkKinds, talkPeerCoverageModes } from '@zhibu/domain';
import { z } from './zod-setup';
import { idSchema, isoDateSchema, optionalText, paginationQuery, requiredText, versionField } from './common';

const yearSchema = z.coerce.number().int().min(2000).max(2100);

export const talkParticipantSchema = z.object({ memberId: idSchema, name: z.string(), isInitiator: z.boolean() });

export const talkSchema = z.object({
  id: idSchema,
  orgId: idSchema,
  orgName: z.string(),
  talkedOn: z.string(),
  kind: z.enum(talkKinds),
  kindLabel: z.string(),
  /** 提醒谈话/谈话提醒: only the secretary, the office and the member concerned see it. */
  restricted: z.boolean(),
  topic: z.string(),
  /** 谈话要点: null when the caller is not a participant, the secretary or the office (summaryHidden). */
  summary: z.string().nullable(),
  summaryHidden: z.boolean(),
  participants: z.array(talkParticipantSchema),
  followUpState: z.enum(talkFollowUpStates),
  followUpStateLabel: z.string(),
  followUpNote: z.string().nullable(),
  followUpOn: z.string().nullable(),
  createdByName: z.string(),
  canEdit: z.boolean(),
  version: z.number().int(),
});
export type Talk = z.infer<typeof talkSchema>;
export const talkListResponse = z.object({ items: z.array(talkSchema), total: z.number().int() });

export const talkListQuery = paginationQuery.extend({
  orgId: idSchema.optional(),
  year: yearSchema.optional(),
  kind: z.enum(talkKinds).optional(),
  memberId: idSchema.optional(),
});

const talkFields = {
  talkedOn: isoDateSchema,
  kind: z.enum(talkKinds).default('talk'),
  topic: requiredText(100),
  summary: optionalText(2000),
  participantIds: z.array(idSchema).min(2, '至少两人').max(50),
  initiatorId: idSchema,
  followUpState: z.enum(talkFollowUpStates).default('none'),
  followUpNote: optionalText(500),
  followUpOn: isoDateSchema.nullish(),
};
export const createTalkRequest = z.object({ orgId: idSchema, ...talkFields });
export const updateTalkRequest = z.object({ ...talkFields, ...versionField });
export const deleteTalkQuery = z.object({ version: z.coerce.number().int().min(1) });

export const talkPersonSchema = z.object({ id: idSchema, name: z.string() });
export const talkMissingPairSchema = z.object({
  category: z.enum(talkCoverageCategories),
  categoryLabel: z.string(),
  a: talkPersonSchema,
  /** null: 「与任一其他党员」 (the eachMemberOnce reading). */
  b: talkPersonSchema.nullable(),
});
export type TalkMissingPairView = z.infer<typeof talkMissingPairSchema>;

export const talkCoverageLevels = ['complete', 'open', 'warning'] as const;

export const talkCoverageQuery = paginationQuery.extend({ orgId: idSchema, year: yearSchema, category: z.enum(talkCoverageCategories).optional() });
export const talkCoverageResponse = z.object({
  orgId: idSchema,
  orgName: z.string(),
  year: z.number().int(),
  referenceDate: z.string(),
  peerCoverage: z.enum(talkPeerCoverageModes),
  peerCoverageLabel: z.string(),
  categories: z.array(z.object({ category: z.enum(talkCoverageCategories), label: z.string(), required: z.number().int(), covered: z.number().int() })),
  required: z.number().int(),
  covered: z.number().int(),
  percent: z.number().int(),
  level: z.enum(talkCoverageLevels),
  /** All missing pairs (of the category filter); `missing` is the requested page of them. */
  missingTotal: z.number().int(),
  missing: z.array(talkMissingPairSchema),
  rule: z.string(),
  warningFromMonth: z.number().int(),
  canRecord: z.boolean(),
});
export type TalkCoverageView = z.infer<typeof talkCoverageResponse>;

export const talkCoverageSummaryQuery = z.object({ year: yearSchema.optional() });
export const talkCoverageSummaryItem = z.object({
  orgId: idSchema,
  orgName: z.string(),
  courtName: z.string(),
  required: z.number().int(),
  covered: z.number().int(),
  percent: z.number().int(),
  missing: z.number().int(),
  level: z.enum(talkCoverageLevels),
});
export type TalkCoverageSummaryItem = z.infer<typeof talkCoverageSummaryItem>;
export const talkCoverageSummaryResponse = z.object({ year: z.number().int(), warningFromMonth: z.number().int(), items: z.array(talkCoverageSummaryItem) });

export const talkLedgerQuery = z.object({ orgId: idSchema, year: yearSchema });
