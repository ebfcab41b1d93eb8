import { courtLevels } from '@zhibu/domain';
import { z } from './zod-setup';
import { idSchema, requiredText, versionField } from './common';

export const courtSchema = z.object({
  id: idSchema,
  name: z.string(),
  shortName: z.string(),
  level: z.enum(courtLevels),
  parentId: idSchema.nullable(),
  region: z.string().nullable(),
  version: z.number().int(),
});
export type Court = z.infer<typeof courtSchema>;

export const createCourtRequest = z.object({
  name: requiredText(64),
  shortName: requiredText(32),
  level: z.enum(courtLevels),
  parentId: idSchema.nullish(),
  region: z.string().trim().max(64).nullish(),
});
export const updateCourtRequest = createCourtRequest.partial().extend(versionField);

const positiveInt = z.number().int().min(1).max(100);
/** A court's overrides of the structure rules ([U] and local practice: DESIGN.md, RULES.md §2). */
export const courtRuleOverridesSchema = z
  .object({
    termYears: z
      .object({
        organCommittee: positiveInt.nullable(),
        primaryCommittee: positiveInt.nullable(),
        generalBranch: positiveInt.nullable(),
        branch: positiveInt.nullable(),
      })
      .partial(),
    termWarningMonths: z.number().int().min(0).max(24),
    maxTermExtensionMonths: z.number().int().min(0).max(24),
    minFullMembersForBranch: positiveInt,
    committeeRequiredAtFullMembers: positiveInt,
    committeeSize: z.object({ min: positiveInt, max: positiveInt, hardMax: positiveInt }).partial(),
    maxDeputySecretaries: z.number().int().min(0).max(5),
    branchMemberSoftMax: z.number().int().min(1).max(1000),
  })
  .partial()
  .strict();
export type CourtRuleOverrides = z.infer<typeof courtRuleOverridesSchema>;

export const courtRuleConfigResponse = z.object({
  overrides: courtRuleOverridesSchema,
  effective: z.record(z.string(), z.unknown()),
  defaults: z.record(z.string(), z.unknown()),
  version: z.number().int(),
});
export const updateCourtRuleConfigRequest = z.object({ overrides: courtRuleOverridesSchema, version: z.number().int().min(0) });
