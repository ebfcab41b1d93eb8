// The court's configurable rule numbers as the 本院规则设置 page shows them: one entry per field of
// the rule config a court may override (contracts courtRuleOverridesSchema), grouped as the
// regulations are, with the source each number comes from. [U] rules are configurable per court
// (DESIGN.md, RULES.md); the page edits these through GET/PUT /courts/:id/rule-config.
import { duesRoundingModeLabels, duesRoundingModes, duesRoundingUnitLabels, duesRoundingUnits, excellenceQuotaModeLabels, excellenceQuotaModes, talkPeerCoverageModes } from '@zhibu/domain';

export type RuleField = {
  /** Dotted path in the rule config, e.g. 'dues.arrears.warnMonths'. */
  path: string;
  label: string;
  /** Where the default comes from, or what the number means. */
  hint?: string;
  kind: 'int' | 'select' | 'bool' | 'text';
  min?: number;
  max?: number;
  /** Shown divided by this (分 shown as 元). */
  scale?: number;
  options?: { value: string; label: string }[];
};

export type RuleGroup = { title: string; source: string; fields: RuleField[] };

const peerCoverageLabels: Record<(typeof talkPeerCoverageModes)[number], string> = {
  eachMemberOnce: '每名党员每年至少与一名党员谈心一次',
  allPairs: '党员之间两两每年都谈心',
};
const quorumOptions = [
  { value: '>', label: '超过半数（不含半数）' },
  { value: '>=', label: '半数以上（含半数）' },
];

export const courtRuleGroups: RuleGroup[] = [
  {
    title: '组织设置与换届',
    source: '《中国共产党支部工作条例（试行）》第四条、第六章；中办《关于党的基层组织任期的意见》；《中国共产党党和国家机关基层组织工作条例》',
    fields: [
      { path: 'termYears.branch', label: '党支部每届任期（年）', kind: 'int', min: 1, max: 100 },
      { path: 'termYears.generalBranch', label: '党总支每届任期（年）', kind: 'int', min: 1, max: 100 },
      { path: 'termYears.primaryCommittee', label: '基层党委每届任期（年）', kind: 'int', min: 1, max: 100 },
      { path: 'termWarningMonths', label: '换届到期前几个月提醒', kind: 'int', min: 0, max: 24 },
      { path: 'minFullMembersForBranch', label: '成立党支部的最少正式党员数', kind: 'int', min: 1, max: 100 },
      { path: 'committeeRequiredAtFullMembers', label: '正式党员达到几人设支部委员会', kind: 'int', min: 1, max: 100 },
      { path: 'committeeSize.min', label: '支部委员会最少人数', kind: 'int', min: 1, max: 100 },
      { path: 'committeeSize.max', label: '支部委员会一般最多人数', kind: 'int', min: 1, max: 100 },
      { path: 'committeeSize.hardMax', label: '支部委员会最多不超过（人）', kind: 'int', min: 1, max: 100 },
      { path: 'branchMemberSoftMax', label: '党支部党员人数超过几人提示', kind: 'int', min: 1, max: 1000 },
    ],
  },
  {
    title: '党建工作提示',
    source: '党章第九条（连续六个月）；临近到期天数为本地做法',
    fields: [
      { path: 'orgLife.dueSoonDays.week', label: '每周的活动：剩几天时提醒', kind: 'int', min: 0, max: 366 },
      { path: 'orgLife.dueSoonDays.month', label: '每月的活动：剩几天时提醒', kind: 'int', min: 0, max: 366 },
      { path: 'orgLife.dueSoonDays.quarter', label: '每季度的活动：剩几天时提醒', kind: 'int', min: 0, max: 366 },
      { path: 'orgLife.dueSoonDays.halfYear', label: '每半年的活动：剩几天时提醒', kind: 'int', min: 0, max: 366 },
      { path: 'orgLife.dueSoonDays.year', label: '每年的活动：剩几天时提醒', kind: 'int', min: 0, max: 366 },
      { path: 'orgLife.lookbackPeriods', label: '至少回看已结束的周期数', kind: 'int', min: 0, max: 12 },
      { path: 'orgLife.memberAbsence.warnMonths', label: '连续几个月未参加组织生活提醒', kind: 'int', min: 1, max: 24 },
      { path: 'orgLife.memberAbsence.criticalMonths', label: '连续几个月未参加组织生活为严重', hint: '党章第九条：连续六个月', kind: 'int', min: 1, max: 24 },
      { path: 'orgLife.youngAgeMax', label: '青年党员年龄上限（周岁，微党课轮讲）', kind: 'int', min: 18, max: 60 },
    ],
  },
  {
    title: '会议表决',
    source: '《中国共产党支部工作条例（试行）》第十一、十二条',
    fields: [
      { path: 'quorum.generalOperator', label: '支部党员大会到会人数', kind: 'select', options: quorumOptions },
      { path: 'quorum.committeeOperator', label: '支委会到会人数', kind: 'select', options: quorumOptions },
    ],
  },
  {
    title: '党费',
    source: '中组发〔2008〕3号 第六条（农民党员0.2–1元，由省级党委确定）；党章第九条',
    fields: [
      { path: 'dues.farmerFen', label: '农民党员每月交纳（元）', hint: '0.20–1.00 元', kind: 'int', min: 20, max: 100, scale: 100 },
      { path: 'dues.rounding.mode', label: '计算结果舍入方式', kind: 'select', options: duesRoundingModes.map((m) => ({ value: m, label: duesRoundingModeLabels[m] })) },
      { path: 'dues.rounding.unit', label: '舍入到', kind: 'select', options: duesRoundingUnits.map((u) => ({ value: u, label: duesRoundingUnitLabels[u] })) },
      { path: 'dues.arrears.warnMonths', label: '连续几个月未交党费提醒', kind: 'int', min: 1, max: 24 },
      { path: 'dues.arrears.criticalMonths', label: '连续几个月未交党费为严重', hint: '党章第九条：连续六个月', kind: 'int', min: 1, max: 24 },
    ],
  },
  {
    title: '发展党员',
    source: '《中国共产党发展党员工作细则》；公示天数细则未规定，为地方口径（常见5个工作日）',
    fields: [
      { path: 'development.applicantToActivistMonths', label: '递交申请书满几个月可确定为积极分子', kind: 'int', min: 0, max: 24 },
      { path: 'development.youthLeagueAgeMax', label: '几周岁以下须经团组织推优', kind: 'int', min: 18, max: 40 },
      { path: 'development.publicity.days', label: '公示期（天）', kind: 'int', min: 1, max: 30 },
      {
        path: 'development.publicity.unit',
        label: '公示期按',
        kind: 'select',
        options: [
          { value: 'workday', label: '工作日' },
          { value: 'calendar', label: '自然日' },
        ],
      },
      { path: 'development.reminderDays', label: '期限前几天开始提醒', kind: 'int', min: 0, max: 365 },
    ],
  },
  {
    title: '组织关系转接',
    source: '组通字〔2006〕45号（介绍信有效期）',
    fields: [
      { path: 'transfer.letterValidityDays', label: '介绍信有效期（天）', kind: 'int', min: 1, max: 183 },
      { path: 'transfer.letterPrefix', label: '介绍信编号前缀', kind: 'text' },
    ],
  },
  {
    title: '民主评议党员',
    source: '“优秀”一般不超过三分之一',
    fields: [
      { path: 'evaluation.excellentRatio.numerator', label: '“优秀”比例上限：分子', kind: 'int', min: 0, max: 10 },
      { path: 'evaluation.excellentRatio.denominator', label: '“优秀”比例上限：分母', kind: 'int', min: 1, max: 10 },
      { path: 'evaluation.gradeProbationaryMembers', label: '预备党员也评定等次', kind: 'bool' },
    ],
  },
  {
    title: '谈心谈话',
    source: '党员和党员之间每年一般各不少于1次',
    fields: [
      { path: 'talks.peerCoverage', label: '党员之间谈心按', kind: 'select', options: talkPeerCoverageModes.map((m) => ({ value: m, label: peerCoverageLabels[m] })) },
      { path: 'talks.warningFromMonth', label: '从几月起提示尚未谈心的党员', kind: 'int', min: 1, max: 12 },
    ],
  },
  {
    title: '示范岗与评优',
    source: '本地做法',
    fields: [
      { path: 'pioneers.reviewDueMonth', label: '示范岗年度复核截止月份', kind: 'int', min: 1, max: 12 },
      { path: 'pioneers.maxActiveModelPostsPerMember', label: '每名党员同时最多的示范岗数', kind: 'int', min: 1, max: 5 },
      { path: 'pioneers.excellenceQuota.mode', label: '优秀党员名额按', kind: 'select', options: excellenceQuotaModes.map((m) => ({ value: m, label: excellenceQuotaModeLabels[m] })) },
      { path: 'pioneers.excellenceQuota.count', label: '优秀党员名额（人）', kind: 'int', min: 1, max: 500 },
    ],
  },
];

