// Organizational life at province scale (issue 3 § Performance): the 党建工作提示 overview
// (GET /api/v1/reminders) of (a) one intermediate court's admin and (b) a 上级法院 viewer of the
// whole province, each against the floor — the same overview written by hand as one SQL query,
// through the same pg driver with the same pool size at the same concurrency — at three sizes of
// history loaded one after the other into one database (1/16, 4/16 and 16/16 of five years), and
// the branch-year 台账 binder (.docx).
import http from 'node:http';
import { gunzip } from 'node:zlib';
import pg from 'pg';
import { activityTypes, defaultActivityCatalogue, defaultRuleConfig, todayInShanghai, type ActivityCatalogue, type IsoDate, type OrgLifeConfig } from '@zhibu/domain';
import { newId, schema } from '@zhibu/db';
import { buildApp, createDeps, readConfig } from '@zhibu/server';
import { hashPassword } from '@zhibu/server/auth/auth.service';
import { countHistory, historySlices, loadHistorySlice } from './org-life-data';
import { runLoad, summarizeLoad, type LoadResult, type LoadRun } from './load';
import type { Province, ProvinceCourt } from './province';

const POOL_SIZE = 10; // the server's default pool (packages/db openDatabase)
const ROUNDS = 2;
const BINDER_RUNS = 5;
// The province overview is a 上级法院 page for a handful of viewers, not a 50-client page: two
// concurrent viewers, in rounds of at least 6 s without warm-up (the equivalence check warmed it),
// since one request takes seconds on this machine and would otherwise never finish inside a round.
const PROVINCE_CONCURRENCY = 2;
const PROVINCE_ROUND_MS = 6000;

export type Levels = { red: number; amber: number; green: number };
export type OrgLifeCase = {
  key: 'court' | 'courtWritten' | 'province';
  label: string;
  concurrency: number;
  seconds: number;
  bytes: number;
  /** As sent: gzipped when the server compresses. */
  wireBytes: number;
  orgs: number;
  levels: Levels;
  api: LoadResult;
  floor: LoadResult;
  apiQueries: number;
  floorQueries: number;
};
export type OrgLifeStep = { label: string; sixteenths: number; from: IsoDate; activities: number; attendance: number; loadSeconds: number; cases: OrgLifeCase[] };
export type BinderFigures = { orgName: string; courtName: string; year: number; activities: number; attendance: number; bytes: number; runsMs: number[]; medianMs: number; maxMs: number };
export type OrgLifeResult = { today: IsoDate; start: IsoDate; courtName: string; steps: OrgLifeStep[]; binder: BinderFigures | null };

