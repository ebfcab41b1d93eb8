// Bad input on the write routes of 发展党员 (DESIGN.md § Quality bars): generated payloads get a 4xx
// with a code and a Chinese message — never a 500 — and a refused request leaves the tables as they were.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import * as contracts from '@zhibu/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';
import { assertRejectsBadInputCleanly } from '../../test-support/fuzz';
import { freshIdNumber } from '../../test-support/matrix';

const TABLES = ['development_cases', 'development_steps', 'members', 'member_status_history', 'audit_log'];

function valueArb(t: TestApp) {
  return fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('', '2025-02-30', '2999-01-01', '2024-01-10', '0', '-1', 'full', 'extend'),
    fc.integer(),
    fc.integer({ min: 1, max: 25 }),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.uuid(),
    fc.constantFrom(t.fx.members.member1.id, t.fx.members.lukouMember.id, t.fx.orgs.branch1.id),
    fc.record({ talker: fc.string({ maxLength: 5 }), mentorIds: fc.array(fc.constantFrom(t.fx.members.member2.id, 'x'), { maxLength: 3 }) }, { requiredKeys: [] }),
    fc.record({ vote: fc.record({ expected: fc.integer({ min: -2, max: 12 }), attending: fc.integer({ min: 0, max: 12 }), yes: fc.integer({ min: 0, max: 12 }), writtenYes: fc.integer({ min: 0, max: 3 }) }) }),
    fc.array(fc.record({ rule: fc.constantFrom('T3', 'T5', ''), reason: fc.string({ maxLength: 5 }) }), { maxLength: 2 }),
  );
}

describe.each(testEngines)('发展党员写接口模糊测试 (%s)', (engine) => {
  let t: TestApp;
  let caseId = '';
  let applicantId = '';
  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => new Date('2026-11-23T09:00:00+08:00') });
    const a = await t.as('anshun', 'POST', '/api/v1/members', { orgId: t.fx.orgs.branch1.id, name: '模糊测试甲', idNumber: freshIdNumber('520402'), status: 'applicant' });
    const b = await t.as('anshun', 'POST', '/api/v1/members', { orgId: t.fx.orgs.branch1.id, name: '模糊测试乙', idNumber: freshIdNumber('520402'), status: 'applicant' });
    applicantId = b.json().id;
    caseId = (await t.as('anshun', 'POST', '/api/v1/development/cases', { memberId: a.json().id, applicationDate: '2024-01-10' })).json().id;
  });
  afterAll(() => t.close());

  it('POST /api/v1/development/cases 对任意输入不返回500，拒绝时不写入任何数据', async () => {
    const keys = Object.keys(contracts.createDevelopmentCaseRequest.shape);
    const arb = fc.oneof(valueArb(t), fc.constant(applicantId));
    await assertRejectsBadInputCleanly(t, { who: 'anshun-zb1', method: 'POST', url: () => '/api/v1/development/cases', keys }, arb, TABLES, 40);
  });

  it('POST /api/v1/development/cases/:id/steps 对任意输入不返回500，拒绝时不写入任何数据', async () => {
    const keys = Object.keys(contracts.recordDevelopmentStepRequest.shape);
    await assertRejectsBadInputCleanly(t, { who: 'anshun-zb1', method: 'POST', url: () => `/api/v1/development/cases/${caseId}/steps`, keys }, valueArb(t), TABLES, 60);
  });
});
