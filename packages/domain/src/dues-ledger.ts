// 党费台账 (the branch's monthly dues ledger): which months a member owes, what was paid, 补交 window,
// and the 连续未交 counter. Pure functions over months 'YYYY-MM'; money in integer 分.
// @see RULES.md §4.1 第七、八、十、十二、十三条; 党章 第九条
import { duesRegulation } from './dues';
import type { IsoDate } from './dates';
import { defaultRuleConfig, type MemberCounterThresholds } from './rule-config';

/** A calendar month 'YYYY-MM'. */
export type YearMonth = string;

export const yearMonthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isYearMonth(raw: unknown): raw is YearMonth {
  return typeof raw === 'string' && yearMonthPattern.test(raw);
}

export function monthOfDate(date: IsoDate): YearMonth {
  return date.slice(0, 7);
}

function monthIndex(m: YearMonth): number {
  return Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
}

function fromIndex(i: number): YearMonth {
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

export function addYearMonths(m: YearMonth, n: number): YearMonth {
  return fromIndex(monthIndex(m) + n);
}

/** b − a in whole months ('2026-01' → '2026-07' is 6). */
export function monthsBetween(a: YearMonth, b: YearMonth): number {
  return monthIndex(b) - monthIndex(a);
}

/** '2026-03' → '2026年3月'. */
export function formatYearMonth(m: YearMonth): string {
  return `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;
}

/** The months of a range, inclusive. */
export function monthRange(from: YearMonth, to: YearMonth): YearMonth[] {
  const out: YearMonth[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(fromIndex(i));
  return out;
}

export const yearMonths = (year: number): YearMonth[] => monthRange(`${year}-01`, `${year}-12`);

// ───────────────────────────── base (第一条) ─────────────────────────────

/**
 * Default names of the base components for 机关工作人员 (第一条: 职务工资 + 级别工资 + 津贴补贴, 南通 Q&A:
 * 工作性津贴 + 生活性补贴 − 个人所得税). How 法官等级工资 maps and which social contributions are deducted is
 * [U] (RULES.md §4.1 Court-specific base): each stored base carries its own component list.
 */
export const defaultDuesBaseComponents: { name: string; deducted: boolean }[] = [
  { name: '职务工资', deducted: false },
  { name: '级别工资', deducted: false },
  { name: '法官等级工资', deducted: false },
  { name: '工作性津贴', deducted: false },
  { name: '生活性补贴', deducted: false },
  { name: '个人所得税', deducted: true },
  { name: '养老保险个人缴费', deducted: true },
  { name: '医疗保险个人缴费', deducted: true },
  { name: '住房公积金个人缴存', deducted: true },
  { name: '职业年金个人缴费', deducted: true },
];

export type DuesBaseComponent = { name: string; amountFen: number; deducted: boolean };

/** The base: added components minus deducted ones, never below 0. */
export function computeDuesBaseFen(components: DuesBaseComponent[]): number {
  const total = components.reduce((sum, c) => sum + (c.deducted ? -c.amountFen : c.amountFen), 0);
  return Math.max(0, total);
}

// ───────────────────────────── 补交 (第十二条) ─────────────────────────────

export const duesBackPayRule = `${duesRegulation}第十二条：补交一般不超过6个月`;
export const duesBackPayMaxMonths = 6;

export type DuesMonthProblem = { field: 'month'; message: string };

/**
 * May a payment for `month` be recorded in `currentMonth`? The current month and up to 6 months back
 * (补交, 第十二条); older months are refused; months not yet due are refused (the branch collects
 * monthly or, with its consent, once a quarter — at the end, never ahead).
 */
export function checkDuesPaymentMonth(month: YearMonth, currentMonth: YearMonth): DuesMonthProblem | null {
  const back = monthsBetween(month, currentMonth);
  if (back < 0) return { field: 'month', message: `${formatYearMonth(month)}尚未到期，不能提前登记交纳` };
  if (back > duesBackPayMaxMonths) {
    return {
      field: 'month',
      message: `${formatYearMonth(month)}的党费距今已${back}个月，补交一般不超过6个月（${duesRegulation}第十二条），不能在此补交；请由支部研究处理`,
    };
  }
  return null;
}

// ───────────────────────────── monthly dues of a member ─────────────────────────────

/** A stored base: its monthly amount applies from `effectiveMonth` until the next base (第十条). */
export type DuesBasePeriod = { effectiveMonth: YearMonth; monthlyFen: number };
/** An approved 少交/免交 (第七条) for months from..to (to null: open). */
export type DuesAdjustmentPeriod = { fromMonth: YearMonth; toMonth: YearMonth | null; kind: 'reduce' | 'exempt'; monthlyFen: number };
export type DuesPaymentEntry = { id?: string; month: YearMonth; amountFen: number; paidOn: IsoDate; paidByName: string | null };

export const duesMonthStates = ['notMember', 'noBase', 'exempt', 'paid', 'unpaid', 'future'] as const;
export type DuesMonthState = (typeof duesMonthStates)[number];
export const duesMonthStateLabels: Record<DuesMonthState, string> = {
  notMember: '不在册',
  noBase: '未定基数',
  exempt: '免交',
  paid: '已交',
  unpaid: '未交',
  future: '未到期',
};

export type DuesMonthCell = {
  month: YearMonth;
  state: DuesMonthState;
  /** 应交 (after an approved reduction). */
  dueFen: number;
  paidFen: number;
  /** 自愿多交: paid above the due amount (第十一条). */
  extraFen: number;
  paidOn: IsoDate | null;
  /** 代交: the relative or member who paid for them (第十二条). */
  paidByName: string | null;
  /** Paid in a later month than the one due: 补交. */
  backPaid: boolean;
  reduced: boolean;
  paymentId: string | null;
};

export type MemberDuesInput = {
  /**
   * 入党时间 (members.joined_on): 预备党员 pay from the day the 支部大会 admits them (第八条), so the month
   * of that day is due and earlier months are not. null: not known, treated as a member throughout.
   */
  joinedOn: IsoDate | null;
  /** The day the member left the branch (转出、停止党籍、去世、除名); months after its month are not due. */
  leftOn: IsoDate | null;
  bases: DuesBasePeriod[];
  adjustments: DuesAdjustmentPeriod[];
  payments: DuesPaymentEntry[];
};

/** The monthly amount in force for `month`: the latest base whose effectiveMonth ≤ month. */
export function baseFor(bases: DuesBasePeriod[], month: YearMonth): DuesBasePeriod | null {
  let best: DuesBasePeriod | null = null;
  for (const b of bases) if (b.effectiveMonth <= month && (!best || b.effectiveMonth > best.effectiveMonth)) best = b;
  return best;
}

function adjustmentFor(adjustments: DuesAdjustmentPeriod[], month: YearMonth): DuesAdjustmentPeriod | null {
  return adjustments.find((a) => a.fromMonth <= month && (a.toMonth === null || month <= a.toMonth)) ?? null;
}

/** Is the member on the branch's roll for `month`? */
export function isMemberInMonth(input: Pick<MemberDuesInput, 'joinedOn' | 'leftOn'>, month: YearMonth): boolean {
  if (input.joinedOn && month < monthOfDate(input.joinedOn)) return false;
  if (input.leftOn && month > monthOfDate(input.leftOn)) return false;
  return true;
}

/** What the member owes in `month`, before payment: null when not due at all. */
export function dueFor(input: MemberDuesInput, month: YearMonth): { state: 'notMember' | 'noBase' | 'exempt' | 'due'; dueFen: number; reduced: boolean } {
  if (!isMemberInMonth(input, month)) return { state: 'notMember', dueFen: 0, reduced: false };
  const adjustment = adjustmentFor(input.adjustments, month);
  if (adjustment?.kind === 'exempt') return { state: 'exempt', dueFen: 0, reduced: false };
  const base = baseFor(input.bases, month);
  if (!base) return { state: 'noBase', dueFen: 0, reduced: false };
  if (adjustment?.kind === 'reduce' && adjustment.monthlyFen < base.monthlyFen) return { state: 'due', dueFen: adjustment.monthlyFen, reduced: true };
  return { state: 'due', dueFen: base.monthlyFen, reduced: false };
}

/** One cell per month of the range, as the ledger shows it on `currentMonth`. */
export function buildDuesMonths(input: MemberDuesInput, months: YearMonth[], currentMonth: YearMonth): DuesMonthCell[] {
  const byMonth = new Map(input.payments.map((p) => [p.month, p]));
  return months.map((month) => {
    const due = dueFor(input, month);
    const payment = byMonth.get(month) ?? null;
    const paidFen = payment?.amountFen ?? 0;
    const cell: DuesMonthCell = {
      month,
      state: 'unpaid',
      dueFen: due.dueFen,
      paidFen,
      extraFen: payment ? Math.max(0, paidFen - due.dueFen) : 0,
      paidOn: payment?.paidOn ?? null,
      paidByName: payment?.paidByName ?? null,
      backPaid: !!payment && monthOfDate(payment.paidOn) > month,
      reduced: due.reduced,
      paymentId: payment?.id ?? null,
    };
    if (payment) cell.state = 'paid';
    else if (due.state !== 'due') cell.state = due.state;
    else if (month > currentMonth) cell.state = 'future';
    else cell.state = 'unpaid';
    return cell;
  });
}

// ───────────────────────────── 连续未交 (第十三条; 党章 第九条) ─────────────────────────────

export const duesArrearsRule =
  '《中国共产党章程》第九条：没有正当理由，连续六个月不交纳党费，就被认为是自行脱党，支部大会应当决定把这样的党员除名，并报上级党组织批准；' +
  `${duesRegulation}第十三条。是否属于正当理由由党支部研究决定，系统不自动处理`;

export type DuesArrears = { months: number; since: YearMonth | null; level: 'ok' | 'warning' | 'critical'; message: string; rule: string };

/**
 * Consecutive months due and unpaid, counted back from the month before `currentMonth` (the current
 * month is still being collected). A paid month, an exempt month (an approved 免交 is a 正当理由) or a
 * month not on the roll ends the run. Warning at `warnMonths`, critical at `criticalMonths` (党章 第九条:
 * six months). The counter only informs the branch: removal is a 支部大会 decision, never automatic.
 */
export function computeDuesArrears(
  input: MemberDuesInput,
  currentMonth: YearMonth,
  thresholds: MemberCounterThresholds = defaultRuleConfig.dues.arrears,
): DuesArrears {
  let months = 0;
  let since: YearMonth | null = null;
  const paid = new Set(input.payments.map((p) => p.month));
  for (let m = addYearMonths(currentMonth, -1); months < 120; m = addYearMonths(m, -1)) {
    const due = dueFor(input, m);
    if (due.state !== 'due' || paid.has(m)) break;
    months++;
    since = m;
  }
  const level = months >= thresholds.criticalMonths ? 'critical' : months >= thresholds.warnMonths ? 'warning' : 'ok';
  const message =
    months === 0
      ? '按月交纳，无欠交'
      : level === 'critical'
        ? `已连续${months}个月未交纳党费（自${formatYearMonth(since!)}起），达到党章第九条所列六个月，请支部研究是否有正当理由并依规处理`
        : level === 'warning'
          ? `已连续${months}个月未交纳党费（自${formatYearMonth(since!)}起），请支部提醒督促`
          : `有${months}个月未交（自${formatYearMonth(since!)}起）`;
  return { months, since, level, message, rule: duesArrearsRule };
}

// ───────────────────────────── 少交/免交 (第七条) ─────────────────────────────

export const duesAdjustmentRule = `${duesRegulation}第七条：交纳党费确有困难的，经党支部研究，报上一级党委批准后，可以少交或免交`;
export const duesAdjustmentKinds = ['reduce', 'exempt'] as const;
export type DuesAdjustmentKind = (typeof duesAdjustmentKinds)[number];
export const duesAdjustmentKindLabels: Record<DuesAdjustmentKind, string> = { reduce: '少交', exempt: '免交' };
export const duesAdjustmentStates = ['pending', 'approved', 'rejected'] as const;
export type DuesAdjustmentState = (typeof duesAdjustmentStates)[number];
export const duesAdjustmentStateLabels: Record<DuesAdjustmentState, string> = { pending: '待上级党委批准', approved: '已批准', rejected: '不予批准' };

/** Field problems of a 少交/免交 request. */
export function checkDuesAdjustment(input: { kind: DuesAdjustmentKind; fromMonth: YearMonth; toMonth: YearMonth | null; monthlyFen: number | null }): { field: string; message: string } | null {
  if (input.toMonth && input.toMonth < input.fromMonth) return { field: 'toMonth', message: '结束月份不能早于开始月份' };
  if (input.kind === 'reduce' && (input.monthlyFen === null || input.monthlyFen <= 0)) return { field: 'monthlyFen', message: '少交须填写每月交纳金额（大于0；全部不交请选免交）' };
  return null;
}

/** Sums for the 收缴使用情况公布 and the ledger footer. */
export function sumDuesCells(cells: DuesMonthCell[]): { dueFen: number; paidFen: number; extraFen: number; unpaidCount: number; paidCount: number } {
  let dueFen = 0;
  let paidFen = 0;
  let extraFen = 0;
  let unpaidCount = 0;
  let paidCount = 0;
  for (const c of cells) {
    if (c.state !== 'future') dueFen += c.dueFen;
    paidFen += c.paidFen;
    extraFen += c.extraFen;
    if (c.state === 'unpaid') unpaidCount++;
    if (c.state === 'paid') paidCount++;
  }
  return { dueFen, paidFen, extraFen, unpaidCount, paidCount };
}
