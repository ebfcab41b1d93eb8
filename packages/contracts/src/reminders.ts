// 党建工作提示 (issue 3 § Compliance), yearly counts and the activity calendar.
import { activityTypes } from '@zhibu/domain';
import { z } from './zod-setup';
import { idSchema, isoDateSchema } from './common';

export const complianceLevelSchema = z.enum(['green', 'amber', 'red']);

export const reminderItemSchema = z.object({
  type: z.enum(activityTypes),
  label: z.string(),
  state: z.enum(['done', 'pending', 'dueSoon', 'missed']),
  current: z.boolean(),
  periodKey: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  count: z.number().int(),
  lateEntryCount: z.number().int(),
  required: z.number().int(),
  daysLeft: z.number().int().nullable(),
  message: z.string(),
  rule: z.string(),
});

export const orgReminderSchema = z.object({
  orgId: idSchema,
  orgName: z.string(),
  orgType: z.string(),
  courtId: idSchema,
  courtName: z.string(),
  level: complianceLevelSchema,
  items: z.array(reminderItemSchema),
});
export type OrgReminder = z.infer<typeof orgReminderSchema>;

export const remindersQuery = z.object({ courtId: idSchema.optional(), orgId: idSchema.optional() });
export const remindersResponse = z.object({
  today: z.string(),
  items: z.array(orgReminderSchema),
  total: z.number().int(),
  counts: z.object({ red: z.number().int(), amber: z.number().int(), green: z.number().int() }),
});

export const memberReminderQuery = z.object({ orgId: idSchema.optional() });
export const memberReminderSchema = z.object({
  memberId: idSchema,
  memberName: z.string(),
  orgId: idSchema,
  orgName: z.string(),
  months: z.number().int().nullable(),
  since: z.string().nullable(),
  level: z.enum(['warning', 'critical']),
  message: z.string(),
  note: z.string().nullable(),
  rule: z.string(),
});
export const memberRemindersResponse = z.object({ today: z.string(), items: z.array(memberReminderSchema), total: z.number().int() });

export const activityCountsQuery = z.object({ courtId: idSchema.optional(), year: z.coerce.number().int().min(2000).max(2100) });
export const activityCountRowSchema = z.object({ type: z.enum(activityTypes), label: z.string(), count: z.number().int(), lateEntryCount: z.number().int() });
export const activityCountsResponse = z.object({
  courtId: idSchema,
  courtName: z.string(),
  year: z.number().int(),
  /** The caller's whole scope (the court, or the caller's branches), per type. */
  total: z.object({ rows: z.array(activityCountRowSchema), text: z.string() }),
  orgs: z.array(z.object({ orgId: idSchema, orgName: z.string(), rows: z.array(activityCountRowSchema), text: z.string() })),
});

export const calendarQuery = z.object({ orgId: idSchema.optional(), courtId: idSchema.optional(), from: isoDateSchema, to: isoDateSchema });
export const calendarItemSchema = z.object({
  id: idSchema,
  orgId: idSchema,
  orgName: z.string(),
  type: z.enum(activityTypes),
  label: z.string(),
  title: z.string(),
  heldOn: z.string(),
  startsAt: z.string(),
  status: z.enum(['planned', 'held', 'cancelled']),
  lateEntry: z.boolean(),
});
export const calendarResponse = z.object({ items: z.array(calendarItemSchema), total: z.number().int() });
