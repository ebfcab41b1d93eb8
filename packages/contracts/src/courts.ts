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
