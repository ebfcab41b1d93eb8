// The demo's 示范岗/先锋队 and 优秀党员 (issue 5 § Demo data): 立案窗口 and 执行指挥中心 示范岗 挂牌中
// (the latter reviewed), one proposal waiting for the office, the 执行攻坚党员先锋队 with its members and
// achievements; last year's round decided with its honors in the registry; this year's open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoApp, type DemoApp } from '../test-support/demo-app';

type D = { name: string; kind: string; phase: string; orgName: string; memberName: string; teamMembers: unknown[]; achievements: unknown[]; reviews: { year: number; gradeLabel: string }[]; actions: string[] };

describe('演示数据：示范岗、先锋队与优秀党员', () => {
  let demo: DemoApp;
  beforeAll(async () => {
    demo = await openDemoApp('2026-12-03T10:00:00+08:00');
  }, 240_000);
  afterAll(() => demo.close());

  it('党员在公示名单中看到本院挂牌中的示范岗和先锋队；机关党委另看到待批准的申报和已完成的考评', async () => {
    const board = (await demo.get('anshun-dy1', '/api/v1/pioneers/designations?activeOnly=true')).items as D[];
    expect(board.map((d) => d.name).sort()).toEqual(['执行指挥中心党员示范岗', '执行攻坚党员先锋队', '立案窗口党员示范岗'].sort());
    const team = board.find((d) => d.kind === 'vanguardTeam')!;
    expect(team.teamMembers.length).toBe(7);
    expect(team.achievements.length).toBe(3);
    const office = (await demo.get('anshun', '/api/v1/pioneers/designations')).items as D[];
    expect(office.find((d) => d.name === '婚姻家庭纠纷调解党员示范岗')).toMatchObject({ phase: 'proposed', actions: ['approve', 'reject'] });
    expect(office.find((d) => d.name === '执行指挥中心党员示范岗')!.reviews).toEqual([expect.objectContaining({ year: 2025, gradeLabel: '优秀' })]);
  });

  it('去年的优秀党员评选已结束，当选者在荣誉库中；今年的评选在推荐中，第一党支部尚未推荐', async () => {
    const rounds = (await demo.get('anshun', '/api/v1/pioneers/rounds')).items as { year: number; state: string; nominationOpen: boolean; nominations: { orgName: string; state: string; honorId: string | null; memberName: string }[] }[];
    const last = rounds.find((r) => r.year === 2025)!;
    expect(last.state).toBe('closed');
    const selected = last.nominations.filter((n) => n.state === 'selected');
    expect(selected.length).toBe(3);
    const honors = (await demo.get('anshun', '/api/v1/honors?kind=individual&year=2025&pageSize=100')).items as { id: string; name: string; recipientName: string; source: string }[];
    for (const n of selected) expect(honors.find((h) => h.id === n.honorId)).toMatchObject({ name: '2025年度优秀共产党员', recipientName: n.memberName, source: 'pioneers' });
    const now = rounds.find((r) => r.year === 2026)!;
    expect(now).toMatchObject({ state: 'open', nominationOpen: true });
    expect(now.nominations.length).toBe(4);
    expect(now.nominations.some((n) => n.orgName === '第一党支部')).toBe(false);
  });
});
