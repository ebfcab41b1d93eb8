// The catalogue of organizational-life activity types: who holds each, who is expected, its minimum
// frequency, whether a 第一议题 is required, whether it votes, whether it counts as 组织生活 for a
// member's 党章第九条 counter, and the rule it comes from. It is data, not code: the defaults below
// follow RULES.md §1.1, and a court changes frequency, 第一议题, 组织生活 and on/off per type through
// mergeActivityCatalogue — the [U] rules are never fixed here. @see RULES.md §1.1
import { orgTypes, periodUnits, type OrgType, type PeriodUnit } from './enums';

export const activityTypes = [
  'branchAssembly',
  'committeeMeeting',
  'groupMeeting',
  'partyLecture',
  'themedPartyDay',
  'organizationalLifeMeeting',
  'democraticEvaluation',
  'groupStudy',
  'thematicLecture',
  'warningEducation',
  'microLecture',
  'caseReviewSession',
  'weeklyPoliticalStudy',
  'jointActivity',
  'volunteerService',
  'redEducation',
] as const;
export type ActivityType = (typeof activityTypes)[number];
export const activityTypeLabels: Record<ActivityType, string> = {
  branchAssembly: '支部党员大会',
  committeeMeeting: '支部委员会会议',
  groupMeeting: '党小组会',
  partyLecture: '党课',
  themedPartyDay: '主题党日',
  organizationalLifeMeeting: '组织生活会',
  democraticEvaluation: '民主评议党员',
  groupStudy: '集中研讨',
  thematicLecture: '专题党课',
  warningEducation: '警示教育',
  microLecture: '一刻钟微党课',
  caseReviewSession: '案例讲评会',
  weeklyPoliticalStudy: '每周政治理论集中学习',
  jointActivity: '联建活动',
  volunteerService: '志愿服务',
  redEducation: '红色教育',
};

/** An activity's life: planned → held, or cancelled with a reason (never deleted). */
export const activityStatuses = ['planned', 'held', 'cancelled'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];
export const activityStatusLabels: Record<ActivityStatus, string> = { planned: '计划', held: '已开展', cancelled: '已取消' };

/** Who is expected to attend: every member of the org, its committee, or the members of the 党小组. */
export type ExpectedAttendees = 'allMembers' | 'committee' | 'group';

/** Confidence of the rule behind a default, as tagged in RULES.md: V text read, S secondary, U local. */
export type RuleConfidence = 'V' | 'S' | 'U';

export type MinFrequency = { count: number; period: PeriodUnit };

export type ActivityTypeDefinition = {
  type: ActivityType;
  label: string;
  /** Verb used in reminders: 召开支部党员大会, 讲党课, 开展主题党日. */
  verb: '召开' | '讲' | '开展';
  /** Org types that hold this activity (and are judged on its frequency). */
  heldBy: readonly OrgType[];
  expected: ExpectedAttendees;
  /** Least number of times per period; null when there is no minimum (reminders never fire). */
  minFrequency: MinFrequency | null;
  /** Quarter in which it is usually held (组织生活会: 一般安排在第四季度), shown in reminders. */
  preferredQuarter?: 1 | 2 | 3 | 4;
  /** A 第一议题 must be recorded before the activity can be saved as held ([U] local practice). */
  requiresFirstAgenda: boolean;
  /** Takes decisions by vote, so the quorum of RULES.md §1.2 is checked. */
  votes: boolean;
  /** Attending it counts as taking part in 党的组织生活 for the 党章第九条 counter. */
  countsAsOrgLife: boolean;
  /** Switched off by the court: not offered, not judged. */
  enabled: boolean;
  /** The court changed at least one default of this type. */
  customized: boolean;
  /** Where the default comes from: the regulation article and the RULES.md section. */
  rule: string;
  confidence: RuleConfidence;
};

export type ActivityCatalogue = Readonly<Record<ActivityType, ActivityTypeDefinition>>;

/** What a court may change per type. */
export type ActivityTypeOverride = Partial<Pick<ActivityTypeDefinition, 'minFrequency' | 'requiresFirstAgenda' | 'countsAsOrgLife' | 'enabled' | 'preferredQuarter'>>;
export type ActivityCatalogueOverrides = Partial<Record<ActivityType, ActivityTypeOverride>>;

const branchOnly: readonly OrgType[] = ['branch'];
// The courts' own programmes are run by the 党组 and 机关党委 as well as by branches (the articles'
// yearly figures are court-wide), so any party org may record them.
const anyPartyOrg: readonly OrgType[] = ['leadingPartyGroup', 'organCommittee', 'primaryCommittee', 'generalBranch', 'branch'];

const workRegulation = '《中国共产党支部工作条例（试行）》';
const educationRegulation = '《中国共产党党员教育管理工作条例》';
const localRule = '法院自定，无全国性次数规定；RULES.md §1.1 Notes（Courts\' own programmes）';

