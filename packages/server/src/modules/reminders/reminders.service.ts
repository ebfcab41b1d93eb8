// 党建工作提示, computed on every request from the recorded activities (never stored), so a branch's
// reminder resolves the moment the activity is recorded. @see RULES.md §1.1, §4.1; issue 3 § Compliance
import { and, eq, gte, inArray, like, lte, or, type SQL } from 'drizzle-orm';
import {
  activityTypeLabels,
  activityTypes,
  addPeriods,
  checkMemberOrgLife,
  computeCompliance,
  countDaysBetween,
  formatActivityCounts,
  periodOf,
  startOfYear,
  summarizeCounts,
  todayInShanghai,
  type ActivityCatalogue,
  type ActivityType,
  type ComplianceActivity,
  type ComplianceLevel,
  type IsoDate,
  type MemberStatus,
  type OrgType,
} from '@zhibu/domain';
import { schema } from '@zhibu/db';
import type { z } from 'zod';
import type { activityCountsResponse, calendarResponse, memberRemindersResponse, OrgReminder, remindersResponse } from '@zhibu/contracts';
import type { Deps } from '../../deps';
import { AppError, invalidField } from '../../errors';
import { forbidIf } from '../../lib/records';
import { getCourtSettings } from '../../lib/settings';
import type { Actor } from '../../policy/actor';
import { memberScopeCondition } from '../../policy/member-scope-sql';
import { canReadOrg } from '../../policy/scope';
import { activityScopeCondition, orgScopeCondition, remindersPolicy } from './reminders.policy';
import { jointPartnerIn } from '../partnerships/joint-activities';
import * as repo from './reminders.repository';
import type { MemoizedJson } from '../../lib/memoized-json';
import { overviewMemoOf, type CourtOverview, type MemoizedReminder } from './overview-memo';

const { partyOrgs, members, activities } = schema;
const ACTIVE = ['probationaryMember', 'fullMember'];
const levelRank: Record<ComplianceLevel, number> = { red: 0, amber: 1, green: 2 };

/**
 * Types judged on frequency, each with its period unit and the first day computeCompliance can judge
 * for it: this year's first period (an ISO week may start in late December) or `lookback` completed
 * periods back, whichever is earlier. A wider window would only count activities nobody judges.
 */
function judgedWindows(catalogue: ActivityCatalogue, today: IsoDate, lookback: number): Map<ActivityType, repo.TypeWindow> {
  const windows = new Map<ActivityType, repo.TypeWindow>();
  for (const type of activityTypes) {
    const d = catalogue[type];
    if (!d.enabled || !d.minFrequency) continue;
    const unit = d.minFrequency.period;
    const firstOfYear = periodOf(startOfYear(today), unit).start;
    const back = addPeriods(periodOf(today, unit), -Math.max(1, lookback)).start;
    windows.set(type, { unit, from: back < firstOfYear ? back : firstOfYear });
  }
  return windows;
}

async function resolveOrgFilter(deps: Deps, actor: Actor, orgId: string | undefined): Promise<SQL | undefined> {
  if (!orgId) return undefined;
  const org = await repo.findOrg(deps.db, orgId);
  if (!org || !canReadOrg(actor, org)) throw new AppError('NOT_FOUND');
  return and(eq(partyOrgs.courtId, org.courtId), like(partyOrgs.path, `${org.path}%`));
}

export async function listReminders(deps: Deps, actor: Actor, q: { courtId?: string; orgId?: string }): Promise<z.infer<typeof remindersResponse>> {
  const { today, entries, counts } = await scopedOverview(deps, actor, q);
  return { today, items: entries.map((e) => e.reminder), total: entries.length, counts };
}

/**
 * The same response as listReminders, as JSON bytes joined from each org's memoized JSON: a court
 * page is 100–500 KB, and serializing it per request cost more than everything else once the
 * overview was memoized. The same day, the same counters and the same orgs give the same page, so
 * it is also assembled, encoded and gzipped once for every caller with that view
 * (OverviewMemo.bodies). overview-memo.test.ts checks it is the listReminders response, valid
 * against the contract.
 */
export async function listRemindersJson(deps: Deps, actor: Actor, q: { courtId?: string; orgId?: string }): Promise<MemoizedJson> {
  const { today, orgs, versions } = await scopedOrgs(deps, actor, q);
  const key = `${today}|${[...versions].map(([c, v]) => `${c}:${v}`).join(',')}|${orgs.map((o) => o.id).join(',')}`;
  const overviews = await courtOverviews(deps, versions, today);
  return overviewMemoOf(deps.db).bodies.get(key, () => {
    const { entries, counts } = pickEntries(orgs, overviews);
    return `{"today":${JSON.stringify(today)},"items":[${entries.map((e) => e.json).join(',')}],"total":${entries.length},"counts":${JSON.stringify(counts)}}`;
  });
}

