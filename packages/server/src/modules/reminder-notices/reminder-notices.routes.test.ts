// 党建工作提示 sent and confirmed (USERS.md, 郑主任's Monday): the 机关党委 sends 第一支部 a notice about
// an overdue item, the branch secretary confirms it, the office sees who confirmed and when.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@zhibu/db';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';

describe.each(testEngines)('党建工作提示的发送与确认 (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  const send = (who: string, orgId: string, extra: Record<string, unknown> = {}) =>
    t.as(who, 'POST', '/api/v1/reminder-notices', {
      orgId,
      itemKey: 'committeeMeeting:2026-11',
      title: '11月支委会尚未召开',
      body: '第一党支部11月的支部委员会会议尚未召开，请抓紧安排。',
      rule: '《中国共产党支部工作条例》第十二条：支部委员会会议一般每月召开1次',
      dueOn: '2026-11-30',
      ...extra,
    });

  it('机关党委向第一支部发出提示，支部书记在收件箱看到并确认，机关党委看到确认人和时间', async () => {
    const sent = await send('anshun', t.fx.orgs.branch1.id);
    expect(sent.statusCode).toBe(200);
    const notice = sent.json();
    expect(notice).toMatchObject({ state: 'sent', canAcknowledge: false, rule: expect.stringContaining('第十二条') });

    const inbox = (await t.as('anshun-zb1', 'GET', '/api/v1/reminder-notices?box=inbox&state=sent')).json();
    const mine = inbox.items.find((i: { id: string }) => i.id === notice.id);
    expect(mine).toMatchObject({ orgName: '中共安顺市中级人民法院机关第一支部委员会', canAcknowledge: true });

    const ack = await t.as('anshun-zb1', 'POST', `/api/v1/reminder-notices/${notice.id}/acknowledge`, { note: '已定于11月28日召开', version: mine.version });
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({ state: 'acknowledged', acknowledgedByName: '张健', ackNote: '已定于11月28日召开', canAcknowledge: false });

    const sentBox = (await t.as('anshun', 'GET', '/api/v1/reminder-notices?box=sent')).json();
    expect(sentBox.items.find((i: { id: string }) => i.id === notice.id)).toMatchObject({ state: 'acknowledged', acknowledgedByName: '张健' });
    const audit = await t.deps.db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, notice.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['reminderNotice.acknowledge', 'reminderNotice.send']);
  });

  it('发出提示的人不能自己确认；已确认的提示不能再确认', async () => {
    const notice = (await send('anshun', t.fx.orgs.branch1.id)).json();
    expect((await t.as('anshun', 'POST', `/api/v1/reminder-notices/${notice.id}/acknowledge`, { version: notice.version })).statusCode).toBe(403);
    const first = await t.as('anshun-zb1', 'POST', `/api/v1/reminder-notices/${notice.id}/acknowledge`, { version: notice.version });
    expect(first.statusCode).toBe(200);
    const again = await t.as('anshun-zb1', 'POST', `/api/v1/reminder-notices/${notice.id}/acknowledge`, { version: first.json().version });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('张健');
  });

  it('支部不能给自己发提示，只有上级党组织可以；支部书记可以提示本支部的党小组', async () => {
    const self = await send('anshun-zb1', t.fx.orgs.branch1.id);
    expect(self.statusCode).toBe(403);
    expect(self.json().message).toContain('上级党组织');
    const toGroup = await send('anshun-zb1', t.fx.orgs.group1.id, { itemKey: null, title: '党小组会提醒', rule: null, dueOn: null });
    expect(toGroup.statusCode).toBe(200);
  });

  it('外院的党组织对发送人而言不存在：返回400并指明字段，不写入任何记录', async () => {
    const before = (await t.deps.db.select().from(schema.reminderNotices)).length;
    const res = await send('anshun', t.fx.orgs.lukouBranch.id);
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({ field: 'orgId' });
    expect((await t.deps.db.select().from(schema.reminderNotices)).length).toBe(before);
  });

  it('标题和正文为空时返回400，用中文指明字段', async () => {
    const res = await send('anshun', t.fx.orgs.branch1.id, { title: '  ', body: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { field: string }) => d.field).sort()).toEqual(['body', 'title']);
  });

  it('两人同时确认同一提示：一人成功，另一人得到冲突提示', async () => {
    const notice = (await send('anshun', t.fx.orgs.branch1.id)).json();
    const both = await Promise.all([
      t.as('anshun-zb1', 'POST', `/api/v1/reminder-notices/${notice.id}/acknowledge`, { version: notice.version }),
      t.as('anshun-zb1', 'POST', `/api/v1/reminder-notices/${notice.id}/acknowledge`, { version: notice.version }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });
});
