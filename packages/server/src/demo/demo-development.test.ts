// The demo's 发展党员 (issue 5 § Demo data): a case for everyone at a development status and for the
// 预备党员, people in every stage, one overdue 谈话, one 积极分子 review due, one 预备期 ending soon; every
// demo case replays through the gates of RULES.md §3.2 without an error, and the branch secretary
// sees only the branch's cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoApp, type DemoApp } from '../test-support/demo-app';
import { checkDevelopmentStep, defaultRuleConfig, type RecordedStep, type StepDetails } from '@zhibu/domain';
import { schema } from '@zhibu/db';

describe('演示数据：发展党员', () => {
  let demo: DemoApp;
  const get = (username: string, url: string) => demo.get(username, url);

  beforeAll(async () => {
    demo = await openDemoApp('2026-11-20T10:00:00+08:00');
  }, 240_000);
  afterAll(() => demo.close());

  it('安顺中院五个阶段都有人；支部书记只看到本支部的', async () => {
    const all = await get('anshun', '/api/v1/development/cases?pageSize=500');
    const stages = new Set(all.items.map((c: { stage: string }) => c.stage));
    expect([...stages].sort()).toEqual(['activist', 'admission', 'application', 'candidate', 'probation']);
    const zb1 = await get('anshun-zb1', '/api/v1/development/cases?pageSize=500');
    expect(zb1.total).toBeGreaterThan(0);
    expect(zb1.total).toBeLessThan(all.total);
    expect(new Set(zb1.items.map((c: { orgId: string }) => c.orgId)).size).toBe(1);
  });

  it('提醒：一人谈话逾期，一名积极分子半年考察将到期，一名预备党员预备期即将期满', async () => {
    const r = await get('anshun', '/api/v1/development/reminders');
    const kinds = r.items.map((i: { kind: string; level: string }) => `${i.kind}:${i.level}`);
    expect(kinds).toContain('talk:overdue');
    expect(kinds).toContain('review:dueSoon');
    expect(kinds).toContain('probationEnd:dueSoon');
  });

  it('每个演示档案按顺序重放都符合 RULES.md §3.2 的硬性条件', async () => {
    const steps = await demo.deps.db.select().from(schema.developmentSteps);
    const cases = await demo.deps.db.select().from(schema.developmentCases);
    const members = new Map((await demo.deps.db.select().from(schema.members)).map((m) => [m.id, m]));
    for (const c of cases) {
      const mine = steps.filter((s) => s.caseId === c.id).sort((a, b) => a.doneOn.localeCompare(b.doneOn) || a.step - b.step);
      const people = mine.flatMap((s) => [...((s.details as StepDetails).mentorIds ?? []), ...((s.details as StepDetails).sponsorIds ?? [])]).map((id) => {
        const p = members.get(id)!;
        return { id, name: p.name, status: p.status as 'fullMember', sameCourt: p.courtId === c.courtId };
      });
      const recorded: RecordedStep[] = [];
      for (const s of mine) {
        const result = checkDevelopmentStep({ step: s.step, doneOn: s.doneOn, details: s.details as StepDetails, recorded, birthDate: members.get(c.memberId)!.birthDate, today: '2026-11-20', config: defaultRuleConfig, people });
        expect(result.errors, `${members.get(c.memberId)!.name} 第${s.step}步`).toEqual([]);
        expect(result.warnings, `${members.get(c.memberId)!.name} 第${s.step}步`).toEqual([]);
        recorded.push({ step: s.step, doneOn: s.doneOn, details: s.details as StepDetails });
      }
    }
  });
});
