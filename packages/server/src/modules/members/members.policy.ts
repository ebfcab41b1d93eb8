// Who may see and change which members (DESIGN.md § Who uses it). Members are personal data, so
// unlike the org structure they are seen only within the caller's data scope: court admin → the
// court; secretary / committee member → their branch subtree; group leader → their group; member →
// themself. Higher-court viewers and the 三员 see no member at all. 身份证号 and phone are always
// masked; the full value only through an audited reveal, to the member's managers and the member.
import type { Role } from '@zhibu/domain';
import type { Actor } from '../../policy/actor';
import { hasRole } from '../../policy/actor';
import {
  canManageOrg,
  canReadMember,
  canRevealMember,
  canManageMember,
  memberScopeOf,
  readableCourtIds,
  type MemberTarget,
  type OrgTarget,
} from '../../policy/scope';

/** Roles that read the roster (masked) within their scope; a plain member reads only themself. */
const listingRoles: Role[] = ['courtAdmin', 'branchSecretary', 'committeeMember', 'groupLeader', 'member'];
/** Roles that may take the roster away as a file. */
const exportingRoles: Role[] = ['courtAdmin', 'branchSecretary', 'committeeMember', 'groupLeader'];
/** Roles that may import into the orgs they manage. */
const importingRoles: Role[] = ['courtAdmin', 'branchSecretary'];

/** The party orgs a member can be organized in (a 党小组 is a member's group, not their org). */
export const memberOrgTypes = ['branch', 'generalBranch', 'organCommittee', 'primaryCommittee'] as const;

export const membersPolicy = {
  list: (actor: Actor) => hasRole(actor, ...listingRoles),
  export: (actor: Actor) => hasRole(actor, ...exportingRoles),
  import: (actor: Actor) => hasRole(actor, ...importingRoles),
  scopeOf: memberScopeOf,
  read: (actor: Actor, m: MemberTarget) => canReadMember(actor, m),
  manage: (actor: Actor, m: MemberTarget) => canManageMember(actor, m),
  reveal: (actor: Actor, m: MemberTarget) => canRevealMember(actor, m),
  /** Adding a member to an org, or moving one into it. */
  manageOrg: (actor: Actor, org: OrgTarget) => canManageOrg(actor, org),
  /** Org names and ids are not personal: anyone with a role in the court may see they exist. */
  seeCourt: (actor: Actor, courtId: string) => readableCourtIds(actor).includes(courtId),
  /** Courts where the caller may add members (import target when none is named). */
  manageCourtIds: (actor: Actor) => [...new Set(actor.grants.filter((g) => importingRoles.includes(g.role) && g.courtId).map((g) => g.courtId!))],
};

/**
 * The command line (`zhibu import/export members`) runs on the server's own machine with direct
 * access to the database: it acts as the court admin of the courts it works on, and is audited
 * under its own name ('命令行'), never as a user.
 */
export function systemActorFor(courtIds: string[]): Actor {
  return {
    userId: '',
    username: 'cli',
    displayName: '命令行',
    courtId: courtIds.length === 1 ? courtIds[0]! : null,
    memberId: null,
    mustChangePassword: false,
    grants: courtIds.map((courtId) => ({ role: 'courtAdmin', courtId, orgId: null, orgPath: null, scopeName: null })),
    viewableCourtIds: [],
    ip: null,
  };
}
