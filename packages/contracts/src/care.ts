// 关心关爱困难党员和长期病患党员 (issue 5): care records (关怀对象) with review dates, visits (走访) with
// the help given (慰问金 in fen, 送学上门, other), and the yearly 慰问金 total per branch. Sensitive:
// only the member's branch secretary and the court's party office; every detail read is audited.
import { z } from './zod-setup';
import { idSchema, isoDateSchema, optionalText, paginationQuery, requiredText, versionField } from './common';

export const careKinds = ['hardship', 'longIllness', 'veteran', 'injuredOnDuty', 'other'] as const;
export type CareKind = (typeof careKinds)[number];
export const careKindLabels: Record<CareKind, string> = { hardship: '生活困难', longIllness: '长期患病', veteran: '老党员', injuredOnDuty: '因公负伤', other: '其他' };

export const careHelpKinds = ['money', 'studyDelivered', 'other'] as const;
export type CareHelpKind = (typeof careHelpKinds)[number];
export const careHelpKindLabels: Record<CareHelpKind, string> = { money: '慰问金', studyDelivered: '送学上门', other: '其他帮扶' };

const fenSchema = z.number().int().min(0).max(100_000_000);

export const careVisitSchema = z.object({
  id: idSchema,
  visitedOn: z.string(),
  visitors: z.string(),
  helpKinds: z.array(z.enum(careHelpKinds)),
  helpLabels: z.array(z.string()),
  amountFen: z.number().int(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type CareVisit = z.infer<typeof careVisitSchema>;

export const careRecordSummarySchema = z.object({
  id: idSchema,
  memberId: idSchema,
  memberName: z.string(),
  orgId: idSchema,
  orgName: z.string(),
  kind: z.enum(careKinds),
  kindLabel: z.string(),
  active: z.boolean(),
  reviewOn: z.string().nullable(),
  /** The review day has come (or passed) and the record is still on the list. */
  reviewDue: z.boolean(),
  visitCount: z.number().int(),
  lastVisitOn: z.string().nullable(),
  version: z.number().int(),
});
export type CareRecordSummary = z.infer<typeof careRecordSummarySchema>;
export const careRecordListResponse = z.object({ items: z.array(careRecordSummarySchema), total: z.number().int() });

export const careRecordSchema = careRecordSummarySchema.extend({
  situation: z.string(),
  followUp: z.string().nullable(),
  visits: z.array(careVisitSchema),
  moneyTotalFen: z.number().int(),
});
export type CareRecord = z.infer<typeof careRecordSchema>;

export const careListQuery = paginationQuery.extend({ orgId: idSchema.optional(), state: z.enum(['active', 'closed', 'all']).default('active') });

export const createCareRecordRequest = z.object({
  memberId: idSchema,
  kind: z.enum(careKinds),
  situation: requiredText(2000),
  reviewOn: isoDateSchema.nullish(),
  followUp: optionalText(1000),
});
export const updateCareRecordRequest = z.object({
  kind: z.enum(careKinds),
  situation: requiredText(2000),
  reviewOn: isoDateSchema.nullish(),
  followUp: optionalText(1000),
  active: z.boolean(),
  ...versionField,
});

export const addCareVisitRequest = z.object({
  visitedOn: isoDateSchema,
  visitors: requiredText(100),
  helpKinds: z.array(z.enum(careHelpKinds)).min(1, '至少选择一项'),
  amountFen: fenSchema.default(0),
  note: optionalText(500),
});
export const deleteCareVisitQuery = z.object({ version: z.coerce.number().int().min(1) });

export const careMoneyQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100), orgId: idSchema.optional() });
export const careMoneyResponse = z.object({
  year: z.number().int(),
  totalFen: z.number().int(),
  items: z.array(z.object({ orgId: idSchema, orgName: z.string(), totalFen: z.number().int(), visitCount: z.number().int() })),
});
export type CareMoney = z.infer<typeof careMoneyResponse>;
