// Structure check of one party org: enough full members, committee size, secretary, size, term.
// The regulations say 一般/应当 here, so every finding is advice shown to the court's party office,
// never a refusal: a branch keeps working while it is being adjusted. @see RULES.md §2
import { addMonths, addYears, compareDates, formatChineseDate, type IsoDate } from './dates';
import { committeePostLabels, orgTypeLabels, type BranchKind, type CommitteePost, type OrgType } from './enums';
import type { RuleConfig } from './rule-config';

export type FindingLevel = 'ok' | 'info' | 'warning' | 'critical';

export type OrgFindingCode =
  | 'fullMembersSufficient'
  | 'fullMembersBelowBranchMinimum'
  | 'branchSizeOk'
  | 'branchOversized'
  | 'committeeSizeOk'
  | 'committeeRequired'
  | 'committeeSizeAboveUsual'
  | 'committeeSizeExceedsLimit'
  | 'committeePostsIncomplete'
  | 'secretaryStructureOk'
  | 'committeeLargerThanNeeded'
  | 'committeeExceedsFullMembers'
  | 'secretaryOk'
  | 'secretaryMissing'
  | 'multipleSecretaries'
  | 'tooManyDeputySecretaries'
  | 'generalBranchBelowUsualSize'
  | 'generalBranchAboveUsualSize'
  | 'primaryCommitteeBelowUsualSize'
  | 'termOk'
  | 'termDueSoon'
  | 'termOverdue'
  | 'termOverdueBeyondExtension'
  | 'termMissing'
  | 'termDatesInvalid';

export type OrgFinding = {
  code: OrgFindingCode;
  level: FindingLevel;
  /** Shown to users as is. */
  message: string;
  /** Where the rule comes from: the RULES.md section and the regulation article. */
  rule: string;
};

export type Term = { termStart: IsoDate; termEnd: IsoDate };
export type TermState = 'ok' | 'dueSoon' | 'overdue' | 'overdueBeyondExtension' | 'noTerm';

export type OrgStructureInput = {
  org: { type: OrgType; branchKind?: BranchKind | null; name: string };
  fullMemberCount: number;
  probationaryMemberCount: number;
  /** Active members (预备党员 + 正式党员) of the org; for a 党总支/党委, of its whole subtree. */
  memberCount: number;
  /** Current positions, one entry per person and post. */
  committee: readonly { post: CommitteePost }[];
  currentTerm?: Term | null;
};

const rules = {
  branchMinimum: 'RULES.md §2 成立党支部；《中国共产党支部工作条例（试行）》第四条、《中国共产党党和国家机关基层组织工作条例》第七条',
  jointBranch: 'RULES.md §2 联合党支部；《中国共产党支部工作条例（试行）》第二章',
  branchSize: 'RULES.md §2 支部规模；《中国共产党支部工作条例（试行）》第四条',
  committee: 'RULES.md §2 支委会；《中国共产党支部工作条例（试行）》第六章、《中国共产党党和国家机关基层组织工作条例》第七条',
  noCommittee: 'RULES.md §2 不设支委会；《中国共产党支部工作条例（试行）》第六章、《中国共产党党和国家机关基层组织工作条例》第七条',
  electedByFullMembers: 'RULES.md §1.2 Who may vote；《中国共产党章程》第七条（预备党员没有被选举权）',
  secretary: 'RULES.md §2 产生方式；《中国共产党支部工作条例（试行）》第二十一条',
  generalBranch: 'RULES.md §2 党总支；《中国共产党党和国家机关基层组织工作条例》第六条',
  primaryCommittee: 'RULES.md §2 基层党委；《中国共产党党和国家机关基层组织工作条例》第五条',
  term: 'RULES.md §2 任期、换届提醒；《关于党的基层组织任期的意见》、《中国共产党支部工作条例（试行）》第六章',
  termRenewal: 'RULES.md §2 换届；《中国共产党基层组织选举工作条例》第三条',
} as const;

const levelRank: Record<FindingLevel, number> = { ok: 0, info: 1, warning: 2, critical: 3 };

/** The most serious level among findings ('ok' when there are none). */
export function findHighestLevel(findings: readonly { level: FindingLevel }[]): FindingLevel {
  return findings.reduce<FindingLevel>((worst, f) => (levelRank[f.level] > levelRank[worst] ? f.level : worst), 'ok');
}

/** The day a term that starts on `termStart` ends; null for org types without elected terms. */
export function computeTermEnd(termStart: IsoDate, orgType: OrgType, config: RuleConfig): IsoDate | null {
  const years = config.termYears[orgType];
  return years === null ? null : addYears(termStart, years);
}

/**
 * Where a term stands on `today`. 'dueSoon' from the day exactly termWarningMonths before termEnd
 * through termEnd itself (the end day is still in term); 'overdue' from the day after; beyond the
 * usual one-year extension, 'overdueBeyondExtension'. 'noTerm' when none is recorded.
 * @see RULES.md §2 换届、换届提醒
 */