// The overview by hand: for the orgs of the given courts, per org, judged type and judged period
// (the current one, this year's completed ones and at least `lookback` completed ones), the held
// activities against the catalogue's minimum; each org's items (current period, missed ones) and
// level. Rules come in as parameters (the catalogue's judged types), like the app's configuration.
const floorSql = `
with rules as (
  select * from unnest($2::text[], $3::text[], $4::int[], $5::text[], $6::int[]) as r(type, unit, required, held_by, due_soon)
),
units as (
  select distinct r.unit,
         case r.unit when 'week' then interval '1 week' when 'month' then interval '1 month' when 'quarter' then interval '3 months'
                     when 'halfYear' then interval '6 months' else interval '1 year' end as step,
         case r.unit when 'halfYear' then make_date(extract(year from $1::date)::int, case when extract(month from $1::date) <= 6 then 1 else 7 end, 1)
                     else date_trunc(r.unit, $1::date::timestamp)::date end as current_start
    from rules r
),
periods as (
  select u.unit, k.k, s.start, (s.start + u.step - interval '1 day')::date as finish
    from units u cross join generate_series(0, 54 + $7::int) k(k)
    cross join lateral (select (u.current_start - k.k * u.step)::date as start) s
   where k.k = 0 or k.k <= $7::int
      or (case when u.unit = 'week' then extract(isoyear from s.start) else extract(year from s.start) end) = extract(year from $1::date)
),
scope as (select o.id, o.type, o.established_on from party_orgs o where o.court_id = any($8::uuid[]) and o.dissolved_on is null),
-- 正式党员不足7人、未设支委的支部 are not judged on 支委会.
no_committee as (
  select s.id from scope s
   where s.type = 'branch'
     and not exists (select 1 from committee_positions cp where cp.org_id = s.id and cp.start_on <= $1::date and (cp.end_on is null or cp.end_on >= $1::date))
     and (select count(*) from members m where m.org_id = s.id and m.status = 'fullMember') < 7
),
-- Each type's judged window: from the oldest judged period of its unit (weekly ones need this year, yearly ones last year too).
type_window as (select r.type, r.unit, min(p.start) as start from rules r join periods p on p.unit = r.unit group by r.type, r.unit),
-- Held activities of the courts in their type's window, per org, type and period (each type's own unit).
held as (
  select x.org_id, x.type,
         case when x.unit = 'halfYear' then make_date(extract(year from x.held_on)::int, case when extract(month from x.held_on) <= 6 then 1 else 7 end, 1)
              else date_trunc(x.unit, x.held_on::timestamp)::date end as start,
         count(*)::int as n, (count(*) filter (where x.late_entry))::int as late
    from (select a.org_id, a.type, a.held_on, a.late_entry, w.unit
            from activities a
            join type_window w on w.type = a.type and a.held_on >= w.start
           where a.court_id = any($8::uuid[]) and a.status = 'held' and a.type = any($2::text[])
             and a.held_on >= (select min(start) from periods) and a.held_on <= $1::date) x
   group by 1, 2, 3
),
items as (
  select s.id as org_id, r.type, p.k, p.start, coalesce(h.n, 0) as n, coalesce(h.late, 0) as late, r.required,
         case when p.k = 0 then (case when coalesce(h.n, 0) >= r.required then 'done' when p.finish - $1::date <= r.due_soon then 'dueSoon' else 'pending' end)
              when coalesce(h.n, 0) < r.required then 'missed' else 'done' end as state
    from scope s
    join rules r on s.type = any(string_to_array(r.held_by, ','))
    join periods p on p.unit = r.unit
    left join held h on h.org_id = s.id and h.type = r.type and h.start = p.start
   where not (r.type = 'committeeMeeting' and s.id in (select id from no_committee))
     and (s.established_on is null or s.established_on <= p.start)
)
select s.id as org_id,
       case when bool_or(i.state = 'missed') then 'red' when bool_or(i.state = 'dueSoon') then 'amber' else 'green' end as level,
       coalesce(json_agg(json_build_object('type', i.type, 'periodStart', i.start, 'state', i.state, 'count', i.n, 'late', i.late, 'required', i.required))
                  filter (where i.k = 0 or i.state = 'missed'), '[]') as items
  from scope s
  left join items i on i.org_id = s.id
 group by s.id, s.type
having s.type in ('branch', 'partyGroup') or count(i.org_id) filter (where i.k = 0 or i.state = 'missed') > 0`;

type FloorRow = { org_id: string; level: 'red' | 'amber' | 'green'; items: { type: string; periodStart: string; state: string; count: number }[] };
type ApiBody = { items: { orgId: string; level: string; items: { type: string; periodStart: string; state: string; count: number }[] }[]; counts: Levels };

/** The catalogue's judged types as the floor's parameters $2–$7 (every court of the bench keeps the defaults). */
function floorRules(catalogue: ActivityCatalogue, config: OrgLifeConfig): unknown[] {
  const judged = activityTypes.map((t) => catalogue[t]).filter((d) => d.enabled && d.minFrequency);
  return [
    judged.map((d) => d.type),
    judged.map((d) => d.minFrequency!.period),
    judged.map((d) => d.minFrequency!.count),
    judged.map((d) => d.heldBy.join(',')),
    judged.map((d) => config.dueSoonDays[d.minFrequency!.period]),
    config.lookbackPeriods,
  ];
}

const signature = (items: { type: string; periodStart: string; state: string; count: number }[]) =>
  items.map((i) => `${i.type}|${i.periodStart.slice(0, 10)}|${i.state}|${i.count}`).sort().join(',');

