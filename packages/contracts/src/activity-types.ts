// 活动类型目录 (issue 3 § Activity types): the court's effective catalogue and its overrides.
import { activityTypes, orgTypes, periodUnits } from '@zhibu/domain';
import { z } from './zod-setup';
import { idSchema } from './common';

export const minFrequencySchema = z.object({ count: z.number().int().min(1).max(1000), period: z.enum(periodUnits) });

export const activityTypeDefinitionSchema = z.object({
  type: z.enum(activityTypes),
  label: z.string(),
  verb: z.string(),
  heldBy: z.array(z.enum(orgTypes)),
  expected: z.enum(['allMembers', 'committee', 'group']),
  minFrequency: minFrequencySchema.nullable(),
  preferredQuarter: z.number().int().nullable(),
  requiresFirstAgenda: z.boolean(),
  votes: z.boolean(),
  countsAsOrgLife: z.boolean(),
  enabled: z.boolean(),
  customized: z.boolean(),
  rule: z.string(),
  confidence: z.enum(['V', 'S', 'U']),
});
export type ActivityTypeDefinitionDto = z.infer<typeof activityTypeDefinitionSchema>;

export const activityTypeOverrideSchema = z
  .object({
    minFrequency: minFrequencySchema.nullable().optional(),
    requiresFirstAgenda: z.boolean().optional(),
    countsAsOrgLife: z.boolean().optional(),
    enabled: z.boolean().optional(),
    preferredQuarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional(),
  })
  .strict();

export const activityCatalogueOverridesSchema = z.partialRecord(z.enum(activityTypes), activityTypeOverrideSchema);
export type ActivityCatalogueOverridesDto = z.infer<typeof activityCatalogueOverridesSchema>;

export const activityCatalogueQuery = z.object({ courtId: idSchema.optional() });

export const activityCatalogueResponse = z.object({
  courtId: idSchema,
  items: z.array(activityTypeDefinitionSchema),
  overrides: activityCatalogueOverridesSchema,
  version: z.number().int(),
});
export type ActivityCatalogueResponse = z.infer<typeof activityCatalogueResponse>;

export const updateActivityCatalogueRequest = z.object({
  courtId: idSchema,
  overrides: activityCatalogueOverridesSchema,
  /** 0 when the court has no overrides stored yet. */
  version: z.number().int().min(0),
});