type DefinitionDefaults = Omit<ActivityTypeDefinition, 'type' | 'label' | 'enabled' | 'customized'>;

// Defaults, by the table of RULES.md §1.1. Choices that are interpretations ([U]) are marked.
const defaults: Record<ActivityType, DefinitionDefaults> = {
  branchAssembly: {
    verb: '召开',
    heldBy: branchOnly,
    expected: 'allMembers',
    minFrequency: { count: 1, period: 'quarter' },
    // 第一议题 ([U]): required at the "三会" and the 主题党日, whose content puts 集中学习 first
    // (准则；支部工作条例 第十六条 — political study first); a court may switch it off.
    requiresFirstAgenda: true,
    votes: true,
    countsAsOrgLife: true,
    rule: `${workRegulation}第十一条、第十四条；RULES.md §1.1`,
    confidence: 'V',
  },
  committeeMeeting: {
    verb: '召开',
    heldBy: branchOnly,
    expected: 'committee',
    minFrequency: { count: 1, period: 'month' },
    requiresFirstAgenda: true,
    // 支委会 decides by 少数服从多数 with 半数以上委员到会 (RULES.md §1.2).
    votes: true,
    countsAsOrgLife: true,
    rule: `${workRegulation}第十二条；RULES.md §1.1`,
    confidence: 'V',
  },
  groupMeeting: {
    verb: '召开',
    heldBy: ['partyGroup'],
    expected: 'group',
    minFrequency: { count: 1, period: 'month' },
    requiresFirstAgenda: true,
    votes: false,
    countsAsOrgLife: true,
    rule: `${workRegulation}第十三条、第十四条；RULES.md §1.1`,
    confidence: 'V',
  },
  partyLecture: {
    verb: '讲',
    heldBy: branchOnly,
    expected: 'allMembers',
    // The 条例 sets no number for a branch's 党课; 每季度1次 is the common local rule [U].
    minFrequency: { count: 1, period: 'quarter' },
    requiresFirstAgenda: false,
    votes: false,
    countsAsOrgLife: true,
    rule: `地方制度（${workRegulation}未规定支部党课次数，见第十六条）；RULES.md §1.1`,
    confidence: 'U',
  },
  themedPartyDay: {
    verb: '开展',
    heldBy: branchOnly,
    expected: 'allMembers',
    minFrequency: { count: 1, period: 'month' },
    requiresFirstAgenda: true,
    votes: false,
    countsAsOrgLife: true,
    rule: `${educationRegulation}第十六条；RULES.md §1.1`,
    confidence: 'V',
  },
  organizationalLifeMeeting: {
    verb: '召开',
    heldBy: branchOnly,
    expected: 'allMembers',
    minFrequency: { count: 1, period: 'year' },
    preferredQuarter: 4,
    requiresFirstAgenda: false,
    votes: false,
    countsAsOrgLife: true,
    rule: `${workRegulation}第十七条；${educationRegulation}第十七条；RULES.md §1.1`,
    confidence: 'V',
  },
  democraticEvaluation: {
    verb: '开展',
    heldBy: branchOnly,
    expected: 'allMembers',
    minFrequency: { count: 1, period: 'year' },
    requiresFirstAgenda: false,
    votes: false,
    countsAsOrgLife: true,
    rule: `${educationRegulation}第十八条；${workRegulation}第十八条；RULES.md §1.1、§6`,
    confidence: 'V',
  },
  groupStudy: {
    verb: '开展',
    heldBy: [...anyPartyOrg, 'youthStudyGroup'],
    expected: 'allMembers',
    minFrequency: null,
    requiresFirstAgenda: false,
    votes: false,
    // 组织生活 for the 党章第九条 counter is read as the forms the regulations name (三会一课, 主题党日,
    // 组织生活会, 民主评议) and the 党课 forms; study sessions and the courts' other programmes are not,
    // unless the court says so [U].
    countsAsOrgLife: false,
    rule: localRule,
    confidence: 'U',
  },
  thematicLecture: {
    verb: '讲',
    heldBy: anyPartyOrg,
    expected: 'allMembers',
    minFrequency: null,
    requiresFirstAgenda: false,
    votes: false,
    countsAsOrgLife: true,
    rule: `${localRule}；党课见${workRegulation}第十六条`,
    confidence: 'U',
  },
  warningEducation: {
    verb: '开展',
    heldBy: anyPartyOrg,
    expected: 'allMembers',
    minFrequency: null,
    requiresFirstAgenda: false,
    votes: false,
    countsAsOrgLife: false,
    rule: localRule,
    confidence: 'U',
  },
  microLecture: {
    verb: '讲',
    heldBy: branchOnly,
    expected: 'allMembers',
    minFrequency: null,
    requiresFirstAgenda: false,
    votes: false,
    countsAsOrgLife: true,
    rule: localRule,
    confidence: 'U',
  },
  caseReviewSession: {
    verb: '召开',
    heldBy: branchOnly,
    expected: 'allMembers',
    minFrequency: null,
    requiresFirstAgenda: false,
    votes: false,
    countsAsOrgLife: false,
    rule: localRule,
    confidence: 'U',
  },
  weeklyPoliticalStudy: {
    verb: '开展',
    heldBy: branchOnly,
    expected: 'allMembers',
    // "每周一次政治理论集中学习" is the courts' own rule, quoted by the articles [U].
    minFrequency: { count: 1, period: 'week' },
    requiresFirstAgenda: false,
    votes: false,
    countsAsOrgLife: false,
    rule: localRule,
    confidence: 'U',
  },
  jointActivity: {
    verb: '开展',
    heldBy: anyPartyOrg,
    expected: 'allMembers',
    minFrequency: null,
    requiresFirstAgenda: false,
    votes: false,
    countsAsOrgLife: false,
    rule: localRule,
    confidence: 'U',
  },
  volunteerService: {
    verb: '开展',
    heldBy: anyPartyOrg,
    expected: 'allMembers',
    minFrequency: null,
    requiresFirstAgenda: false,
    votes: false,
    countsAsOrgLife: false,
    rule: localRule,
    confidence: 'U',
  },
  redEducation: {
    verb: '开展',
    heldBy: anyPartyOrg,
    expected: 'allMembers',
    minFrequency: null,
    requiresFirstAgenda: false,
    votes: false,
    countsAsOrgLife: false,
    rule: localRule,
    confidence: 'U',
  },
};

