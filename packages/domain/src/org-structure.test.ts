import { describe, expect, it } from 'vitest';
import type { CommitteePost } from './enums';
import { checkOrgStructure, checkTerm, computeTermEnd, findHighestLevel, type OrgFinding, type OrgStructureInput } from './org-structure';
import { defaultRuleConfig } from './rule-config';

const config = defaultRuleConfig;
const today = '2025-06-15';
const fullCommittee: CommitteePost[] = ['secretary', 'organizationMember', 'publicityMember', 'disciplineMember', 'deputySecretary'];

function makeBranch(overrides: Partial<OrgStructureInput> = {}): OrgStructureInput {
  return {
    org: { type: 'branch', branchKind: 'regular', name: '第一党支部' },
    fullMemberCount: 12,
    probationaryMemberCount: 1,
    memberCount: 13,
    committee: fullCommittee.slice(0, 4).map((post) => ({ post })),
    currentTerm: { termStart: '2024-01-10', termEnd: '2027-01-10' },
    ...overrides,
  };
}

function posts(...list: CommitteePost[]): { post: CommitteePost }[] {
  return list.map((post) => ({ post }));
}

function findCode(findings: OrgFinding[], codes: readonly string[]): OrgFinding | undefined {
  return findings.find((f) => codes.includes(f.code));
}

describe('成立党支部的正式党员人数', () => {
  it.each([
    [2, 'fullMembersBelowBranchMinimum', 'warning'],
    [3, 'fullMembersSufficient', 'ok'],
  ] as const)('正式党员%i人时为 %s（%s），成立党支部需正式党员3人以上', (full, code, level) => {
    const findings = checkOrgStructure(makeBranch({ fullMemberCount: full, memberCount: full, committee: posts('secretary') }), config, today);
    const finding = findCode(findings, ['fullMembersSufficient', 'fullMembersBelowBranchMinimum']);
    expect(finding).toMatchObject({ code, level });
  });

  it('正式党员不足3人时应当建议成立联合党支部，并引用支部工作条例第四条', () => {
    const findings = checkOrgStructure(makeBranch({ fullMemberCount: 2, memberCount: 3, committee: posts('secretary') }), config, today);
    const finding = findCode(findings, ['fullMembersBelowBranchMinimum']);
    expect(finding?.message).toContain('联合党支部');
    expect(finding?.rule).toContain('RULES.md §2');
    expect(finding?.rule).toContain('《中国共产党支部工作条例（试行）》第四条');
  });

  it('联合党支部正式党员不足3人时应当提示调整组建', () => {
    const input = makeBranch({ org: { type: 'branch', branchKind: 'joint', name: '联合党支部' }, fullMemberCount: 2, memberCount: 2, committee: posts('secretary') });
    expect(findCode(checkOrgStructure(input, config, today), ['fullMembersBelowBranchMinimum'])?.message).toContain('应当调整组建');
  });
});

describe('支部委员会的设立与规模', () => {
  it.each([
    [6, posts('secretary'), 'secretaryStructureOk', 'ok'],
    [6, posts('secretary', 'deputySecretary'), 'secretaryStructureOk', 'ok'],
    [6, posts('secretary', 'organizationMember', 'publicityMember'), 'committeeLargerThanNeeded', 'info'],
    [7, posts('secretary'), 'committeeRequired', 'warning'],
    [7, [], 'committeeRequired', 'warning'],
    [7, posts('secretary', 'organizationMember', 'publicityMember'), 'committeeSizeOk', 'ok'],
  ] as const)('正式党员%i人、委员%j时为 %s（%s）：正式党员满7人时应当设立支部委员会', (full, committee, code, level) => {
    const findings = checkOrgStructure(makeBranch({ fullMemberCount: full, memberCount: full, committee }), config, today);
    const finding = findCode(findings, ['secretaryStructureOk', 'committeeLargerThanNeeded', 'committeeRequired', 'committeeSizeOk']);
    expect(finding).toMatchObject({ code, level });
  });

  it.each([
    [2, 'committeeRequired', 'warning'],
    [3, 'committeeSizeOk', 'ok'],
    [5, 'committeeSizeOk', 'ok'],
    [6, 'committeeSizeAboveUsual', 'warning'],
    [7, 'committeeSizeAboveUsual', 'warning'],
    [8, 'committeeSizeExceedsLimit', 'critical'],
  ] as const)('支部委员会%i人时为 %s（%s）：委员会3至5人，一般不超过7人', (size, code, level) => {
    const committee = [{ post: 'secretary' as const }, ...Array.from({ length: size - 1 }, () => ({ post: 'committeeMember' as const }))];
    const findings = checkOrgStructure(makeBranch({ fullMemberCount: 20, memberCount: 20, committee }), config, today);
    const finding = findCode(findings, ['committeeRequired', 'committeeSizeOk', 'committeeSizeAboveUsual', 'committeeSizeExceedsLimit']);
    expect(finding).toMatchObject({ code, level });
  });

  it('支部委员会未设纪检委员时应当提示（仅提示）', () => {
    const findings = checkOrgStructure(makeBranch({ committee: posts('secretary', 'organizationMember', 'publicityMember') }), config, today);
    expect(findCode(findings, ['committeePostsIncomplete'])).toMatchObject({ level: 'info', message: expect.stringContaining('纪检委员') });
  });

  it('委员职务多于正式党员人数时应当提示预备党员没有被选举权', () => {
    const findings = checkOrgStructure(
      makeBranch({ fullMemberCount: 2, probationaryMemberCount: 2, memberCount: 4, committee: posts('secretary', 'deputySecretary', 'organizationMember') }),
      config,
      today,
    );
    expect(findCode(findings, ['committeeExceedsFullMembers'])?.level).toBe('warning');
  });
});

