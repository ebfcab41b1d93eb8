// The 党建工作提示 overview is memoized per court (overview-memo.ts) and trusted only while the
// court's org_life_versions counter — raised by database triggers on every write the overview reads —
// and the day are those it was computed at. These tests write the way an import, the CLI or a
// hand-run fix would (straight to the tables), since the API is not the only writer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { newId, schema } from '@zhibu/db';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';
import { loadActor } from '../../auth/sessions';
import type { Actor } from '../../policy/actor';
import { gunzipSync } from 'node:zlib';
import { remindersResponse, type OrgReminder } from '@zhibu/contracts';
import { listReminders, listRemindersJson } from './reminders.service';
import { insertActivity } from './reminders.test-support';

describe.each(testEngines)('党建工作提示的按院缓存 (%s)', (engine) => {
  let t: TestApp;
  let now = new Date('2025-05-10T09:00:00+08:00');
  let anshun: Actor;
  let lukou: Actor;
  const versionOf = async (courtId: string) =>
    (await t.deps.db.select().from(schema.orgLifeVersions).where(eq(schema.orgLifeVersions.courtId, courtId)))[0]?.version ?? 0;
  const actorOf = async (username: string) => loadActor(t.deps.db, (await t.deps.db.select().from(schema.users).where(eq(schema.users.username, username)))[0]!);
  const branch1Of = async () => (await listReminders(t.deps, anshun, {})).items.find((o) => o.orgId === t.fx.orgs.branch1.id)!;

  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => now });
    anshun = await actorOf('anshun');
    lukou = await actorOf('lukou');
  });
  afterAll(() => t.close());

  it('没有写入时第二次请求直接复用本院结果；直接写库录入一次活动后下一次请求立即重算', async () => {
    const first = await branch1Of();
    expect(await branch1Of()).toBe(first); // the same object: served from the memo
    const monthly = first.items.find((i) => i.type === 'themedPartyDay' && i.current);
    expect(monthly?.count).toBe(0);

    await insertActivity(t.deps.db, { org: t.fx.orgs.branch1, type: 'themedPartyDay', heldOn: '2025-05-06' });
    const after = await branch1Of();
    expect(after).not.toBe(first);
    expect(after.items.find((i) => i.type === 'themedPartyDay' && i.current)?.count).toBe(1);
  });

  it('渌口法院的写入不让安顺中院重算；渌口自己的提示立即更新', async () => {
    const anshunBefore = await branch1Of();
    const lukouBefore = (await listReminders(t.deps, lukou, {})).items.find((o) => o.orgId === t.fx.orgs.lukouBranch.id)!;
    await insertActivity(t.deps.db, { org: t.fx.orgs.lukouBranch, type: 'themedPartyDay', heldOn: '2025-05-08' });
    expect(await branch1Of()).toBe(anshunBefore);
    const lukouAfter = (await listReminders(t.deps, lukou, {})).items.find((o) => o.orgId === t.fx.orgs.lukouBranch.id)!;
    expect(lukouAfter).not.toBe(lukouBefore);
    expect(lukouAfter.items.find((i) => i.type === 'themedPartyDay' && i.current)?.count).toBe(1);
  });

  it('提醒页按缓存拼接的 JSON 与逐项序列化的结果相同，并符合接口约定', async () => {
    for (const [actor, q] of [[anshun, {}], [lukou, {}], [anshun, { orgId: t.fx.orgs.branch1.id }]] as const) {
      const parsed = JSON.parse((await listRemindersJson(t.deps, actor, q)).bytes.toString('utf8'));
      expect(parsed).toEqual(JSON.parse(JSON.stringify(await listReminders(t.deps, actor, q))));
      expect(remindersResponse.parse(parsed)).toEqual(parsed);
    }
    const res = await t.as('anshun', 'GET', '/api/v1/reminders');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.json().items.length).toBeGreaterThan(0);
  });

  it('浏览器接受 gzip 时提醒页压缩发送，解压后与未压缩的相同', async () => {
    const plain = await t.as('anshun', 'GET', '/api/v1/reminders');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const zipped = await t.app.inject({ method: 'GET', url: '/api/v1/reminders', headers: { cookie: await t.cookieOf('anshun'), 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toContain('accept-encoding');
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(plain.json());
  });

  it('同一天、同一计数、同一组党组织共用一份页面；本院写入后换新页面', async () => {
    const first = await listRemindersJson(t.deps, anshun, {});
    expect(await listRemindersJson(t.deps, anshun, {})).toBe(first);
    // a narrower view of the same court is a page of its own
    expect(await listRemindersJson(t.deps, anshun, { orgId: t.fx.orgs.branch1.id })).not.toBe(first);
    await insertActivity(t.deps.db, { org: t.fx.orgs.branch1, type: 'themedPartyDay', heldOn: '2025-05-08' });
    const after = await listRemindersJson(t.deps, anshun, {});
    expect(after).not.toBe(first);
    const item = (b: typeof first) =>
      (JSON.parse(b.bytes.toString('utf8')) as { items: OrgReminder[] }).items.find((o) => o.orgId === t.fx.orgs.branch1.id)!.items.find((i) => i.type === 'themedPartyDay' && i.current)!;
    expect(item(after).count).toBe(item(first).count + 1);
  });

  it('日期变化后重算（剩余天数按当天计算）', async () => {
    const today = await listReminders(t.deps, anshun, {});
    now = new Date('2025-05-11T09:00:00+08:00');
    const tomorrow = await listReminders(t.deps, anshun, {});
    expect(tomorrow.today).toBe('2025-05-11');
    const left = (r: typeof today) => r.items.find((o) => o.orgId === t.fx.orgs.branch1.id)!.items.find((i) => i.type === 'themedPartyDay' && i.current)!.daysLeft;
    expect(left(tomorrow)).toBe(left(today)! - 1);
  });

  // Every table the overview reads raises exactly its court's counter, once per statement.
  it.each([
    ['法院更名', (x: TestApp) => x.deps.db.execute(sql`update courts set name = name where id = ${x.fx.courts.anshun}`)],
    ['党组织改名', (x: TestApp) => x.deps.db.update(schema.partyOrgs).set({ name: '中共安顺市中级人民法院机关第一支部委员会' }).where(eq(schema.partyOrgs.id, x.fx.orgs.branch1.id))],
    ['任命支委', (x: TestApp) =>
      x.deps.db.insert(schema.committeePositions).values({ id: newId(), courtId: x.fx.courts.anshun, orgId: x.fx.orgs.branch1.id, memberId: x.fx.members.member1.id, post: 'organizationMember', startOn: '2025-05-01' })],
    ['支委任期变化', (x: TestApp) => x.deps.db.execute(sql`update committee_positions set end_on = '2028-04-30' where court_id = ${x.fx.courts.anshun}`)],
    ['党员状态变化（一条语句改多人）', (x: TestApp) => x.deps.db.execute(sql`update members set status = status where court_id = ${x.fx.courts.anshun}`)],
    ['录入活动', (x: TestApp) => insertActivity(x.deps.db, { org: x.fx.orgs.branch2, type: 'partyLecture', heldOn: '2025-05-09' })],
    ['活动取消', (x: TestApp) => x.deps.db.execute(sql`update activities set status = 'cancelled' where org_id = ${x.fx.orgs.branch2.id}`)],
    ['活动类型目录设置', (x: TestApp) => x.deps.db.insert(schema.settings).values({ id: newId(), courtId: x.fx.courts.anshun, key: 'activityCatalogue', value: {} })],
    ['活动类型目录修改', (x: TestApp) => x.deps.db.execute(sql`update settings set value = '{}'::jsonb where court_id = ${x.fx.courts.anshun}`)],
  ])('%s：安顺中院的版本号加一，渌口法院不变', async (_what, write) => {
    const [a, l] = [await versionOf(t.fx.courts.anshun), await versionOf(t.fx.courts.lukou)];
    await write(t);
    expect(await versionOf(t.fx.courts.anshun)).toBe(a + 1);
    expect(await versionOf(t.fx.courts.lukou)).toBe(l);
  });

  it('党员跨院转出（一条语句改变所属法院）时两个法院都重算', async () => {
    const [a, l] = [await versionOf(t.fx.courts.anshun), await versionOf(t.fx.courts.lukou)];
    const m = t.fx.members.member2;
    // Court and org change together: a member's org must be in its court (members_org_court_fk).
    const [row] = await t.deps.db.select({ orgId: schema.members.orgId, orgPath: schema.members.orgPath }).from(schema.members).where(eq(schema.members.id, m.id));
    const to = t.fx.orgs.lukouBranch;
    await t.deps.db.update(schema.members).set({ courtId: t.fx.courts.lukou, orgId: to.id, orgPath: to.path }).where(eq(schema.members.id, m.id));
    expect(await versionOf(t.fx.courts.anshun)).toBe(a + 1);
    expect(await versionOf(t.fx.courts.lukou)).toBe(l + 1);
    await t.deps.db.update(schema.members).set({ courtId: t.fx.courts.anshun, orgId: row!.orgId, orgPath: row!.orgPath }).where(eq(schema.members.id, m.id));
  });
});