function freezeDeep<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) freezeDeep(child);
    Object.freeze(value);
  }
  return value;
}

/** The national/default catalogue, in display order. Frozen: a court's version comes from mergeActivityCatalogue. */
export const defaultActivityCatalogue: ActivityCatalogue = freezeDeep(
  Object.fromEntries(
    activityTypes.map((type) => [type, { type, label: activityTypeLabels[type], enabled: true, customized: false, ...defaults[type] }]),
  ) as Record<ActivityType, ActivityTypeDefinition>,
);

const overridableKeys = ['minFrequency', 'requiresFirstAgenda', 'countsAsOrgLife', 'enabled', 'preferredQuarter'] as const satisfies readonly (keyof ActivityTypeOverride)[];

/**
 * A court's catalogue: `base` (the defaults) with the court's per-type overrides. Only the fields of
 * ActivityTypeOverride are taken (a stored setting with a stale key cannot change heldBy or the rule);
 * `minFrequency: null` removes the minimum. Types the overrides do not name keep their defaults.
 */
export function mergeActivityCatalogue(overrides?: ActivityCatalogueOverrides | null, base: ActivityCatalogue = defaultActivityCatalogue): ActivityCatalogue {
  const result = {} as Record<ActivityType, ActivityTypeDefinition>;
  for (const type of activityTypes) {
    const definition = base[type];
    const override = overrides?.[type];
    if (!override) {
      result[type] = definition;
      continue;
    }
    const picked = Object.fromEntries(overridableKeys.filter((key) => override[key] !== undefined).map((key) => [key, override[key]]));
    const merged: ActivityTypeDefinition = { ...definition, ...picked, customized: definition.customized || Object.keys(picked).length > 0 };
    result[type] = freezeDeep(merged);
  }
  return Object.freeze(result);
}

/** Problems with a (merged) catalogue, in Chinese, for the court settings form. Empty when usable. */
export function checkActivityCatalogue(catalogue: ActivityCatalogue): string[] {
  const problems: string[] = [];
  for (const type of activityTypes) {
    const definition = catalogue[type];
    if (!definition) {
      problems.push(`缺少活动类型 ${type}`);
      continue;
    }
    const frequency = definition.minFrequency;
    if (frequency !== null) {
      if (!Number.isInteger(frequency.count) || frequency.count < 1) problems.push(`${definition.label}的最低次数应为不小于1的整数`);
      if (!periodUnits.includes(frequency.period)) problems.push(`${definition.label}的周期应为 ${periodUnits.join('、')} 之一`);
    }
    if (definition.preferredQuarter !== undefined && ![1, 2, 3, 4].includes(definition.preferredQuarter)) {
      problems.push(`${definition.label}的建议季度应为1至4`);
    }
    if (definition.heldBy.some((orgType) => !orgTypes.includes(orgType))) problems.push(`${definition.label}的组织类型无效`);
  }
  return problems;
}

/** The enabled types an org of this type may hold, in catalogue order (for the "new activity" form). */
export function listActivityTypesFor(orgType: OrgType, catalogue: ActivityCatalogue = defaultActivityCatalogue): ActivityTypeDefinition[] {
  return activityTypes.map((type) => catalogue[type]).filter((definition) => definition.enabled && definition.heldBy.includes(orgType));
}

/** Whether `value` is a known activity type identifier (for input from the edge). */
export function isActivityType(value: unknown): value is ActivityType {
  return typeof value === 'string' && (activityTypes as readonly string[]).includes(value);
}
