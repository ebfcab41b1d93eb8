// 党员示范岗 / 党员先锋队 and 优秀党员评选 (issue 5; the second seed article: 设立"党员先锋队""党员示范岗"，
// 定期评选支部优秀党员). No national text fixes the procedure: the flow below is the usual one — the
// branch proposes (申报), the party office approves (批准，挂牌), the office reviews yearly (年度考评),
// and a 不合格 review or the end of the period takes the 挂牌 down. The [U] numbers (review deadline,
// active model posts per member, the 优秀党员 quota) are per court in rule-config.ts.
import { addDays, getDaysInMonth, isDateAfter, isDateBefore, type IsoDate } from './dates';
import type { MemberStatus } from './enums';

export const designationKinds = ['modelPost', 'vanguardTeam'] as const;
export type DesignationKind = (typeof designationKinds)[number];
export const designationKindLabels: Record<DesignationKind, string> = { modelPost: '党员示范岗', vanguardTeam: '党员先锋队' };

/** Stored states. 到期 is not stored: it follows from the period (designationPhaseOn). */
export const designationStates = ['proposed', 'approved', 'rejected', 'withdrawn', 'revoked'] as const;
export type DesignationState = (typeof designationStates)[number];

/** What a designation is on a given day, for lists and the publicity board. */
export const designationPhases = ['proposed', 'scheduled', 'active', 'expired', 'revoked', 'rejected', 'withdrawn'] as const;
export type DesignationPhase = (typeof designationPhases)[number];
export const designationPhaseLabels: Record<DesignationPhase, string> = {
  proposed: '申报中',
  scheduled: '已批准（未到起始日）',
  active: '挂牌中',
  expired: '已到期',
  revoked: '已撤销',
  rejected: '未批准',
  withdrawn: '已撤回',
};

/** 先锋队的任务方向 (the article's 执行攻坚、诉源治理、志愿服务 and the like). */
export const vanguardMissions = ['enforcement', 'sourceGovernance', 'volunteer', 'litigationService', 'other'] as const;
export type VanguardMission = (typeof vanguardMissions)[number];
export const vanguardMissionLabels: Record<VanguardMission, string> = {
  enforcement: '执行攻坚',
  sourceGovernance: '诉源治理',
  volunteer: '志愿服务',
  litigationService: '诉讼服务',
  other: '其他',
};

export const reviewGrades = ['excellent', 'qualified', 'unqualified'] as const;
export type ReviewGrade = (typeof reviewGrades)[number];
export const reviewGradeLabels: Record<ReviewGrade, string> = { excellent: '优秀', qualified: '合格', unqualified: '不合格' };

export const designationRule = '党员示范岗、党员先锋队由党支部申报、机关党委批准挂牌，每年考评；考评不合格或期满即摘牌（本院设置）。';

/** A designation's period and what happened to it; revokedOn is the first day it no longer stands. */
export type DesignationTerm = { state: DesignationState; startOn: IsoDate; endOn: IsoDate; revokedOn?: IsoDate | null };

/** Start after end is refused; a one-day period is allowed. Null when valid, else the Chinese reason. */
export function checkDesignationPeriod(startOn: IsoDate, endOn: IsoDate): string | null {
  if (isDateAfter(startOn, endOn)) return '结束日期不能早于起始日期';
  return null;
}

/** The last day it stands: its end date, or the day before it was revoked when that is earlier. */
export function lastActiveDay(t: Pick<DesignationTerm, 'endOn' | 'revokedOn'>): IsoDate {
  if (t.revokedOn) {
    const before = addDays(t.revokedOn, -1);
    if (isDateBefore(before, t.endOn)) return before;
  }
  return t.endOn;
}

/** Approved and within its period: active on its end date, not the day after; not from the day it was revoked. */
export function isDesignationActiveOn(t: DesignationTerm, day: IsoDate): boolean {
  if (t.state !== 'approved' && t.state !== 'revoked') return false;
  if (t.state === 'revoked' && !t.revokedOn) return false;
  return !isDateBefore(day, t.startOn) && !isDateAfter(day, lastActiveDay(t));
}