export async function runOrgLifeBench(opts: {
  databaseUrl: string;
  secretKey: string;
  province: Province;
  concurrency: number;
  durationMs: number;
  warmupMs: number;
  log: (line: string) => void;
}): Promise<OrgLifeResult> {
  const { log } = opts;
  const config = { ...readConfig({}), databaseUrl: opts.databaseUrl, secretKey: opts.secretKey, logLevel: 'silent', dataDir: '/nonexistent' };
  const deps = await createDeps(config);
  const today = todayInShanghai(deps.now());
  const high = opts.province.courts.find((c) => c.level === 'high')!;
  // (a) the intermediate court with the most branches (the first of equals).
  const court = [...opts.province.courts].filter((c) => c.level === 'intermediate').sort((a, b) => b.branches.length - a.branches.length)[0] ?? high;
  const allCourtIds = opts.province.courts.map((c) => c.id);

  // A 上级法院 viewer on the high court: sees the levels of every court below (and its own).
  const viewer = { id: newId(), username: 'bench-viewer', password: opts.province.password };
  await deps.db.insert(schema.users).values({ id: viewer.id, username: viewer.username, displayName: '贵州高院上级法院查看', passwordHash: await hashPassword(viewer.password), courtId: high.id, mustChangePassword: false });
  await deps.db.insert(schema.roleGrants).values({ id: newId(), userId: viewer.id, role: 'higherCourtViewer', courtId: high.id, orgId: null });

  const app = await buildApp(deps, { logger: false, serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: POOL_SIZE, options: '-c TimeZone=Asia/Shanghai' });
  const loader = new pg.Client({ connectionString: opts.databaseUrl });
  await loader.connect();

  // Asks as a browser does (Accept-Encoding: gzip). Under load the clients, like wrk or autocannon,
  // take the bytes as sent (`inflate: false`): inflating is the browser's work on its own machine,
  // and here it would take the server's CPU. The checks before each case inflate and compare.
  const get = (path: string, cookie: string, opts: { inflate?: boolean } = {}) =>
    new Promise<{ status: number; body: Buffer; wireBytes: number }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path, method: 'GET', agent, headers: { cookie, 'accept-encoding': 'gzip, deflate, br' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const wire = Buffer.concat(chunks);
          const done = (body: Buffer) => resolve({ status: res.statusCode ?? 0, body, wireBytes: wire.length });
          if (res.headers['content-encoding'] === 'gzip' && opts.inflate !== false) gunzip(wire, (err, body) => (err ? reject(err) : done(body)));
          else done(wire);
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  const login = async (username: string) => {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: opts.province.password }) });
    const sid = /zhibu_sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
    if (res.status !== 200 || !sid) throw new Error(`登录 ${username} 失败：${res.status}`);
    return `zhibu_sid=${sid}`;
  };

  const rules = floorRules(defaultActivityCatalogue, defaultRuleConfig.orgLife);
  const floorQuery = async (courtIds: string[]) => (await pool.query(floorSql, [today, ...rules, courtIds])).rows as FloorRow[];

  // Round trips to PostgreSQL per request, counted at the driver while checking equivalence.
  let roundTrips = 0;
  const clientQuery = pg.Client.prototype.query;
  const countingQuery = function (this: pg.Client, ...args: unknown[]) {
    roundTrips++;
    return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
  };
  const counted = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
    pg.Client.prototype.query = countingQuery as never;
    roundTrips = 0;
    try {
      const out = await fn();
      return [out, roundTrips];
    } finally {
      pg.Client.prototype.query = clientQuery;
    }
  };

  try {
    const cookies = { court: await login(court.adminUsername), viewer: await login(viewer.username) };
    const round = opts.durationMs / ROUNDS;
    // (a′): before each request, on both sides, one write to the court (a no-op update of one of its
    // orgs, which raises its org_life_versions counter): the API's per-court memo never holds, so it
    // shows the cost of recomputing — what the first visitor after a recorded activity waits.
    const touchedOrg = court.branches[0]!.id;
    const writeToCourt = () => pool.query('update party_orgs set sort_order = sort_order where id = $1', [touchedOrg]);
    const cases: { key: OrgLifeCase['key']; label: string; cookie: string; courtIds: string[]; concurrency: number; warmupMs: number; roundMs: number; before?: () => Promise<unknown> }[] = [
      { key: 'court', label: `(a) ${court.name}管理员：本院提醒页`, cookie: cookies.court, courtIds: [court.id], concurrency: opts.concurrency, warmupMs: opts.warmupMs, roundMs: round },
      { key: 'courtWritten', label: `(a′) 同上，每次请求前本院有一次写入`, cookie: cookies.court, courtIds: [court.id], concurrency: opts.concurrency, warmupMs: opts.warmupMs, roundMs: round, before: writeToCourt },
      {
        key: 'province',
        label: `(b) 高院上级法院查看：全省 ${opts.province.courts.length} 个法院`,
        cookie: cookies.viewer,
        courtIds: allCourtIds,
        concurrency: Math.min(PROVINCE_CONCURRENCY, opts.concurrency),
        warmupMs: 0,
        roundMs: Math.max(round, PROVINCE_ROUND_MS),
      },
    ];
    log(`  API 在 http://127.0.0.1:${port} 监听；今天 ${today}；(a) ${court.name}（${court.branches.length} 个支部），(b) 全省；并发 ${opts.concurrency}（全省 ${Math.min(PROVINCE_CONCURRENCY, opts.concurrency)}，每轮至少 ${PROVINCE_ROUND_MS / 1000} 秒），每项 ${opts.durationMs / 1000} 秒（另预热 ${opts.warmupMs / 1000} 秒）`);

    const { start, slices } = historySlices(today);
    const sixteenths = [1, 4, 16];
    const steps: OrgLifeStep[] = [];
    let loadSeconds = 0;
    for (const [s, slice] of slices.entries()) {
      log(`  载入历史 ${slice.from} 至 ${slice.to}（不含）…`);
      const figures = await loadHistorySlice(loader, slice, today, log);
      const t = performance.now();
      await loader.query('vacuum (analyze) activities');
      await loader.query('analyze activity_attendance');
      loadSeconds += figures.seconds + (performance.now() - t) / 1000;
      const rows = await countHistory(loader);
      const label = `${sixteenths[s]}×`;
      log(`  ${label}：${rows.activities.toLocaleString('en-US')} 次活动、${rows.attendance.toLocaleString('en-US')} 条出席记录（自 ${slice.from}）`);
      const results: OrgLifeCase[] = [];
      for (const c of cases) {
        // The floor must compute the same overview: the same orgs, levels, and items (type, period, state, count).
        const [res, apiTrips] = await counted(() => get('/api/v1/reminders', c.cookie));
        if (res.status !== 200) throw new Error(`/api/v1/reminders → ${res.status} ${res.body.toString('utf8').slice(0, 200)}`);
        const api = JSON.parse(res.body.toString('utf8')) as ApiBody;
        const [floor, floorTrips] = await counted(() => floorQuery(c.courtIds));
        const apiByOrg = new Map(api.items.map((o) => [o.orgId, o]));
        const problems: string[] = [];
        if (api.items.length !== floor.length) problems.push(`API ${api.items.length} 个党组织，SQL ${floor.length} 个`);
        for (const f of floor) {
          const a = apiByOrg.get(f.org_id);
          if (!a) problems.push(`SQL 有 ${f.org_id}，API 没有`);
          else if (a.level !== f.level) problems.push(`${f.org_id}：API ${a.level}，SQL ${f.level}`);
          else if (signature(a.items) !== signature(f.items)) problems.push(`${f.org_id}：各项不同\n    API ${signature(a.items)}\n    SQL ${signature(f.items)}`);
        }
        if (problems.length) throw new Error(`API 与手写 SQL 的结果不同（${c.label}）：\n  ${problems.slice(0, 5).join('\n  ')}`);
        const levels = { red: api.counts.red, amber: api.counts.amber, green: api.counts.green };

        const apiRuns: LoadRun[] = [];
        const floorRuns: LoadRun[] = [];
        const load = { concurrency: c.concurrency, warmupMs: c.warmupMs, durationMs: c.roundMs };
        for (let r = 0; r < ROUNDS; r++) {
          apiRuns.push(
            await runLoad(async () => {
              await c.before?.();
              const x = await get('/api/v1/reminders', c.cookie, { inflate: false });
              if (x.status !== 200) throw new Error(`HTTP ${x.status}: ${x.body.toString('utf8').slice(0, 120)}`);
            }, load),
          );
          floorRuns.push(
            await runLoad(async () => {
              await c.before?.();
              await floorQuery(c.courtIds);
            }, load),
          );
        }
        const apiLoad = summarizeLoad(apiRuns);
        const floorLoad = summarizeLoad(floorRuns);
        log(`    ${c.label}：${api.items.length} 个党组织（红 ${levels.red}/黄 ${levels.amber}/绿 ${levels.green}，与 SQL 一致）；API p95 ${apiLoad.p95.toFixed(1)} ms（${apiLoad.throughput.toFixed(1)} 次/秒，每请求 ${apiTrips} 次查询，响应 ${(res.body.length / 1024).toFixed(0)} KB），SQL 下限 p95 ${floorLoad.p95.toFixed(1)} ms（${floorLoad.throughput.toFixed(1)} 次/秒）`);
        results.push({ key: c.key, label: c.label, concurrency: c.concurrency, seconds: (c.roundMs * ROUNDS) / 1000, bytes: res.body.length, wireBytes: res.wireBytes, orgs: api.items.length, levels, api: apiLoad, floor: floorLoad, apiQueries: apiTrips, floorQueries: floorTrips });
      }
      steps.push({ label, sixteenths: sixteenths[s]!, from: slice.from, activities: rows.activities, attendance: rows.attendance, loadSeconds, cases: results });
    }

    const binder = await measureBinder({ loader, today, province: opts.province, login, get, log });
    return { today, start, courtName: court.name, steps, binder };
  } finally {
    agent.destroy();
    await loader.end();
    await pool.end();
    await app.close();
    await deps.handle.close();
  }
}

