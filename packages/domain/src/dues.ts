// 党费 (Party dues): the monthly amount from a member's base and type. Money is integer 分 (fen)
// throughout — never floats: the amount is base(fen) × rate(basis points) / 10000, rounded with
// integer arithmetic by the court's configured mode.
// @see RULES.md §4.1; 《关于中国共产党党费收缴、使用和管理的规定》（中组发〔2008〕3号）第二、五、六条
import { defaultRuleConfig, type DuesConfig, type DuesRoundingMode, type DuesRoundingUnit } from './rule-config';

/** 党员类别 for the dues rate. */
export const duesMemberTypes = ['inService', 'retired', 'student', 'unemployed', 'lowIncome', 'farmer'] as const;
export type DuesMemberType = (typeof duesMemberTypes)[number];

export const duesMemberTypeLabels: Record<DuesMemberType, string> = {
  inService: '在职',
  retired: '离退休',
  student: '学生',
  unemployed: '下岗失业',
  lowIncome: '低保等困难党员',
  farmer: '农民',
};

/** Whether the amount depends on the base (rate types) or is a fixed monthly amount. */
export function duesTypeUsesBase(memberType: DuesMemberType): boolean {
  return memberType === 'inService' || memberType === 'retired';
}

/** The source of the rates, cited on every result. */
export const duesRegulation = '《关于中国共产党党费收缴、使用和管理的规定》（中组发〔2008〕3号）';

/** A base the calculator accepts: up to 1亿元 (keeps fen × basis points a safe integer). */
export const maxDuesBaseFen = 100_000_000 * 100;

/** A yuan amount the user typed that is not a usable amount; the message is Chinese and shown as is. */
export class YuanFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YuanFormatError';
  }
}

const fullWidth = /[０-９．]/g;

/**
 * '6000' → 600000, '3000.01' → 300001, exactly (string arithmetic, no floats). Accepts full-width
 * digits and 「．」 (Chinese input methods); rejects negatives, more than 2 decimals and anything else.
 */
