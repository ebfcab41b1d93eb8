// 党费台账 (RULES.md §4.1): the branch sets bases, records payments (代交, 补交 up to 6 months back),
// sees members 3+ months behind (党章第九条, never automatic); the higher-level org approves 免交; a
// member sees their own dues; the publication shows totals only.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';

type Row = { memberId: string; memberName: string; monthlyFen: number | null; cells: { month: string; state: string; paidByName: string | null; backPaid: boolean }[]; arrears: { months: number; level: string; message: string; rule: string } };

describe.each(testEngines)('党费台账 (%s)', (engine) => {
  let t: TestApp;
  const now = new Date('2026-11-20T10:00:00+08:00');
  const wage = [
    { name: '职务工资', amountFen: 350000, deducted: false },
    { name: '级别工资', amountFen: 300000, deducted: false },
    { name: '个人所得税', amountFen: 20000, deducted: true },
  ];
  const ledger = async (who = 'anshun-zb1') => (await t.as(who, 'GET', `/api/v1/dues/ledger?orgId=${t.fx.orgs.branch1.id}&year=2026`)).json() as { items: Row[]; canManage: boolean; monthTotals: { month: string; paidFen: number }[]; arrearsThresholds: { warnMonths: number; criticalMonths: number } };
  const pay = (memberId: string, month: string, extra: Record<string, unknown> = {}, who = 'anshun-zb1') => t.as(who, 'POST', '/api/v1/dues/payments', { memberId, month, paidOn: `${month}-15`, ...extra });

  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => now });
    for (const m of [t.fx.members.secretary, t.fx.members.member1, t.fx.members.member2, t.fx.members.probationary]) {
      const res = await t.as('anshun-zb1', 'PUT', `/api/v1/dues/members/${m.id}/bases`, { effectiveMonth: '2026-01', memberType: 'inService', components: wage });
      expect(res.statusCode, res.body).toBe(200);
    }
  });
  afterAll(() => t.close());

  it('基数 = 构成合计 6300元 → 1.5% 每月94.50元；再次保存同月须带版本号', async () => {
    const bases = (await t.as('anshun-zb1', 'GET', `/api/v1/dues/members/${t.fx.members.member1.id}/bases`)).json();
    expect(bases.items[0]).toMatchObject({ baseFen: 630000, monthlyFen: 9450, rate: '1.5%' });
    const stale = await t.as('anshun-zb1', 'PUT', `/api/v1/dues/members/${t.fx.members.member1.id}/bases`, { effectiveMonth: '2026-01', memberType: 'inService', components: wage });
    expect(stale.statusCode).toBe(409);
  });

  it('支部书记按月登记交纳，一人代交；连续3个月未交的党员显示提醒并引用党章第九条', async () => {
    const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
    for (const m of months) expect((await pay(t.fx.members.secretary.id, m)).statusCode).toBe(200);
    for (const m of months.slice(0, 7)) expect((await pay(t.fx.members.member1.id, m)).statusCode).toBe(200);
    const proxy = await pay(t.fx.members.member2.id, '2026-10', { paidByName: '李红（配偶）' });
    expect(proxy.statusCode, proxy.body).toBe(200);
    expect(proxy.json()).toMatchObject({ paidByName: '李红（配偶）', amountFen: 9450 });

    const l = await ledger();
    expect(l.canManage).toBe(true);
    const li = l.items.find((r) => r.memberId === t.fx.members.member1.id)!;
    expect(li.arrears).toMatchObject({ months: 3, level: 'warning' });
    expect(li.arrears.rule).toContain('第九条');
    expect(li.arrears.rule).toContain('不自动处理');
    const wang = l.items.find((r) => r.memberId === t.fx.members.member2.id)!;
    expect(wang.cells[9]).toMatchObject({ state: 'paid', paidByName: '李红（配偶）' });
    // 预备党员 赵小雨 joined 2026-06-01: nothing due before June.
    const zhao = l.items.find((r) => r.memberId === t.fx.members.probationary.id)!;
    expect(zhao.cells[4]!.state).toBe('notMember');
    expect(zhao.cells[5]!.state).toBe('unpaid');
    const audit = await t.deps.handle.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'dues.payment.record'`);
    expect(audit[0]!.n).toBe(19);
  });

  it('连续未交党费与不参加组织生活是两个独立的计数（党章第九条）：只改后者的月数不影响党费提醒，改 dues.arrears 才影响', async () => {
    const arrearsOf = async () => (await ledger()).items.find((r) => r.memberId === t.fx.members.member1.id)!.arrears;
    const save = async (overrides: Record<string, unknown>) => {
      const current = (await t.as('anshun', 'GET', `/api/v1/courts/${t.fx.courts.anshun}/rule-config`)).json() as { version: number };
      const res = await t.as('anshun', 'PUT', `/api/v1/courts/${t.fx.courts.anshun}/rule-config`, { overrides, version: current.version });
      expect(res.statusCode, res.body).toBe(200);
    };
    try {
      // 张伟 is 3 months behind (August to October).
      await save({ orgLife: { memberAbsence: { warnMonths: 2, criticalMonths: 3 } } });
      expect(await arrearsOf()).toMatchObject({ months: 3, level: 'warning' });
      await save({ orgLife: { memberAbsence: { warnMonths: 2, criticalMonths: 3 } }, dues: { arrears: { warnMonths: 2, criticalMonths: 3 } } });
      expect(await arrearsOf()).toMatchObject({ months: 3, level: 'critical' });
      expect((await ledger()).arrearsThresholds).toEqual({ warnMonths: 2, criticalMonths: 3 });
      const reversed = await t.as('anshun', 'PUT', `/api/v1/courts/${t.fx.courts.anshun}/rule-config`, {
        overrides: { dues: { arrears: { warnMonths: 4, criticalMonths: 3 } } },
        version: ((await t.as('anshun', 'GET', `/api/v1/courts/${t.fx.courts.anshun}/rule-config`)).json() as { version: number }).version,
      });
      expect(reversed.statusCode).toBe(400);
      expect(reversed.body).toContain('dues.arrears 应满足 warnMonths ≤ criticalMonths');
    } finally {
      await save({});
    }
    expect(await arrearsOf()).toMatchObject({ months: 3, level: 'warning' });
  });

  it('补交：恰好6个月前（5月）允许并标为补交，7个月前（4月）被拒绝并引用第十二条；重复登记被拒绝', async () => {
    const ok = await pay(t.fx.members.member2.id, '2026-05', { paidOn: '2026-11-18' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().backPaid).toBe(true);
    const old = await pay(t.fx.members.member2.id, '2026-04', { paidOn: '2026-11-18' });
    expect(old.statusCode).toBe(400);
    expect(old.json().details[0].field).toBe('month');
    expect(old.json().details[0].message).toContain('补交一般不超过6个月');
    const twice = await pay(t.fx.members.member2.id, '2026-05', { paidOn: '2026-11-18' });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().details[0].message).toContain('已登记');
    const early = await pay(t.fx.members.probationary.id, '2026-05');
    expect(early.statusCode).toBe(400);
    expect(early.json().details[0].message).toContain('第八条');
    const less = await pay(t.fx.members.probationary.id, '2026-06', { amountFen: 100 });
    expect(less.json().details[0]).toMatchObject({ field: 'amountFen' });
    const future = await pay(t.fx.members.probationary.id, '2026-12', { paidOn: '2026-12-01' });
    expect(future.json().details[0].field).toBe('paidOn');
  });

  it('撤销登记须带版本号，并记审计', async () => {
    const res = await pay(t.fx.members.probationary.id, '2026-06');
    const id = res.json().id as string;
    expect((await t.as('anshun-zb1', 'DELETE', `/api/v1/dues/payments/${id}?version=2`)).statusCode).toBe(409);
    expect((await t.as('anshun-zb1', 'DELETE', `/api/v1/dues/payments/${id}?version=1`)).statusCode).toBe(200);
    const audit = await t.deps.handle.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'dues.payment.delete'`);
    expect(audit[0]!.n).toBe(1);
  });

  it('免交：支部申请，支部不能自批，机关党委批准后该月不再应交、不计欠交', async () => {
    const req = await t.as('anshun-zb1', 'POST', '/api/v1/dues/adjustments', { memberId: t.fx.members.probationary.id, kind: 'exempt', fromMonth: '2026-06', toMonth: '2026-12', reason: '家庭突遭变故，生活困难' });
    expect(req.statusCode, req.body).toBe(200);
    expect(req.json()).toMatchObject({ state: 'pending', canDecide: false });
    expect((await t.as('anshun-zb1', 'POST', `/api/v1/dues/adjustments/${req.json().id}/decide`, { decision: 'approve', version: 1 })).statusCode).toBe(403);
    const pending = (await t.as('anshun', 'GET', '/api/v1/dues/adjustments?state=pending')).json();
    expect(pending.items[0].canDecide).toBe(true);
    const ok = await t.as('anshun', 'POST', `/api/v1/dues/adjustments/${req.json().id}/decide`, { decision: 'approve', version: 1 });
    expect(ok.json().state).toBe('approved');
    const zhao = (await ledger()).items.find((r) => r.memberId === t.fx.members.probationary.id)!;
    expect(zhao.cells[6]!.state).toBe('exempt');
    expect(zhao.arrears.months).toBe(0);
  });

  it('普通党员看到本人本月党费和收缴情况公布（只有合计），看不到台账；外院404', async () => {
    const mine = await t.as('anshun-xz1', 'GET', '/api/v1/dues/mine');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ memberName: '李明', monthlyFen: 9450, currentMonth: '2026-11', current: { state: 'unpaid' } });
    expect(mine.json().arrears.months).toBe(3);
    expect((await t.as('anshun-dy1', 'GET', `/api/v1/dues/ledger?orgId=${t.fx.orgs.branch1.id}&year=2026`)).statusCode).toBe(404);
    expect((await t.as('lukou', 'GET', `/api/v1/dues/ledger?orgId=${t.fx.orgs.branch1.id}&year=2026`)).statusCode).toBe(404);
    const report = await t.as('anshun-dy1', 'GET', '/api/v1/dues/report?year=2026');
    expect(report.statusCode, report.body).toBe(200);
    expect(report.body).not.toContain('李明');
    expect(report.json().items[0].memberCount).toBe(4);
    expect(report.json().paidFen).toBeGreaterThan(0);
    expect((await ledger('anshun-zw1')).canManage).toBe(false);
    expect((await pay(t.fx.members.member1.id, '2026-08', {}, 'anshun-zw1')).statusCode).toBe(403);
  });

  it('基数构成项目按法院设定：机关党委设定后，党员基数的默认项目随之改变；支部书记不能设定', async () => {
    const before = (await t.as('anshun-zb1', 'GET', `/api/v1/dues/components?courtId=${t.fx.courts.anshun}`)).json();
    expect(before).toMatchObject({ isDefault: true, version: 0 });
    const components = [{ name: '职务工资', deducted: false }, { name: '法官等级工资', deducted: false }, { name: '住房公积金个人缴存', deducted: true }];
    expect((await t.as('anshun-zb1', 'PUT', '/api/v1/dues/components', { courtId: t.fx.courts.anshun, components, version: 0 })).statusCode).toBe(403);
    const dup = await t.as('anshun', 'PUT', '/api/v1/dues/components', { courtId: t.fx.courts.anshun, components: [...components, components[0]], version: 0 });
    expect(dup.json().details[0].field).toBe('components');
    const saved = await t.as('anshun', 'PUT', '/api/v1/dues/components', { courtId: t.fx.courts.anshun, components, version: 0 });
    expect(saved.json()).toMatchObject({ isDefault: false, version: 1 });
    expect((await t.as('anshun', 'PUT', '/api/v1/dues/components', { courtId: t.fx.courts.anshun, components, version: 0 })).statusCode).toBe(409);
    const bases = (await t.as('anshun-zb1', 'GET', `/api/v1/dues/members/${t.fx.members.member1.id}/bases`)).json();
    expect(bases.defaultComponents.map((c: { name: string }) => c.name)).toEqual(['职务工资', '法官等级工资', '住房公积金个人缴存']);
  });

  it('导出Excel：公布表为中文表头、金额保留两位小数；台账读者另有明细表', async () => {
    const res = await t.as('anshun-zb1', 'GET', `/api/v1/dues/report.xlsx?orgId=${t.fx.orgs.branch1.id}&year=2026`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const pub = wb.getWorksheet('收缴情况公布')!;
    expect(pub.getRow(2).getCell(1).value).toBe('党组织');
    expect(pub.getRow(3).getCell(3).numFmt).toBe('0.00');
    expect(wb.getWorksheet('党费台账明细')).toBeDefined();
    const member = await t.as('anshun-dy1', 'GET', `/api/v1/dues/report.xlsx?year=2026`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(member.rawPayload as unknown as ArrayBuffer);
    expect(wb2.getWorksheet('党费台账明细')).toBeUndefined();
  });
});