/** The binder of the branch-year (last full year) whose held activities (branch and its 党小组) are nearest 60. */
async function measureBinder(o: {
  loader: pg.Client;
  today: IsoDate;
  province: Province;
  login: (username: string) => Promise<string>;
  get: (path: string, cookie: string) => Promise<{ status: number; body: Buffer; wireBytes: number }>;
  log: (line: string) => void;
}): Promise<BinderFigures> {
  const year = Number(o.today.slice(0, 4)) - 1;
  const pick = (
    await o.loader.query(
      `select b.id, b.name, b.court_id, count(distinct a.id)::int as n, count(x.id)::int as attendance
         from activities a
         join party_orgs g on g.id = a.org_id
         join party_orgs b on b.id = case when g.type = 'partyGroup' then g.parent_id else g.id end
         left join activity_attendance x on x.activity_id = a.id
        where a.status = 'held' and a.held_on between $1 and $2 and b.type = 'branch'
        group by b.id, b.name, b.court_id
        order by abs(count(distinct a.id) - 60), b.id
        limit 1`,
      [`${year}-01-01`, `${year}-12-31`],
    )
  ).rows[0] as { id: string; name: string; court_id: string; n: number; attendance: number };
  const court = o.province.courts.find((c) => c.id === pick.court_id) as ProvinceCourt;
  const cookie = await o.login(court.adminUsername);
  const url = `/api/v1/ledgers/binder.docx?orgId=${pick.id}&year=${year}`;
  const runsMs: number[] = [];
  let bytes = 0;
  for (let i = 0; i <= BINDER_RUNS; i++) {
    const t0 = performance.now();
    const res = await o.get(url, cookie);
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`${url} → ${res.status} ${res.body.toString('utf8').slice(0, 200)}`);
    bytes = res.body.length;
    if (i > 0) runsMs.push(ms); // the first is a warm-up
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  const figures = { orgName: pick.name, courtName: court.name, year, activities: pick.n, attendance: pick.attendance, bytes, runsMs, medianMs: sorted[Math.floor(sorted.length / 2)]!, maxMs: sorted.at(-1)! };
  o.log(`  台账合订本：${court.name}${pick.name} ${year} 年，${pick.n} 次活动、${pick.attendance} 条出席记录，${(bytes / 1024).toFixed(0)} KB；${BINDER_RUNS} 次中位 ${figures.medianMs.toFixed(0)} ms，最长 ${figures.maxMs.toFixed(0)} ms`);
  return figures;
}
