// 不计入应到会人数 (RULES.md §1.2): requested by the member's branch, approved or rejected by the
// higher-level org, ended early when the situation ends.
import { quorumExclusionCategories, quorumExclusionStates } from '@zhibu/domain';
import { z } from './zod-setup';
import { idSchema, isoDateSchema, optionalText, requiredText, versionField } from './common';

export const quorumExclusionSchema = z.object({
  id: idSchema,
  memberId: idSchema,
  memberName: z.string(),
  orgId: idSchema,
  orgName: z.string(),
  category: z.enum(quorumExclusionCategories),
  categoryLabel: z.string(),
  reason: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  state: z.enum(quorumExclusionStates),
  stateLabel: z.string(),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** The caller manages the higher-level org and may approve or reject it now. */
  canDecide: z.boolean(),
  /** The caller manages the member's branch and may end it. */
  canEnd: z.boolean(),
  rule: z.string(),
  version: z.number().int(),
});
export type QuorumExclusion = z.infer<typeof quorumExclusionSchema>;
export const quorumExclusionListResponse = z.object({ items: z.array(quorumExclusionSchema), total: z.number().int() });

export const createQuorumExclusionRequest = z.object({
  category: z.enum(quorumExclusionCategories),
  reason: requiredText(500),
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullish(),
});
export const decideQuorumExclusionRequest = z.object({ decision: z.enum(['approve', 'reject']), reason: optionalText(500), ...versionField });
export const endQuorumExclusionRequest = z.object({ validTo: isoDateSchema, reason: requiredText(500), ...versionField });
