// 党费台账 (issue 5): a branch's monthly ledger (due, paid, 代交, 补交, 连续未交), member bases, 少交/免交
// approvals, the member's own dues, and the yearly 收缴情况公布. Money is integer 分; months 'YYYY-MM'.
// @see RULES.md §4.1
import {
  duesMemberTypes,
  duesAdjustmentKinds,
  duesAdjustmentStates,
  duesMonthStates,
  yearMonthPattern,
} from '@zhibu/domain';
import { z } from './zod-setup';
import { idSchema, isoDateSchema, optionalText, requiredText, versionField } from './common';

export const yearMonthSchema = z.string().regex(yearMonthPattern, '月份格式应为 YYYY-MM');
const fenSchema = z.number().int().min(0).max(10_000_000_00);

export const duesMonthCellSchema = z.object({
  month: z.string(),
  state: z.enum(duesMonthStates),
  stateLabel: z.string(),
  dueFen: z.number().int(),
  paidFen: z.number().int(),
  extraFen: z.number().int(),
  paidOn: z.string().nullable(),
  paidByName: z.string().nullable(),
  backPaid: z.boolean(),
  reduced: z.boolean(),
  paymentId: z.string().nullable(),
  paymentVersion: z.number().int().nullable(),
});
export type DuesMonthCellView = z.infer<typeof duesMonthCellSchema>;

export const duesArrearsSchema = z.object({
  months: z.number().int(),
  since: z.string().nullable(),
  level: z.enum(['ok', 'warning', 'critical']),
  message: z.string(),
  rule: z.string(),
});

export const duesLedgerRowSchema = z.object({
  memberId: idSchema,
  memberName: z.string(),
  statusLabel: z.string(),
  orgName: z.string(),
  memberType: z.enum(duesMemberTypes).nullable(),
  memberTypeLabel: z.string().nullable(),
  /** The monthly amount of the latest base (null: no base yet). */
  monthlyFen: z.number().int().nullable(),
  cells: z.array(duesMonthCellSchema),
  arrears: duesArrearsSchema,
  dueFen: z.number().int(),
  paidFen: z.number().int(),
});
export type DuesLedgerRow = z.infer<typeof duesLedgerRowSchema>;

export const duesMonthTotalSchema = z.object({ month: z.string(), dueFen: z.number().int(), paidFen: z.number().int(), paidCount: z.number().int(), unpaidCount: z.number().int() });

export const duesLedgerQuery = z.object({ orgId: idSchema, year: z.coerce.number().int().min(2000).max(2100) });
export const duesLedgerResponse = z.object({
  orgId: idSchema,
  orgName: z.string(),
  year: z.number().int(),
  currentMonth: z.string(),
  canManage: z.boolean(),
  items: z.array(duesLedgerRowSchema),
  total: z.number().int(),
  monthTotals: z.array(duesMonthTotalSchema),
  arrearsRule: z.string(),
  /** The court's 连续未交 thresholds (rule config dues.arrears), for the page's wording. */
  arrearsThresholds: z.object({ warnMonths: z.number().int(), criticalMonths: z.number().int() }),
  backPayRule: z.string(),
});
export type DuesLedger = z.infer<typeof duesLedgerResponse>;

export const recordDuesPaymentRequest = z.object({
  memberId: idSchema,
  month: yearMonthSchema,
  /** Defaults to the amount due; more is 自愿多交 (第十一条); less needs an approved 少交 first. */
  amountFen: fenSchema.nullish(),
  paidOn: isoDateSchema,
  /** 代交: who paid for the member (a relative or another member). */
  paidByName: optionalText(50),
  note: optionalText(200),
});
export const deleteDuesPaymentQuery = z.object({ version: z.coerce.number().int().min(1) });

export const duesPaymentSchema = z.object({
  id: idSchema,
  memberId: idSchema,
  memberName: z.string(),
  month: z.string(),
  amountFen: z.number().int(),
  paidOn: z.string(),
  paidByName: z.string().nullable(),
  backPaid: z.boolean(),
  version: z.number().int(),
});