describe('书记与副书记', () => {
  it.each([
    [posts('organizationMember', 'publicityMember', 'disciplineMember'), 'secretaryMissing', 'warning'],
    [posts('secretary', 'secretary', 'publicityMember'), 'multipleSecretaries', 'warning'],
    [posts('secretary', 'publicityMember', 'disciplineMember'), 'secretaryOk', 'ok'],
  ] as const)('委员 %j 时为 %s（%s）：党支部应当配备书记1名', (committee, code, level) => {
    const findings = checkOrgStructure(makeBranch({ committee }), config, today);
    expect(findCode(findings, ['secretaryMissing', 'multipleSecretaries', 'secretaryOk'])).toMatchObject({ code, level });
  });

  it.each([
    [1, false],
    [2, true],
  ])('副书记%i人时是否提示过多：%s（必要时设1名副书记）', (count, flagged) => {
    const committee = posts('secretary', 'organizationMember', ...Array.from({ length: count }, () => 'deputySecretary' as const));
    const findings = checkOrgStructure(makeBranch({ committee }), config, today);
    expect(findCode(findings, ['tooManyDeputySecretaries']) !== undefined).toBe(flagged);
  });
});

describe('党支部规模', () => {
  it.each([
    [50, 'branchSizeOk', 'ok'],
    [51, 'branchOversized', 'warning'],
  ] as const)('党员%i人时为 %s（%s）：党支部党员人数一般不超过50人', (members, code, level) => {
    const findings = checkOrgStructure(makeBranch({ fullMemberCount: 45, memberCount: members }), config, today);
    expect(findCode(findings, ['branchSizeOk', 'branchOversized'])).toMatchObject({ code, level });
  });

  it('规则要求均为“一般”，因此不产生拒绝，只有提示', () => {
    const findings = checkOrgStructure(makeBranch({ fullMemberCount: 1, memberCount: 60, committee: [] }), config, today);
    expect(findings.every((f) => ['ok', 'info', 'warning', 'critical'].includes(f.level))).toBe(true);
    expect(findHighestLevel(findings)).toBe('warning');
  });
});

describe('党总支和党委的规模', () => {
  it.each([
    ['generalBranch', 49, 'generalBranchBelowUsualSize'],
    ['generalBranch', 50, undefined],
    ['generalBranch', 100, undefined],
    ['generalBranch', 101, 'generalBranchAboveUsualSize'],
    ['organCommittee', 99, 'primaryCommitteeBelowUsualSize'],
    ['organCommittee', 100, undefined],
    ['primaryCommittee', 99, 'primaryCommitteeBelowUsualSize'],
  ] as const)('%s 党员%i人时提示 %s（党员50至100人设总支，100人以上设党委）', (type, members, code) => {
    const input = makeBranch({ org: { type, name: '机关党委' }, fullMemberCount: members, memberCount: members });
    const finding = findCode(checkOrgStructure(input, config, today), ['generalBranchBelowUsualSize', 'generalBranchAboveUsualSize', 'primaryCommitteeBelowUsualSize']);
    expect(finding?.code).toBe(code);
    if (code) expect(finding?.level).toBe('info');
  });

  it.each([['leadingPartyGroup'], ['partyGroup'], ['youthStudyGroup']] as const)('%s 不适用组织设置检查', (type) => {
    expect(checkOrgStructure(makeBranch({ org: { type, name: '组' } }), config, today)).toEqual([]);
  });
});

