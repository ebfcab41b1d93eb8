import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@zhibu/db';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';

// 2026-11-23 10:00 in Shanghai, on a 30-second step boundary.
const START = new Date('2026-11-23T02:00:00.000Z');

function multipart(file: Buffer, filename: string) {
  const boundary = `----zhibu${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`, 'utf8');
  return { payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

describe.each(testEngines)('组织生活 (%s)', (engine) => {
  let t: TestApp;
  let clock = START;
  const names = (detail: { attendance: { name: string; role: string }[] }) =>
    detail.attendance
      .filter((a) => a.role === 'expected')
      .map((a) => a.name)
      .sort();
  const plan = async (who: string, body: Record<string, unknown>) => t.as(who, 'POST', '/api/v1/activities', body);

  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => clock });
    // 支委: 张健 (书记) and 王芳 (组织委员); the probationary member cannot hold a post.
    for (const [memberId, post] of [
      [t.fx.members.secretary.id, 'secretary'],
      [t.fx.members.member2.id, 'organizationMember'],
    ] as const) {
      const res = await t.as('anshun', 'POST', `/api/v1/orgs/${t.fx.orgs.branch1.id}/committee`, { memberId, post, startOn: '2026-01-01' });
      expect(res.statusCode).toBe(200);
    }
  });
  afterAll(() => t.close());

  it('计划支部委员会会议与支部党员大会：应到人员分别为在任支委与全体党员', async () => {
    const committee = await plan('anshun-zb1', { orgId: t.fx.orgs.branch1.id, type: 'committeeMeeting', title: '11月支委会', startsAt: '2026-11-25T09:00:00+08:00', place: '四楼党员活动室' });
    expect(committee.statusCode).toBe(200);
    expect(names(committee.json())).toEqual(['张健', '王芳'].sort());
    expect(committee.json().status).toBe('planned');
    expect(committee.json().heldOn).toBe('2026-11-25');
    expect(committee.json().lateEntry).toBe(false);

    const assembly = await plan('anshun-zb1', { orgId: t.fx.orgs.branch1.id, type: 'branchAssembly', title: '第四季度支部党员大会', startsAt: '2026-11-26T15:00:00+08:00' });
    expect(assembly.statusCode).toBe(200);
    expect(names(assembly.json())).toEqual(['张健', '李明', '王芳', '赵小雨'].sort());
    expect(assembly.json().counts.pending).toBe(4);
    expect(assembly.json()).not.toHaveProperty('signInSecret');
  });

  it('党小组不能召开支部党员大会，返回400并指明类型', async () => {
    const res = await plan('anshun-zb1', { orgId: t.fx.orgs.group1.id, type: 'branchAssembly', title: '错误', startsAt: '2026-11-25T09:00:00+08:00' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('type');
  });

  it('补录不填原因返回400并指明补录原因；填写后标记为补录并留痕', async () => {
    const body = { orgId: t.fx.orgs.branch1.id, type: 'themedPartyDay', title: '11月主题党日', startsAt: '2026-11-20T09:00:00+08:00' };
    const no = await plan('anshun-zb1', body);
    expect(no.statusCode).toBe(400);
    expect(no.json().details[0].field).toBe('lateEntryReason');
    expect(no.json().message).toContain('补录原因');
    const ok = await plan('anshun-zb1', { ...body, lateEntryReason: '当日纸质记录，现补录入系统' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().lateEntry).toBe(true);
    expect(ok.json().lateEntryReason).toBe('当日纸质记录，现补录入系统');
    const log = (await t.as('auditor', 'GET', '/api/v1/audit-logs?action=activity.create.lateEntry')).json();
    expect(log.total).toBe(1);
  });

  it('记录支部党员大会：须有第一议题；出席须在应到名单中；请假须有原因；显示法定人数（预备党员不计入）', async () => {
    const planned = (await plan('anshun-zb1', { orgId: t.fx.orgs.branch1.id, type: 'branchAssembly', title: '今日支部党员大会', startsAt: '2026-11-23T09:00:00+08:00' })).json();
    const url = `/api/v1/activities/${planned.id}/record`;
    const m = t.fx.members;
    const attendance = [
      { memberId: m.secretary.id, status: 'present' },
      { memberId: m.member1.id, status: 'present' },
      { memberId: m.member2.id, status: 'onLeave', reason: '外出办案' },
      { memberId: m.probationary.id, status: 'present' },
    ];
    const noAgenda = await t.as('anshun-zb1', 'POST', url, { minutes: '会议记录', attendance, version: planned.version });
    expect(noAgenda.statusCode).toBe(400);
    expect(noAgenda.json().details[0].field).toBe('firstAgendaItem');

    const stranger = await t.as('anshun-zb1', 'POST', url, {
      minutes: '会议记录',
      firstAgendaItem: '学习党的二十届四中全会精神',
      attendance: [...attendance, { memberId: m.branch2Member.id, status: 'present' }],
      version: planned.version,
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().details[0].field).toBe('attendance');
    expect(stranger.json().message).toContain('陈刚');

    const noReason = await t.as('anshun-zb1', 'POST', url, {
      minutes: '会议记录',
      firstAgendaItem: '学习党的二十届四中全会精神',
      attendance: attendance.map((a) => (a.status === 'onLeave' ? { memberId: a.memberId, status: 'onLeave' } : a)),
      version: planned.version,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details[0].field).toBe('attendance');
    expect(noReason.json().message).toContain('王芳');

    const res = await t.as('anshun-zb1', 'POST', url, {
      minutes: '会议记录：传达学习……',
      resolutions: '同意……',
      firstAgendaItem: '学习党的二十届四中全会精神',
      attendance,
      guests: [{ guestName: '刘列席', guestUnit: '株洲中院第二党支部', role: 'observer' }],
      version: planned.version,
    });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.status).toBe('held');
    expect(d.recordedAt).toBeTruthy();
    expect(d.counts).toMatchObject({ expected: 4, present: 3, onLeave: 1, guests: 1 });
    // 3 full members expected (应到会有表决权), 2 of them present; the probationary member takes part without a vote.
    expect(d.quorum).toMatchObject({ eligible: 3, attending: 2, presentWithoutVote: 1, met: true });
    expect(d.quorum.message).toContain('应到会有表决权党员3人');
    expect(JSON.stringify(d)).not.toContain(m.secretary.idNumber);
    // A member reading as an attendee sees who was on leave, not why.
    const asMember = (await t.as('anshun-dy1', 'GET', `/api/v1/activities/${planned.id}`)).json();
    expect(asMember.attendance.find((x: { name: string }) => x.name === '王芳')).toMatchObject({ status: 'onLeave', reason: null });
    expect(d.attendance.find((x: { name: string }) => x.name === '王芳').reason).toBe('外出办案');
  });

  describe('签到', () => {
    let a: { id: string };
    let b: { id: string };
    beforeAll(async () => {
      clock = START;
      a = (await plan('anshun-zb1', { orgId: t.fx.orgs.branch1.id, type: 'branchAssembly', title: '签到测试会议A', startsAt: '2026-11-23T14:00:00+08:00' })).json();
      b = (await plan('anshun-zb1', { orgId: t.fx.orgs.branch1.id, type: 'themedPartyDay', title: '签到测试会议B', startsAt: '2026-11-23T15:00:00+08:00' })).json();
    });

    it('未开启签到时扫码被拒绝', async () => {
      const state = (await t.as('anshun-zb1', 'GET', `/api/v1/activities/${a.id}/sign-in`)).json();
      expect(state.open).toBe(false);
      expect(state.token).toBeNull();
      const res = await t.as('anshun-dy1', 'POST', '/api/v1/sign-in', { activityId: a.id, code: '000000' });
      expect(res.statusCode).toBe(400);
    });

    it('党员用当前二维码签到成功，重复签到返回已签到', async () => {
      const state = (await t.as('anshun-zb1', 'GET', `/api/v1/activities/${a.id}/sign-in?open=true`)).json();
      expect(state.open).toBe(true);
      expect(state.url).toBe(`/sign-in?t=${encodeURIComponent(state.token)}`);
      expect(state.code).toMatch(/^\d{6}$/);
      const ok = await t.as('anshun-dy1', 'POST', '/api/v1/sign-in', { token: state.token });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().alreadySignedIn).toBe(false);
      const again = await t.as('anshun-dy1', 'POST', '/api/v1/sign-in', { token: state.token });
      expect(again.statusCode).toBe(200);
      expect(again.json().alreadySignedIn).toBe(true);
      expect(again.json().message).toContain('已');
      const detail = (await t.as('anshun-zb1', 'GET', `/api/v1/activities/${a.id}`)).json();
      const row = detail.attendance.find((x: { memberId: string }) => x.memberId === t.fx.members.probationary.id);
      expect(row).toMatchObject({ status: 'present', signInMethod: 'qr' });
    });

    it('上一个30秒的二维码仍可用；两次轮换之后（61秒前）的二维码已过期', async () => {
      clock = START;
      const state = (await t.as('anshun-zb1', 'GET', `/api/v1/activities/${a.id}/sign-in`)).json();
      clock = new Date(START.getTime() + 31_000);
      const previous = await t.as('anshun-zw1', 'POST', '/api/v1/sign-in', { token: state.token });
      expect(previous.statusCode).toBe(200);
      clock = new Date(START.getTime() + 61_000);
      const expired = await t.as('anshun-xz1', 'POST', '/api/v1/sign-in', { token: state.token });
      expect(expired.statusCode).toBe(400);
      expect(expired.json().message).toContain('签到码已过期，请扫描屏幕上的最新二维码');
      clock = START;
    });

    it('转发的其他活动二维码、篡改的二维码被拒绝', async () => {
      const stateB = (await t.as('anshun-zb1', 'GET', `/api/v1/activities/${b.id}/sign-in?open=true`)).json();
      const relayed = await t.as('anshun-xz1', 'POST', '/api/v1/sign-in', { activityId: a.id, token: stateB.token });
      expect(relayed.statusCode).toBe(400);
      expect(relayed.json().message).toContain('不属于本次活动');
      const [head] = stateB.token.split('.');
      const forged = await t.as('anshun-xz1', 'POST', '/api/v1/sign-in', { token: `${head}.${'A'.repeat(43)}` });
      expect(forged.statusCode).toBe(400);
    });

    it('不在应到名单中的党员被拒绝', async () => {
      const other = (await plan('anshun', { orgId: t.fx.orgs.branch2.id, type: 'themedPartyDay', title: '第二支部主题党日', startsAt: '2026-11-23T16:00:00+08:00' })).json();
      const state = (await t.as('anshun', 'GET', `/api/v1/activities/${other.id}/sign-in?open=true`)).json();
      const res = await t.as('anshun-dy1', 'POST', '/api/v1/sign-in', { token: state.token });
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toBe('您不在本次活动的应到人员名单中');
    });

    it('签到码兜底；签到结束后拒绝', async () => {
      clock = START;
      const state = (await t.as('anshun-zb1', 'GET', `/api/v1/activities/${a.id}/sign-in`)).json();
      const wrong = await t.as('anshun-xz1', 'POST', '/api/v1/sign-in', { activityId: a.id, code: state.code === '000000' ? '111111' : '000000' });
      expect(wrong.statusCode).toBe(400);
      const ok = await t.as('anshun-xz1', 'POST', '/api/v1/sign-in', { activityId: a.id, code: state.code });
      expect(ok.statusCode).toBe(200);
      const opened = await t.as('anshun-zb1', 'POST', `/api/v1/activities/${a.id}/sign-in/open`, { minutes: 5 });
      expect(opened.statusCode).toBe(200);
      const tooLong = await t.as('anshun-zb1', 'POST', `/api/v1/activities/${a.id}/sign-in/open`, { minutes: 500 });
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.json().message).toContain('签到时长');
      clock = new Date(START.getTime() + 6 * 60_000);
      const late = await t.as('anshun-zb1', 'POST', '/api/v1/sign-in', { activityId: a.id, code: state.code });
      expect(late.statusCode).toBe(400);
      expect(late.json().message).toContain('签到已结束');
      clock = START;
    });

    it('书记提前结束签到后，扫码和签到码都被拒绝；未开启时结束签到返回400', async () => {
      clock = START;
      const state = (await t.as('anshun-zb1', 'GET', `/api/v1/activities/${b.id}/sign-in?open=true`)).json();
      const closed = await t.as('anshun-zb1', 'POST', `/api/v1/activities/${b.id}/sign-in/close`);
      expect(closed.statusCode, closed.body).toBe(200);
      expect(closed.json().open).toBe(false);
      clock = new Date(START.getTime() + 1_000);
      const scan = await t.as('anshun-dy1', 'POST', '/api/v1/sign-in', { token: state.token });
      expect(scan.statusCode).toBe(400);
      expect(scan.json().message).toContain('签到已结束');
      const again = await t.as('anshun-zb1', 'POST', `/api/v1/activities/${b.id}/sign-in/close`);
      expect(again.statusCode).toBe(400);
      expect(again.json().message).toBe('签到未开启或已结束');
      clock = START;
    });

    it('他院管理员看不到、不能操作；上级法院不见明细', async () => {
      expect((await t.as('lukou', 'GET', `/api/v1/activities/${a.id}`)).statusCode).toBe(404);
      expect((await t.as('lukou', 'GET', `/api/v1/activities/${a.id}/sign-in?open=true`)).statusCode).toBe(404);
      expect((await t.as('lukou', 'POST', `/api/v1/activities/${a.id}/cancel`, { reason: '越权', version: 1 })).statusCode).toBe(404);
      expect((await plan('lukou', { orgId: t.fx.orgs.branch1.id, type: 'themedPartyDay', title: '越权', startsAt: '2026-11-25T09:00:00+08:00' })).statusCode).toBe(403);
      expect((await t.as('lukou', 'GET', '/api/v1/activities')).json().total).toBe(0);
      expect((await t.as('guizhou', 'GET', '/api/v1/activities')).json().total).toBe(0);
      // A member may read, not manage.
      expect((await t.as('anshun-dy1', 'GET', `/api/v1/activities/${a.id}`)).statusCode).toBe(200);
      expect((await t.as('anshun-dy1', 'POST', `/api/v1/activities/${a.id}/notify`)).statusCode).toBe(403);
    });
  });

  it('列表范围：党员只见应到的活动，党小组长见本组与支部全体活动，不见支委会', async () => {
    const member = (await t.as('anshun-dy1', 'GET', '/api/v1/activities?pageSize=100')).json();
    const memberTypes = new Set(member.items.map((i: { type: string }) => i.type));
    expect(memberTypes.has('branchAssembly')).toBe(true);
    expect(memberTypes.has('committeeMeeting')).toBe(false);
    const leader = (await t.as('anshun-xz1', 'GET', '/api/v1/activities?pageSize=100')).json();
    expect(leader.items.some((i: { type: string }) => i.type === 'committeeMeeting')).toBe(false);
    expect(leader.items.some((i: { type: string }) => i.type === 'themedPartyDay')).toBe(true);
    const filtered = (await t.as('anshun', 'GET', `/api/v1/activities?orgId=${t.fx.orgs.branch1.id}&type=committeeMeeting&from=2026-11-01&to=2026-11-30`)).json();
    expect(filtered.total).toBe(1);
    const bad = await t.as('anshun', 'GET', '/api/v1/activities?from=2026-12-01&to=2026-11-01');
    expect(bad.statusCode).toBe(400);
  });

  it('取消须填写原因，记录保留', async () => {
    const p = (await plan('anshun-zb1', { orgId: t.fx.orgs.branch1.id, type: 'partyLecture', title: '专题党课', startsAt: '2026-11-28T09:00:00+08:00' })).json();
    const noReason = await t.as('anshun-zb1', 'POST', `/api/v1/activities/${p.id}/cancel`, { version: p.version });
    expect(noReason.statusCode).toBe(400);
    const res = await t.as('anshun-zb1', 'POST', `/api/v1/activities/${p.id}/cancel`, { reason: '与审判任务冲突，改期', version: p.version });
    expect(res.statusCode).toBe(200);
    const after = (await t.as('anshun-zb1', 'GET', `/api/v1/activities/${p.id}`)).json();
    expect(after.status).toBe('cancelled');
    expect(after.cancelReason).toBe('与审判任务冲突，改期');
    const list = (await t.as('anshun-zb1', 'GET', '/api/v1/activities?status=cancelled')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(p.id);
  });

  it('修改已记录的活动须填写修改原因，并保存修改前的版本', async () => {
    const p = (await plan('anshun-zb1', { orgId: t.fx.orgs.branch1.id, type: 'partyLecture', title: '党课', startsAt: '2026-11-23T08:30:00+08:00' })).json();
    const rec = (await t.as('anshun-zb1', 'POST', `/api/v1/activities/${p.id}/record`, { minutes: '原记录', attendance: [], version: p.version })).json();
    expect(rec.status).toBe('held');
    expect(rec.counts.absent).toBe(4);
    const noReason = await t.as('anshun-zb1', 'PATCH', `/api/v1/activities/${p.id}`, { minutes: '新记录', version: rec.version });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details[0].field).toBe('changeReason');
    const ok = await t.as('anshun-zb1', 'PATCH', `/api/v1/activities/${p.id}`, { minutes: '新记录', changeReason: '补充讨论内容', version: rec.version });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().minutes).toBe('新记录');
    expect(ok.json().revisionCount).toBe(1);
    const revs = await t.deps.db.select().from(schema.activityRevisions).where(eq(schema.activityRevisions.activityId, p.id));
    expect((revs[0]!.snapshot as { minutes: string }).minutes).toBe('原记录');
    expect(revs[0]!.reason).toBe('补充讨论内容');
    expect(revs[0]!.snapshot).not.toHaveProperty('signInSecret');
    const stale = await t.as('anshun-zb1', 'PATCH', `/api/v1/activities/${p.id}`, { minutes: '旧版本', changeReason: 'x', version: rec.version });
    expect(stale.statusCode).toBe(409);
  });

  it('修改记录逐次列出改了什么（修改前→修改后）、谁改的、为什么，最新的在前', async () => {
    const p = (await plan('anshun-zb1', { orgId: t.fx.orgs.branch1.id, type: 'partyLecture', title: '党课：初稿', startsAt: '2026-11-23T08:30:00+08:00', place: '三楼会议室' })).json();
    const rec = (await t.as('anshun-zb1', 'POST', `/api/v1/activities/${p.id}/record`, { minutes: '原记录', attendance: [], version: p.version })).json();
    const first = (await t.as('anshun-zb1', 'PATCH', `/api/v1/activities/${p.id}`, { minutes: '补充后的记录', changeReason: '补充讨论内容', version: rec.version })).json();
    await t.as('anshun', 'PATCH', `/api/v1/activities/${p.id}`, { title: '党课：坚定理想信念', place: '四楼党员活动室', changeReason: '主题与地点写错', version: first.version });
    const res = await t.as('anshun-zb1', 'GET', `/api/v1/activities/${p.id}/revisions`);
    expect(res.statusCode, res.body).toBe(200);
    const { items, total } = res.json() as { total: number; items: { reason: string; changedBy: string; changes: { label: string; before: string; after: string }[] }[] };
    expect(total).toBe(2);
    expect(items[0]!.reason).toBe('主题与地点写错');
    expect(items[0]!.changes).toEqual([
      { field: 'title', label: '活动主题', before: '党课：初稿', after: '党课：坚定理想信念' },
      { field: 'place', label: '地点', before: '三楼会议室', after: '四楼党员活动室' },
    ]);
    expect(items[1]).toMatchObject({ reason: '补充讨论内容', changes: [{ field: 'minutes', label: '会议记录', before: '原记录', after: '补充后的记录' }] });
    expect(items[1]!.changedBy).toBeTruthy();
    expect((await t.as('lukou', 'GET', `/api/v1/activities/${p.id}/revisions`)).statusCode).toBe(404);
  });

  it('报送上级：支部自己不能审核；退回须填写原因；上级审核通过', async () => {
    const p = (await plan('anshun-zb1', { orgId: t.fx.orgs.branch1.id, type: 'themedPartyDay', title: '主题党日', startsAt: '2026-11-23T08:00:00+08:00' })).json();
    const rec = (await t.as('anshun-zb1', 'POST', `/api/v1/activities/${p.id}/record`, { minutes: '记录', firstAgendaItem: '第一议题', attendance: [], version: p.version })).json();
    expect((await t.as('anshun-zb1', 'POST', `/api/v1/activities/${rec.id}/submit`)).statusCode).toBe(200);
    const self = await t.as('anshun-zb1', 'POST', `/api/v1/activities/${rec.id}/review`, { decision: 'approve' });
    expect(self.statusCode).toBe(403);
    const noReason = await t.as('anshun', 'POST', `/api/v1/activities/${rec.id}/review`, { decision: 'return' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details[0].field).toBe('reason');
    const ok = await t.as('anshun', 'POST', `/api/v1/activities/${rec.id}/review`, { decision: 'approve' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().activity.reviewState).toBe('approved');
  });

  it('手工登记出席：免于参加须填写原因', async () => {
    const p = (await plan('anshun-zb1', { orgId: t.fx.orgs.branch1.id, type: 'themedPartyDay', title: '主题党日2', startsAt: '2026-11-27T09:00:00+08:00' })).json();
    const url = `/api/v1/activities/${p.id}/attendance`;
    const no = await t.as('anshun-zb1', 'POST', url, { memberId: t.fx.members.member1.id, status: 'exempt' });
    expect(no.statusCode).toBe(400);
    expect(no.json().details[0].field).toBe('reason');
    const ok = await t.as('anshun-zb1', 'POST', url, { memberId: t.fx.members.member1.id, status: 'exempt', reason: '长期患病' });
    expect(ok.statusCode).toBe(200);
    const stranger = await t.as('anshun-zb1', 'POST', url, { memberId: t.fx.members.branch2Member.id, status: 'present' });
    expect(stranger.statusCode).toBe(400);
  });

  it('案例讲评会登记讲评案例；其他类型的活动不能登记', async () => {
    const p = (await plan('anshun-zb1', { orgId: t.fx.orgs.branch1.id, type: 'caseReviewSession', title: '案例讲评会', startsAt: '2026-11-27T15:00:00+08:00' })).json();
    const res = await t.as('anshun-zb1', 'POST', `/api/v1/activities/${p.id}/case-reviews`, {
      caseNumber: '（2026）黔04民终123号',
      title: '生态环境损害赔偿案',
      departmentId: t.fx.departments.dept.id,
      presenterMemberId: t.fx.members.member1.id,
    });
    expect(res.statusCode).toBe(200);
    const review = res.json().caseReviews[0];
    expect(review.presenterName).toBe('李明');
    const patched = await t.as('anshun-zb1', 'PATCH', `/api/v1/activities/${p.id}/case-reviews/${review.id}`, { recommendedTypical: true, version: review.version });
    expect(patched.json().caseReviews[0].recommendedTypical).toBe(true);
    const other = (await plan('anshun-zb1', { orgId: t.fx.orgs.branch1.id, type: 'partyLecture', title: '党课2', startsAt: '2026-11-27T10:00:00+08:00' })).json();
    const wrong = await t.as('anshun-zb1', 'POST', `/api/v1/activities/${other.id}/case-reviews`, { caseNumber: 'x', title: 'y' });
    expect(wrong.statusCode).toBe(400);
  });

  it('附件：按文件头与扩展名判断类型，限20MB；下载带中文文件名', async () => {
    const p = (await plan('anshun-zb1', { orgId: t.fx.orgs.branch1.id, type: 'partyLecture', title: '党课3', startsAt: '2026-11-27T11:00:00+08:00' })).json();
    const url = `/api/v1/activities/${p.id}/attachments`;
    const cookie = await t.cookieOf('anshun-zb1');
    const up = (file: Buffer, name: string, who = cookie) => {
      const { payload, contentType } = multipart(file, name);
      return t.app.inject({ method: 'POST', url, payload, headers: { cookie: who, 'content-type': contentType } });
    };
    const ok = await up(PNG, '会议照片.png');
    expect(ok.statusCode).toBe(200);
    const renamed = await up(Buffer.from('MZ\x90\x00 not an image'), '照片.png');
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().message).toContain('仅支持图片（JPG/PNG）、PDF、Word、Excel 文件');
    const wrongExt = await up(PNG, 'photo.pdf');
    expect(wrongExt.statusCode).toBe(400);
    const big = await up(Buffer.concat([PNG, Buffer.alloc(20 * 1024 * 1024)]), '大照片.png');
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('FILE_TOO_LARGE');
    expect((await up(PNG, 'x.png', await t.cookieOf('lukou'))).statusCode).toBe(404);

    const dl = await t.as('anshun-dy1', 'GET', `/api/v1/attachments/${ok.json().id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');
    expect(String(dl.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent('会议照片.png')}`);
    expect(dl.rawPayload.equals(PNG)).toBe(true);
    expect((await t.as('lukou', 'GET', `/api/v1/attachments/${ok.json().id}`)).statusCode).toBe(404);
    const detail = (await t.as('anshun-zb1', 'GET', `/api/v1/activities/${p.id}`)).json();
    expect(detail.attachments).toHaveLength(1);
  });
});