export const duesBaseComponentSchema = z.object({ name: requiredText(30), amountFen: fenSchema, deducted: z.boolean() });
export const saveDuesBaseRequest = z.object({
  effectiveMonth: yearMonthSchema,
  memberType: z.enum(duesMemberTypes),
  /** For 在职/离退休: the components of the base (第一条); the total is computed. */
  components: z.array(duesBaseComponentSchema).max(20).default([]),
  note: optionalText(200),
  /** The version of the base of this month when editing it; absent when adding a new month. */
  version: z.number().int().min(1).nullish(),
});
export const duesBaseSchema = z.object({
  id: idSchema,
  memberId: idSchema,
  effectiveMonth: z.string(),
  memberType: z.enum(duesMemberTypes),
  memberTypeLabel: z.string(),
  components: z.array(z.object({ name: z.string(), amountFen: z.number().int(), deducted: z.boolean() })),
  baseFen: z.number().int().nullable(),
  monthlyFen: z.number().int(),
  rate: z.string().nullable(),
  bandLabel: z.string(),
  rule: z.string(),
  version: z.number().int(),
});
export const duesBaseListResponse = z.object({ items: z.array(duesBaseSchema), total: z.number().int(), defaultComponents: z.array(z.object({ name: z.string(), deducted: z.boolean() })) });

export const createDuesAdjustmentRequest = z.object({
  memberId: idSchema,
  kind: z.enum(duesAdjustmentKinds),
  fromMonth: yearMonthSchema,
  toMonth: yearMonthSchema.nullish(),
  /** 少交: the monthly amount to pay. */
  monthlyFen: fenSchema.nullish(),
  reason: requiredText(500),
});
export const decideDuesAdjustmentRequest = z.object({ decision: z.enum(['approve', 'reject']), reason: optionalText(500), ...versionField });
export const duesAdjustmentSchema = z.object({
  id: idSchema,
  memberId: idSchema,
  memberName: z.string(),
  orgName: z.string(),
  kind: z.enum(duesAdjustmentKinds),
  kindLabel: z.string(),
  fromMonth: z.string(),
  toMonth: z.string().nullable(),
  monthlyFen: z.number().int(),
  reason: z.string(),
  state: z.enum(duesAdjustmentStates),
  stateLabel: z.string(),
  decisionReason: z.string().nullable(),
  canDecide: z.boolean(),
  rule: z.string(),
  version: z.number().int(),
});
export const duesAdjustmentListQuery = z.object({ orgId: idSchema.optional(), state: z.enum(duesAdjustmentStates).optional() });
export const duesAdjustmentListResponse = z.object({ items: z.array(duesAdjustmentSchema), total: z.number().int() });

export const myDuesResponse = z.object({
  memberName: z.string(),
  orgName: z.string(),
  currentMonth: z.string(),
  monthlyFen: z.number().int().nullable(),
  current: duesMonthCellSchema,
  cells: z.array(duesMonthCellSchema),
  arrears: duesArrearsSchema,
  paidFen: z.number().int(),
});
export type MyDues = z.infer<typeof myDuesResponse>;

export const duesReportQuery = z.object({ orgId: idSchema.optional(), year: z.coerce.number().int().min(2000).max(2100) });
/** 收缴情况公布: totals per branch and month — no person's amount. */
export const duesReportResponse = z.object({
  year: z.number().int(),
  orgName: z.string(),
  items: z.array(
    z.object({
      orgId: idSchema,
      orgName: z.string(),
      memberCount: z.number().int(),
      months: z.array(duesMonthTotalSchema),
      dueFen: z.number().int(),
      paidFen: z.number().int(),
    }),
  ),
  total: z.number().int(),
  months: z.array(duesMonthTotalSchema),
  dueFen: z.number().int(),
  paidFen: z.number().int(),
});
export type DuesReport = z.infer<typeof duesReportResponse>;

/** The court's list of base components (第一条; which count and which are deducted is [U] per court). */
export const duesComponentListSchema = z.object({
  courtId: idSchema,
  components: z.array(z.object({ name: z.string(), deducted: z.boolean() })),
  /** true: the court has not set its own list; the national 机关 default is shown. */
  isDefault: z.boolean(),
  version: z.number().int(),
});
export const duesComponentsQuery = z.object({ courtId: idSchema });
export const saveDuesComponentsRequest = z.object({
  courtId: idSchema,
  components: z.array(z.object({ name: requiredText(30), deducted: z.boolean() })).min(1).max(20),
  /** 0 when the court has no list yet. */
  version: z.number().int().min(0),
});
