// 党建工作提示 sent by the party office to a branch, and the branch's confirmation (USERS.md: 郑主任
// "sends a 党建工作提示, and sees it acknowledged by noon").
import { z } from './zod-setup';
import { idSchema, isoDateSchema, optionalText, paginationQuery, requiredText, versionField } from './common';

export const reminderNoticeStates = ['sent', 'acknowledged'] as const;

export const reminderNoticeSchema = z.object({
  id: idSchema,
  courtId: idSchema,
  orgId: idSchema,
  orgName: z.string(),
  itemKey: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  rule: z.string().nullable(),
  dueOn: z.string().nullable(),
  sentByName: z.string(),
  sentAt: z.string(),
  state: z.enum(reminderNoticeStates),
  acknowledgedByName: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  ackNote: z.string().nullable(),
  /** The caller manages the org told, did not send it, and it is not confirmed yet. */
  canAcknowledge: z.boolean(),
  version: z.number().int(),
});
export type ReminderNotice = z.infer<typeof reminderNoticeSchema>;

export const reminderNoticeListQuery = paginationQuery.extend({
  /** inbox: told to orgs I manage (not sent by me); sent: sent to orgs below those I manage. */
  box: z.enum(['inbox', 'sent']).default('inbox'),
  state: z.enum(reminderNoticeStates).optional(),
  orgId: idSchema.optional(),
});
export const reminderNoticeListResponse = z.object({ items: z.array(reminderNoticeSchema), total: z.number().int() });

export const sendReminderNoticeRequest = z.object({
  orgId: idSchema,
  itemKey: z.string().trim().max(100).nullish(),
  title: requiredText(100),
  body: requiredText(1000),
  rule: optionalText(300),
  dueOn: isoDateSchema.nullish(),
});
export const acknowledgeReminderNoticeRequest = z.object({ note: optionalText(500), ...versionField });
