// 联建 / "四联": a branch pairs with counterpart branches (its own court, other courts at any level on
// the platform) or outside units (检察院, communities, schools, companies) under an agreement with a
// period and goals, and holds joint activities each of one 四联 category: 思路联谋、问题联解、
// 品牌联创、力量联合 (安顺中院's 2024 mechanism, seeds/000). The rules here:
// - a pairing is in force only while active and inside its agreed period (both days included);
// - a pairing with another court's branch, or another branch the proposer does not manage, waits for
//   the partner's manager to accept it (both sides must agree to 共建; nobody signs for the other);
//   one with an outside unit, or with a branch the proposer also manages, is in force at once;
// - proposed → active | declined; active → ended. Nothing else moves.
import { isIsoDate, type IsoDate } from './dates';

export const jointCategories = ['jointPlanning', 'jointProblemSolving', 'jointBranding', 'jointForces'] as const;
export type JointCategory = (typeof jointCategories)[number];
export const jointCategoryLabels: Record<JointCategory, string> = {
  jointPlanning: '思路联谋',
  jointProblemSolving: '问题联解',
  jointBranding: '品牌联创',
  jointForces: '力量联合',
};

export const partnershipStatuses = ['proposed', 'active', 'declined', 'ended'] as const;
export type PartnershipStatus = (typeof partnershipStatuses)[number];
export const partnershipStatusLabels: Record<PartnershipStatus, string> = {
  proposed: '待对方确认',
  active: '联建中',
  declined: '对方未同意',
  ended: '已结束',
};

export const partnerKinds = ['branch', 'external'] as const;
export type PartnerKind = (typeof partnerKinds)[number];

export const partnerUnitTypes = ['procuratorate', 'community', 'school', 'enterprise', 'government', 'other'] as const;
export type PartnerUnitType = (typeof partnerUnitTypes)[number];
export const partnerUnitTypeLabels: Record<PartnerUnitType, string> = {
  procuratorate: '检察院',
  community: '社区（村）',
  school: '学校',
  enterprise: '企业',
  government: '机关单位',
  other: '其他单位',
};

export const partnershipRule = '“四联”党建协作机制：思路联谋、问题联解、品牌联创、力量联合（安顺中院2024年支部联建）';

/** The status a new pairing starts in. @see the header: both sides agree, nobody signs for the other. */
export function initialPartnershipStatus(p: { partnerKind: PartnerKind; proposerManagesPartner: boolean }): PartnershipStatus {
  return p.partnerKind === 'external' || p.proposerManagesPartner ? 'active' : 'proposed';
}

export type PartnershipAction = 'accept' | 'decline' | 'end';
const transitions: Record<PartnershipAction, { from: PartnershipStatus; to: PartnershipStatus; refusal: string }> = {
  accept: { from: 'proposed', to: 'active', refusal: '只有待确认的联建可以同意' },
  decline: { from: 'proposed', to: 'declined', refusal: '只有待确认的联建可以不同意' },
  end: { from: 'active', to: 'ended', refusal: '只有联建中的可以结束' },
};

/** The next status, or the Chinese reason the action does not apply. */
export function nextPartnershipStatus(current: PartnershipStatus, action: PartnershipAction): { ok: true; status: PartnershipStatus } | { ok: false; message: string } {
  const t = transitions[action];
  return current === t.from ? { ok: true, status: t.to } : { ok: false, message: `${t.refusal}（当前：${partnershipStatusLabels[current]}）` };
}

export type PartnershipPeriod = { status: PartnershipStatus; startsOn: IsoDate; endsOn: IsoDate | null };

/** A joint activity on `date` needs a pairing active and inside its period (both days included). */
export function isPartnershipInForceOn(p: PartnershipPeriod, date: IsoDate): boolean {
  return p.status === 'active' && p.startsOn <= date && (p.endsOn === null || date <= p.endsOn);
}

/** Why a joint activity on `date` cannot go under this pairing, in Chinese; null when it can. */
export function jointActivityRefusal(p: PartnershipPeriod, date: IsoDate): string | null {
  if (p.status !== 'active') return `该联建${partnershipStatusLabels[p.status]}，不能开展联建活动`;
  if (date < p.startsOn) return `活动日期早于联建协议开始日期（${p.startsOn}）`;
  if (p.endsOn !== null && date > p.endsOn) return `活动日期晚于联建协议结束日期（${p.endsOn}）`;
  return null;
}

/** Chinese problems with an agreement's period, by field; empty when it can be saved. */
export function checkPartnershipPeriod(startsOn: IsoDate, endsOn: IsoDate | null | undefined): { field: 'startsOn' | 'endsOn'; message: string }[] {
  if (!isIsoDate(startsOn)) return [{ field: 'startsOn', message: '开始日期无效' }];
  if (endsOn != null && !isIsoDate(endsOn)) return [{ field: 'endsOn', message: '结束日期无效' }];
  if (endsOn != null && endsOn < startsOn) return [{ field: 'endsOn', message: '结束日期不能早于开始日期' }];
  return [];
}

export type CategoryTally = Record<JointCategory, number>;

/** Joint activities per 四联 category (every category present, zero when none). */
export function tallyJointCategories(categories: readonly string[]): CategoryTally {
  const tally = Object.fromEntries(jointCategories.map((c) => [c, 0])) as CategoryTally;
  for (const c of categories) if (c in tally) tally[c as JointCategory] += 1;
  return tally;
}
