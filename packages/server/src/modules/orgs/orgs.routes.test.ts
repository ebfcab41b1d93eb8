import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';

describe.each(testEngines)('党组织 (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('机关党委管理员看到本院全部党组织，看不到渌口法院的', async () => {
    const res = await t.as('anshun', 'GET', '/api/v1/orgs');
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((o: { name: string }) => o.name);
    expect(names).toContain('第一党小组');
    expect(names).not.toContain('综合管理党支部');
  });

  it('党小组不能直接设在机关党委下，返回400并指明字段', async () => {
    const res = await t.as('anshun', 'POST', '/api/v1/orgs', {
      courtId: t.fx.courts.anshun,
      parentId: t.fx.orgs.committee.id,
      type: 'partyGroup',
      name: '错误的党小组',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().details[0].field).toBe('parentId');
  });

  it('支部书记可在本支部下建党小组，不能在第二支部下建', async () => {
    const ok = await t.as('anshun-zb1', 'POST', '/api/v1/orgs', { courtId: t.fx.courts.anshun, parentId: t.fx.orgs.branch1.id, type: 'partyGroup', name: '第二党小组' });
    expect(ok.statusCode).toBe(200);
    const no = await t.as('anshun-zb1', 'POST', '/api/v1/orgs', { courtId: t.fx.courts.anshun, parentId: t.fx.orgs.branch2.id, type: 'partyGroup', name: '越权党小组' });
    expect(no.statusCode).toBe(403);
  });

  it('正式党员不足3人的支部显示组织设置提示', async () => {
    const res = await t.as('anshun', 'GET', `/api/v1/orgs/${t.fx.orgs.branch2.id}`);
    expect(res.statusCode).toBe(200);
    const codes = res.json().findings.map((f: { code: string; level: string }) => f.level);
    expect(codes).toContain('warning');
  });

  it('修改时版本号过期返回冲突，不覆盖', async () => {
    const detail = (await t.as('anshun', 'GET', `/api/v1/orgs/${t.fx.orgs.branch2.id}`)).json();
    const first = await t.as('anshun', 'PATCH', `/api/v1/orgs/${t.fx.orgs.branch2.id}`, { shortName: '第二支部', version: detail.version });
    expect(first.statusCode).toBe(200);
    const stale = await t.as('anshun', 'PATCH', `/api/v1/orgs/${t.fx.orgs.branch2.id}`, { shortName: '旧版本', version: detail.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });
});

describe.each(testEngines)('本院组织设置规则 (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('本院把支部任期改为2年后，登记任期按2年计算届满日期', async () => {
    const cur = (await t.as('anshun', 'GET', `/api/v1/courts/${t.fx.courts.anshun}/rule-config`)).json();
    const put = await t.as('anshun', 'PUT', `/api/v1/courts/${t.fx.courts.anshun}/rule-config`, { overrides: { termYears: { branch: 2 } }, version: cur.version });
    expect(put.statusCode).toBe(200);
    expect(put.json().effective.termYears.branch).toBe(2);
    const term = await t.as('anshun', 'POST', `/api/v1/orgs/${t.fx.orgs.branch2.id}/terms`, { termStart: '2025-03-01' });
    expect(term.json().termEnd).toBe('2027-03-01');
  });

  it('本院把党员连续未参加组织生活的提醒改为2个月、严重提醒改为4个月后，按新阈值计算（[U] 可配置）', async () => {
    const cur = (await t.as('anshun', 'GET', `/api/v1/courts/${t.fx.courts.anshun}/rule-config`)).json();
    const put = await t.as('anshun', 'PUT', `/api/v1/courts/${t.fx.courts.anshun}/rule-config`, {
      overrides: { orgLife: { memberAbsence: { warnMonths: 2, criticalMonths: 4 }, dueSoonDays: { month: 10 } }, quorum: { generalOperator: '>=' } },
      version: cur.version,
    });
    expect(put.statusCode, put.body).toBe(200);
    const effective = put.json().effective;
    expect(effective.orgLife.memberAbsence).toEqual({ warnMonths: 2, criticalMonths: 4 });
    expect(effective.orgLife.dueSoonDays).toMatchObject({ month: 10, quarter: 15 });
    expect(effective.quorum.generalOperator).toBe('>=');
  });

  it('提醒月数大于严重提醒月数、或未知的规则项时拒绝保存并指出字段', async () => {
    const cur = (await t.as('anshun', 'GET', `/api/v1/courts/${t.fx.courts.anshun}/rule-config`)).json();
    const inverted = await t.as('anshun', 'PUT', `/api/v1/courts/${t.fx.courts.anshun}/rule-config`, { overrides: { orgLife: { memberAbsence: { warnMonths: 7, criticalMonths: 6 } } }, version: cur.version });
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().details[0].field).toBe('overrides');
    const unknown = await t.as('anshun', 'PUT', `/api/v1/courts/${t.fx.courts.anshun}/rule-config`, { overrides: { orgLife: { autoExpel: true } }, version: cur.version });
    expect(unknown.statusCode).toBe(400);
    const operator = await t.as('anshun', 'PUT', `/api/v1/courts/${t.fx.courts.anshun}/rule-config`, { overrides: { quorum: { generalOperator: '≥' } }, version: cur.version });
    expect(operator.statusCode).toBe(400);
  });

  it('本院把农民党员党费改为每月0.50元、舍入改为到角后，effective.dues 显示新值，超出0.2–1元的金额被拒绝（[U] 可配置）', async () => {
    const cur = (await t.as('anshun', 'GET', `/api/v1/courts/${t.fx.courts.anshun}/rule-config`)).json();
    expect(cur.effective.dues).toEqual({ farmerFen: 20, rounding: { mode: 'halfUp', unit: 'fen' }, arrears: { warnMonths: 3, criticalMonths: 6 } });
    const put = await t.as('anshun', 'PUT', `/api/v1/courts/${t.fx.courts.anshun}/rule-config`, { overrides: { dues: { farmerFen: 50, rounding: { unit: 'jiao' } } }, version: cur.version });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().effective.dues).toEqual({ farmerFen: 50, rounding: { mode: 'halfUp', unit: 'jiao' }, arrears: { warnMonths: 3, criticalMonths: 6 } });
    const again = (await t.as('anshun', 'GET', `/api/v1/courts/${t.fx.courts.anshun}/rule-config`)).json();
    expect(again.overrides.dues).toEqual({ farmerFen: 50, rounding: { unit: 'jiao' } });
    const tooMuch = await t.as('anshun', 'PUT', `/api/v1/courts/${t.fx.courts.anshun}/rule-config`, { overrides: { dues: { farmerFen: 150 } }, version: again.version });
    expect(tooMuch.statusCode).toBe(400);
  });

  it('支委会人数下限大于上限时拒绝保存', async () => {
    const cur = (await t.as('anshun', 'GET', `/api/v1/courts/${t.fx.courts.anshun}/rule-config`)).json();
    const res = await t.as('anshun', 'PUT', `/api/v1/courts/${t.fx.courts.anshun}/rule-config`, { overrides: { committeeSize: { min: 6, max: 5 } }, version: cur.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('overrides');
  });
});
