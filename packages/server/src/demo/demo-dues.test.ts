// The demo's 党费 (issue 5 § Demo data): bases for every member of the demo branches, a year mostly
// paid monthly, one member of 第一党支部 behind (连续未交 warning), one 代交, one approved 免交, and 小李
// seeing his own dues.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoApp, type DemoApp } from '../test-support/demo-app';

type Row = { memberName: string; orgName: string; monthlyFen: number | null; arrears: { months: number; level: string }; cells: { state: string; paidByName: string | null; backPaid: boolean }[] };

describe('演示数据：党费', () => {
  let demo: DemoApp;
  const get = (username: string, url: string) => demo.get(username, url);
  const branchId = async (username: string, name: string) => {
    const orgs = (await get(username, '/api/v1/orgs')).items as { id: string; name: string; shortName: string | null }[];
    return orgs.find((o) => o.shortName === name || o.name === name)!.id;
  };

  beforeAll(async () => {
    demo = await openDemoApp('2026-11-20T10:00:00+08:00');
  }, 240_000);
  afterAll(() => demo.close());

  it('第一党支部：人人有基数（月交纳额按工资档次），一人连续4个月未交（提醒），一笔代交，一笔补交', async () => {
    const l = await get('anshun-zb1', `/api/v1/dues/ledger?orgId=${await branchId('anshun-zb1', '第一党支部')}&year=2026`);
    const rows = l.items as Row[];
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.every((r) => r.monthlyFen !== null && r.monthlyFen >= 4000 && r.monthlyFen <= 24000)).toBe(true);
    const behind = rows.filter((r) => r.arrears.level !== 'ok');
    expect(behind).toHaveLength(1);
    expect(behind[0]!.arrears).toMatchObject({ months: 4, level: 'warning' });
    expect(rows.flatMap((r) => r.cells).filter((c) => c.paidByName)).toHaveLength(1);
    expect(rows.flatMap((r) => r.cells).filter((c) => c.backPaid)).toHaveLength(1);
  });

  it('第八党支部：一人经机关党委批准免交；渌口法院各支部也有台账', async () => {
    const l = await get('anshun', `/api/v1/dues/ledger?orgId=${await branchId('anshun', '第八党支部')}&year=2026`);
    expect((l.items as Row[]).filter((r) => r.cells.some((c) => c.state === 'exempt'))).toHaveLength(1);
    const adj = await get('anshun', '/api/v1/dues/adjustments?state=approved');
    expect(adj.items[0]).toMatchObject({ kind: 'exempt', stateLabel: '已批准' });
    const top = ((await get('lukou', '/api/v1/orgs')).items as { id: string; parentId: string | null }[]).find((o) => !o.parentId)!;
    const report = await get('lukou', `/api/v1/dues/report?orgId=${top.id}&year=2026`);
    expect(report.items.length).toBeGreaterThanOrEqual(3);
    expect(report.paidFen).toBeGreaterThan(0);
  });

  it('小李（anshun-dy1）看到本人本月党费：上月已交，本月待交', async () => {
    const mine = await get('anshun-dy1', '/api/v1/dues/mine');
    expect(mine.current.state).toBe('unpaid');
    expect(mine.cells[9].state).toBe('paid');
    expect(mine.arrears.months).toBe(0);
  });
});
