// Bad input on the 党建工作提示 send and confirm routes (DESIGN.md § Quality bars): generated payloads
// get a 4xx with a code and a Chinese message — never a 500 — and a refused request writes nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import * as contracts from '@zhibu/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';
import { assertRejectsBadInputCleanly } from '../../test-support/fuzz';

const TABLES = ['reminder_notices', 'audit_log'];

function valueArb(t: TestApp) {
  return fc.oneof(
    fc.string({ maxLength: 1200 }),
    fc.constantFrom('', ' ', '2025-02-30', '2999-01-01', '2026-11-30', '0', '-1', 'committeeMeeting:2026-11'),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.uuid(),
    fc.constantFrom(t.fx.orgs.branch1.id, t.fx.orgs.group1.id, t.fx.orgs.lukouBranch.id, t.fx.courts.anshun),
    fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  );
}

describe.each(testEngines)('党建工作提示写接口模糊测试 (%s)', (engine) => {
  let t: TestApp;
  let noticeId = '';
  beforeAll(async () => {
    t = await createTestApp(engine);
    noticeId = (await t.as('anshun', 'POST', '/api/v1/reminder-notices', { orgId: t.fx.orgs.branch1.id, title: '提示', body: '请按期召开支委会' })).json().id;
  });
  afterAll(() => t.close());

  it('POST /api/v1/reminder-notices 对任意输入不返回500，拒绝时不写入任何数据', async () => {
    await assertRejectsBadInputCleanly(t, { who: 'anshun', method: 'POST', url: () => '/api/v1/reminder-notices', keys: Object.keys(contracts.sendReminderNoticeRequest.shape) }, valueArb(t), TABLES, 40);
  });
  it('POST /api/v1/reminder-notices/:id/acknowledge 对任意输入不返回500，拒绝时不写入任何数据', async () => {
    await assertRejectsBadInputCleanly(t, { who: 'anshun-zb1', method: 'POST', url: () => `/api/v1/reminder-notices/${noticeId}/acknowledge`, keys: Object.keys(contracts.acknowledgeReminderNoticeRequest.shape) }, valueArb(t), TABLES, 40);
  });
});
