// Which statuses count where. A branch's members (for its size, quorum and dues) are the 预备党员 and
// 正式党员; applicants, activists and candidates are followed by the development module; the rest
// have left the roster. @see RULES.md §3.1, §5
import type { MemberStatus } from './enums';

export type MemberStatusGroup = 'active' | 'development' | 'inactive';

export const memberStatusGroups = {
  active: ['probationaryMember', 'fullMember'],
  development: ['applicant', 'activist', 'developmentCandidate'],
  inactive: ['membershipSuspended', 'transferredOut', 'deceased', 'removed'],
} as const satisfies Record<MemberStatusGroup, readonly MemberStatus[]>;

const groupByStatus: Record<MemberStatus, MemberStatusGroup> = {
  applicant: 'development',
  activist: 'development',
  developmentCandidate: 'development',
  probationaryMember: 'active',
  fullMember: 'active',
  membershipSuspended: 'inactive',
  transferredOut: 'inactive',
  deceased: 'inactive',
  removed: 'inactive',
};

export function getMemberStatusGroup(status: MemberStatus): MemberStatusGroup {
  return groupByStatus[status];
}

/** Counts as a member of the branch (预备党员 or 正式党员). */
export function isActiveMember(status: MemberStatus): boolean {
  return groupByStatus[status] === 'active';
}

export type VotingRestrictions = {
  /** Under the disciplinary sanction 留党察看. */
  underPartyProbation?: boolean;
  /** Rights suspended (中止) while under 留置 or 逮捕. */
  rightsSuspended?: boolean;
};

/**
 * Has 表决权、选举权 and 被选举权. 预备党员 do not (党章 第七条), nor members under 留党察看, and the
 * rights are suspended under 留置/逮捕 (选举工作条例 第五条). The status alone does not carry the last
 * two, so callers that know them pass them. @see RULES.md §1.2 (Who may vote), §3.2 T27
 */
export function isVotingMember(status: MemberStatus, restrictions: VotingRestrictions = {}): boolean {
  return status === 'fullMember' && !restrictions.underPartyProbation && !restrictions.rightsSuspended;
}
