// Who sees which 党建工作提示 (issue 3 § Compliance):
// - 机关党委管理员: every org of the court; 支部书记/支委: their branch's subtree; 党小组长: their group.
// - 上级法院: the levels of the lower courts' orgs (org names and reasons, never member names).
// - 党员 alone: nothing (403) — reminders are the branch's work list, not personal data.
// Member reminders (党章第九条 months) name members, so higher-court viewers do not get them.
import { and, eq, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import { schema } from '@zhibu/db';
import { hasRole, type Actor } from '../../policy/actor';
import { jointPartnerIn, jointScopeCondition } from '../partnerships/joint-activities';

const { partyOrgs, activities } = schema;

const managingRoles = ['courtAdmin', 'branchSecretary', 'committeeMember', 'groupLeader'] as const;

export const remindersPolicy = {
  readOrgLevels: (actor: Actor) => hasRole(actor, ...managingRoles, 'higherCourtViewer'),
  readMembers: (actor: Actor) => hasRole(actor, ...managingRoles),
  /** Yearly counts are aggregates: managers and higher-court viewers. */
  readCounts: (actor: Actor) => hasRole(actor, ...managingRoles, 'higherCourtViewer'),
  /** The calendar shows titles and dates: managers, and members for their own branch. */
  readCalendar: (actor: Actor) => hasRole(actor, ...managingRoles, 'member'),
};

/** Party orgs (not dissolved) the actor may see reminders of, as one SQL condition. */
export function orgScopeCondition(actor: Actor, opts: { includeViewer: boolean }): SQL {
  const parts: SQL[] = [];
  for (const g of actor.grants) {
    if (g.role === 'courtAdmin' && g.courtId) parts.push(eq(partyOrgs.courtId, g.courtId));
    else if ((g.role === 'branchSecretary' || g.role === 'committeeMember' || g.role === 'groupLeader') && g.orgPath && g.courtId)
      parts.push(and(eq(partyOrgs.courtId, g.courtId), like(partyOrgs.path, `${g.orgPath}%`)) as SQL);
  }
  if (opts.includeViewer && hasRole(actor, 'higherCourtViewer') && actor.viewableCourtIds.length) parts.push(inArray(partyOrgs.courtId, actor.viewableCourtIds));
  return and(isNull(partyOrgs.dissolvedOn), parts.length ? or(...parts) : sql`false`) as SQL;
}

/** Activities the actor may see on the calendar: managed subtrees, and a member's own branch. */
export function activityScopeCondition(actor: Actor, memberOrgPath: string | null): SQL {
  const parts: SQL[] = [];
  for (const g of actor.grants) {
    if (g.role === 'courtAdmin' && g.courtId) parts.push(eq(activities.courtId, g.courtId));
    else if ((g.role === 'branchSecretary' || g.role === 'committeeMember' || g.role === 'groupLeader') && g.orgPath && g.courtId)
      parts.push(and(eq(activities.courtId, g.courtId), like(activities.orgPath, `${g.orgPath}%`)) as SQL);
  }
  if (memberOrgPath && hasRole(actor, 'member')) parts.push(like(activities.orgPath, `${memberOrgPath}%`));
  // 联建活动 hosted by another branch with the caller's (or the member's) branch as partner.
  const joint = jointScopeCondition(actor);
  if (joint) parts.push(joint);
  if (memberOrgPath && hasRole(actor, 'member') && actor.courtId) parts.push(jointPartnerIn(actor.courtId, memberOrgPath));
  return parts.length ? (or(...parts) as SQL) : sql`false`;
}
