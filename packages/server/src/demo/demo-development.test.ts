// The demo's 发展党员 (issue 5 § Demo data): a case for everyone at a development status and for the
// 预备党员, people in every stage, one overdue 谈话, one 积极分子 review due, one 预备期 ending soon; every
// demo case replays through the gates of RULES.md §3.2 without an error, and the branch secretary
// sees only the branch's cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { checkDevelopmentStep, defaultRuleConfig, type RecordedStep, type StepDetails } from '@zhibu/domain';
import { schema } from '@zhibu/db';
import { readConfig } from '../config';
import { buildApp } from '../app';
import type { Deps } from '../deps';
import { createFieldCrypto } from '../lib/field-crypto';
import { openTestDatabase } from '../test-support/engines';
import { DEMO_PASSWORD, loadDemoData } from './index';

describe('演示数据：发展党员', () => {
  let app: FastifyInstance;
  let deps: Deps;
  let close: () => Promise<void>;
  const cookies = new Map<string, string>();
  const get = async (username: string, url: string) => {
    if (!cookies.has(username)) {
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      expect(login.statusCode, login.body).toBe(200);
      cookies.set(username, `zhibu_sid=${login.cookies.find((c) => c.name === 'zhibu_sid')!.value}`);
    }
    const res = await app.inject({ method: 'GET', url, headers: { cookie: cookies.get(username)! } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    const handle = await openTestDatabase('pglite');
    deps = { handle, db: handle.db, crypto: createFieldCrypto(Buffer.alloc(32, 5)), config: { ...readConfig({}), logLevel: 'silent' }, now: () => new Date('2026-11-20T10:00:00+08:00') };
    await loadDemoData(deps);
    app = await buildApp(deps, { serveWeb: false });
    await app.ready();
    close = async () => (await app.close(), await handle.close());
  }, 240_000);
  afterAll(() => close());

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
    const steps = await deps.db.select().from(schema.developmentSteps);
    const cases = await deps.db.select().from(schema.developmentCases);
    const members = new Map((await deps.db.select().from(schema.members)).map((m) => [m.id, m]));
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
