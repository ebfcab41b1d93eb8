// The member list at 50 concurrent clients: the real API (fastify listening on 127.0.0.1, session
// cookie, scope and filters, JSON) against the floor — the same list query written by hand in SQL
// through the same pg driver with the same pool size, at the same concurrency.
import http from 'node:http';
import pg from 'pg';
import { buildApp, createDeps, readConfig } from '@zhibu/server';
import { runLoad, summarizeLoad, type LoadResult, type LoadRun } from './load';
import type { Province, ProvinceCourt } from './province';

export type ListCase = { key: string; label: string; api: LoadResult; floor: LoadResult; apiQueries: number; floorQueries: number };

const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'];
const POOL_SIZE = 10; // the server's default pool (packages/db openDatabase)
const ROUNDS = 2;

// The repository's list query (members.repository.ts selectView + listMembers), by hand.
const listSql = (where: string) => `
  select m.id, m.court_id, m.org_id, m.org_path, o.name as org_name, m.group_id, g.name as group_name, g.path as group_path,
         m.name, m.gender, m.ethnicity, m.birth_date, m.id_number_masked, m.phone_masked, m.education, m.department_id,
         d.name as department_name, m.position, m.job_title, m.joined_on, m.full_member_since, m.status, m.is_retired, m.note, m.version
    from members m
    join party_orgs o on o.id = m.org_id
    left join party_orgs g on g.id = m.group_id
    left join departments d on d.id = m.department_id
   where ${where}
   order by m.org_path, m.name, m.id
   limit 20 offset 0`;
const countSql = (where: string) => `select count(*)::int as n from members m where ${where}`;

type Query = { key: string; url: string; where: string; params: unknown[] };

function pickCourts(province: Province, n: number): ProvinceCourt[] {
  // The high court, some intermediate and some basic courts: a mix of roster sizes.
  const byLevel = (level: string) => province.courts.filter((c) => c.level === level);
  const chosen = [...byLevel('high').slice(0, 1), ...byLevel('intermediate').slice(0, 3), ...byLevel('basic')];
  return chosen.slice(0, n);
}

