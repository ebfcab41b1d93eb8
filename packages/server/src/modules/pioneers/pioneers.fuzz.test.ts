// Bad input on the 示范岗/先锋队 and 优秀党员 write routes (DESIGN.md § Quality bars): generated payloads
// get a 4xx with a code and a Chinese message — never a 500 — and a refused request writes nothing
// (no designation, review, nomination, honor or audit entry).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import * as contracts from '@zhibu/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';
import { assertRejectsBadInputCleanly } from '../../test-support/fuzz';

const TABLES = ['pioneer_designations', 'pioneer_team_members', 'pioneer_reviews', 'pioneer_achievements', 'excellence_rounds', 'excellence_nominations', 'honors', 'audit_log'];

function valueArb(t: TestApp) {
  return fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.constantFrom('', ' ', '2026-02-30', '2026-12-31', '2025-01-01', 'modelPost', 'vanguardTeam', 'enforcement', 'approve', 'revoke', 'select', 'unqualified', 'perBranch', 'total'),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.uuid(),
    fc.array(fc.uuid(), { maxLength: 3 }),
    fc.constantFrom(t.fx.members.member2.id, t.fx.members.probationary.id, t.fx.members.lukouMember.id, t.fx.orgs.branch1.id, t.fx.orgs.group1.id, t.fx.orgs.lukouBranch.id, t.fx.courts.lukou),
  );
}

describe.each(testEngines)('示范岗与优秀党员写接口模糊测试 (%s)', (engine) => {
  let t: TestApp;
  let designationId = '';
  let roundId = '';
  let nominationId = '';
  beforeAll(async () => {
    t = await createTestApp(engine);
    const d = (await t.as('anshun', 'POST', '/api/v1/pioneers/designations', { kind: 'vanguardTeam', orgId: t.fx.orgs.branch1.id, name: '模糊测试先锋队', memberId: t.fx.members.member2.id, mission: 'volunteer', commitment: '志愿服务', startOn: '2025-01-01', endOn: '2099-12-31' })).json();
    designationId = d.id;
    const round = (await t.as('anshun', 'POST', '/api/v1/pioneers/rounds', { courtId: t.fx.courts.anshun, year: 2050, deadline: '2099-12-31' })).json();
    roundId = round.id;
    nominationId = (await t.as('anshun', 'POST', '/api/v1/pioneers/nominations', { roundId, orgId: t.fx.orgs.branch1.id, memberId: t.fx.members.member1.id, deeds: '事迹' })).json().nominations[0].id;
  });
  afterAll(() => t.close());

  const routes = () => [
    { name: 'POST /api/v1/pioneers/designations', url: () => '/api/v1/pioneers/designations', keys: Object.keys(contracts.createDesignationRequest.shape) },
    { name: 'POST /api/v1/pioneers/designations/:id/decide', url: () => `/api/v1/pioneers/designations/${designationId}/decide`, keys: Object.keys(contracts.decideDesignationRequest.shape) },
    { name: 'POST /api/v1/pioneers/designations/:id/reviews', url: () => `/api/v1/pioneers/designations/${designationId}/reviews`, keys: Object.keys(contracts.reviewDesignationRequest.shape) },
    { name: 'POST /api/v1/pioneers/designations/:id/achievements', url: () => `/api/v1/pioneers/designations/${designationId}/achievements`, keys: Object.keys(contracts.addAchievementRequest.shape) },
    { name: 'POST /api/v1/pioneers/rounds', url: () => '/api/v1/pioneers/rounds', keys: Object.keys(contracts.createExcellenceRoundRequest.shape) },
    { name: 'POST /api/v1/pioneers/rounds/:id/close', url: () => `/api/v1/pioneers/rounds/${roundId}/close`, keys: Object.keys(contracts.closeExcellenceRoundRequest.shape) },
    { name: 'POST /api/v1/pioneers/nominations', url: () => '/api/v1/pioneers/nominations', keys: Object.keys(contracts.createNominationRequest.shape) },
    { name: 'POST /api/v1/pioneers/nominations/:id/decide', url: () => `/api/v1/pioneers/nominations/${nominationId}/decide`, keys: Object.keys(contracts.decideNominationRequest.shape) },
  ];
  for (const r of routes()) {
    it(`${r.name} 对任意输入不返回500，拒绝时不写入任何数据`, async () => {
      const route = routes().find((x) => x.name === r.name)!;
      await assertRejectsBadInputCleanly(t, { who: 'anshun', method: 'POST', url: route.url, keys: route.keys }, valueArb(t), TABLES, 30);
    });
  }
});
