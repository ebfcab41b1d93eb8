// Who may see and act on organizational-life records.
// Read: the court admin the whole court; secretaries and committee members their subtree; a group
// leader the group's own activities and the branch's all-member ones; a member only activities at
// which they are expected (or attended). Higher-court viewers see none here (aggregates only).
// Manage (plan, edit, record, cancel, attendance, sign-in window, attachments, case reviews) is
// canManageOrg over the activity's org. Review of a submitted record is canManageOrg over the
// PARENT org: the branch never approves its own record. @see DESIGN.md § Who uses it
import { and, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { schema } from '@zhibu/db';
import type { Actor } from '../../policy/actor';
import { canManageOrg } from '../../policy/scope';
import { jointScopeCondition } from '../partnerships/joint-activities';

const { activities, activityAttendance } = schema;

export type ActivityTarget = { courtId: string; orgId: string; orgPath: string; type: string };

/** The branch path of a 党小组's path '/a/b/group/' → '/a/b/'. */
export function parentPathOf(path: string): string {
  const parts = path.split('/').filter(Boolean);
  return parts.length <= 1 ? '/' : `/${parts.slice(0, -1).join('/')}/`;
}

function readsByGrant(actor: Actor, a: ActivityTarget, allMemberTypes: readonly string[]): boolean {
  return actor.grants.some((g) => {
    if (g.role === 'courtAdmin') return g.courtId === a.courtId;
    if ((g.role === 'branchSecretary' || g.role === 'committeeMember') && g.orgPath) return g.courtId === a.courtId && a.orgPath.startsWith(g.orgPath);
    if (g.role === 'groupLeader' && g.orgId && g.orgPath) {
      if (a.orgId === g.orgId) return true;
      return g.courtId === a.courtId && a.orgPath === parentPathOf(g.orgPath) && allMemberTypes.includes(a.type);
    }
    return false;
  });
}

export const activitiesPolicy = {
  /** `isExpected`: the caller's member record is on the activity's attendance list. */
  read: (actor: Actor, a: ActivityTarget, isExpected: boolean, allMemberTypes: readonly string[]) =>
    readsByGrant(actor, a, allMemberTypes) || isExpected,
  /** Reads through a role over the org (not merely as an attendee): sees others' leave reasons too. */
  readByRole: (actor: Actor, a: ActivityTarget, allMemberTypes: readonly string[]) => readsByGrant(actor, a, allMemberTypes),
  manage: (actor: Actor, a: { courtId: string; orgPath: string }) => canManageOrg(actor, { courtId: a.courtId, path: a.orgPath }),
  /** Managers of the parent org only; an org without a parent has nobody to review it here. */
  review: (actor: Actor, parent: { courtId: string; path: string } | null | undefined) => !!parent && canManageOrg(actor, parent),
  /** The list's scope as one SQL condition; no scope → false, never "everything". */
  listCondition(actor: Actor, allMemberTypes: readonly string[]): SQL {
    const parts: SQL[] = [];
    for (const g of actor.grants) {
      if (g.role === 'courtAdmin' && g.courtId) parts.push(eq(activities.courtId, g.courtId));
      else if ((g.role === 'branchSecretary' || g.role === 'committeeMember') && g.orgPath && g.courtId)
        parts.push(and(eq(activities.courtId, g.courtId), like(activities.orgPath, `${g.orgPath}%`)) as SQL);
      else if (g.role === 'groupLeader' && g.orgId && g.orgPath && g.courtId) {
        parts.push(eq(activities.orgId, g.orgId));
        if (allMemberTypes.length)
          parts.push(and(eq(activities.courtId, g.courtId), eq(activities.orgPath, parentPathOf(g.orgPath)), inArray(activities.type, [...allMemberTypes])) as SQL);
      }
    }
    // 联建活动 held by another branch with the caller's branch as partner.
    const joint = jointScopeCondition(actor);
    if (joint) parts.push(joint);
    if (actor.memberId) {
      parts.push(
        sql`exists (select 1 from ${activityAttendance} where ${activityAttendance.activityId} = ${activities.id} and ${activityAttendance.memberId} = ${actor.memberId})`,
      );
    }
    return parts.length ? (or(...parts) as SQL) : sql`false`;
  },
};