async function scopedOverview(deps: Deps, actor: Actor, q: { courtId?: string; orgId?: string }) {
  const { today, orgs, versions } = await scopedOrgs(deps, actor, q);
  return { today, ...pickEntries(orgs, await courtOverviews(deps, versions, today)) };
}

/** The caller's orgs on the page, with their courts' org_life_versions counters read in the same query. */
async function scopedOrgs(deps: Deps, actor: Actor, q: { courtId?: string; orgId?: string }) {
  forbidIf(!remindersPolicy.readOrgLevels(actor));
  const today = todayInShanghai(deps.now());
  const where = and(orgScopeCondition(actor, { includeViewer: true }), q.courtId ? eq(partyOrgs.courtId, q.courtId) : undefined, await resolveOrgFilter(deps, actor, q.orgId)) as SQL;
  const orgs = await repo.listScopedOrgsWithVersion(deps.db, where);
  return { today, orgs, versions: new Map(orgs.map((o) => [o.courtId, o.version])) };
}

function pickEntries(orgs: { id: string; courtId: string }[], overviews: Map<string, CourtOverview>) {
  // An org's reminder depends on that org alone, so the caller's scope only picks from the court's.
  const entries: MemoizedReminder[] = [];
  for (const o of orgs) {
    const r = overviews.get(o.courtId)!.get(o.id);
    if (r) entries.push(r);
  }
  // Stable sort: red → amber → green, keeping court and org order within a level.
  entries.sort((a, b) => levelRank[a.reminder.level] - levelRank[b.reminder.level]);
  const counts = { red: 0, amber: 0, green: 0 };
  for (const e of entries) counts[e.reminder.level]++;
  return { entries, counts };
}

/**
 * Each court's whole overview, at least as fresh as the org_life_versions counter read with the
 * caller's orgs: from the memo, else computed (see OverviewMemo.resolve). A computation reads the
 * counters before any data, so what it remembers is never newer than its stamp.
 */
function courtOverviews(deps: Deps, versions: Map<string, number>, today: IsoDate): Promise<Map<string, CourtOverview>> {
  return overviewMemoOf(deps.db).resolve(versions, today, async (courtIds) => {
    const current = await repo.orgLifeVersionsOf(deps.db, courtIds);
    return { versions: current, overviews: await computeCourtOverviews(deps, courtIds, today) };
  });
}

/** The overview of every org of the given courts, judged from the held activities counted per period. */
async function computeCourtOverviews(deps: Deps, courtIds: string[], today: IsoDate): Promise<Map<string, CourtOverview>> {
  const where = inArray(partyOrgs.courtId, courtIds);
  const orgs = await repo.listScopedOrgs(deps.db, where);
  const [names, facts, settings] = await Promise.all([
    repo.courtNames(deps.db, courtIds),
    repo.committeeFacts(deps.db, orgs.filter((o) => o.type === 'branch').map((o) => o.id), today),
    getCourtSettings(deps.db, courtIds),
  ]);
  // Each court has its own catalogue and rule config, but most share the defaults: one grouped
  // count per distinct set of judged windows (usually one for a whole province), all at once.
  const windowsOf = new Map(
    courtIds.map((id) => {
      const { catalogue, config } = settings.get(id)!;
      return [id, judgedWindows(catalogue, today, config.orgLife.lookbackPeriods)] as const;
    }),
  );
  const groups = new Map<string, string[]>();
  for (const [id, w] of windowsOf) {
    const key = JSON.stringify([...w]);
    const ids = groups.get(key);
    if (ids) ids.push(id);
    else groups.set(key, [id]);
  }
  const countRows = (await Promise.all([...groups.values()].map((ids) => repo.countHeldByPeriod(deps.db, inArray(partyOrgs.courtId, ids), windowsOf.get(ids[0]!)!, today)))).flat();
  const countsByOrg = new Map<string, repo.PeriodCount[]>();
  for (const c of countRows) {
    const list = countsByOrg.get(c.orgId);
    if (list) list.push(c);
    else countsByOrg.set(c.orgId, [c]);
  }
  const out = new Map<string, CourtOverview>();
  for (const courtId of courtIds) {
    const courtOrgs = orgs.filter((o) => o.courtId === courtId);
    const { catalogue, config } = settings.get(courtId)!;
    // One synthetic activity per counted one, dated the period's first day: computeCompliance only
    // needs org, type, period and 补录 — rows per group, not per attendance.
    const synthetic: ComplianceActivity[] = [];
    for (const o of courtOrgs) {
      for (const c of countsByOrg.get(o.id) ?? []) {
        for (let i = 0; i < c.count; i++) {
          synthetic.push({ id: `${c.orgId}:${c.type}:${c.periodStart}:${i}`, orgId: c.orgId, type: c.type, date: c.periodStart, status: 'held', lateEntry: i < c.late });
        }
      }
    }
    const result = computeCompliance({
      orgs: courtOrgs.map((o) => {
        const f = facts.get(o.id);
        return {
          id: o.id,
          name: o.name,
          type: o.type as OrgType,
          courtId,
          establishedOn: o.establishedOn,
          hasCommittee: f ? (f.positions > 0 ? true : f.fullMembers < 7 ? false : undefined) : undefined,
        };
      }),
      catalogue,
      activities: synthetic,
      today,
      config: config.orgLife,
    });
    const byOrg = new Map<string, MemoizedReminder>();
    for (const [i, r] of result.entries()) {
      const org = courtOrgs[i]!;
      if (!r.items.length && org.type !== 'branch' && org.type !== 'partyGroup') continue;
      const reminder: OrgReminder = {
        orgId: r.orgId,
        orgName: r.orgName,
        orgType: org.type,
        courtId,
        courtName: names.get(courtId) ?? '',
        level: r.level,
        items: r.items.map((it) => ({
          type: it.type,
          label: it.label,
          state: it.state,
          current: it.current,
          periodKey: it.periodKey,
          periodStart: it.periodStart,
          periodEnd: it.periodEnd,
          count: it.count,
          lateEntryCount: it.lateEntryCount,
          required: it.required,
          daysLeft: it.daysLeft,
          message: it.message,
          rule: it.rule,
        })),
      };
      byOrg.set(r.orgId, { reminder, json: JSON.stringify(reminder) });
    }
    out.set(courtId, byOrg);
  }
  return out;
}

