// The home page: the caller's scope at a glance (orgs, members by status and position, 换届 due).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import { dashboardSchema, type Dashboard } from '@zhibu/contracts';
import { schema } from '@zhibu/db';
import { requireActor } from '../../auth/auth-hook';
import type { Deps } from '../../deps';
import { forbidIf } from '../../lib/records';
import { hasRole, type Actor } from '../../policy/actor';
import { courtCondition, memberScopeCondition } from '../../policy/member-scope-sql';
import { termWarnings } from '../orgs/orgs.service';
import { ACTIVE_MEMBER_STATUSES } from '../orgs/orgs.repository';

const { members, partyOrgs, courts } = schema;

export const dashboardPolicy = {
  read: (a: Actor) => hasRole(a, 'courtAdmin', 'branchSecretary', 'committeeMember', 'groupLeader', 'member', 'higherCourtViewer'),
};

async function buildDashboard(deps: Deps, actor: Actor): Promise<Dashboard> {
  const managing = actor.grants.filter((g) => ['courtAdmin', 'branchSecretary', 'committeeMember', 'groupLeader'].includes(g.role));
  const viewerOnly = !managing.length && hasRole(actor, 'higherCourtViewer');
  const personal = !managing.length && !viewerOnly;
  if (personal) {
    return { scopeName: actor.displayName, courts: [], orgCountsByType: [], memberCountsByStatus: [], memberCountsByPosition: [], termsDue: [], personal: true };
  }
  // Org scope: court-wide for admins and viewers, subtrees for secretaries and group leaders.
  const courtIds = viewerOnly ? actor.viewableCourtIds : managing.filter((g) => g.role === 'courtAdmin').map((g) => g.courtId!);
  const orgConds: SQL[] = [];
  if (courtIds.length) orgConds.push(inArray(partyOrgs.courtId, courtIds));
  for (const g of managing) if (g.role !== 'courtAdmin' && g.orgPath) orgConds.push(like(partyOrgs.path, `${g.orgPath}%`));
  const orgWhere = and(isNull(partyOrgs.dissolvedOn), orgConds.length ? or(...orgConds) : sql`false`);
  const memberWhere = and(inArray(members.status, ACTIVE_MEMBER_STATUSES), viewerOnly ? courtCondition(courtIds) : memberScopeCondition(actor));
  const allStatusWhere = viewerOnly ? courtCondition(courtIds) : memberScopeCondition(actor);

  const [orgTypeRows, statusRows, positionRows, orgs] = await Promise.all([
    deps.db.select({ type: partyOrgs.type, count: sql<number>`count(*)::int` }).from(partyOrgs).where(orgWhere).groupBy(partyOrgs.type),
    deps.db.select({ status: members.status, count: sql<number>`count(*)::int` }).from(members).where(allStatusWhere).groupBy(members.status),
    deps.db.select({ position: members.position, count: sql<number>`count(*)::int` }).from(members).where(memberWhere).groupBy(members.position),
    deps.db.select({ id: partyOrgs.id, name: partyOrgs.name, courtId: partyOrgs.courtId, type: partyOrgs.type }).from(partyOrgs).where(orgWhere),
  ]);
  const scopeCourtIds = [...new Set(orgs.map((o) => o.courtId))];
  const courtRows = scopeCourtIds.length ? await deps.db.select().from(courts).where(inArray(courts.id, scopeCourtIds)) : [];
  const perCourtMembers = scopeCourtIds.length
    ? await deps.db
        .select({ courtId: members.courtId, n: sql<number>`count(*)::int` })
        .from(members)
        .where(and(memberWhere, inArray(members.courtId, scopeCourtIds)))
        .groupBy(members.courtId)
    : [];
  const courtName = new Map(courtRows.map((c) => [c.id, c.name]));
  const warnings = await termWarnings(deps, orgs);
  const scopeName = managing.length
    ? managing.map((g) => g.scopeName).filter(Boolean).join('、')
    : actor.grants.filter((g) => g.role === 'higherCourtViewer').map((g) => g.scopeName).filter(Boolean).join('、');
  return {
    scopeName: scopeName || actor.displayName,
    courts: courtRows.map((c) => ({
      id: c.id,
      name: c.name,
      level: c.level,
      memberCount: perCourtMembers.find((p) => p.courtId === c.id)?.n ?? 0,
      branchCount: orgs.filter((o) => o.courtId === c.id && o.type === 'branch').length,
    })),
    orgCountsByType: orgTypeRows,
    memberCountsByStatus: statusRows,
    memberCountsByPosition: positionRows,
    termsDue: warnings.map((w) => ({ ...w, courtName: courtName.get(w.courtId) ?? '' })),
    personal: false,
  };
}

export function dashboardRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/dashboard', { schema: { tags: ['dashboard'], summary: '首页概览（调用者范围内）', response: { 200: dashboardSchema } } }, async (req) => {
      const actor = requireActor(req);
      forbidIf(!dashboardPolicy.read(actor));
      return buildDashboard(deps, actor);
    });
  };
}
