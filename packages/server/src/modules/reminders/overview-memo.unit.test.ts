// OverviewMemo without a database: how many computations a burst of requests costs, and that no
// request is ever answered with an overview older than the counter it read.
import { describe, expect, it } from 'vitest';
import type { OrgReminder } from '@zhibu/contracts';
import { OverviewMemo, type ComputeOverviews, type CourtOverview } from './overview-memo';

/** A fake court whose counter the test moves; each computation records the counter it read. */
function fakeCourts() {
  const counters = new Map<string, number>([['安顺', 1], ['渌口', 1]]);
  const calls: { courts: string[]; read: Map<string, number> }[] = [];
  let release: (() => void) | null = null;
  let gate: Promise<void> | null = null;
  const compute: ComputeOverviews = async (courtIds) => {
    const read = new Map(courtIds.map((id) => [id, counters.get(id)!]));
    calls.push({ courts: courtIds, read });
    if (gate) await gate;
    const overviews = new Map<string, CourtOverview>(
      courtIds.map((id) => [id, new Map([[id, { reminder: { orgId: id, level: 'green' } as OrgReminder, json: `"${id}@${read.get(id)}"` }]])]),
    );
    return { versions: read, overviews };
  };
  return {
    counters,
    calls,
    compute,
    hold: () => void (gate = new Promise<void>((r) => (release = r))),
    release: () => {
      gate = null;
      release?.();
    },
  };
}
const stampOf = (o: CourtOverview | undefined, id: string) => o?.get(id)?.json;

describe('党建工作提示缓存的并发', () => {
  it('50个请求同时读到同一版本：只计算一次', async () => {
    const f = fakeCourts();
    const memo = new OverviewMemo();
    f.hold();
    const all = Array.from({ length: 50 }, () => memo.resolve(new Map([['安顺', 1]]), '2026-12-03', f.compute));
    f.release();
    const results = await Promise.all(all);
    expect(f.calls).toHaveLength(1);
    for (const r of results) expect(stampOf(r.get('安顺'), '安顺')).toBe('"安顺@1"');
  });

  it('计算进行中又有写入：新版本的请求等它结束后再算一次，多个请求共用这一次', async () => {
    const f = fakeCourts();
    const memo = new OverviewMemo();
    f.hold();
    const first = memo.resolve(new Map([['安顺', 1]]), '2026-12-03', f.compute);
    await Promise.resolve();
    f.counters.set('安顺', 2);
    const later = Array.from({ length: 10 }, () => memo.resolve(new Map([['安顺', 2]]), '2026-12-03', f.compute));
    f.release();
    expect(stampOf((await first).get('安顺'), '安顺')).toBe('"安顺@1"');
    for (const r of await Promise.all(later)) expect(stampOf(r.get('安顺'), '安顺')).toBe('"安顺@2"');
    expect(f.calls.map((c) => c.read.get('安顺'))).toEqual([1, 2]);
  });

  it('没有写入时直接用缓存；另一个法院的写入只让那个法院重算', async () => {
    const f = fakeCourts();
    const memo = new OverviewMemo();
    await memo.resolve(new Map([['安顺', 1], ['渌口', 1]]), '2026-12-03', f.compute);
    await memo.resolve(new Map([['安顺', 1], ['渌口', 1]]), '2026-12-03', f.compute);
    expect(f.calls).toHaveLength(1);
    f.counters.set('渌口', 2);
    const r = await memo.resolve(new Map([['安顺', 1], ['渌口', 2]]), '2026-12-03', f.compute);
    expect(f.calls.at(-1)!.courts).toEqual(['渌口']);
    expect(stampOf(r.get('渌口'), '渌口')).toBe('"渌口@2"');
  });

  it('跨日后重算，且不会用旧日期的结果覆盖新的', async () => {
    const f = fakeCourts();
    const memo = new OverviewMemo();
    await memo.resolve(new Map([['安顺', 1]]), '2026-12-03', f.compute);
    await memo.resolve(new Map([['安顺', 1]]), '2026-12-04', f.compute);
    expect(f.calls).toHaveLength(2);
    // A request still on the old day (its clock read before midnight) computes for itself ...
    await memo.resolve(new Map([['安顺', 1]]), '2026-12-03', f.compute);
    // ... and the new day's memo is still there.
    await memo.resolve(new Map([['安顺', 1]]), '2026-12-04', f.compute);
    expect(f.calls).toHaveLength(3);
  });

  it('计算失败时等待它的请求都报错，下一个请求重新计算', async () => {
    const f = fakeCourts();
    const memo = new OverviewMemo();
    let fail = true;
    const flaky: ComputeOverviews = async (ids) => {
      if (fail) throw new Error('数据库连接中断');
      return f.compute(ids);
    };
    const a = memo.resolve(new Map([['安顺', 1]]), '2026-12-03', flaky);
    const b = memo.resolve(new Map([['安顺', 1]]), '2026-12-03', flaky);
    await expect(a).rejects.toThrow('数据库连接中断');
    await expect(b).rejects.toThrow('数据库连接中断');
    fail = false;
    expect(stampOf((await memo.resolve(new Map([['安顺', 1]]), '2026-12-03', flaky)).get('安顺'), '安顺')).toBe('"安顺@1"');
  });
});
