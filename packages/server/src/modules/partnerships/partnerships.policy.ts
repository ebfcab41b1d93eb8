// Who may see and act on 联建 pairings. A pairing has two sides: the proposing branch and the partner
// (a branch of any court on the platform, or an outside unit recorded by name).
// - Read: managers and committee members of either side's org (court admin, secretary, 支委), and a
//   higher court's viewer for pairings touching its courts (names and counts only, no members, no
//   contacts; the network groups them per lower court).
// - Create: a manager (court admin or secretary) of the proposing branch. A higher court's viewer
//   account is read-only: pairing the higher court's own branches with lower courts' branches is
//   done by the higher court's court admin or branch secretaries, like every other court.
// - Accept / decline: a manager of the partner branch only (nobody signs for the other side).
// - Edit, end, plan joint activities: a manager of either side.
// Out of scope → 404. @see DESIGN.md § Who uses it; USERS.md (贵州高院)
import { and, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { schema } from '@zhibu/db';
import type { Actor } from '../../policy/actor';
import { canManageOrg, type OrgTarget } from '../../policy/scope';

const { partnerships } = schema;

export type Sides = { own: OrgTarget; partner: OrgTarget | null };

const readingRoles = ['courtAdmin', 'branchSecretary', 'committeeMember'];

function readsOrg(actor: Actor, t: OrgTarget): boolean {
  return actor.grants.some((g) => {
    if (!readingRoles.includes(g.role)) return false;
    if (g.role === 'courtAdmin') return g.courtId === t.courtId;
    return g.courtId === t.courtId && !!g.orgPath && t.path.startsWith(g.orgPath);
  });
}

function viewsCourt(actor: Actor, courtId: string | null | undefined): boolean {
  return !!courtId && actor.grants.some((g) => g.role === 'higherCourtViewer') && actor.viewableCourtIds.includes(courtId);
}

/** Courts a higher court's viewer oversees below its own (the viewer's court itself excluded). */
export function lowerCourtIdsOf(actor: Actor): string[] {
  if (!actor.grants.some((g) => g.role === 'higherCourtViewer')) return [];
  const roots = new Set(actor.grants.filter((g) => g.role === 'higherCourtViewer').map((g) => g.courtId));
  return actor.viewableCourtIds.filter((id) => !roots.has(id));
}

export const partnershipsPolicy = {
  read: (actor: Actor, s: Sides) =>
    readsOrg(actor, s.own) || (!!s.partner && readsOrg(actor, s.partner)) || viewsCourt(actor, s.own.courtId) || viewsCourt(actor, s.partner?.courtId),
  /** Contacts (names, maybe phones) are for the two sides only, not for a higher court's viewer. */
  seesContacts: (actor: Actor, s: Sides) => readsOrg(actor, s.own) || (!!s.partner && readsOrg(actor, s.partner)),
  create: (actor: Actor, own: OrgTarget) => canManageOrg(actor, own),
  decide: (actor: Actor, s: Sides) => !!s.partner && canManageOrg(actor, s.partner),
  manage: (actor: Actor, s: Sides) => canManageOrg(actor, s.own) || (!!s.partner && canManageOrg(actor, s.partner)),
  /** The list's scope as one SQL condition; no scope → false, never "everything". */
  listCondition(actor: Actor): SQL {
    const parts: SQL[] = [];
    for (const g of actor.grants) {
      if (g.role === 'courtAdmin' && g.courtId) parts.push(or(eq(partnerships.courtId, g.courtId), eq(partnerships.partnerCourtId, g.courtId)) as SQL);
      else if ((g.role === 'branchSecretary' || g.role === 'committeeMember') && g.orgPath && g.courtId)
        parts.push(
          or(
            and(eq(partnerships.courtId, g.courtId), like(partnerships.orgPath, `${g.orgPath}%`)),
            and(eq(partnerships.partnerCourtId, g.courtId), like(partnerships.partnerOrgPath, `${g.orgPath}%`)),
          ) as SQL,
        );
    }
    if (actor.grants.some((g) => g.role === 'higherCourtViewer') && actor.viewableCourtIds.length)
      parts.push(or(inArray(partnerships.courtId, actor.viewableCourtIds), inArray(partnerships.partnerCourtId, actor.viewableCourtIds)) as SQL);
    return parts.length ? (or(...parts) as SQL) : sql`false`;
  },
};