/** 党章第九条: members whose months without organizational life reach the warn/critical thresholds. */
export async function listMemberReminders(deps: Deps, actor: Actor, q: { orgId?: string }): Promise<z.infer<typeof memberRemindersResponse>> {
  forbidIf(!remindersPolicy.readMembers(actor));
  const today = todayInShanghai(deps.now());
  let orgFilter: SQL | undefined;
  if (q.orgId) {
    const org = await repo.findOrg(deps.db, q.orgId);
    if (!org || !canReadOrg(actor, org)) throw new AppError('NOT_FOUND');
    orgFilter = org.type === 'partyGroup' ? eq(members.groupId, org.id) : and(eq(members.courtId, org.courtId), like(members.orgPath, `${org.path}%`));
  }
  const base = and(inArray(members.status, ACTIVE), memberScopeCondition(actor), orgFilter) as SQL;
  const courtIds = [...new Set(actor.grants.filter((g) => g.courtId && g.role !== 'higherCourtViewer').map((g) => g.courtId!))];
  const items: z.infer<typeof memberRemindersResponse>['items'] = [];
  const settings = await getCourtSettings(deps.db, courtIds);
  for (const courtId of courtIds) {
    const { catalogue, config } = settings.get(courtId)!;
    const counting = activityTypes.filter((t) => catalogue[t].enabled && catalogue[t].countsAsOrgLife);
    const rows = await repo.lastOrgLifeByMember(deps.db, and(base, eq(members.courtId, courtId)) as SQL, counting, today);
    for (const r of rows) {
      const lastPresent = r.lastPresent ? r.lastPresent.slice(0, 10) : null;
      const lastExempt = r.lastExempt ? r.lastExempt.slice(0, 10) : null;
      // 免于参加 marked at the latest record (年老体弱、长期患病: 教育管理条例 第二十三条).
      const exempt = !!lastExempt && (!lastPresent || lastExempt >= lastPresent);
      // The branch cannot count months before the member was on its roster in the platform.
      const joinedBranchOn = todayInShanghai(r.createdAt);
      const result = checkMemberOrgLife(
        { memberId: r.id, status: r.status as MemberStatus, exempt, lastAttendedOn: lastPresent, joinedBranchOn: joinedBranchOn <= today ? joinedBranchOn : null },
        today,
        config.orgLife.memberAbsence,
      );
      if (result.level === 'ok') continue;
      items.push({
        memberId: r.id,
        memberName: r.name,
        orgId: r.orgId,
        orgName: r.orgName,
        months: result.months,
        since: result.since,
        level: result.level,
        message: result.message,
        note: result.note,
        rule: result.rule,
      });
    }
  }
  items.sort((a, b) => (a.level === b.level ? (b.months ?? 0) - (a.months ?? 0) : a.level === 'critical' ? -1 : 1));
  return { today, items, total: items.length };
}

