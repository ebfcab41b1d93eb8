// Data scopes on the org tree (DESIGN.md § Who uses it). Module policies are built on these few
// questions: is this court / org subtree / member mine to read or manage?
import type { Role } from '@zhibu/domain';
import type { Actor, Grant } from './actor';

/** Roles that manage party data (orgs, members) within their scope. */
const managingRoles: Role[] = ['courtAdmin', 'branchSecretary'];
/** Roles that may read personal (masked) member data within their scope. */
const readingRoles: Role[] = ['courtAdmin', 'branchSecretary', 'committeeMember', 'groupLeader'];

export type OrgTarget = { courtId: string; path: string };

function grantCoversOrg(g: Grant, t: OrgTarget): boolean {
  if (g.role === 'courtAdmin') return g.courtId === t.courtId;
  if (g.orgPath) return g.courtId === t.courtId && t.path.startsWith(g.orgPath);
  return false;
}

export function canReadOrg(actor: Actor, t: OrgTarget): boolean {
  if (actor.grants.some((g) => readingRoles.includes(g.role) && grantCoversOrg(g, t))) return true;
  // Members and viewers see the structure of their own court / the courts below (no personal data).
  if (actor.grants.some((g) => g.role === 'member') && actor.courtId === t.courtId) return true;
  if (actor.grants.some((g) => g.role === 'higherCourtViewer') && actor.viewableCourtIds.includes(t.courtId)) return true;
  return false;
}

export function canManageOrg(actor: Actor, t: OrgTarget): boolean {
  return actor.grants.some((g) => managingRoles.includes(g.role) && grantCoversOrg(g, t));
}

/** Only a court admin creates or moves top-level structure; a secretary manages below their branch. */
export function canManageCourtStructure(actor: Actor, courtId: string): boolean {
  return actor.grants.some((g) => g.role === 'courtAdmin' && g.courtId === courtId);
}

export type MemberTarget = { id: string; courtId: string; orgPath: string; groupPath?: string | null };

export function canReadMember(actor: Actor, m: MemberTarget): boolean {
  if (actor.memberId === m.id) return true;
  return actor.grants.some((g) => {
    if (!readingRoles.includes(g.role)) return false;
    if (grantCoversOrg(g, { courtId: m.courtId, path: m.orgPath })) return true;
    // A group leader's grant is on the group; the member's org is the branch, with groupPath set.
    return g.role === 'groupLeader' && !!m.groupPath && !!g.orgPath && m.groupPath.startsWith(g.orgPath);
  });
}

export function canManageMember(actor: Actor, m: MemberTarget): boolean {
  return actor.grants.some((g) => managingRoles.includes(g.role) && grantCoversOrg(g, { courtId: m.courtId, path: m.orgPath }));
}

/** The full 身份证号/phone: managers of the member's org, and the member themself. Always audited. */
export function canRevealMember(actor: Actor, m: MemberTarget): boolean {
  return actor.memberId === m.id || canManageMember(actor, m);
}

/**
 * A SQL-ready description of what member rows the actor may list: court-wide, org path prefixes,
 * group path prefixes, or only themself. `null` means nothing.
 */
export type MemberScope = { courtIds: string[]; orgPaths: { courtId: string; path: string }[]; groupPaths: string[]; selfId: string | null };

export function memberScopeOf(actor: Actor): MemberScope {
  const scope: MemberScope = { courtIds: [], orgPaths: [], groupPaths: [], selfId: actor.memberId };
  for (const g of actor.grants) {
    if (g.role === 'courtAdmin' && g.courtId) scope.courtIds.push(g.courtId);
    else if ((g.role === 'branchSecretary' || g.role === 'committeeMember') && g.orgPath && g.courtId)
      scope.orgPaths.push({ courtId: g.courtId, path: g.orgPath });
    else if (g.role === 'groupLeader' && g.orgPath) scope.groupPaths.push(g.orgPath);
  }
  return scope;
}

/** Courts whose org structure the actor may see. */
export function readableCourtIds(actor: Actor): string[] {
  const ids = new Set<string>();
  for (const g of actor.grants) if (g.courtId && g.role !== 'higherCourtViewer') ids.add(g.courtId);
  if (actor.courtId && actor.grants.some((g) => g.role === 'member')) ids.add(actor.courtId);
  for (const id of actor.viewableCourtIds) ids.add(id);
  return [...ids];
}
