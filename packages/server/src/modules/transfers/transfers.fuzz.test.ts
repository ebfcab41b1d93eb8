// Bad input on the 组织关系转接 write routes (DESIGN.md § Quality bars): generated payloads get a 4xx
// with a code and a Chinese message — never a 500 — and a refused request writes nothing (no
// member moved, no transfer, no audit entry).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import * as contracts from '@zhibu/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';
import { assertRejectsBadInputCleanly } from '../../test-support/fuzz';

const TABLES = ['member_transfers', 'members', 'member_status_history', 'audit_log'];

function valueArb(t: TestApp) {
  return fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.constantFrom('', ' ', '2026-13', '2026-11', '2026-1', 'accept', 'return', 'cancel', 'complete', '中共某单位委员会'),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.uuid(),
    fc.constantFrom(t.fx.members.member2.id, t.fx.members.lukouMember.id, t.fx.orgs.branch2.id, t.fx.orgs.group1.id, t.fx.orgs.lukouBranch.id),
  );
}

describe.each(testEngines)('组织关系转接写接口模糊测试 (%s)', (engine) => {
  let t: TestApp;
  let transferId = '';
  beforeAll(async () => {
    t = await createTestApp(engine);
    transferId = (await t.as('anshun', 'POST', '/api/v1/transfers', { memberId: t.fx.members.branch2Member.id, toOrgId: t.fx.orgs.branch1.id, reason: '调动', duesPaidTo: '2026-11' })).json().id;
  });
  afterAll(() => t.close());

  it('POST /api/v1/transfers 对任意输入不返回500，拒绝时不写入任何数据', async () => {
    await assertRejectsBadInputCleanly(t, { who: 'anshun-zb1', method: 'POST', url: () => '/api/v1/transfers', keys: Object.keys(contracts.createTransferRequest.shape) }, valueArb(t), TABLES, 40);
  });
  it('POST /api/v1/transfers/:id/decide 对任意输入不返回500，拒绝时不写入任何数据', async () => {
    await assertRejectsBadInputCleanly(t, { who: 'anshun', method: 'POST', url: () => `/api/v1/transfers/${transferId}/decide`, keys: Object.keys(contracts.decideTransferRequest.shape) }, valueArb(t), TABLES, 40);
  });
});
