// The demo data: the structure the articles describe, people whose data passes the platform's own
// checks, terms that show the 换届 reminders, accounts that log in, and one audit entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkMemberDates, checkTerm, crossCheckIdNumber, defaultRuleConfig, todayInShanghai, validateIdNumber, validatePhone, type MemberStatus } from '@zhibu/domain';
import { buildApp, readConfig, type Deps } from '@zhibu/server';
import { DEMO_PASSWORD, isDatabaseEmpty, loadDemoData } from '@zhibu/server/demo/index';
import { verifyAuditChain } from '@zhibu/server/lib/audit';
import { createFieldCrypto } from '@zhibu/server/lib/field-crypto';
import { openTestDatabase } from '@zhibu/server/test-support/engines';
import type { FastifyInstance } from 'fastify';

let deps: Deps;
let app: FastifyInstance;
let seedMs = 0;

type Org = { id: string; court_id: string; parent_id: string | null; type: string; branch_kind: string | null; name: string; short_name: string | null; department_id: string | null };
type Member = { id: string; court_id: string; org_id: string; group_id: string | null; name: string; gender: 'male' | 'female'; birth_date: string; id_number_enc: string; id_number_masked: string; phone_enc: string; phone_masked: string; status: MemberStatus; joined_on: string | null; full_member_since: string | null; is_retired: boolean; position: string; job_title: string | null };

const q = <T>(text: string, params: unknown[] = []) => deps.handle.query<T>(text, params);
const dates = "to_char(birth_date,'YYYY-MM-DD') as birth_date, to_char(joined_on,'YYYY-MM-DD') as joined_on, to_char(full_member_since,'YYYY-MM-DD') as full_member_since";

beforeAll(async () => {
  const handle = await openTestDatabase('pglite');
  deps = { handle, db: handle.db, crypto: createFieldCrypto(Buffer.alloc(32, 3)), config: { ...readConfig({}), logLevel: 'silent' }, now: () => new Date() };
  expect(await isDatabaseEmpty(deps)).toBe(true);
  const started = Date.now();
  await loadDemoData(deps);
  seedMs = Date.now() - started;
  app = await buildApp(deps, { serveWeb: false });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await deps?.handle.close();
});

async function court(name: string) {
  return (await q<{ id: string; parent_id: string | null }>('select id, parent_id from courts where name = $1', [name]))[0]!;
}
async function orgs(courtId: string) {
  return q<Org>('select * from party_orgs where court_id = $1 order by sort_order', [courtId]);
}