describe('任期与换届', () => {
  it.each([
    ['2023-05-20', 'branch', '2026-05-20'],
    ['2023-05-20', 'generalBranch', '2026-05-20'],
    ['2023-05-20', 'organCommittee', '2028-05-20'],
    ['2024-02-29', 'primaryCommittee', '2029-02-28'],
    ['2023-05-20', 'leadingPartyGroup', null],
    ['2023-05-20', 'partyGroup', null],
  ] as const)('任期自 %s 起，%s 届满日为 %j（支部3年、党委5年）', (start, type, end) => {
    expect(computeTermEnd(start, type, config)).toBe(end);
  });

  it('法院可配置任期年数', () => {
    expect(computeTermEnd('2023-05-20', 'branch', { ...config, termYears: { ...config.termYears, branch: 2 } })).toBe('2025-05-20');
  });

  const term = { termStart: '2023-05-20', termEnd: '2026-05-20' };
  it.each([
    ['2025-11-19', 'ok'],
    ['2025-11-20', 'dueSoon'],
    ['2026-05-20', 'dueSoon'],
    ['2026-05-21', 'overdue'],
    ['2027-05-20', 'overdue'],
    ['2027-05-21', 'overdueBeyondExtension'],
  ] as const)('任期2026年5月20日届满，%s 的状态为 %s（提前6个月提醒，届满当日不算逾期，延期一般不超过1年）', (day, state) => {
    expect(checkTerm(term, day, config)).toBe(state);
  });

  it('未登记任期时为 noTerm', () => {
    expect(checkTerm(undefined, today, config)).toBe('noTerm');
    expect(checkTerm(null, today, config)).toBe('noTerm');
  });

  it.each([
    ['2025-11-19', 'termOk', 'ok', '本届任期至2026年5月20日'],
    ['2025-11-20', 'termDueSoon', 'info', '本届任期于2026年5月20日届满，应于届满前做好换届准备'],
    ['2026-05-21', 'termOverdue', 'warning', '本届任期已于2026年5月20日届满，应当按期换届；延期换届须报上级党组织批准，一般不超过12个月'],
    [
      '2027-05-21',
      'termOverdueBeyondExtension',
      'critical',
      '本届任期已于2026年5月20日届满，至2027年5月20日已超过延期换届一般不超过12个月的期限，应当尽快换届',
    ],
  ] as const)('%s 的任期提示为 %s（%s）', (day, code, level, message) => {
    const finding = findCode(checkOrgStructure(makeBranch({ currentTerm: term }), config, day), [code]);
    expect(finding).toMatchObject({ code, level, message });
    expect(finding?.rule).toContain('RULES.md §2');
  });

  it.each([
    ['branch', 'regular', 'termMissing'],
    ['generalBranch', undefined, 'termMissing'],
    ['branch', 'temporary', undefined],
  ] as const)('%s（%s）未登记任期时提示 %s（临时党支部不设任期）', (type, branchKind, code) => {
    const input = makeBranch({ org: { type, branchKind, name: '党支部' }, currentTerm: undefined });
    expect(findCode(checkOrgStructure(input, config, today), ['termMissing'])?.code).toBe(code);
  });

  it('任期届满日期不晚于开始日期时应当提示核对', () => {
    const input = makeBranch({ currentTerm: { termStart: '2026-01-01', termEnd: '2025-01-01' } });
    expect(findCode(checkOrgStructure(input, config, today), ['termDatesInvalid'])?.level).toBe('warning');
  });
});

describe('findHighestLevel', () => {
  it.each([
    [[], 'ok'],
    [['ok', 'info'], 'info'],
    [['warning', 'info', 'ok'], 'warning'],
    [['ok', 'critical', 'warning'], 'critical'],
  ] as const)('提示级别 %j 中最高为 %s', (levels, highest) => {
    expect(findHighestLevel(levels.map((level) => ({ level })))).toBe(highest);
  });

  it('配置齐全的党支部全部为 ok', () => {
    const findings = checkOrgStructure(makeBranch({ committee: posts(...fullCommittee) }), config, today);
    expect(findHighestLevel(findings)).toBe('ok');
  });
});