/**
 * The court whose counts to show when none is asked for: a higher-court viewer's own court has no
 * orgs of its own in scope (they see the courts below), so they start at the first lower court they
 * may see; everyone else gets their own court.
 */
function defaultCountsCourt(actor: Actor): string | undefined {
  const viewerRoots = new Set(actor.grants.filter((g) => g.role === 'higherCourtViewer' && g.courtId).map((g) => g.courtId!));
  const worksInOwnCourt = actor.grants.some((g) => g.role !== 'higherCourtViewer' && g.courtId && g.courtId === actor.courtId);
  if (viewerRoots.size && !worksInOwnCourt) {
    const lower = actor.viewableCourtIds.find((id) => !viewerRoots.has(id));
    if (lower) return lower;
  }
  return actor.courtId ?? actor.viewableCourtIds[0];
}

/** Yearly held activities per type, per org and for the caller's scope of a court (the articles' figures). */
export async function activityCounts(deps: Deps, actor: Actor, q: { courtId?: string; year: number }): Promise<z.infer<typeof activityCountsResponse>> {
  forbidIf(!remindersPolicy.readCounts(actor));
  const courtId = q.courtId ?? defaultCountsCourt(actor);
  if (!courtId) throw invalidField('courtId', '请指定法院');
  const orgs = await repo.listScopedOrgs(deps.db, and(orgScopeCondition(actor, { includeViewer: true }), eq(partyOrgs.courtId, courtId)) as SQL);
  if (!orgs.length) throw new AppError('NOT_FOUND');
  const names = await repo.courtNames(deps.db, [courtId]);
  const rows = await repo.countHeldByOrgAndType(
    deps.db,
    orgs.map((o) => o.id),
    `${q.year}-01-01`,
    `${q.year}-12-31`,
  );
  const synthetic: ComplianceActivity[] = [];
  for (const r of rows) {
    for (let i = 0; i < r.count; i++) synthetic.push({ id: '', orgId: r.orgId, type: r.type as ActivityType, date: `${q.year}-01-01`, status: 'held', lateEntry: i < r.late });
  }
  const strip = ({ type, label, count, lateEntryCount }: { type: ActivityType; label: string; count: number; lateEntryCount: number }) => ({ type, label, count, lateEntryCount });
  const total = summarizeCounts(synthetic, { by: 'type', year: q.year }).map(strip);
  const byOrg = summarizeCounts(synthetic, { by: 'orgAndType', year: q.year });
  return {
    courtId,
    courtName: names.get(courtId) ?? '',
    year: q.year,
    total: { rows: total, text: formatActivityCounts(total) },
    orgs: orgs
      .map((o) => {
        const own = byOrg.filter((r) => r.orgId === o.id).map(strip);
        return { orgId: o.id, orgName: o.name, rows: own, text: formatActivityCounts(own) };
      })
      .filter((o) => o.rows.length > 0),
  };
}

export async function listCalendar(deps: Deps, actor: Actor, q: { orgId?: string; courtId?: string; from: IsoDate; to: IsoDate }): Promise<z.infer<typeof calendarResponse>> {
  forbidIf(!remindersPolicy.readCalendar(actor));
  if (q.to < q.from) throw invalidField('to', '结束日期不能早于开始日期');
  if (countDaysBetween(q.from, q.to) > 366) throw invalidField('to', '查询范围不能超过一年');
  let memberOrgPath: string | null = null;
  if (actor.memberId) memberOrgPath = (await repo.memberOrgPath(deps.db, actor.memberId)) ?? null;
  let orgFilter: SQL | undefined;
  if (q.orgId) {
    const org = await repo.findOrg(deps.db, q.orgId);
    if (!org || !canReadOrg(actor, org)) throw new AppError('NOT_FOUND');
    // 联建活动 of another branch with this org as partner show on its calendar too.
    orgFilter = or(and(eq(activities.courtId, org.courtId), like(activities.orgPath, `${org.path}%`)), jointPartnerIn(org.courtId, org.path));
  }
  const rows = await repo.listCalendar(
    deps.db,
    and(activityScopeCondition(actor, memberOrgPath), orgFilter, q.courtId ? eq(activities.courtId, q.courtId) : undefined, gte(activities.heldOn, q.from), lte(activities.heldOn, q.to)) as SQL,
  );
  const items = rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: r.orgName,
    type: r.type as ActivityType,
    label: activityTypeLabels[r.type as ActivityType] ?? r.type,
    title: r.title,
    heldOn: r.heldOn,
    startsAt: r.startsAt.toISOString(),
    status: r.status as 'planned' | 'held' | 'cancelled',
    lateEntry: r.lateEntry,
  }));
  return { items, total: items.length };
}