export function parseYuan(text: string): number {
  const normalized = String(text ?? '')
    .trim()
    .replace(fullWidth, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  if (normalized === '') throw new YuanFormatError('请输入金额');
  if (/^-/.test(normalized)) throw new YuanFormatError('金额不能为负数');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(normalized);
  if (!match) throw new YuanFormatError('请输入有效金额（元），如 6000 或 3000.01');
  const [, whole, fraction = ''] = match;
  if (fraction.length > 2) throw new YuanFormatError('金额最多保留两位小数（精确到分）');
  if (whole!.replace(/^0+(?=\d)/, '').length > 9) throw new YuanFormatError('金额过大（不超过1亿元）');
  const fen = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (fen > maxDuesBaseFen) throw new YuanFormatError('金额过大（不超过1亿元）');
  return fen;
}

/** 9000 → '90.00'; no thousands separators (the CLI prints it as is). */
export function formatYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额应为整数分：${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 150 → '1.5%'. */
export function formatBasisPoints(basisPoints: number): string {
  const whole = Math.floor(basisPoints / 100);
  const rest = String(basisPoints % 100).padStart(2, '0').replace(/0+$/, '');
  return `${whole}${rest ? `.${rest}` : ''}%`;
}

export const duesRoundingModeLabels: Record<DuesRoundingMode, string> = { halfUp: '四舍五入', down: '舍去', up: '进位' };
export const duesRoundingUnitLabels: Record<DuesRoundingUnit, string> = { fen: '分', jiao: '角' };

/** '四舍五入到分'. */
export function describeDuesRounding(rounding: DuesConfig['rounding']): string {
  return `${duesRoundingModeLabels[rounding.mode]}到${duesRoundingUnitLabels[rounding.unit]}`;
}

/**
 * `numerator / 10000` fen rounded to the configured unit, all integers: the remainder decides
 * half-up / up; down just truncates. Non-negative numerators only.
 */
export function roundDuesFen(numerator: number, rounding: DuesConfig['rounding']): number {
  const step = rounding.unit === 'jiao' ? 10 : 1;
  const divisor = 10_000 * step;
  const quotient = Math.floor(numerator / divisor);
  const remainder = numerator - quotient * divisor;
  const bump = rounding.mode === 'halfUp' ? remainder * 2 >= divisor : rounding.mode === 'up' ? remainder > 0 : false;
  return (quotient + (bump ? 1 : 0)) * step;
}

type Band = { upToFen: number | null; basisPoints: number; label: string };

/** 在职：整额（非累进）— 第二条. */
const inServiceBands: Band[] = [
  { upToFen: 300_000, basisPoints: 50, label: '3000元及以下' },
  { upToFen: 500_000, basisPoints: 100, label: '3000元以上至5000元' },
  { upToFen: 1_000_000, basisPoints: 150, label: '5000元以上至10000元' },
  { upToFen: null, basisPoints: 200, label: '10000元以上' },
];
/** 离退休 — 第五条. */
const retiredBands: Band[] = [
  { upToFen: 500_000, basisPoints: 50, label: '5000元及以下' },
  { upToFen: null, basisPoints: 100, label: '5000元以上' },
];

export type MonthlyDues = {
  amountFen: number;
  /** 'rate': a percentage of the whole base; 'fixed': a fixed monthly amount. */
  kind: 'rate' | 'fixed';
  /** '1.5%' for rate types, null for fixed amounts. */
  rate: string | null;
  basisPoints: number | null;
  /** The exact amount before rounding in yuan ('33.3333'), for rate types. */
  exactYuan: string | null;
  /** '5000元以上至10000元', or the fixed amount's description. */
  bandLabel: string;
  /** Citation: the article and RULES.md. */
  rule: string;
};

/** fen × basis points in millionths of a yuan → '33.3333' (at least 2 decimals). */
function exactYuanOf(numerator: number): string {
  const whole = Math.floor(numerator / 1_000_000);
  const fraction = String(numerator % 1_000_000).padStart(6, '0').replace(/0+$/, '').padEnd(2, '0');
  return `${whole}.${fraction}`;
}

/**
 * The monthly 党费 of one member. Rate types (在职, 离退休) need `baseFen` (税后、相对固定的经常性
 * 工资收入 or 离退休费, RULES.md §4.1 第一、五条); the fixed types ignore it. The [U] numbers (farmer
 * amount, rounding) come from `config.dues` — the court's effective RuleConfig — never from here.
 */
export function computeMonthlyDues(input: { baseFen?: number | null; memberType: DuesMemberType; config?: { dues: DuesConfig } }): MonthlyDues {
  const dues = input.config?.dues ?? defaultRuleConfig.dues;
  const { memberType } = input;
  if (!duesMemberTypes.includes(memberType)) throw new RangeError(`未知的党员类别：${String(memberType)}`);
  if (!duesTypeUsesBase(memberType)) {
    const amountFen = memberType === 'farmer' ? dues.farmerFen : 20;
    const bandLabel = memberType === 'farmer' ? `农民党员每月${formatYuan(amountFen)}元（0.2–1元，由省级党委确定）` : `${duesMemberTypeLabels[memberType]}党员每月0.20元`;
    return { amountFen, kind: 'fixed', rate: null, basisPoints: null, exactYuan: null, bandLabel, rule: `${duesRegulation}第六条；RULES.md §4.1` };
  }
  const baseFen = input.baseFen;
  if (baseFen === undefined || baseFen === null) throw new RangeError('在职、离退休党员需要工资基数');
  if (!Number.isSafeInteger(baseFen) || baseFen < 0 || baseFen > maxDuesBaseFen) throw new RangeError(`工资基数应为0至1亿元的整数分：${baseFen}`);
  const bands = memberType === 'inService' ? inServiceBands : retiredBands;
  const band = bands.find((b) => b.upToFen === null || baseFen <= b.upToFen)!;
  const numerator = baseFen * band.basisPoints;
  return {
    amountFen: roundDuesFen(numerator, dues.rounding),
    kind: 'rate',
    rate: formatBasisPoints(band.basisPoints),
    basisPoints: band.basisPoints,
    exactYuan: exactYuanOf(numerator),
    bandLabel: band.label,
    rule: `${duesRegulation}${memberType === 'inService' ? '第二条（整额，非累进）' : '第五条'}；RULES.md §4.1`,
  };
}