export function designationPhaseOn(t: DesignationTerm, day: IsoDate): DesignationPhase {
  switch (t.state) {
    case 'proposed':
    case 'rejected':
    case 'withdrawn':
      return t.state;
    case 'revoked':
      return 'revoked';
    case 'approved':
      if (isDateBefore(day, t.startOn)) return 'scheduled';
      return isDateAfter(day, t.endOn) ? 'expired' : 'active';
  }
}

/** Who acts: the branch (its secretary) or the party office (机关党委, the court admin). */
export type DesignationActorRole = 'branch' | 'office';
export const designationActions = ['approve', 'reject', 'withdraw', 'revoke'] as const;
export type DesignationAction = (typeof designationActions)[number];
export const designationActionLabels: Record<DesignationAction, string> = { approve: '批准挂牌', reject: '不予批准', withdraw: '撤回申报', revoke: '撤销（摘牌）' };

const transitions: Record<DesignationAction, { from: DesignationState; to: DesignationState; by: DesignationActorRole }> = {
  approve: { from: 'proposed', to: 'approved', by: 'office' },
  reject: { from: 'proposed', to: 'rejected', by: 'office' },
  withdraw: { from: 'proposed', to: 'withdrawn', by: 'branch' },
  revoke: { from: 'approved', to: 'revoked', by: 'office' },
};

/**
 * Whether `role` may take `action` on a designation in `state`. The branch proposes and withdraws;
 * only the office approves, rejects and revokes — a branch never approves its own.
 * Returns the next state, or the Chinese reason it is refused.
 */
export function checkDesignationTransition(state: DesignationState, action: DesignationAction, role: DesignationActorRole): { ok: true; next: DesignationState } | { ok: false; reason: string } {
  const t = transitions[action];
  if (t.by !== role) {
    return { ok: false, reason: t.by === 'office' ? `${designationActionLabels[action]}须由机关党委办理，党支部不能批准本支部的申报` : '撤回申报由申报的党支部办理' };
  }
  if (state !== t.from) {
    const now = { proposed: '申报中', approved: '已批准', rejected: '未批准', withdrawn: '已撤回', revoked: '已撤销' }[state];
    return { ok: false, reason: `该项目${now}，不能${designationActionLabels[action]}` };
  }
  return { ok: true, next: t.to };
}

/** Who takes an action: the office approves, rejects and revokes; the branch withdraws. */
export function designationActionBy(action: DesignationAction): DesignationActorRole {
  return transitions[action].by;
}

/** The actions `role` may take now (for buttons). */
export function allowedDesignationActions(state: DesignationState, role: DesignationActorRole): DesignationAction[] {
  return designationActions.filter((a) => checkDesignationTransition(state, a, role).ok);
}

/** The [U] settings of this module (rule-config.ts `pioneers`). */
export type PioneerSettings = {
  /** The review of year Y is due by the end of this month (1–12) of year Y+1. */
  reviewDueMonth: number;
  /** Model posts one member may hold at the same time. */
  maxActiveModelPostsPerMember: number;
  /** Default quota of a new 优秀党员 round: per branch or in total. */
  excellenceQuota: { mode: ExcellenceQuotaMode; count: number };
};
export const excellenceQuotaModes = ['perBranch', 'total'] as const;
export type ExcellenceQuotaMode = (typeof excellenceQuotaModes)[number];
export const excellenceQuotaModeLabels: Record<ExcellenceQuotaMode, string> = { perBranch: '每个党支部', total: '全院合计' };
export const defaultPioneerSettings: PioneerSettings = { reviewDueMonth: 1, maxActiveModelPostsPerMember: 1, excellenceQuota: { mode: 'perBranch', count: 2 } };

/** The last day to record the review of `year`: the end of `dueMonth` of the next year. */
export function reviewDueOn(year: number, dueMonth: number): IsoDate {
  const m = Math.min(12, Math.max(1, Math.trunc(dueMonth)));
  return `${year + 1}-${String(m).padStart(2, '0')}-${String(getDaysInMonth(year + 1, m)).padStart(2, '0')}`;
}

export type ReviewDue = { year: number; dueOn: IsoDate; overdue: boolean };

/**
 * The years whose review is owed today and not yet recorded: every ended year in which the
 * designation stood for at least one day. Due once the year is over; overdue after reviewDueOn.
 */
