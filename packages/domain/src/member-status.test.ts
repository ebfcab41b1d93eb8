import { describe, expect, it } from 'vitest';
import { memberStatuses } from './enums';
import { getMemberStatusGroup, isActiveMember, isVotingMember, memberStatusGroups } from './member-status';

describe('memberStatusGroups', () => {
  it('每个状态恰好属于一个分组', () => {
    const grouped = Object.values(memberStatusGroups).flat();
    expect([...grouped].sort()).toEqual([...memberStatuses].sort());
  });

  it.each([
    ['probationaryMember', 'active', true],
    ['fullMember', 'active', true],
    ['applicant', 'development', false],
    ['activist', 'development', false],
    ['developmentCandidate', 'development', false],
    ['membershipSuspended', 'inactive', false],
    ['transferredOut', 'inactive', false],
    ['deceased', 'inactive', false],
    ['removed', 'inactive', false],
  ] as const)('%s 属于 %s 分组，计入支部党员：%s', (status, group, active) => {
    expect(getMemberStatusGroup(status)).toBe(group);
    expect(isActiveMember(status)).toBe(active);
  });
});

describe('isVotingMember', () => {
  it.each([
    ['fullMember', {}, true],
    ['probationaryMember', {}, false],
    ['fullMember', { underPartyProbation: true }, false],
    ['fullMember', { rightsSuspended: true }, false],
    ['membershipSuspended', {}, false],
    ['developmentCandidate', {}, false],
  ] as const)('%s（%j）是否有表决权：%s（预备党员没有表决权，党章第七条）', (status, restrictions, voting) => {
    expect(isVotingMember(status, restrictions)).toBe(voting);
  });
});