describe('demo data', () => {
  it('loads in a few seconds and is no longer empty', async () => {
    expect(seedMs).toBeLessThan(15_000); // ~1 s on an idle machine
    expect(await isDatabaseEmpty(deps)).toBe(false);
  });

  it('has 安顺中院 under 贵州高院: 机关党委, 9 在职党支部 on 庭室, 20 党小组 on teams, 9 青年理论学习小组, a 离退休党支部', async () => {
    const high = await court('贵州省高级人民法院');
    const anshun = await court('安顺市中级人民法院');
    expect(anshun.parent_id).toBe(high.id);
    const all = await orgs(anshun.id);
    const committee = all.filter((o) => o.type === 'organCommittee');
    expect(committee.map((o) => o.name)).toEqual(['中共安顺市中级人民法院机关委员会']);
    const branches = all.filter((o) => o.type === 'branch');
    expect(branches).toHaveLength(10);
    expect(branches.every((b) => b.parent_id === committee[0]!.id)).toBe(true);
    const regular = branches.filter((b) => b.branch_kind === 'regular');
    expect(regular.map((b) => b.short_name)).toEqual(['第一', '第二', '第三', '第四', '第五', '第六', '第七', '第八', '第九'].map((n) => `${n}党支部`));
    expect(regular.every((b) => b.department_id)).toBe(true);
    expect(branches.filter((b) => b.branch_kind === 'retired')).toHaveLength(1);
    const groups = all.filter((o) => o.type === 'partyGroup');
    expect(groups).toHaveLength(20);
    expect(groups.every((g) => g.department_id && regular.some((b) => b.id === g.parent_id))).toBe(true);
    for (const b of regular) expect(groups.filter((g) => g.parent_id === b.id).length).toBeGreaterThanOrEqual(2);
    expect(all.filter((o) => o.type === 'youthStudyGroup')).toHaveLength(9);
  });

  it('has 渌口法院 under 株洲中院: 党总支 with 4 党支部; 综合管理 has 20 members and a 3-person committee with 谢燕', async () => {
    const zhuzhou = await court('株洲市中级人民法院');
    const lukou = await court('株洲市渌口区人民法院');
    expect(lukou.parent_id).toBe(zhuzhou.id);
    const all = await orgs(lukou.id);
    expect(all.filter((o) => o.type === 'generalBranch')).toHaveLength(1);
    expect(all.filter((o) => o.type === 'branch').map((o) => o.short_name)).toEqual(['审判业务党支部', '综合管理党支部', '淦田党支部', '离退休老干部党支部']);
    const admin = all.find((o) => o.short_name === '综合管理党支部')!;
    const members = await q<Member>(`select * from members where org_id = $1`, [admin.id]);
    expect(members).toHaveLength(20);
    expect(members.every((m) => m.status === 'fullMember' || m.status === 'probationaryMember')).toBe(true);
    const xie = members.find((m) => m.name === '谢燕')!;
    expect(xie.job_title).toBe('综合办公室主任');
    const posts = await q<{ post: string; member_id: string }>('select post, member_id from committee_positions where org_id = $1', [admin.id]);
    expect(posts).toHaveLength(3);
    expect(posts.filter((p) => p.post === 'secretary')).toHaveLength(1);
    expect(posts.some((p) => p.member_id === xie.id)).toBe(true);
  });

  it('names the secretaries from the article: 第二党支部 张健, 第八党支部 黄云庆', async () => {
    const rows = await q<{ short_name: string; name: string }>(
      `select o.short_name, m.name from committee_positions c join party_orgs o on o.id = c.org_id join members m on m.id = c.member_id where c.post = 'secretary' and o.type = 'branch'`,
    );
    const bySecretary = Object.fromEntries(rows.map((r) => [r.short_name, r.name]));
    expect(bySecretary['第二党支部']).toBe('张健');
    expect(bySecretary['第八党支部']).toBe('黄云庆');
  });

  it('gives every person a valid 身份证号 agreeing with birth date and gender, a valid phone, masked copies, consistent party dates', async () => {
    const members = await q<Member>(`select *, ${dates} from members`);
    expect(members.length).toBeGreaterThan(300);
    const today = todayInShanghai(new Date());
    const seen = new Set<string>();
    for (const m of members) {
      const idNumber = deps.crypto.decrypt(m.id_number_enc);
      const valid = validateIdNumber(idNumber, today);
      expect(valid.ok, `${m.name} ${idNumber}`).toBe(true);
      expect(crossCheckIdNumber(idNumber, { birthDate: m.birth_date, gender: m.gender })).toEqual([]);
      expect(m.id_number_masked).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(14)}`);
      expect(seen.has(idNumber)).toBe(false);
      seen.add(idNumber);
      const phone = deps.crypto.decrypt(m.phone_enc);
      expect(validatePhone(phone).ok).toBe(true);
      expect(m.phone_masked).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
      const problems = checkMemberDates({ birthDate: m.birth_date, joinedOn: m.joined_on, fullMemberSince: m.full_member_since, status: m.status }, today, defaultRuleConfig);
      expect(problems, `${m.name} ${m.status} ${m.birth_date} ${m.joined_on} ${m.full_member_since}`).toEqual([]);
    }
    const statuses = new Set(members.map((m) => m.status));
    for (const s of ['applicant', 'activist', 'developmentCandidate', 'probationaryMember', 'fullMember', 'transferredOut', 'deceased']) expect(statuses.has(s as MemberStatus), s).toBe(true);
    const positions = new Set(members.map((m) => m.position));
    for (const p of ['judge', 'judgeAssistant', 'clerk', 'judicialPolice', 'administrative']) expect(positions.has(p), p).toBe(true);
    const retired = members.filter((m) => m.is_retired);
    expect(retired.length).toBeGreaterThan(30);
    const history = await q<{ n: number }>('select count(distinct member_id)::int as n from member_status_history');
    expect(history[0]!.n).toBe(members.length);
  });

  it('sizes branches 9–60 with one over 50, and places terms so some are due within 6 months and one overdue', async () => {
    const sizes = await q<{ short_name: string; n: number }>(
      `select o.short_name, count(m.id)::int as n from party_orgs o join members m on m.org_id = o.id and m.status in ('fullMember','probationaryMember') where o.type = 'branch' group by o.short_name`,
    );
    expect(sizes.filter((s) => s.n > 50).map((s) => s.short_name)).toEqual(['第六党支部']);
    const terms = await q<{ short_name: string; term_start: string; term_end: string }>(
      `select o.short_name, to_char(t.term_start,'YYYY-MM-DD') as term_start, to_char(t.term_end,'YYYY-MM-DD') as term_end from org_terms t join party_orgs o on o.id = t.org_id where o.type = 'branch'`,
    );
    const today = todayInShanghai(new Date());
    const states = Object.fromEntries(terms.map((t) => [t.short_name, checkTerm({ termStart: t.term_start, termEnd: t.term_end }, today, defaultRuleConfig)]));
    expect(states['第四党支部']).toBe('dueSoon');
    expect(Object.values(states).filter((s) => s === 'dueSoon').length).toBeGreaterThanOrEqual(2);
    expect(Object.entries(states).filter(([, s]) => s === 'overdue').map(([k]) => k)).toEqual(['第七党支部']);
  });

  it('shows the structure findings through the orgs API (term due soon, oversized branch)', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'anshun', password: DEMO_PASSWORD } });
    expect(login.statusCode).toBe(200);
    const cookie = `zhibu_sid=${login.cookies.find((c) => c.name === 'zhibu_sid')!.value}`;
    const branchId = async (short: string) => (await q<{ id: string }>('select id from party_orgs where short_name = $1', [short]))[0]!.id;
    const fourth = await app.inject({ method: 'GET', url: `/api/v1/orgs/${await branchId('第四党支部')}`, headers: { cookie } });
    expect(fourth.statusCode).toBe(200);
    expect(fourth.json().findings.map((f: { code: string }) => f.code)).toContain('termDueSoon');
    const sixth = await app.inject({ method: 'GET', url: `/api/v1/orgs/${await branchId('第六党支部')}`, headers: { cookie } });
    const codes = sixth.json().findings.map((f: { code: string }) => f.code);
    expect(codes).toContain('branchOversized');
    expect(codes).toContain('committeeSizeOk');
  });

  it('lets every demo account log in with Demo@2025, without a forced password change', async () => {
    const expected: Record<string, string> = {
      admin: 'sysAdmin', secadmin: 'securityOfficer', auditor: 'auditor', anshun: 'courtAdmin', 'anshun-zb1': 'branchSecretary',
      'anshun-zb2': 'branchSecretary', 'anshun-zb8': 'branchSecretary', 'anshun-zb9': 'branchSecretary', 'anshun-dy1': 'member', lukou: 'courtAdmin', guizhou: 'higherCourtViewer',
    };
    for (const [username, role] of Object.entries(expected)) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      expect(res.statusCode, `${username}: ${res.body}`).toBe(200);
      const me = res.json();
      expect(me.mustChangePassword).toBe(false);
      expect(me.grants.map((g: { role: string }) => g.role)).toEqual([role]);
    }
    const zb1 = await q<{ display_name: string; member_name: string; short_name: string; post: string }>(
      `select u.display_name, m.name as member_name, o.short_name, c.post from users u join members m on m.id = u.member_id
       join role_grants g on g.user_id = u.id join party_orgs o on o.id = g.org_id
       join committee_positions c on c.member_id = m.id and c.org_id = o.id where u.username = 'anshun-zb1'`,
    );
    expect(zb1[0]).toMatchObject({ short_name: '第一党支部', post: 'secretary' });
    expect(zb1[0]!.display_name).toBe(zb1[0]!.member_name);
    const dy1 = await q<Member & { short_name: string }>(`select m.*, o.short_name, ${dates} from users u join members m on m.id = u.member_id join party_orgs o on o.id = m.org_id where u.username = 'anshun-dy1'`);
    expect(dy1[0]).toMatchObject({ short_name: '第一党支部', position: 'judgeAssistant', gender: 'male' });
    expect(dy1[0]!.name.startsWith('李')).toBe(true);
  });

  it('records one demo.seed audit entry and the chain verifies', async () => {
    const entries = await q<{ action: string }>(`select action from audit_log where action = 'demo.seed'`);
    expect(entries).toHaveLength(1);
    expect((await verifyAuditChain(deps.db)).ok).toBe(true);
  });
});
