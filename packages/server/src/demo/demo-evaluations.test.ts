// The demo's 民主评议党员: last year completed in every 安顺中院 branch (优秀 within ⌊⅓⌋, mostly 合格,
// one 基本合格 with its reason in 第一支部, 预备党员 without a grade, exempt old members in the retired
// branch), and this year's round of 第一支部 in 个人自评 with part of the self-assessments in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoApp, type DemoApp } from '../test-support/demo-app';

type P = { memberName: string; memberStatus: string; graded: boolean; exempt: boolean; grade: string | null; gradeReason: string | null; selfAssessment: string | null; acknowledgedAt: string | null; onlineVotes: Record<string, number> };
type Summary = { id: string; orgName: string; year: number; stage: string; gradedCount: number; maxExcellent: number; gradeCounts: Record<string, number> };

describe('演示数据：民主评议党员', () => {
  let demo: DemoApp;
  beforeAll(async () => {
    demo = await openDemoApp('2026-11-20T10:00:00+08:00');
  }, 240_000);
  afterAll(() => demo.close());

  it('去年各支部已完成：优秀不超过三分之一，第一支部有一名基本合格（写明差距），预备党员不评定等次', async () => {
    const ov = await demo.get('anshun', '/api/v1/evaluations/overview?year=2025');
    const rounds = (ov.branches as { orgName: string; round: Summary | null }[]).filter((b) => b.round).map((b) => b.round!);
    expect(rounds.length).toBeGreaterThanOrEqual(9);
    for (const r of rounds) {
      expect(r.stage).toBe('completed');
      expect(r.gradeCounts.excellent).toBeGreaterThan(0);
      expect(r.gradeCounts.excellent).toBeLessThanOrEqual(r.maxExcellent);
      const { excellent = 0, qualified = 0, basicallyQualified = 0, unqualified = 0 } = r.gradeCounts;
      expect(excellent + qualified + basicallyQualified + unqualified).toBe(r.gradedCount);
    }
    expect(ov.excellent.length).toBe(ov.totals.excellent);
    const list = (await demo.get('anshun-zb1', '/api/v1/evaluations/rounds?year=2025')).items as Summary[];
    const r1 = await demo.get('anshun-zb1', `/api/v1/evaluations/rounds/${list[0]!.id}`);
    const ps = r1.participants as P[];
    const basic = ps.filter((p) => p.grade === 'basicallyQualified');
    expect(basic).toHaveLength(1);
    expect(basic[0]!.gradeReason).toBeTruthy();
    expect(ps.filter((p) => p.memberStatus === 'probationaryMember').every((p) => !p.graded && p.grade === null)).toBe(true);
    // 第一支部 voted online: counts per member, from every participant's ballot
    expect(ps.reduce((s, p) => s + Object.values(p.onlineVotes).reduce((a, b) => a + b, 0), 0)).toBe(ps.length * (ps.length - 1));
    // the retired branch: members not taking part, with a reason
    expect(rounds.some((r) => r.orgName.includes('离退休'))).toBe(true);
  });

  it('今年第一支部在个人自评阶段，部分党员已提交；小李看到待写的自评', async () => {
    const list = (await demo.get('anshun-zb1', '/api/v1/evaluations/rounds?year=2026')).items as Summary[];
    expect(list).toHaveLength(1);
    const r = await demo.get('anshun-zb1', `/api/v1/evaluations/rounds/${list[0]!.id}`);
    expect(r.stage).toBe('selfAssessment');
    const wrote = (r.participants as P[]).filter((p) => p.selfAssessment).length;
    expect(wrote).toBeGreaterThan(0);
    expect(wrote).toBeLessThan(r.participants.length);
    const mine = (await demo.get('anshun-dy1', '/api/v1/evaluations/me')).items;
    expect(mine.map((e: { year: number }) => e.year)).toEqual([2026, 2025]);
    expect(mine[0]).toMatchObject({ stage: 'selfAssessment', canWriteSelfAssessment: true, selfAssessment: null });
    expect(mine[1].gradeLabel).toBeTruthy();
  });
});
