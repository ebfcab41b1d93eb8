import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@zhibu/db';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';

type Slot = { slotDate: string; memberName: string; memberId: string; tier: string | null; topic: string | null };

describe.each(testEngines)('一刻钟微党课轮讲 (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => new Date('2026-11-23T09:00:00+08:00') });
  });
  afterAll(() => t.close());

  it('生成建议（书记带头讲，人人轮到一次后才有人讲第二次）→ 保存 → 查看', async () => {
    const b1 = t.fx.orgs.branch1.id;
    const gen = await t.as('anshun-zb1', 'POST', '/api/v1/micro-lectures/generate', { orgId: b1, from: '2026-11-23', to: '2026-12-21', weekday: 1 });
    expect(gen.statusCode, gen.body).toBe(200);
    const slots = gen.json().slots as Slot[];
    expect(slots.map((s) => s.slotDate)).toEqual(['2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21']);
    expect(slots[0]).toMatchObject({ memberName: '张健', tier: 'secretary' });
    expect(new Set(slots.slice(0, 4).map((s) => s.memberName)).size).toBe(4); // 张健、李明、王芳、赵小雨
    expect(slots[4]!.memberName).toBe('张健'); // a new round starts with the secretary
    // Not saved by generate.
    expect(await t.deps.db.select().from(schema.microLectureSlots)).toHaveLength(0);

    const save = await t.as('anshun-zb1', 'PUT', '/api/v1/micro-lectures', {
      orgId: b1,
      slots: slots.map((s, i) => ({ slotDate: s.slotDate, memberId: s.memberId, topic: i === 0 ? '学习党章第九条' : null })),
    });
    expect(save.statusCode, save.body).toBe(200);
    expect(save.json().total).toBe(5);
    const audit = await t.deps.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'microLecture.schedule.save'));
    expect(audit).toHaveLength(1);

    // A member of the branch reads it (小李 sees his turn); another court does not.
    const read = await t.as('anshun-dy1', 'GET', `/api/v1/micro-lectures?orgId=${b1}&from=2026-12-01`);
    expect(read.statusCode, read.body).toBe(200);
    expect((read.json().items as Slot[]).map((s) => s.slotDate)).toEqual(['2026-12-07', '2026-12-14', '2026-12-21']);
    expect((await t.as('lukou', 'GET', `/api/v1/micro-lectures?orgId=${b1}`)).statusCode).toBe(404);

    // The next generation continues the rotation from the saved history.
    const next = await t.as('anshun-zb1', 'POST', '/api/v1/micro-lectures/generate', { orgId: b1, dates: ['2026-12-28'] });
    expect((next.json().slots as Slot[])[0]!.memberName).not.toBe('张健');

    // Saving again replaces the future slots.
    const again = await t.as('anshun-zb1', 'PUT', '/api/v1/micro-lectures', { orgId: b1, slots: [{ slotDate: '2026-12-28', memberId: t.fx.members.member1.id }] });
    expect(again.json().items.map((s: Slot) => s.slotDate)).toEqual(['2026-12-28']);
  });

  it('权限与输入：党员不能排期；党员须属本支部；日期不能早于今天', async () => {
    const b1 = t.fx.orgs.branch1.id;
    expect((await t.as('anshun-dy1', 'PUT', '/api/v1/micro-lectures', { orgId: b1, slots: [] })).statusCode).toBe(403);
    expect((await t.as('anshun-dy1', 'POST', '/api/v1/micro-lectures/generate', { orgId: b1, dates: ['2026-12-28'] })).statusCode).toBe(403);
    const other = await t.as('anshun', 'PUT', '/api/v1/micro-lectures', { orgId: b1, slots: [{ slotDate: '2026-12-28', memberId: t.fx.members.branch2Member.id }] });
    expect(other.statusCode).toBe(400);
    expect(other.json().details[0].field).toBe('slots.0.memberId');
    const past = await t.as('anshun', 'PUT', '/api/v1/micro-lectures', { orgId: b1, slots: [{ slotDate: '2026-11-01', memberId: t.fx.members.member1.id }] });
    expect(past.statusCode).toBe(400);
    const none = await t.as('anshun', 'POST', '/api/v1/micro-lectures/generate', { orgId: b1 });
    expect(none.statusCode).toBe(400);
    expect(none.json().details[0].field).toBe('dates');
    // Nothing half-written: the earlier schedule is still there.
    expect((await t.as('anshun', 'GET', `/api/v1/micro-lectures?orgId=${b1}`)).json().total).toBe(1);
  });
});