/** The value at a dotted path, or undefined. */
export function valueAt(obj: unknown, path: string): unknown {
  let v: unknown = obj;
  for (const k of path.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/**
 * The overrides to store after an edit: the stored ones, with every shown field set where it differs
 * from the national default and removed where it equals it (a court then follows the default again).
 * Fields the page does not show keep what is stored.
 */
export function overridesAfterEdit(stored: Record<string, unknown>, defaults: unknown, edited: Map<string, unknown>): Record<string, unknown> {
  const out = structuredClone(stored);
  for (const [path, value] of edited) {
    const keys = path.split('.');
    const last = keys.pop()!;
    const parents: Record<string, unknown>[] = [out];
    let node = out;
    for (const k of keys) {
      if (node[k] === null || typeof node[k] !== 'object') node[k] = {};
      node = node[k] as Record<string, unknown>;
      parents.push(node);
    }
    if (value === valueAt(defaults, path)) delete node[last];
    else node[last] = value;
    // Drop the groups the edit left empty.
    for (let i = keys.length - 1; i >= 0; i--) {
      if (Object.keys(parents[i + 1]!).length === 0) delete parents[i]![keys[i]!];
    }
  }
  return out;
}

/** The config's own words for the checks that span fields (checkRuleConfig), as the page says them. */
const checkedGroups: [string, string][] = [
  ['orgLife.memberAbsence', '连续未参加组织生活的月数'],
  ['dues.arrears', '连续未交党费的月数'],
  ['committeeSize', '支部委员会人数'],
  ['evaluation.excellentRatio', '“优秀”比例上限'],
  ['warnMonths ≤ criticalMonths', '提醒月数不晚于严重月数'],
  ['min ≤ max ≤ hardMax', '最少人数 ≤ 一般最多人数 ≤ 最多不超过'],
  ['numerator ≤ denominator', '分子不大于分母'],
];

/**
 * A rule-config problem from the server (which names config paths, e.g. 'dues.arrears 应满足
 * warnMonths ≤ criticalMonths') in the page's words: each path becomes the label the user sees.
 */
export function readableRuleProblem(message: string): string {
  let out = message.replace(/^overrides：/, '');
  const byLength = [...courtRuleGroups.flatMap((g) => g.fields).map((f): [string, string] => [f.path, `“${f.label}”`]), ...checkedGroups].sort((a, b) => b[0].length - a[0].length);
  for (const [path, words] of byLength) out = out.replaceAll(path, words);
  return out;
}
