// 一支部一阵地 through the HTTP API on both engines: rooms, the booking calendar (no double booking,
// also under concurrent requests; the refusal names who holds the room), the room's screen by session
// and by the per-room display token, monthly study points, and materials shared across courts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';
import { pngUpload } from '../../test-support/matrix';

type Room = { id: string; version: number; shared: boolean; canBook: boolean; canManage: boolean; checklist: { item: string; done: boolean }[]; checklistDone: number; photos: { id: string }[] };

describe.each(testEngines)('一支部一阵地 (%s)', (engine) => {
  let t: TestApp;
  const now = new Date('2026-12-03T09:00:00+08:00');
  let room1: Room; // 第一支部's own room
  let hall: Room; // 第二支部's room, shared by the party office
  const at = (hm: string, day = '2026-12-04') => `${day}T${hm}:00+08:00`;

  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => now });
  });
  afterAll(() => t.close());

  it('书记登记本支部活动室；不能设为全院共享，也不能为其他支部登记', async () => {
    const res = await t.as('anshun-zb1', 'POST', '/api/v1/rooms', { orgId: t.fx.orgs.branch1.id, name: '第一党支部党员活动室', floor: '四楼', areaSqm: 60, capacity: 30, devices: ['大屏', '视频会议终端', '电子书架'] });
    expect(res.statusCode, res.body).toBe(200);
    room1 = res.json();
    expect(room1).toMatchObject({ shared: false, canManage: true, canBook: true, checklistTotal: 7, checklistDone: 0 });
    const shared = await t.as('anshun-zb1', 'POST', '/api/v1/rooms', { orgId: t.fx.orgs.branch1.id, name: '共享会议室', shared: true });
    expect(shared.statusCode).toBe(403);
    expect(shared.json().message).toContain('机关党委');
    const other = await t.as('anshun-zb1', 'POST', '/api/v1/rooms', { orgId: t.fx.orgs.branch2.id, name: '第二党支部党员活动室' });
    expect(other.statusCode).toBe(403);
    expect((await t.as('lukou', 'POST', '/api/v1/rooms', { orgId: t.fx.orgs.branch1.id, name: '外院' })).json().details[0].field).toBe('orgId');
    const dup = await t.as('anshun-zb1', 'POST', '/api/v1/rooms', { orgId: t.fx.orgs.branch1.id, name: '第一党支部党员活动室' });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().details[0].field).toBe('name');
  });

  it('机关党委登记第二支部活动室并设为全院共享；书记勾选标准化清单（只能勾本院的项目），版本过期被拒绝', async () => {
    const res = await t.as('anshun', 'POST', '/api/v1/rooms', { orgId: t.fx.orgs.branch2.id, name: '第二党支部党员活动室', floor: '四楼', shared: true, devices: ['大屏'] });
    expect(res.statusCode, res.body).toBe(200);
    hall = res.json();
    const item = room1.checklist[0]!.item;
    const ok = await t.as('anshun-zb1', 'PATCH', `/api/v1/rooms/${room1.id}`, { checklist: { [item]: true }, version: room1.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().checklistDone).toBe(1);
    const stale = await t.as('anshun-zb1', 'PATCH', `/api/v1/rooms/${room1.id}`, { capacity: 40, version: room1.version });
    expect(stale.statusCode).toBe(409);
    const unknown = await t.as('anshun-zb1', 'PATCH', `/api/v1/rooms/${room1.id}`, { checklist: { 不存在的项目: true }, version: ok.json().version });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details[0].field).toBe('checklist');
    const share = await t.as('anshun-zb1', 'PATCH', `/api/v1/rooms/${room1.id}`, { shared: true, version: ok.json().version });
    expect(share.statusCode).toBe(403);
    room1 = ok.json();
    const photo = pngUpload();
    const up = await t.app.inject({ method: 'POST', url: `/api/v1/rooms/${room1.id}/photos`, headers: { cookie: await t.cookieOf('anshun-zb1'), ...photo.headers }, payload: photo.payload });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json().photos).toHaveLength(1);
    room1 = up.json();
  });

  it('机关党委可配置本院清单项目，活动室按新项目显示', async () => {
    const cur = (await t.as('anshun', 'GET', '/api/v1/room-checklist')).json();
    expect(cur).toMatchObject({ isDefault: true, version: 0 });
    const bad = await t.as('anshun-zb1', 'PUT', '/api/v1/room-checklist', { courtId: t.fx.courts.anshun, items: ['党旗上墙'], version: 0 });
    expect(bad.statusCode).toBe(403);
    const items = [...cur.items, '党员政治生日墙'];
    const ok = await t.as('anshun', 'PUT', '/api/v1/room-checklist', { courtId: t.fx.courts.anshun, items, version: 0 });
    expect(ok.statusCode, ok.body).toBe(200);
    const r = (await t.as('anshun-zb1', 'GET', `/api/v1/rooms/${room1.id}`)).json();
    expect(r.checklistTotal).toBe(8);
    expect(r.checklistDone).toBe(1);
  });

  it('第二支部占用共享活动室后，第一支部预约重叠时段被拒绝并说明“与第二支部 14:00–16:00 的预约冲突”；首尾相接可以', async () => {
    const held = await t.as('anshun', 'POST', '/api/v1/bookings', { roomId: hall.id, orgId: t.fx.orgs.branch2.id, title: '第二支部主题党日', startsAt: at('14:00'), endsAt: at('16:00') });
    expect(held.statusCode, held.body).toBe(200);
    const clash = await t.as('anshun-zb1', 'POST', '/api/v1/bookings', { roomId: hall.id, orgId: t.fx.orgs.branch1.id, title: '支委会', startsAt: at('15:00'), endsAt: at('17:00') });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().message).toBe('与中共安顺市中级人民法院机关第二支部委员会 14:00–16:00 的预约冲突');
    const after = await t.as('anshun-zb1', 'POST', '/api/v1/bookings', { roomId: hall.id, orgId: t.fx.orgs.branch1.id, title: '支委会', startsAt: at('16:00'), endsAt: at('17:00') });
    expect(after.statusCode, after.body).toBe(200);
    // 第一支部 cannot book in 第二支部's name, nor book a room that is not shared.
    const asOther = await t.as('anshun-zb1', 'POST', '/api/v1/bookings', { roomId: hall.id, orgId: t.fx.orgs.branch2.id, title: '代订', startsAt: at('09:00'), endsAt: at('10:00') });
    expect(asOther.statusCode).toBe(403);
    const notShared = await t.as('anshun', 'POST', '/api/v1/bookings', { roomId: room1.id, orgId: t.fx.orgs.branch2.id, title: '借用', startsAt: at('09:00'), endsAt: at('10:00') });
    expect(notShared.statusCode, notShared.body).toBe(200); // the party office manages every room
    const inverted = await t.as('anshun-zb1', 'POST', '/api/v1/bookings', { roomId: room1.id, orgId: t.fx.orgs.branch1.id, title: '倒置', startsAt: at('11:00'), endsAt: at('10:00') });
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().details[0]).toMatchObject({ field: 'endsAt', message: '结束时间应晚于开始时间' });
    const past = await t.as('anshun-zb1', 'POST', '/api/v1/bookings', { roomId: room1.id, orgId: t.fx.orgs.branch1.id, title: '过去', startsAt: at('08:00', '2026-12-02'), endsAt: at('09:00', '2026-12-02') });
    expect(past.statusCode).toBe(400);
    expect(past.json().message).toContain('已经过去');
  });

  it('同一时段的10个并发预约只有一个成功，其余被拒绝并说明冲突', async () => {
    const cookie = await t.cookieOf('anshun-zb1');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.app.inject({ method: 'POST', url: '/api/v1/bookings', headers: { cookie }, payload: { roomId: room1.id, orgId: t.fx.orgs.branch1.id, title: `并发预约${i}`, startsAt: at(`10:${String(i).padStart(2, '0')}`, '2026-12-07'), endsAt: at('11:30', '2026-12-07') } }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(9);
    expect(results.find((r) => r.statusCode === 409)!.json().message).toMatch(/^与中共安顺市中级人民法院机关第一支部委员会 10:0\d–11:30 的预约冲突$/);
    const list = (await t.as('anshun-zb1', 'GET', `/api/v1/bookings?roomId=${room1.id}&from=${encodeURIComponent(at('00:00', '2026-12-07'))}&to=${encodeURIComponent(at('23:59', '2026-12-07'))}`)).json();
    expect(list.total).toBe(1);
  });

  it('取消后时段可再约；统计按月份计小时；外院看不到本院活动室（404）', async () => {
    const list = (await t.as('anshun-dy1', 'GET', `/api/v1/bookings?from=${encodeURIComponent(at('00:00'))}&to=${encodeURIComponent(at('23:59'))}`)).json();
    expect(list.total).toBe(3);
    expect(list.items.every((b: { canCancel: boolean }) => !b.canCancel)).toBe(true);
    const mine = (await t.as('anshun-zb1', 'GET', `/api/v1/bookings?roomId=${hall.id}&from=${encodeURIComponent(at('00:00'))}&to=${encodeURIComponent(at('23:59'))}`)).json().items as { id: string; orgId: string; version: number; canCancel: boolean }[];
    const own = mine.find((b) => b.orgId === t.fx.orgs.branch1.id)!;
    expect(own.canCancel).toBe(true);
    expect(mine.find((b) => b.orgId === t.fx.orgs.branch2.id)!.canCancel).toBe(false);
    const cancel = await t.as('anshun-zb1', 'POST', `/api/v1/bookings/${own.id}/cancel`, { reason: '改期', version: own.version });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const again = await t.as('anshun-zb1', 'POST', `/api/v1/bookings/${own.id}/cancel`, { version: cancel.json().version });
    expect(again.statusCode).toBe(400);
    const usage = (await t.as('anshun', 'GET', '/api/v1/room-usage?year=2026')).json();
    const hallDec = usage.items.find((u: { roomId: string; month: string }) => u.roomId === hall.id && u.month === '2026-12');
    expect(hallDec).toMatchObject({ bookings: 1, hours: 2 });
    expect((await t.as('lukou', 'GET', `/api/v1/rooms/${room1.id}`)).statusCode).toBe(404);
    expect((await t.as('lukou', 'GET', '/api/v1/rooms')).json().total).toBe(0);
  });

  it('月度政治学习要点：机关党委发布，书记只读；版本过期被拒绝', async () => {
    const empty = (await t.as('anshun-zb1', 'GET', '/api/v1/study-points?month=2026-12')).json();
    expect(empty).toMatchObject({ items: [], version: 0, canEdit: false });
    expect((await t.as('anshun-zb1', 'PUT', '/api/v1/study-points?month=2026-12', { items: ['学习'], version: 0 })).statusCode).toBe(403);
    const ok = await t.as('anshun', 'PUT', '/api/v1/study-points?month=2026-12', { items: ['学习党的二十届四中全会精神', '学习《中国共产党支部工作条例（试行）》'], version: 0 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(1);
    expect((await t.as('anshun', 'PUT', '/api/v1/study-points?month=2026-12', { items: ['x'], version: 0 })).statusCode).toBe(409);
    const badMonth = await t.as('anshun', 'GET', '/api/v1/study-points?month=2026-13');
    expect(badMonth.statusCode).toBe(400);
    expect(badMonth.json().message).toContain('月份');
    const none = await t.as('anshun', 'PUT', '/api/v1/study-points?month=2026-12', { items: [], version: 1 });
    expect(none.statusCode).toBe(400);
  });

  it('活动室大屏：登录预览；大屏令牌只开放本活动室，收回后失效，生成与收回均记审计；活动签到开启时显示签到二维码', async () => {
    // An activity of 第一支部 in its room, on now, with sign-in open.
    const act = await t.as('anshun-zb1', 'POST', '/api/v1/activities', { orgId: t.fx.orgs.branch1.id, type: 'themedPartyDay', title: '十二月主题党日', startsAt: '2026-12-03T09:00:00+08:00', firstAgendaItem: '学习习近平法治思想' });
    expect(act.statusCode, act.body).toBe(200);
    const b = await t.as('anshun-zb1', 'POST', '/api/v1/bookings', { roomId: room1.id, orgId: t.fx.orgs.branch1.id, title: '十二月主题党日', activityId: act.json().id, startsAt: '2026-12-03T08:50:00+08:00', endsAt: '2026-12-03T10:30:00+08:00' });
    expect(b.statusCode, b.body).toBe(200);
    let s = (await t.as('anshun-dy1', 'GET', `/api/v1/rooms/${room1.id}/screen`)).json();
    expect(s.now).toMatchObject({ title: '十二月主题党日', signIn: null });
    expect(s.studyPoints.items).toHaveLength(2);
    expect(s.members).toContain('李明');
    expect(JSON.stringify(s)).not.toMatch(/\d{17}[\dX]|138\d{8}/); // no 身份证号, no phone
    await t.as('anshun-zb1', 'POST', `/api/v1/activities/${act.json().id}/sign-in/open`, { minutes: 30 });
    s = (await t.as('anshun-dy1', 'GET', `/api/v1/rooms/${room1.id}/screen`)).json();
    expect(s.now.signIn.url).toMatch(/^\/sign-in\?t=/);
    expect(s.now.signIn.code).toMatch(/^\d{6}$/);

    expect((await t.app.inject({ method: 'GET', url: '/api/v1/room-screen' })).statusCode).toBe(404);
    expect((await t.as('anshun-dy1', 'POST', `/api/v1/rooms/${room1.id}/display-token`)).statusCode).toBe(403);
    const tok = await t.as('anshun-zb1', 'POST', `/api/v1/rooms/${room1.id}/display-token`);
    expect(tok.statusCode, tok.body).toBe(200);
    const token = tok.json().token as string;
    expect(token.length).toBeGreaterThanOrEqual(40);
    const pub = await t.app.inject({ method: 'GET', url: '/api/v1/room-screen', headers: { 'x-display-token': token } });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json().room.id).toBe(room1.id);
    const photo = pub.json().photos[0];
    expect((await t.app.inject({ method: 'GET', url: photo.url })).statusCode).toBe(200);
    // The token opens nothing else.
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/rooms/${room1.id}`, headers: { 'x-display-token': token } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/room-screen?t=${token}x` })).statusCode).toBe(404);
    const revoke = await t.as('anshun-zb1', 'DELETE', `/api/v1/rooms/${room1.id}/display-token`);
    expect(revoke.statusCode, revoke.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/room-screen', headers: { 'x-display-token': token } })).json().message).toContain('已被收回');
    const audit = await t.deps.handle.query<{ action: string }>(`select action from audit_log where action like 'room.displayToken.%' order by seq`);
    expect(audit.map((a) => a.action)).toEqual(['room.displayToken.create', 'room.displayToken.revoke']);
  });

  it('共享学习资料：第一支部把链接共享给渌口法院的支部，对方只读可见；未共享的外院看不到；撤回后对方不再可见', async () => {
    const res = await t.as('anshun-zb1', 'POST', '/api/v1/materials', { orgId: t.fx.orgs.branch1.id, title: '“云上共学”：习近平法治思想学习纲要', url: 'https://www.12371.cn/', sharedOrgIds: [t.fx.orgs.lukouBranch.id] });
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    expect(m.sharedWith[0].courtName).toBe('株洲市渌口区人民法院');
    const seen = (await t.as('lukou', 'GET', '/api/v1/materials')).json();
    expect(seen.items.map((i: { id: string }) => i.id)).toContain(m.id);
    expect(seen.items.find((i: { id: string }) => i.id === m.id).canManage).toBe(false);
    expect((await t.as('lukou', 'PATCH', `/api/v1/materials/${m.id}`, { title: '改', version: m.version })).statusCode).toBe(403);
    expect((await t.as('guizhou', 'GET', '/api/v1/materials')).json().items.map((i: { id: string }) => i.id)).toContain(m.id); // higher court reads 安顺
    const badUrl = await t.as('anshun-zb1', 'POST', '/api/v1/materials', { orgId: t.fx.orgs.branch1.id, title: '坏链接', url: 'javascript:alert(1)' });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json().details[0].field).toBe('url');
    const w = await t.as('anshun-zb1', 'POST', `/api/v1/materials/${m.id}/withdraw`, { version: m.version });
    expect(w.statusCode, w.body).toBe(200);
    expect((await t.as('lukou', 'GET', '/api/v1/materials')).json().total).toBe(0);
  });
});