export function checkTerm(term: Term | null | undefined, today: IsoDate, config: RuleConfig): TermState {
  if (!term) return 'noTerm';
  if (compareDates(today, addMonths(term.termEnd, config.maxTermExtensionMonths)) > 0) return 'overdueBeyondExtension';
  if (compareDates(today, term.termEnd) > 0) return 'overdue';
  if (compareDates(today, addMonths(term.termEnd, -config.termWarningMonths)) >= 0) return 'dueSoon';
  return 'ok';
}

function countPosts(committee: OrgStructureInput['committee'], post: CommitteePost): number {
  return committee.filter((entry) => entry.post === post).length;
}

// 临时党支部 follow their project and are set up by the upper org, so they carry no elected term.
function requiresTerm(org: OrgStructureInput['org'], config: RuleConfig): boolean {
  if (org.type === 'branch' && org.branchKind === 'temporary') return false;
  return config.termYears[org.type] !== null;
}

function checkBranchMembers(input: OrgStructureInput, config: RuleConfig): OrgFinding[] {
  const full = input.fullMemberCount;
  const min = config.minFullMembersForBranch;
  const findings: OrgFinding[] = [];
  if (full >= min) {
    findings.push({ code: 'fullMembersSufficient', level: 'ok', message: `正式党员${full}人，符合成立党支部的条件（${min}人以上）`, rule: rules.branchMinimum });
  } else if (input.org.branchKind === 'joint') {
    findings.push({
      code: 'fullMembersBelowBranchMinimum',
      level: 'warning',
      message: `联合党支部正式党员${full}人，不足${min}人，不符合成立党支部的条件，应当调整组建`,
      rule: rules.jointBranch,
    });
  } else {
    findings.push({
      code: 'fullMembersBelowBranchMinimum',
      level: 'warning',
      message: `正式党员${full}人，不足${min}人，不符合成立党支部的条件；可按地域相邻、行业相近的原则与其他单位成立联合党支部`,
      rule: `${rules.branchMinimum}；${rules.jointBranch}`,
    });
  }
  const max = config.branchMemberSoftMax;
  if (input.memberCount > max) {
    findings.push({
      code: 'branchOversized',
      level: 'warning',
      message: `党员${input.memberCount}人，党支部党员人数一般不超过${max}人，可考虑分设党支部或成立党总支`,
      rule: rules.branchSize,
    });
  } else {
    findings.push({ code: 'branchSizeOk', level: 'ok', message: `党员${input.memberCount}人，未超过${max}人`, rule: rules.branchSize });
  }
  return findings;
}

function checkBranchCommittee(input: OrgStructureInput, config: RuleConfig): OrgFinding[] {
  const full = input.fullMemberCount;
  const size = input.committee.length;
  const { min, max, hardMax } = config.committeeSize;
  const threshold = config.committeeRequiredAtFullMembers;
  if (full < threshold) {
    // A 书记 and, when needed, deputies are all that a small branch has; anything more is allowed but unusual.
    const leaders = countPosts(input.committee, 'secretary') + countPosts(input.committee, 'deputySecretary');
    if (size > leaders) {
      return [{
        code: 'committeeLargerThanNeeded',
        level: 'info',
        message: `正式党员${full}人（不足${threshold}人），可不设支部委员会，设书记1名，必要时设副书记1名；目前登记了${size}个委员职务`,
        rule: rules.noCommittee,
      }];
    }
    return [{ code: 'secretaryStructureOk', level: 'ok', message: `正式党员不足${threshold}人，设书记（必要时设副书记）即可`, rule: rules.noCommittee }];
  }
  const findings: OrgFinding[] = [];
  if (size < min) {
    findings.push({
      code: 'committeeRequired',
      level: 'warning',
      message: `正式党员${full}人（${threshold}人以上），应当设立支部委员会（${min}至${max}人），目前${size === 0 ? '未设委员' : `仅有${size}名委员`}`,
      rule: rules.committee,
    });
  } else if (size > hardMax) {
    findings.push({ code: 'committeeSizeExceedsLimit', level: 'critical', message: `支部委员会${size}人，超过一般不超过${hardMax}人的上限`, rule: rules.committee });
  } else if (size > max) {
    findings.push({ code: 'committeeSizeAboveUsual', level: 'warning', message: `支部委员会${size}人，一般由${min}至${max}人组成`, rule: rules.committee });
  } else {
    findings.push({ code: 'committeeSizeOk', level: 'ok', message: `支部委员会${size}人，符合${min}至${max}人的要求`, rule: rules.committee });
  }
  if (size >= min) {
    // 支委会设书记和组织委员、宣传委员、纪检委员等: only advice, a court may merge posts.
    const expected: CommitteePost[] = ['organizationMember', 'publicityMember', 'disciplineMember'];
    const missing = expected.filter((post) => countPosts(input.committee, post) === 0);
    if (missing.length > 0) {
      findings.push({
        code: 'committeePostsIncomplete',
        level: 'info',
        message: `支部委员会一般设组织委员、宣传委员、纪检委员等，目前未设：${missing.map((post) => committeePostLabels[post]).join('、')}`,
        rule: rules.committee,
      });
    }
  }
  return findings;
}

