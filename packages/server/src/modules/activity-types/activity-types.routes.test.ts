import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { schema } from '@zhibu/db';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';

type Def = { type: string; label: string; heldBy: string[]; expected: string; minFrequency: { count: number; period: string } | null; requiresFirstAgenda: boolean; countsAsOrgLife: boolean; rule: string; confidence: string; customized: boolean };

describe.each(testEngines)('活动类型目录 (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('默认目录：每类说明组织层级、应到人员、最低频次、第一议题、是否计入组织生活和依据', async () => {
    const res = await t.as('anshun-zb1', 'GET', '/api/v1/activity-types');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.courtId).toBe(t.fx.courts.anshun);
    expect(body.version).toBe(0);
    const assembly = (body.items as Def[]).find((d) => d.type === 'branchAssembly')!;
    expect(assembly).toMatchObject({ label: '支部党员大会', heldBy: ['branch'], expected: 'allMembers', minFrequency: { count: 1, period: 'quarter' }, requiresFirstAgenda: true, countsAsOrgLife: true, confidence: 'V' });
    expect(assembly.rule).toContain('第十一条');
    expect((body.items as Def[]).map((d) => d.label)).toContain('一刻钟微党课');
  });

  it('只有本院机关党委管理员可以调整；调整被审计；版本冲突 409；无效值 400 并指明字段', async () => {
    const overrides = { partyLecture: { minFrequency: { count: 1, period: 'halfYear' } }, groupStudy: { countsAsOrgLife: true } };
    expect((await t.as('anshun-zb1', 'PUT', '/api/v1/activity-types', { courtId: t.fx.courts.anshun, overrides, version: 0 })).statusCode).toBe(403);
    expect((await t.as('lukou', 'PUT', '/api/v1/activity-types', { courtId: t.fx.courts.anshun, overrides, version: 0 })).statusCode).toBe(403);
    expect((await t.as('guizhou', 'PUT', '/api/v1/activity-types', { courtId: t.fx.courts.anshun, overrides, version: 0 })).statusCode).toBe(403);

    const ok = await t.as('anshun', 'PUT', '/api/v1/activity-types', { courtId: t.fx.courts.anshun, overrides, version: 0 });
    expect(ok.statusCode, ok.body).toBe(200);
    const lecture = (ok.json().items as Def[]).find((d) => d.type === 'partyLecture')!;
    expect(lecture).toMatchObject({ minFrequency: { count: 1, period: 'halfYear' }, customized: true });
    expect(ok.json().version).toBe(1);
    const audit = await t.deps.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'activityCatalogue.update')).orderBy(desc(schema.auditLog.seq));
    expect(audit).toHaveLength(1);

    expect((await t.as('anshun', 'PUT', '/api/v1/activity-types', { courtId: t.fx.courts.anshun, overrides, version: 0 })).statusCode).toBe(409);
    for (const bad of [{ branchAssembly: { minFrequency: { count: 0, period: 'quarter' } } }, { branchAssembly: { minFrequency: { count: 1, period: 'fortnight' } } }, { branchAssembly: { heldBy: ['partyGroup'] } }, { noSuchType: {} }]) {
      const res = await t.as('anshun', 'PUT', '/api/v1/activity-types', { courtId: t.fx.courts.anshun, overrides: bad, version: 1 });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().details[0].field).toMatch(/^overrides/);
    }
    // Other courts keep the defaults.
    const lukou = (await t.as('lukou', 'GET', '/api/v1/activity-types')).json();
    expect((lukou.items as Def[]).find((d) => d.type === 'partyLecture')!.minFrequency).toEqual({ count: 1, period: 'quarter' });
    expect((await t.as('lukou', 'GET', `/api/v1/activity-types?courtId=${t.fx.courts.anshun}`)).statusCode).toBe(404);
  });
});
