// 一支部一品牌: every brand goes through the five steps 申报、认定、培育、宣传、选树 (安顺中院's practice;
// RULES.md §"过硬党支部" — local, no national text [U]). As a state machine:
//   draft ─submit→ submitted ─recognize→ recognized ─cultivate→ cultivating ─promote→ promoting ─select→ selected
//                                                                 cultivating ─select→ selected (an annual 选树 round takes both)
//                      ├─return→ returned ─submit→ submitted (resubmitted after changes)
//                      └─reject→ rejected (final)
// Who moves it: the brand's own branch (its secretary, or the party office for the court's master brand)
// applies and resubmits; the party office (courtAdmin of the brand's court) decides 认定 and moves it
// through 培育/宣传/选树. A branch never approves its own application: a branch secretary is never
// 'office', and the office's decision needs the panel's scores (brand-review.ts).
export const brandStates = ['draft', 'submitted', 'recognized', 'returned', 'rejected', 'cultivating', 'promoting', 'selected'] as const;
export type BrandState = (typeof brandStates)[number];
export const brandStateLabels: Record<BrandState, string> = {
  draft: '草稿',
  submitted: '已申报',
  recognized: '已认定',
  returned: '退回修改',
  rejected: '不予认定',
  cultivating: '培育中',
  promoting: '宣传推广',
  selected: '已选树',
};

export const brandActions = ['submit', 'recognize', 'return', 'reject', 'cultivate', 'promote', 'select'] as const;
export type BrandAction = (typeof brandActions)[number];
export const brandActionLabels: Record<BrandAction, string> = {
  submit: '申报',
  recognize: '认定',
  return: '退回修改',
  reject: '不予认定',
  cultivate: '开始培育',
  promote: '宣传推广',
  select: '选树',
};

/** 'branch' = the brand's own branch (applicant); 'office' = the party office of the brand's court. */
export type BrandActorKind = 'branch' | 'office';

type Transition = { from: readonly BrandState[]; to: BrandState; by: BrandActorKind; reasonRequired: boolean };
export const brandTransitions: Record<BrandAction, Transition> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', by: 'branch', reasonRequired: false },
  recognize: { from: ['submitted'], to: 'recognized', by: 'office', reasonRequired: false },
  return: { from: ['submitted'], to: 'returned', by: 'office', reasonRequired: true },
  reject: { from: ['submitted'], to: 'rejected', by: 'office', reasonRequired: true },
  cultivate: { from: ['recognized'], to: 'cultivating', by: 'office', reasonRequired: false },
  promote: { from: ['cultivating'], to: 'promoting', by: 'office', reasonRequired: false },
  // 选树 takes brands being cultivated or promoted (the annual round, brand-selection.ts).
  select: { from: ['cultivating', 'promoting'], to: 'selected', by: 'office', reasonRequired: false },
};

/** The brand's content may be edited by its branch while it is not under review or closed. */
export function isBrandEditable(state: BrandState): boolean {
  return state !== 'submitted' && state !== 'rejected';
}

/** The application fields (name, theme, 内涵…) are fixed once recognized: edits go through a new application. */
export function isApplicationEditable(state: BrandState): boolean {
  return state === 'draft' || state === 'returned';
}

export type BrandTransitionCheck =
  | { ok: true; to: BrandState }
  | { ok: false; code: 'state' | 'actor' | 'reason'; message: string };

/**
 * May `kinds` (what the caller is for this brand) take `action` on a brand in `state`?
 * `kinds` may hold both for the office acting on the court's master brand.
 */
export function checkBrandTransition(state: BrandState, action: BrandAction, kinds: readonly BrandActorKind[], reason?: string | null): BrandTransitionCheck {
  const t = brandTransitions[action];
  if (!t.from.includes(state)) {
    return { ok: false, code: 'state', message: `品牌当前为“${brandStateLabels[state]}”，不能${brandActionLabels[action]}` };
  }
  if (!kinds.includes(t.by)) {
    return {
      ok: false,
      code: 'actor',
      message: t.by === 'office' ? `${brandActionLabels[action]}由院机关党委（党建办）办理，支部不能自行${brandActionLabels[action]}` : '只有本支部可以申报本支部的品牌',
    };
  }
  if (t.reasonRequired && !reason?.trim()) return { ok: false, code: 'reason', message: `${brandActionLabels[action]}须写明理由` };
  return { ok: true, to: t.to };
}

/** The actions `kinds` may take now, for the buttons on the brand page. */
export function availableBrandActions(state: BrandState, kinds: readonly BrandActorKind[]): BrandAction[] {
  return brandActions.filter((a) => brandTransitions[a].from.includes(state) && kinds.includes(brandTransitions[a].by));
}

/** A cultivation milestone is overdue from the day after its due date until it is done. */
export function isMilestoneOverdue(m: { dueOn: string; doneOn: string | null }, today: string): boolean {
  return m.doneOn === null && m.dueOn < today;
}

/** Days past due (0 when not overdue). Dates are 'YYYY-MM-DD'. */
export function milestoneDaysOverdue(m: { dueOn: string; doneOn: string | null }, today: string): number {
  if (!isMilestoneOverdue(m, today)) return 0;
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${m.dueOn}T00:00:00Z`)) / 86_400_000);
}

export const honorLevels = ['court', 'city', 'province', 'national'] as const;
export type HonorLevel = (typeof honorLevels)[number];
export const honorLevelLabels: Record<HonorLevel, string> = { court: '院级', city: '市级', province: '省级', national: '国家级' };
export const honorKinds = ['collective', 'individual'] as const;
export type HonorKind = (typeof honorKinds)[number];
export const honorKindLabels: Record<HonorKind, string> = { collective: '集体荣誉', individual: '个人荣誉' };

export const brandEvidenceKinds = ['activity', 'publicity', 'project'] as const;
export type BrandEvidenceKind = (typeof brandEvidenceKinds)[number];
export const brandEvidenceKindLabels: Record<BrandEvidenceKind, string> = { activity: '组织生活/活动', publicity: '宣传报道', project: '项目' };

/** Evidence counts per year and kind, years newest first. */
export function countEvidenceByYear(items: readonly { kind: BrandEvidenceKind; occurredOn: string }[]): { year: number; activity: number; publicity: number; project: number; total: number }[] {
  const byYear = new Map<number, { year: number; activity: number; publicity: number; project: number; total: number }>();
  for (const e of items) {
    const year = Number(e.occurredOn.slice(0, 4));
    const row = byYear.get(year) ?? { year, activity: 0, publicity: 0, project: 0, total: 0 };
    row[e.kind] += 1;
    row.total += 1;
    byYear.set(year, row);
  }
  return [...byYear.values()].sort((a, b) => b.year - a.year);
}