function checkLeadership(input: OrgStructureInput, config: RuleConfig): OrgFinding[] {
  const findings: OrgFinding[] = [];
  const secretaries = countPosts(input.committee, 'secretary');
  if (secretaries === 0) {
    findings.push({ code: 'secretaryMissing', level: 'warning', message: '未配备书记：书记出缺应当及时补选，必要时上级党组织可以指派', rule: rules.secretary });
  } else if (secretaries > 1) {
    findings.push({ code: 'multipleSecretaries', level: 'warning', message: `登记了${secretaries}名书记，应只设书记1名`, rule: rules.committee });
  } else {
    findings.push({ code: 'secretaryOk', level: 'ok', message: '已配备书记', rule: rules.secretary });
  }
  const deputies = countPosts(input.committee, 'deputySecretary');
  if (deputies > config.maxDeputySecretaries) {
    findings.push({
      code: 'tooManyDeputySecretaries',
      level: 'warning',
      message: `登记了${deputies}名副书记，必要时可以设${config.maxDeputySecretaries}名副书记`,
      rule: rules.committee,
    });
  }
  if (input.committee.length > input.fullMemberCount) {
    findings.push({
      code: 'committeeExceedsFullMembers',
      level: 'warning',
      message: `登记了${input.committee.length}个委员职务，多于正式党员${input.fullMemberCount}人；预备党员没有被选举权，委员应由正式党员担任`,
      rule: rules.electedByFullMembers,
    });
  }
  return findings;
}

function checkUpperOrgSize(input: OrgStructureInput, config: RuleConfig): OrgFinding[] {
  const members = input.memberCount;
  if (input.org.type === 'generalBranch') {
    const { min, max } = config.generalBranchMembers;
    if (members < min) {
      return [{ code: 'generalBranchBelowUsualSize', level: 'info', message: `党员${members}人，不足${min}人；因工作需要设立党总支的，须经上级党组织批准`, rule: rules.generalBranch }];
    }
    if (members > max) {
      return [{ code: 'generalBranchAboveUsualSize', level: 'info', message: `党员${members}人，超过${max}人，可设立党的基层委员会`, rule: `${rules.generalBranch}；${rules.primaryCommittee}` }];
    }
    return [];
  }
  const min = config.primaryCommitteeMinMembers;
  if (members < min) {
    return [{
      code: 'primaryCommitteeBelowUsualSize',
      level: 'info',
      message: `党员${members}人，不足${min}人；因工作需要设立${orgTypeLabels[input.org.type]}的，须经上级党组织批准`,
      rule: rules.primaryCommittee,
    }];
  }
  return [];
}

function describeTerm(term: Term | null | undefined, today: IsoDate, config: RuleConfig): OrgFinding {
  if (term && compareDates(term.termEnd, term.termStart) <= 0) {
    return { code: 'termDatesInvalid', level: 'warning', message: '任期届满日期应晚于任期开始日期，请核对任期', rule: rules.term };
  }
  const state = checkTerm(term, today, config);
  if (state === 'noTerm' || !term) {
    return { code: 'termMissing', level: 'warning', message: '未登记本届任期，无法提示换届，请补录任期起止日期', rule: rules.term };
  }
  const end = formatChineseDate(term.termEnd);
  switch (state) {
    case 'ok':
      return { code: 'termOk', level: 'ok', message: `本届任期至${end}`, rule: rules.term };
    case 'dueSoon':
      return { code: 'termDueSoon', level: 'info', message: `本届任期于${end}届满，应于届满前做好换届准备`, rule: rules.term };
    case 'overdue':
      return {
        code: 'termOverdue',
        level: 'warning',
        message: `本届任期已于${end}届满，应当按期换届；延期换届须报上级党组织批准，一般不超过${config.maxTermExtensionMonths}个月`,
        rule: rules.termRenewal,
      };
    case 'overdueBeyondExtension':
      return {
        code: 'termOverdueBeyondExtension',
        level: 'critical',
        message: `本届任期已于${end}届满，至${formatChineseDate(addMonths(term.termEnd, config.maxTermExtensionMonths))}已超过延期换届一般不超过${config.maxTermExtensionMonths}个月的期限，应当尽快换届`,
        rule: rules.termRenewal,
      };
  }
}

/**
 * All structure findings of one org, including 'ok' ones so a checklist can show what passed.
 * 党支部: members, size, committee, leadership, term. 党总支 and 党委: size, leadership, term.
 * 党组, 党小组, 青年理论学习小组: none (not elected bodies governed by RULES.md §2).
 */
export function checkOrgStructure(input: OrgStructureInput, config: RuleConfig, today: IsoDate): OrgFinding[] {
  const { org } = input;
  const findings: OrgFinding[] = [];
  if (org.type === 'branch') {
    findings.push(...checkBranchMembers(input, config), ...checkBranchCommittee(input, config));
  } else if (org.type === 'generalBranch' || org.type === 'organCommittee' || org.type === 'primaryCommittee') {
    findings.push(...checkUpperOrgSize(input, config));
  } else {
    return findings;
  }
  findings.push(...checkLeadership(input, config));
  if (requiresTerm(org, config)) findings.push(describeTerm(input.currentTerm, today, config));
  return findings;
}
