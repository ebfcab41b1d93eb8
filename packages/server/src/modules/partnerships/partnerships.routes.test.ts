// 联建 (issue 4): a branch of 安顺中院 pairs with a branch of 渌口法院 (proposed → accepted by the
// other side), plans a joint activity that both sides see in list, detail, calendar and ledger; each
// side marks only its own members; the other side never sees personal data or leave reasons.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';
import { maskIdNumber, maskPhone } from '@zhibu/domain';
import { jointLabelsOf } from './joint-activities';

type Att = { memberId: string | null; name: string; reason: string | null; side?: string; canMark?: boolean };

describe.each(testEngines)('联建与联建活动 (%s)', (engine) => {
  let t: TestApp;
  let pairId = '';
  let activityId = '';
  const now = new Date('2026-11-23T09:00:00+08:00');
  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => now });
  });
  afterAll(() => t.close());

  const propose = (body: Record<string, unknown> = {}, who = 'anshun-zb1') =>
    t.as(who, 'POST', '/api/v1/partnerships', {
      orgId: t.fx.orgs.branch1.id,
      partnerKind: 'branch',
      partnerOrgId: t.fx.orgs.lukouBranch.id,
      title: '安顺中院第一支部与渌口法院综合管理党支部联建',
      goals: '围绕诉源治理开展思路联谋、问题联解',
      categories: ['jointPlanning', 'jointProblemSolving'],
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      contact: '张健（第一支部书记）',
      ...body,
    });

  it('与他院支部联建须对方确认：提出方不能自己同意，对方法院管理员同意后生效', async () => {
    const res = await propose();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'proposed', statusLabel: '待对方确认', canDecide: false, partnerLabel: '渌口法院 · 综合管理党支部' });
    pairId = res.json().id;
    const self = await t.as('anshun-zb1', 'POST', `/api/v1/partnerships/${pairId}/decide`, { decision: 'accept', version: 1 });
    expect(self.statusCode).toBe(403);
    const list = (await t.as('lukou', 'GET', '/api/v1/partnerships?status=proposed')).json();
    expect(list.items.map((p: { id: string }) => p.id)).toContain(pairId);
    expect(list.items.find((p: { id: string }) => p.id === pairId).canDecide).toBe(true);
    const noReason = await t.as('lukou', 'POST', `/api/v1/partnerships/${pairId}/decide`, { decision: 'decline', version: 1 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details[0].field).toBe('reason');
    const ok = await t.as('lukou', 'POST', `/api/v1/partnerships/${pairId}/decide`, { decision: 'accept', version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'active', statusLabel: '联建中' });
    const again = await t.as('lukou', 'POST', `/api/v1/partnerships/${pairId}/decide`, { decision: 'accept', version: 2 });
    expect(again.statusCode).toBe(400);
    expect(again.json().message).toContain('只有待确认的联建可以同意');
    const dup = await propose();
    expect(dup.statusCode).toBe(400);
    expect(dup.json().details[0].field).toBe('partnerOrgId');
  });

  it('与外单位联建登记即生效；期限倒置、未填单位名称被拒绝并指出字段；上级法院查看账号和普通党员不能登记', async () => {
    const ext = await propose({ partnerKind: 'external', partnerOrgId: null, partnerUnitName: '西秀区人民检察院第一党支部', partnerUnitType: 'procuratorate', categories: ['jointForces'] });
    expect(ext.statusCode, ext.body).toBe(200);
    expect(ext.json()).toMatchObject({ status: 'active', partnerLabel: '西秀区人民检察院第一党支部（检察院）' });
    const inverted = await propose({ partnerKind: 'external', partnerUnitName: '某社区', startsOn: '2026-05-01', endsOn: '2026-04-30' });
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().details[0]).toMatchObject({ field: 'endsOn', message: '结束日期不能早于开始日期' });
    const noName = await propose({ partnerKind: 'external', partnerOrgId: null });
    expect(noName.json().details[0].field).toBe('partnerUnitName');
    for (const who of ['guizhou', 'anshun-dy1', 'anshun-zw1', 'lukou']) {
      const res = await propose({ partnerKind: 'external', partnerUnitName: '某社区' }, who);
      expect(res.statusCode, who).toBe(400);
      expect(res.json().details[0].field, who).toBe('orgId');
    }
  });

  it('联建活动由一方策划，双方名单都在应到人员中；表决会议和协议期外的活动被拒绝', async () => {
    const plan = (body: Record<string, unknown>) =>
      t.as('anshun-zb1', 'POST', '/api/v1/activities', {
        orgId: t.fx.orgs.branch1.id,
        type: 'jointActivity',
        title: '“法护未来”联建主题党日',
        startsAt: '2026-11-23T09:05:00+08:00',
        place: '渌口法院党员活动室',
        partnershipId: pairId,
        jointCategory: 'jointProblemSolving',
        ...body,
      });
    const vote = await plan({ type: 'branchAssembly', firstAgendaItem: '学习' });
    expect(vote.statusCode).toBe(400);
    expect(vote.json().details[0].field).toBe('type');
    const late = await plan({ startsAt: '2028-01-05T09:00:00+08:00' });
    expect(late.json().details[0]).toMatchObject({ field: 'partnershipId' });
    expect(late.json().details[0].message).toContain('晚于联建协议结束日期');
    const noCat = await plan({ jointCategory: null });
    expect(noCat.json().details[0].field).toBe('jointCategory');
    const other = await t.as('anshun', 'POST', '/api/v1/activities', { orgId: t.fx.orgs.branch2.id, type: 'jointActivity', title: '联建', startsAt: '2026-11-26T14:30:00+08:00', partnershipId: pairId, jointCategory: 'jointForces' });
    expect(other.json().details[0].field).toBe('partnershipId');
    const res = await plan({});
    expect(res.statusCode, res.body).toBe(200);
    activityId = res.json().id;
    const names = (res.json().attendance as Att[]).map((a) => a.name);
    expect(names).toEqual(expect.arrayContaining(['张健', '李明', '谢燕']));
    expect(res.json().joint).toMatchObject({ category: 'jointProblemSolving', categoryLabel: '问题联解', side: 'host', partnerLabel: '渌口法院 · 综合管理党支部' });
    const audit = await t.deps.handle.query<{ action: string }>(`select action from audit_log where entity_id = '${activityId}'`);
    expect(audit.map((a) => a.action)).toEqual(['activity.create']);
  });

  it('对方支部在活动列表、详情、日历、联建活动列表中都能看到，只看到本方党员的请假原因', async () => {
    const list = (await t.as('lukou', 'GET', '/api/v1/activities?pageSize=50')).json();
    const item = list.items.find((a: { id: string }) => a.id === activityId);
    expect(item).toMatchObject({ jointCategory: 'jointProblemSolving', orgName: t.fx.orgs.branch1.name });
    const cal = (await t.as('lukou', 'GET', `/api/v1/calendar?from=2026-11-01&to=2026-11-30&orgId=${t.fx.orgs.lukouBranch.id}`)).json();
    expect(cal.items.map((a: { id: string }) => a.id)).toContain(activityId);
    const hostCal = (await t.as('anshun-zb1', 'GET', '/api/v1/calendar?from=2026-11-01&to=2026-11-30')).json();
    expect(hostCal.items.map((a: { id: string }) => a.id)).toContain(activityId);
    const joint = (await t.as('lukou', 'GET', `/api/v1/partnerships/${pairId}/activities`)).json();
    expect(joint.items[0]).toMatchObject({ id: activityId, categoryLabel: '问题联解', hostCourtName: '安顺市中级人民法院' });

    // The host marks a member on leave with a health reason; the partner must not see it.
    const leave = await t.as('anshun-zb1', 'POST', `/api/v1/activities/${activityId}/attendance`, { memberId: t.fx.members.member2.id, status: 'onLeave', reason: '住院治疗' });
    expect(leave.statusCode, leave.body).toBe(200);
    const detail = await t.as('lukou', 'GET', `/api/v1/activities/${activityId}`);
    expect(detail.statusCode).toBe(200);
    const d = detail.json();
    expect(d.joint.side).toBe('partner');
    expect(d.canManage).toBe(false);
    const wang = (d.attendance as Att[]).find((a) => a.name === '王芳')!;
    expect(wang).toMatchObject({ reason: null, side: 'host', canMark: false });
    expect((d.attendance as Att[]).find((a) => a.name === '谢燕')).toMatchObject({ side: 'partner', canMark: true });
    // Names are fine; 身份证号 and phone (full or masked) never.
    for (const m of Object.values(t.fx.members)) {
      // Whole values and their masked forms: a bare 4-digit tail would also match random UUID hex.
      for (const v of [m.idNumber, maskIdNumber(m.idNumber), m.phone, maskPhone(m.phone)]) expect(detail.body).not.toContain(v);
    }
    expect(detail.body).not.toMatch(/"(idNumber|phone)"/);
    // A member expected at it (赵小雨, 第一支部) reads it too; the other court's members are names only.
    expect((await t.as('anshun-dy1', 'GET', `/api/v1/activities/${activityId}`)).statusCode).toBe(200);
  });

  it('各方只登记本方党员的出席：对方登记本方党员可以，登记对方党员403；主办方记录时不能代填对方党员', async () => {
    const own = await t.as('lukou', 'POST', `/api/v1/activities/${activityId}/attendance`, { memberId: t.fx.members.lukouMember.id, status: 'present' });
    expect(own.statusCode, own.body).toBe(200);
    const cross = await t.as('lukou', 'POST', `/api/v1/activities/${activityId}/attendance`, { memberId: t.fx.members.member1.id, status: 'absent' });
    expect(cross.statusCode).toBe(403);
    expect(cross.json().message).toContain('由主办支部登记');
    const hostCross = await t.as('anshun-zb1', 'POST', `/api/v1/activities/${activityId}/attendance`, { memberId: t.fx.members.lukouMember.id, status: 'absent' });
    expect(hostCross.statusCode).toBe(403);
    const audit = await t.deps.handle.query<{ court_id: string }>(`select court_id from audit_log where action = 'activity.attendance.mark' order by seq desc limit 1`);
    expect(audit[0]!.court_id).toBe(t.fx.courts.lukou);
  });

  it('活动记录后，双方的年度台账（汇总表）都有这次联建活动；主办方记录不会把对方党员记为缺席', async () => {
    const detail = (await t.as('anshun-zb1', 'GET', `/api/v1/activities/${activityId}`)).json();
    now.setTime(new Date('2026-11-23T09:10:00+08:00').getTime());
    const bad = await t.as('anshun-zb1', 'POST', `/api/v1/activities/${activityId}/record`, { minutes: '共同研讨诉源治理', attendance: [{ memberId: t.fx.members.lukouMember.id, status: 'present' }], version: detail.version });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('由对方支部登记');
    const rec = await t.as('anshun-zb1', 'POST', `/api/v1/activities/${activityId}/record`, { minutes: '共同研讨诉源治理', attendance: [], version: detail.version });
    expect(rec.statusCode, rec.body).toBe(200);
    const xie = (rec.json().attendance as (Att & { status: string })[]).find((a) => a.name === '谢燕')!;
    expect(xie.status).toBe('present');
    for (const [who, orgId] of [
      ['lukou', t.fx.orgs.lukouBranch.id],
      ['anshun-zb1', t.fx.orgs.branch1.id],
    ] as const) {
      const res = await t.as(who, 'GET', `/api/v1/ledgers/summary.xlsx?orgId=${orgId}&year=2026`);
      expect(res.statusCode, who).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      let found = false;
      wb.eachSheet((ws) => ws.eachRow((row) => {
        if ((row.values as unknown[]).some((v) => typeof v === 'string' && v.includes('法护未来'))) found = true;
      }));
      expect(found, who).toBe(true);
    }
    const docx = await t.as('lukou', 'GET', `/api/v1/activities/${activityId}/ledger.docx`);
    expect(docx.statusCode).toBe(200);
    // The Word ledger's 联建 row (both sides' ledgers print it).
    const labels = await jointLabelsOf(t.deps.db, [activityId]);
    expect(labels.get(activityId)).toBe(`问题联解（安顺中院 · ${t.fx.orgs.branch1.name} ⇄ 渌口法院 · 综合管理党支部）`);
  });

  it('联建网络：双方和上级法院都能看到，按支部和“四联”类别计数；外院普通管理员看不到无关联建', async () => {
    const net = (await t.as('anshun', 'GET', '/api/v1/partnerships/network?year=2026')).json();
    expect(net.nodes.map((n: { name: string }) => n.name)).toEqual(expect.arrayContaining([t.fx.orgs.branch1.name, '渌口法院综合管理党支部', '西秀区人民检察院第一党支部']));
    expect(net.byCategory.jointProblemSolving).toBe(1);
    const b1 = net.byBranch.find((b: { orgId: string }) => b.orgId === t.fx.orgs.branch1.id);
    expect(b1).toMatchObject({ partnerships: 2, activities: 1 });
    const viewer = (await t.as('guizhou', 'GET', '/api/v1/partnerships')).json();
    expect(viewer.total).toBe(2);
    expect(viewer.items.every((p: { canManage: boolean }) => !p.canManage)).toBe(true);
    const lukou = (await t.as('lukou', 'GET', '/api/v1/partnerships')).json();
    expect(lukou.total).toBe(1); // the external pairing of 第一支部 is not theirs
    expect((await t.as('lukou', 'GET', `/api/v1/partnerships/${viewer.items.find((p: { partnerKind: string }) => p.partnerKind === 'external').id}`)).statusCode).toBe(404);
  });

  it('上级法院按所辖法院筛选联建网络：只看该院支部的联建（对方在何处都显示），每个下级法院一行计数；没有联系人等个人信息', async () => {
    const all = (await t.as('guizhou', 'GET', '/api/v1/partnerships/network?year=2026')).json();
    const anshun = all.byCourt.find((c: { courtId: string }) => c.courtId === t.fx.courts.anshun);
    expect(anshun).toMatchObject({ courtName: '安顺中院', partnerships: 2, active: 2, activities: 1 });
    expect(anshun.byCategory).toEqual({ jointPlanning: 0, jointProblemSolving: 1, jointBranding: 0, jointForces: 0 });
    // 渌口法院 is not under 贵州高院: no row of its own, and 贵州高院 itself is not a lower court.
    expect(all.byCourt.map((c: { courtId: string }) => c.courtId)).not.toContain(t.fx.courts.lukou);
    expect(all.byCourt.map((c: { courtId: string }) => c.courtId)).not.toContain(t.fx.courts.highCourt);

    const one = (await t.as('guizhou', 'GET', `/api/v1/partnerships/network?year=2026&courtId=${t.fx.courts.anshun}`)).json();
    expect(one.courtId).toBe(t.fx.courts.anshun);
    expect(one.totals).toMatchObject({ partnerships: 2, activities: 1 });
    expect(one.nodes.find((n: { id: string }) => n.id === t.fx.orgs.lukouBranch.id)).toMatchObject({ name: '渌口法院综合管理党支部', own: false });
    expect(one.nodes.find((n: { id: string }) => n.id === t.fx.orgs.branch1.id)).toMatchObject({ own: true });
    expect(one.byBranch.map((b: { orgId: string }) => b.orgId)).toEqual([t.fx.orgs.branch1.id]);
    expect(one.byCourt).toEqual(all.byCourt); // the per-court table is of the whole scope

    // A court outside the viewer's scope shows nothing of that court beyond what the scope holds.
    const outside = (await t.as('guizhou', 'GET', `/api/v1/partnerships/network?year=2026&courtId=${t.fx.courts.lukou}`)).json();
    expect(outside.links.map((l: { id: string }) => l.id)).toEqual([pairId]);

    // Only a higher court's viewer gets the per-court table.
    expect((await t.as('anshun', 'GET', '/api/v1/partnerships/network?year=2026')).json().byCourt).toEqual([]);
    expect((await t.as('lukou', 'GET', '/api/v1/partnerships/network?year=2026')).json().byCourt).toEqual([]);

    // Names and counts only: no contacts (they may carry a phone) for the viewer; the sides keep theirs.
    const list = (await t.as('guizhou', 'GET', `/api/v1/partnerships?courtId=${t.fx.courts.anshun}`)).json();
    expect(list.total).toBe(2);
    expect(list.items.every((p: { contact: string | null; partnerContact: string | null }) => p.contact === null && p.partnerContact === null)).toBe(true);
    expect((await t.as('guizhou', 'GET', `/api/v1/partnerships/${pairId}`)).json().contact).toBeNull();
    expect((await t.as('anshun-zb1', 'GET', `/api/v1/partnerships/${pairId}`)).json().contact).toBe('张健（第一支部书记）');
    expect(JSON.stringify([all, one, list])).not.toContain('张健');
    expect((await t.as('guizhou', 'GET', '/api/v1/partnerships/network?courtId=not-a-uuid')).statusCode).toBe(400);
  });

  it('结束联建须写原因；结束后不能再策划联建活动', async () => {
    const p = (await t.as('anshun-zb1', 'GET', `/api/v1/partnerships/${pairId}`)).json();
    const noReason = await t.as('lukou', 'POST', `/api/v1/partnerships/${pairId}/end`, { endedOn: '2026-11-30', version: p.version });
    expect(noReason.statusCode).toBe(400);
    const ended = await t.as('lukou', 'POST', `/api/v1/partnerships/${pairId}/end`, { endedOn: '2026-11-30', reason: '年度联建任务完成', version: p.version });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().status).toBe('ended');
    const plan = await t.as('anshun-zb1', 'POST', '/api/v1/activities', { orgId: t.fx.orgs.branch1.id, type: 'jointActivity', title: '再次联建', startsAt: '2026-12-10T09:00:00+08:00', partnershipId: pairId, jointCategory: 'jointForces' });
    expect(plan.statusCode).toBe(400);
    expect(plan.json().details[0].message).toContain('已结束');
  });
});
