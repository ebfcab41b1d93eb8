// 谈心谈话 (RULES.md §1.1): recording a talk improves the branch's coverage and removes the missing
// pair; 提醒谈话 stays with the secretary, the office and the member concerned; a committee member
// records only talks they took part in; bad input names the field; the ledger exports the year.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { newId, schema } from '@zhibu/db';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';

describe.each(testEngines)('谈心谈话 (%s)', (engine) => {
  let t: TestApp;
  const now = new Date('2026-11-20T09:00:00+08:00');
  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => now });
    const b = t.fx.orgs.branch1;
    // 张健 书记, 王芳 委员; 李明 and 赵小雨 are ordinary members.
    await t.deps.db.insert(schema.committeePositions).values([
      { id: newId(), courtId: b.courtId, orgId: b.id, memberId: t.fx.members.secretary.id, post: 'secretary', startOn: '2024-01-01' },
      { id: newId(), courtId: b.courtId, orgId: b.id, memberId: t.fx.members.member2.id, post: 'member', startOn: '2024-01-01' },
    ]);
  });
  afterAll(() => t.close());

  const coverage = async (who = 'anshun-zb1') => {
    const res = await t.as(who, 'GET', `/api/v1/talks/coverage?orgId=${t.fx.orgs.branch1.id}&year=2026&pageSize=100`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const pairKeys = (c: { missing: { a: { name: string }; b: { name: string } | null }[] }) => c.missing.map((m) => `${m.a.name}-${m.b?.name ?? '*'}`);

  it('书记与党员谈话后，覆盖率上升，该对从未开展名单中消失', async () => {
    const before = await coverage();
    expect(before.categories.map((c: { label: string; required: number }) => `${c.label}${c.required}`)).toEqual(['支委↔支委1', '支委↔党员4', '党员↔党员2']);
    expect(pairKeys(before)).toContain('张健-李明');
    // 11月：第四季度起未开展的为警示
    expect(before.level).toBe('warning');
    const res = await t.as('anshun-zb1', 'POST', '/api/v1/talks', {
      orgId: t.fx.orgs.branch1.id,
      talkedOn: '2026-11-18',
      topic: '谈思想、谈工作、谈家庭',
      summary: '近期案件压力大，支部将协调分案',
      participantIds: [t.fx.members.secretary.id, t.fx.members.member1.id],
      initiatorId: t.fx.members.secretary.id,
      followUpState: 'pending',
      followUpNote: '与庭长沟通分案',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ kindLabel: '谈心谈话', followUpStateLabel: '待跟进', summary: '近期案件压力大，支部将协调分案', participants: [{ name: '张健', isInitiator: true }, { name: '李明', isInitiator: false }] });
    const after = await coverage();
    expect(after.covered).toBe(before.covered + 1);
    expect(after.percent).toBeGreaterThan(before.percent);
    expect(pairKeys(after)).not.toContain('张健-李明');
    const audit = await t.deps.db.select().from(schema.auditLog).where(and(eq(schema.auditLog.action, 'talk.create'), eq(schema.auditLog.entityId, res.json().id)));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.after)).not.toContain('协调分案');
  });

  it('提醒谈话：书记、党办和当事人可见，其他支委看不到', async () => {
    const res = await t.as('anshun-zb1', 'POST', '/api/v1/talks', {
      orgId: t.fx.orgs.branch1.id,
      talkedOn: '2026-10-09',
      kind: 'remindingTalk',
      topic: '工作作风方面的苗头性问题',
      participantIds: [t.fx.members.secretary.id, t.fx.members.member1.id],
      initiatorId: t.fx.members.secretary.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json().id;
    expect((await t.as('anshun', 'GET', `/api/v1/talks/${id}`)).statusCode).toBe(200);
    expect((await t.as('anshun-xz1', 'GET', `/api/v1/talks/${id}`)).statusCode).toBe(200);
    expect((await t.as('anshun-zw1', 'GET', `/api/v1/talks/${id}`)).statusCode).toBe(404);
    const zwList = (await t.as('anshun-zw1', 'GET', `/api/v1/talks?orgId=${t.fx.orgs.branch1.id}&year=2026`)).json();
    expect(zwList.items.some((i: { id: string }) => i.id === id)).toBe(false);
    const mine = (await t.as('anshun-xz1', 'GET', '/api/v1/talks?year=2026')).json();
    expect(mine.items.some((i: { id: string }) => i.id === id)).toBe(true);
    // 提醒谈话不计入谈心谈话覆盖 (张健-李明 was covered by the talk above, 张健-赵小雨 still open)
    expect(pairKeys(await coverage())).toContain('张健-赵小雨');
  });

  it('支委只能记录本人参加的谈心谈话，不能记录提醒谈话', async () => {
    const base = { orgId: t.fx.orgs.branch1.id, talkedOn: '2026-11-01', topic: '谈心' };
    const notMine = await t.as('anshun-zw1', 'POST', '/api/v1/talks', { ...base, participantIds: [t.fx.members.secretary.id, t.fx.members.member1.id], initiatorId: t.fx.members.secretary.id });
    expect(notMine.statusCode).toBe(400);
    expect(notMine.json().message).toContain('本人参加');
    const reminding = await t.as('anshun-zw1', 'POST', '/api/v1/talks', { ...base, kind: 'remindingTalk', participantIds: [t.fx.members.member2.id, t.fx.members.member1.id], initiatorId: t.fx.members.member2.id });
    expect(reminding.statusCode).toBe(400);
    expect(reminding.json().details[0].field).toBe('kind');
    const mine = await t.as('anshun-zw1', 'POST', '/api/v1/talks', { ...base, summary: '只给当事人看', participantIds: [t.fx.members.member2.id, t.fx.members.probationary.id], initiatorId: t.fx.members.member2.id });
    expect(mine.statusCode, mine.body).toBe(200);
    // 谈话要点: the secretary sees it; a committee member who was not there would not (here: 李明 is not on the committee, 书记 is a manager)
    expect((await t.as('anshun-zb1', 'GET', `/api/v1/talks/${mine.json().id}`)).json().summary).toBe('只给当事人看');
  });

  it('谈话要点只给书记、党办和参加者：其他支委看到“不公开”', async () => {
    const res = await t.as('anshun-zb1', 'POST', '/api/v1/talks', { orgId: t.fx.orgs.branch1.id, talkedOn: '2026-09-01', topic: '家庭困难', summary: '配偶住院', participantIds: [t.fx.members.secretary.id, t.fx.members.probationary.id], initiatorId: t.fx.members.secretary.id });
    const zw = (await t.as('anshun-zw1', 'GET', `/api/v1/talks/${res.json().id}`)).json();
    expect(zw).toMatchObject({ summary: null, summaryHidden: true, topic: '家庭困难' });
  });

  it.each([
    ['谈话日期晚于今天', { talkedOn: '2026-11-21' }, 'talkedOn', '谈话日期'],
    ['发起人不在参加者中', { initiatorId: 'member2' }, 'initiatorId', '谈话发起人'],
    ['外支部党员', { participantIds: ['secretary', 'branch2Member'] }, 'participantIds', '谈话对象'],
    ['只有一人', { participantIds: ['secretary', 'secretary'] }, 'participantIds', '谈话对象'],
    ['已落实未填落实日期', { followUpState: 'done', followUpNote: '已协调' }, 'followUpOn', '落实日期'],
  ])('%s：400 指明字段', async (_n, patch, field, label) => {
    const m = t.fx.members as Record<string, { id: string }>;
    const p = patch as Record<string, unknown>;
    const body = {
      orgId: t.fx.orgs.branch1.id,
      talkedOn: '2026-11-01',
      topic: '谈心',
      participantIds: [m.secretary!.id, m.member1!.id],
      initiatorId: m.secretary!.id,
      ...p,
      ...(p.initiatorId ? { initiatorId: m[p.initiatorId as string]!.id } : {}),
      ...(p.participantIds ? { participantIds: (p.participantIds as string[]).map((k) => m[k]!.id) } : {}),
    };
    const res = await t.as('anshun-zb1', 'POST', '/api/v1/talks', body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().details[0].field).toBe(field);
    expect(res.json().message).toContain(label);
  });

  it('修改用版本号防止覆盖他人的修改；落实后记录日期', async () => {
    const list = (await t.as('anshun-zb1', 'GET', `/api/v1/talks?orgId=${t.fx.orgs.branch1.id}&year=2026`)).json();
    const talk = list.items.find((i: { topic: string }) => i.topic === '谈思想、谈工作、谈家庭');
    const body = { talkedOn: talk.talkedOn, topic: talk.topic, summary: talk.summary, participantIds: talk.participants.map((p: { memberId: string }) => p.memberId), initiatorId: t.fx.members.secretary.id, followUpState: 'done', followUpNote: '已调整分案', followUpOn: '2026-11-19' };
    const ok = await t.as('anshun-zb1', 'PUT', `/api/v1/talks/${talk.id}`, { ...body, version: talk.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ followUpStateLabel: '已落实', followUpOn: '2026-11-19', version: talk.version + 1 });
    const stale = await t.as('anshun', 'PUT', `/api/v1/talks/${talk.id}`, { ...body, version: talk.version });
    expect(stale.statusCode).toBe(409);
  });

  it('党办看到本院全部支部的覆盖率；书记只看到本支部', async () => {
    const office = (await t.as('anshun', 'GET', '/api/v1/talks/coverage-summary?year=2026')).json();
    expect(office.items.map((i: { orgId: string }) => i.orgId).sort()).toEqual([t.fx.orgs.branch1.id, t.fx.orgs.branch2.id].sort());
    const zb = (await t.as('anshun-zb1', 'GET', '/api/v1/talks/coverage-summary?year=2026')).json();
    expect(zb.items.map((i: { orgId: string }) => i.orgId)).toEqual([t.fx.orgs.branch1.id]);
    expect(zb.items[0].missing).toBe((await coverage()).missingTotal);
  });

  it('未开展的对分页返回', async () => {
    const all = await coverage();
    const page2 = (await t.as('anshun-zb1', 'GET', `/api/v1/talks/coverage?orgId=${t.fx.orgs.branch1.id}&year=2026&page=2&pageSize=1`)).json();
    expect(page2.missingTotal).toBe(all.missingTotal);
    expect(page2.missing).toEqual([all.missing[1]]);
  });

  it('本院把党员↔党员设为逐对（[U] talks.peerCoverage）后，按对计算；10月前为提示（本院设为12月）', async () => {
    const courtId = t.fx.courts.anshun;
    const cfg = (await t.as('anshun', 'GET', `/api/v1/courts/${courtId}/rule-config`)).json();
    const put = await t.as('anshun', 'PUT', `/api/v1/courts/${courtId}/rule-config`, { overrides: { ...cfg.overrides, talks: { peerCoverage: 'allPairs', warningFromMonth: 12 } }, version: cfg.version });
    expect(put.statusCode, put.body).toBe(200);
    const c = await coverage();
    expect(c.peerCoverage).toBe('allPairs');
    expect(c.categories[2]).toMatchObject({ label: '党员↔党员', required: 1 });
    expect(c.level).toBe('open');
    const bad = await t.as('anshun', 'PUT', `/api/v1/courts/${courtId}/rule-config`, { overrides: { talks: { peerCoverage: 'somePairs' } }, version: put.json().version });
    expect(bad.statusCode).toBe(400);
    const back = (await t.as('anshun', 'GET', `/api/v1/courts/${courtId}/rule-config`)).json();
    await t.as('anshun', 'PUT', `/api/v1/courts/${courtId}/rule-config`, { overrides: {}, version: back.version });
  });

  it('导出谈心谈话记录 .xlsx：书记看得到提醒谈话，支委的导出里没有', async () => {
    const load = async (who: string) => {
      const res = await t.as(who, 'GET', `/api/v1/talks/ledger.xlsx?orgId=${t.fx.orgs.branch1.id}&year=2026`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain(encodeURIComponent('谈心谈话记录'));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const text: string[] = [];
      wb.getWorksheet('谈心谈话记录')!.eachRow((r) => text.push((r.values as unknown[]).join('|')));
      return text.join('\n');
    };
    const zb = await load('anshun-zb1');
    expect(zb).toContain('谈思想、谈工作、谈家庭');
    expect(zb).toContain('提醒谈话');
    const zw = await load('anshun-zw1');
    expect(zw).toContain('谈思想、谈工作、谈家庭');
    expect(zw).not.toContain('提醒谈话');
  });
});