export function reviewsOwed(t: DesignationTerm, reviewedYears: readonly number[], today: IsoDate, dueMonth: number): ReviewDue[] {
  if (t.state !== 'approved' && t.state !== 'revoked') return [];
  if (t.state === 'revoked' && !t.revokedOn) return [];
  const last = lastActiveDay(t);
  if (isDateBefore(last, t.startOn)) return [];
  const firstYear = Number(t.startOn.slice(0, 4));
  const lastYear = Math.min(Number(last.slice(0, 4)), Number(today.slice(0, 4)) - 1);
  const owed: ReviewDue[] = [];
  for (let y = firstYear; y <= lastYear; y++) {
    if (reviewedYears.includes(y)) continue;
    const dueOn = reviewDueOn(y, dueMonth);
    owed.push({ year: y, dueOn, overdue: isDateAfter(today, dueOn) });
  }
  return owed;
}

/** A review may be recorded for a year in which it stood, from December of that year on. Null when it may. */
export function checkReviewYear(t: DesignationTerm, year: number, today: IsoDate): string | null {
  if (t.state !== 'approved') return '只有已批准挂牌的项目才能考评';
  if (year > Number(today.slice(0, 4)) || (year === Number(today.slice(0, 4)) && today < `${year}-12-01`)) return `${year}年度的考评自${year}年12月起进行`;
  if (year < Number(t.startOn.slice(0, 4)) || year > Number(lastActiveDay(t).slice(0, 4))) return `${year}年不在该项目的期限内`;
  return null;
}

/** A 不合格 review takes the 挂牌 down. */
export const reviewRevokes = (grade: ReviewGrade) => grade === 'unqualified';

type Span = { startOn: IsoDate; endOn: IsoDate };

/**
 * One member may hold at most `max` model posts at the same time. `others` are the member's model
 * posts that stand or may stand (approved and not revoked, or proposed), with their last active day
 * as `endOn`. Null when the new period fits, else the Chinese reason.
 */
export function checkModelPostLimit(candidate: Span, others: readonly Span[], max: number): string | null {
  const overlapping = others.filter((o) => !isDateAfter(o.startOn, candidate.endOn) && !isDateBefore(o.endOn, candidate.startOn));
  // The most held at once inside the candidate's period is reached at one of the starts within it.
  const points = [candidate.startOn, ...overlapping.map((o) => o.startOn).filter((s) => isDateAfter(s, candidate.startOn))];
  for (const p of points) {
    const held = overlapping.filter((o) => !isDateAfter(o.startOn, p) && !isDateBefore(o.endOn, p)).length;
    if (held >= max) return `同一党员同一时期至多担任${max}个党员示范岗（本院设置），该党员在此期间已有示范岗`;
  }
  return null;
}

// ── 优秀党员评选 ──

export const nominationStates = ['nominated', 'selected', 'notSelected', 'withdrawn'] as const;
export type NominationState = (typeof nominationStates)[number];
export const nominationStateLabels: Record<NominationState, string> = { nominated: '已推荐', selected: '当选', notSelected: '未当选', withdrawn: '已撤回' };

/** Nominations are taken until the deadline, the deadline day included. */
export function isNominationOpen(today: IsoDate, deadline: IsoDate): boolean {
  return !isDateAfter(today, deadline);
}

/** Only 正式党员 of the nominating branch may be nominated. Null when they may, else the Chinese reason. */
export function checkNominee(input: { status: MemberStatus; inBranch: boolean; branchName: string; memberName: string }): string | null {
  if (!input.inBranch) return `${input.memberName}不是${input.branchName}的党员，只能推荐本支部党员`;
  if (input.status === 'probationaryMember') return `${input.memberName}是预备党员，预备党员不参加优秀党员评选`;
  if (input.status !== 'fullMember') return `${input.memberName}当前不在册，不能推荐`;
  return null;
}

/**
 * The quota of a round: per branch (each branch's count) or in total (the round's count). `taken`
 * counts those already in (nominated in a branch, or selected); null when one more fits.
 */
export function checkQuota(mode: ExcellenceQuotaMode, quota: number, taken: number, what: 'nominate' | 'select'): string | null {
  if (taken < quota) return null;
  const scope = mode === 'perBranch' ? '每个党支部' : '全院';
  return what === 'nominate' ? `已达推荐名额：${scope}至多推荐${quota}名` : `已达评选名额：${scope}至多评选${quota}名优秀党员`;
}
