// 组织关系转接 (RULES.md §5): the member is in exactly one branch at every moment — in transit the
// sending branch stays responsible; the receiving side accepts once (two at once: one move, one
// conflict) or returns with a reason; the 介绍信 is numbered by year and valid for the court's days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@zhibu/db';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';
import { newId } from '@zhibu/db';

describe.each(testEngines)('组织关系转接 (%s)', (engine) => {
  let t: TestApp;
  let now = new Date('2026-12-03T09:00:00+08:00');
  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => now });
  });
  afterAll(() => t.close());

  /** A fresh member of an org, so that each test starts from a member with no transfer. */
  const memberOf = async (orgKey: 'branch1' | 'branch2' | 'lukouBranch', name: string) => {
    const org = t.fx.orgs[orgKey];
    const template = (await t.deps.db.select().from(schema.members).where(eq(schema.members.id, orgKey === 'lukouBranch' ? t.fx.members.lukouMember.id : t.fx.members.member2.id)))[0]!;
    const id = newId();
    const hash = `test-hash-${id}`;
    await t.deps.db.insert(schema.members).values({ ...template, id, name, orgId: org.id, orgPath: org.path, courtId: org.courtId, idNumberHash: hash, groupId: null, version: 1 });
    return id;
  };
  /** Where the person is in the roster (active records only): one branch, never two, never none. */
  const activeRecords = async (idNumberHash: string) =>
    (await t.deps.db.select().from(schema.members).where(eq(schema.members.idNumberHash, idNumberHash))).filter((m) => !['transferredOut', 'deceased', 'membershipSuspended', 'removed'].includes(m.status));
  const hashOf = async (memberId: string) => (await t.deps.db.select().from(schema.members).where(eq(schema.members.id, memberId)))[0]!.idNumberHash;

  it('本院支部间转接：在途期间仍在原支部，接收后在新支部；介绍信按年度编号', async () => {
    const m = await memberOf('branch1', '转接甲');
    const sent = await t.as('anshun-zb1', 'POST', '/api/v1/transfers', { memberId: m, toOrgId: t.fx.orgs.branch2.id, reason: '工作调动至第二党支部所在庭室', duesPaidTo: '2026-11' });
    expect(sent.statusCode, sent.body).toBe(200);
    const tr = sent.json();
    expect(tr).toMatchObject({ kind: 'withinCourt', state: 'inTransit', letterNo: expect.stringMatching(/^党组关〔2026〕\d+号$/), validUntil: '2027-01-01', isSender: true });
    // in transit: still in 第一支部 (the sending branch stays responsible)
    expect((await activeRecords(await hashOf(m))).map((r) => r.orgId)).toEqual([t.fx.orgs.branch1.id]);
    // the sender cannot accept for the receiving branch (a secretary of 第一支部 does not manage 第二支部)
    expect((await t.as('anshun-zb1', 'POST', `/api/v1/transfers/${tr.id}/decide`, { decision: 'accept', version: tr.version })).statusCode).toBe(403);
    const ok = await t.as('anshun', 'POST', `/api/v1/transfers/${tr.id}/decide`, { decision: 'accept', version: tr.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().state).toBe('accepted');
    expect((await activeRecords(await hashOf(m))).map((r) => r.orgId)).toEqual([t.fx.orgs.branch2.id]);
  });

  it('支委转到本院其他支部：接收当天其在原支部的委员职务结束，原支部出现空缺', async () => {
    const m = await memberOf('branch1', '转接支委');
    const post = newId();
    await t.deps.db.insert(schema.committeePositions).values({ id: post, courtId: t.fx.courts.anshun, orgId: t.fx.orgs.branch1.id, memberId: m, post: 'publicityMember', startOn: '2025-01-01', endOn: '2027-12-31' });
    const tr = (await t.as('anshun-zb1', 'POST', '/api/v1/transfers', { memberId: m, toOrgId: t.fx.orgs.branch2.id, reason: '工作调动', duesPaidTo: '2026-11' })).json();
    // in transit the post stands (the sending branch stays responsible)
    expect((await t.deps.db.select().from(schema.committeePositions).where(eq(schema.committeePositions.id, post)))[0]!.endOn).toBe('2027-12-31');
    const ok = await t.as('anshun', 'POST', `/api/v1/transfers/${tr.id}/decide`, { decision: 'accept', version: tr.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await t.deps.db.select().from(schema.committeePositions).where(eq(schema.committeePositions.id, post)))[0]!.endOn).toBe('2026-12-03');
    const audit = (await t.deps.db.select().from(schema.auditLog).where(and(eq(schema.auditLog.entity, 'transfer'), eq(schema.auditLog.entityId, tr.id), eq(schema.auditLog.action, 'transfer.accept'))))[0]!;
    expect(audit.after).toMatchObject({ endedCommitteePosts: ['publicityMember'] });
  });

  it('跨院转接：渌口发出，安顺接收；渌口的记录变为已转出并留痕，安顺名册出现该党员，始终只在一个支部', async () => {
    const m = await memberOf('lukouBranch', '转接乙');
    const hash = await hashOf(m);
    const dest = await t.as('lukou', 'GET', `/api/v1/transfers/destinations?q=${encodeURIComponent('第一支部')}`);
    expect(dest.json().items.some((d: { id: string; courtName: string }) => d.id === t.fx.orgs.branch1.id && d.courtName === '安顺市中级人民法院')).toBe(true);
    const tr = (await t.as('lukou', 'POST', '/api/v1/transfers', { memberId: m, toOrgId: t.fx.orgs.branch1.id, reason: '调入安顺市中级人民法院', duesPaidTo: '2026-12' })).json();
    expect(tr).toMatchObject({ kind: 'acrossCourts', fromCourtName: '株洲市渌口区人民法院', toCourtName: '安顺市中级人民法院' });
    // it lands in 安顺's inbox
    const inbox = (await t.as('anshun-zb1', 'GET', '/api/v1/transfers?box=inbox')).json();
    expect(inbox.items.find((i: { id: string }) => i.id === tr.id)).toMatchObject({ isReceiver: true, isSender: false, memberName: '转接乙' });
    expect((await activeRecords(hash)).map((r) => r.courtId)).toEqual([t.fx.courts.lukou]);
    const ok = await t.as('anshun-zb1', 'POST', `/api/v1/transfers/${tr.id}/decide`, { decision: 'accept', version: tr.version });
    expect(ok.statusCode, ok.body).toBe(200);
    const active = await activeRecords(hash);
    expect(active.map((r) => [r.courtId, r.orgId])).toEqual([[t.fx.courts.anshun, t.fx.orgs.branch1.id]]);
    const old = (await t.deps.db.select().from(schema.members).where(eq(schema.members.id, m)))[0]!;
    expect(old.status).toBe('transferredOut');
    const history = await t.deps.db.select().from(schema.memberStatusHistory).where(inArray(schema.memberStatusHistory.memberId, [m, active[0]!.id]));
    expect(history.map((h) => h.reason).join('|')).toMatch(/转往安顺市中级人民法院.*\|自株洲市渌口区人民法院转入|自株洲市渌口区人民法院转入.*\|.*转往安顺市中级人民法院/);
    // both sides see it as accepted
    expect((await t.as('lukou', 'GET', `/api/v1/transfers/${tr.id}`)).json().state).toBe('accepted');
    expect((await t.as('anshun', 'GET', `/api/v1/transfers/${tr.id}`)).json().state).toBe('accepted');
  });

  it('两位管理员同时接收同一转接：只移动一次，另一人得到冲突提示', async () => {
    const m = await memberOf('lukouBranch', '转接丙');
    const tr = (await t.as('lukou', 'POST', '/api/v1/transfers', { memberId: m, toOrgId: t.fx.orgs.branch1.id, reason: '调动', duesPaidTo: '2026-12' })).json();
    const both = await Promise.all([
      t.as('anshun', 'POST', `/api/v1/transfers/${tr.id}/decide`, { decision: 'accept', version: tr.version }),
      t.as('anshun-zb1', 'POST', `/api/v1/transfers/${tr.id}/decide`, { decision: 'accept', version: tr.version }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await activeRecords(await hashOf(m))).toHaveLength(1);
  });

  it('退回须说明理由；退回后不能再接收，党员仍在原支部', async () => {
    const m = await memberOf('lukouBranch', '转接丁');
    const tr = (await t.as('lukou', 'POST', '/api/v1/transfers', { memberId: m, toOrgId: t.fx.orgs.branch1.id, reason: '调动', duesPaidTo: '2026-12' })).json();
    const bare = await t.as('anshun', 'POST', `/api/v1/transfers/${tr.id}/decide`, { decision: 'return', version: tr.version });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().details[0].field).toBe('note');
    const back = await t.as('anshun', 'POST', `/api/v1/transfers/${tr.id}/decide`, { decision: 'return', note: '介绍信所列接收支部有误，请改为第二支部', version: tr.version });
    expect(back.json().state).toBe('returned');
    const again = await t.as('anshun', 'POST', `/api/v1/transfers/${tr.id}/decide`, { decision: 'accept', version: back.json().version });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('已退回');
    expect((await activeRecords(await hashOf(m))).map((r) => r.orgId)).toEqual([t.fx.orgs.lukouBranch.id]);
  });

  it('同一党员已有在途转接时不能再发起；撤回后可以', async () => {
    const m = await memberOf('branch1', '转接戊');
    const first = (await t.as('anshun', 'POST', '/api/v1/transfers', { memberId: m, toOrgId: t.fx.orgs.branch2.id, reason: '调动', duesPaidTo: '2026-11' })).json();
    const second = await t.as('anshun', 'POST', '/api/v1/transfers', { memberId: m, toOrgId: t.fx.orgs.lukouBranch.id, reason: '调动', duesPaidTo: '2026-11' });
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toContain('已有在途');
    await t.as('anshun', 'POST', `/api/v1/transfers/${first.id}/decide`, { decision: 'cancel', version: first.version });
    expect((await t.as('anshun', 'POST', '/api/v1/transfers', { memberId: m, toOrgId: t.fx.orgs.branch2.id, reason: '调动', duesPaidTo: '2026-11' })).statusCode).toBe(200);
  });

  it('介绍信有效期最后一天可以接收，过期一天不能接收（须重新开具）', async () => {
    const m1 = await memberOf('lukouBranch', '转接己');
    const m2 = await memberOf('lukouBranch', '转接庚');
    let a: { id: string; version: number; validUntil: string };
    let b: { id: string; version: number; validUntil: string };
    try {
      // issued 30 days ago (valid to yesterday) and 29 days ago (valid to today)
      now = new Date('2026-11-03T09:00:00+08:00');
      b = (await t.as('lukou', 'POST', '/api/v1/transfers', { memberId: m2, toOrgId: t.fx.orgs.branch1.id, reason: '调动', duesPaidTo: '2026-10' })).json();
      now = new Date('2026-11-04T09:00:00+08:00');
      a = (await t.as('lukou', 'POST', '/api/v1/transfers', { memberId: m1, toOrgId: t.fx.orgs.branch1.id, reason: '调动', duesPaidTo: '2026-10' })).json();
    } finally {
      now = new Date('2026-12-03T09:00:00+08:00');
    }
    expect([a.validUntil, b.validUntil]).toEqual(['2026-12-03', '2026-12-02']);
    expect((await t.as('anshun', 'POST', `/api/v1/transfers/${a.id}/decide`, { decision: 'accept', version: a.version })).statusCode).toBe(200);
    const late = await t.as('anshun', 'POST', `/api/v1/transfers/${b.id}/decide`, { decision: 'accept', version: b.version });
    expect(late.statusCode).toBe(400);
    expect(late.json().message).toContain('已过有效期');
    expect((await t.as('anshun', 'GET', `/api/v1/transfers/${b.id}`)).json().expired).toBe(true);
  });

  it('转出平台：凭纸质介绍信，登记回执后该党员为已转出', async () => {
    const m = await memberOf('branch1', '转接辛');
    const noUnit = await t.as('anshun', 'POST', '/api/v1/transfers', { memberId: m, reason: '调往市司法局', duesPaidTo: '2026-11' });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().details[0].field).toBe('toUnitName');
    const tr = (await t.as('anshun', 'POST', '/api/v1/transfers', { memberId: m, toUnitName: '中共安顺市司法局机关委员会', reason: '调往市司法局', duesPaidTo: '2026-11' })).json();
    expect(tr.kind).toBe('outOfPlatform');
    const done = await t.as('anshun', 'POST', `/api/v1/transfers/${tr.id}/decide`, { decision: 'complete', note: '回执已收', version: tr.version });
    expect(done.json().state).toBe('completed');
    expect((await t.deps.db.select().from(schema.members).where(eq(schema.members.id, m)))[0]!.status).toBe('transferredOut');
  });

  it('介绍信（.docx）只供转出方下载；下载留痕，审计只记脱敏号码', async () => {
    const m = await memberOf('branch1', '转接壬');
    const tr = (await t.as('anshun', 'POST', '/api/v1/transfers', { memberId: m, toOrgId: t.fx.orgs.lukouBranch.id, reason: '调往渌口法院', duesPaidTo: '2026-11' })).json();
    const res = await t.as('anshun', 'GET', `/api/v1/transfers/${tr.id}/letter.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // the receiving side handles the transfer but does not download the sender's letter
    expect((await t.as('lukou', 'GET', `/api/v1/transfers/${tr.id}/letter.docx`)).statusCode).toBe(403);
    const audit = await t.deps.db.select().from(schema.auditLog).where(and(eq(schema.auditLog.entityId, tr.id), eq(schema.auditLog.action, 'transfer.letter')));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.after)).toMatch(/\*{8}/);
  });

  it('不在管理范围内的党员不能转接，别院看不到本院的转接', async () => {
    const m = await memberOf('branch2', '转接癸');
    const res = await t.as('anshun-zb1', 'POST', '/api/v1/transfers', { memberId: m, toOrgId: t.fx.orgs.branch1.id, reason: '调动', duesPaidTo: '2026-11' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('memberId');
    const tr = (await t.as('anshun', 'POST', '/api/v1/transfers', { memberId: m, toOrgId: t.fx.orgs.branch1.id, reason: '调动', duesPaidTo: '2026-11' })).json();
    expect((await t.as('lukou', 'GET', `/api/v1/transfers/${tr.id}`)).statusCode).toBe(404);
    expect((await t.as('anshun-dy1', 'GET', `/api/v1/transfers/${tr.id}`)).statusCode).toBe(404);
  });
});