export async function runListBench(opts: {
  databaseUrl: string;
  secretKey: string;
  province: Province;
  concurrency: number;
  durationMs: number;
  warmupMs: number;
  log: (line: string) => void;
}): Promise<ListCase[]> {
  const config = { ...readConfig({}), databaseUrl: opts.databaseUrl, secretKey: opts.secretKey, logLevel: 'silent', dataDir: '/nonexistent' };
  const deps = await createDeps(config);
  const app = await buildApp(deps, { logger: false, serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: POOL_SIZE, options: '-c TimeZone=Asia/Shanghai' });

  const get = (path: string, cookie: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path, method: 'GET', agent, headers: { cookie } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, cookie: /zhibu_sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] };
  };

  try {
    // One court admin per chosen court (10 logins: under the login rate limit of 30 a minute).
    const courts = pickCourts(opts.province, 10);
    const cookies: string[] = [];
    for (const c of courts) {
      const res = await post('/api/v1/auth/login', { username: c.adminUsername, password: opts.province.password });
      if (res.status !== 200 || !res.cookie) throw new Error(`登录 ${c.adminUsername} 失败：${res.status}`);
      cookies.push(`zhibu_sid=${res.cookie}`);
    }
    opts.log(`  API 在 http://127.0.0.1:${port} 监听；${courts.length} 个法院管理员已登录；并发 ${opts.concurrency}，每项 ${opts.durationMs / 1000} 秒（另预热 ${opts.warmupMs / 1000} 秒）`);

    const cases: { key: string; label: string; make: (client: number, i: number) => Query }[] = [
      {
        key: 'branch',
        label: '按党支部筛选，第1页（orgId）',
        make: (client, i) => {
          const court = courts[client % courts.length]!;
          const branch = court.branches[(client * 7 + i) % court.branches.length]!;
          return { key: 'branch', url: `/api/v1/members?orgId=${branch.id}&page=1`, where: 'm.court_id = $1 and m.org_path like $2', params: [court.id, `${branch.path}%`] };
        },
      },
      {
        key: 'search',
        label: '按法院 + 姓名检索（courtId & q=姓氏）',
        make: (client, i) => {
          const court = courts[client % courts.length]!;
          const q = surnames[(client + i) % surnames.length]!;
          return { key: 'search', url: `/api/v1/members?courtId=${court.id}&q=${encodeURIComponent(q)}`, where: 'm.court_id = $1 and m.name ilike $2', params: [court.id, `%${q}%`] };
        },
      },
    ];

    // Prepared (named) statements, as the API's list query is: the floor is the best the driver can do.
    const floorQuery = async (q: Query) => {
      const list = listSql(q.where);
      const rows = (await pool.query({ name: `floor_list_${q.key}`, text: list, values: q.params })).rows as { id: string }[];
      const total = rows.length < 20 ? rows.length : ((await pool.query({ name: `floor_count_${q.key}`, text: countSql(q.where), values: q.params })).rows[0] as { n: number }).n;
      return { ids: rows.map((r) => r.id), total };
    };

    // Round trips to PostgreSQL per request, counted at the driver while checking equivalence.
    let roundTrips = 0;
    const clientQuery = pg.Client.prototype.query;
    const countingQuery = function (this: pg.Client, ...args: unknown[]) {
      roundTrips++;
      return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
    };

    const results: ListCase[] = [];
    for (const c of cases) {
      // The floor must be the same query: same rows, same order, same total.
      let apiTrips = 0;
      let floorTrips = 0;
      for (let client = 0; client < courts.length; client++) {
        const q = c.make(client, 3);
        pg.Client.prototype.query = countingQuery as never;
        roundTrips = 0;
        const res = await get(q.url, cookies[client]!);
        apiTrips += roundTrips;
        roundTrips = 0;
        const floor = await floorQuery(q);
        floorTrips += roundTrips;
        pg.Client.prototype.query = clientQuery;
        if (res.status !== 200) throw new Error(`${q.url} → ${res.status} ${res.body.slice(0, 200)}`);
        const api = JSON.parse(res.body) as { items: { id: string }[]; total: number };
        if (api.total !== floor.total || api.items.map((x) => x.id).join() !== floor.ids.join()) {
          throw new Error(`API 与手写 SQL 的结果不同（${q.url}）：API ${api.total} 条，SQL ${floor.total} 条`);
        }
      }
      // API and floor alternate in rounds, so that a change in the machine's load hits both alike.
      const apiRuns: LoadRun[] = [];
      const floorRuns: LoadRun[] = [];
      const round = { ...opts, durationMs: opts.durationMs / ROUNDS };
      for (let r = 0; r < ROUNDS; r++) {
        apiRuns.push(
          await runLoad(async (client, i) => {
            const res = await get(c.make(client, i).url, cookies[client % cookies.length]!);
            if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.body.slice(0, 120)}`);
          }, round),
        );
        floorRuns.push(await runLoad(async (client, i) => void (await floorQuery(c.make(client, i))), round));
      }
      const api = summarizeLoad(apiRuns);
      const floor = summarizeLoad(floorRuns);
      const apiQueries = apiTrips / courts.length;
      const floorQueries = floorTrips / courts.length;
      opts.log(`  ${c.label}：API p95 ${api.p95.toFixed(1)} ms（每请求 ${apiQueries.toFixed(1)} 次查询），SQL 下限 p95 ${floor.p95.toFixed(1)} ms（${floorQueries.toFixed(1)} 次）`);
      results.push({ key: c.key, label: c.label, api, floor, apiQueries, floorQueries });
    }
    return results;
  } finally {
    agent.destroy();
    await pool.end();
    await app.close();
    await deps.handle.close();
  }
}
