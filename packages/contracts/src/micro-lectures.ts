// 一刻钟微党课 rotation (issue 3): propose a speaker schedule, save it, read it.
import { z } from './zod-setup';
import { idSchema, isoDateSchema } from './common';

export const generateMicroLecturesRequest = z.object({
  orgId: idSchema,
  dates: z.array(isoDateSchema).min(1).max(400).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  /** ISO weekday of the sessions, 1 = Monday … 7 = Sunday (with from/to). */
  weekday: z.number().int().min(1).max(7).optional(),
});

export const microLectureSlotSchema = z.object({
  id: idSchema.nullable(),
  orgId: idSchema,
  slotDate: z.string(),
  memberId: idSchema,
  memberName: z.string(),
  tier: z.enum(['secretary', 'committee', 'young', 'other']).nullable(),
  tierLabel: z.string().nullable(),
  topic: z.string().nullable(),
  activityId: idSchema.nullable(),
});
export type MicroLectureSlot = z.infer<typeof microLectureSlotSchema>;

export const generateMicroLecturesResponse = z.object({
  orgId: idSchema,
  slots: z.array(microLectureSlotSchema),
  unscheduled: z.array(z.object({ memberId: idSchema, memberName: z.string(), reason: z.string(), message: z.string() })),
  unfilledDates: z.array(z.string()),
});

export const saveMicroLecturesRequest = z.object({
  orgId: idSchema,
  slots: z
    .array(z.object({ slotDate: isoDateSchema, memberId: idSchema, topic: z.string().trim().max(200).nullish() }))
    .max(400),
});

export const microLecturesQuery = z.object({ orgId: idSchema, from: isoDateSchema.optional(), to: isoDateSchema.optional() });
export const microLecturesResponse = z.object({ items: z.array(microLectureSlotSchema), total: z.number().int() });
