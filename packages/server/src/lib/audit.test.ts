import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testEngines } from '../test-support/engines';
import { verifyAuditChain } from './audit';

describe.each(testEngines)('审计日志 (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('每次写操作都追加一条含前后值的审计记录，哈希链完整', async () => {
    const detail = (await t.as('anshun', 'GET', `/api/v1/orgs/${t.fx.orgs.branch2.id}`)).json();
    await t.as('anshun', 'PATCH', `/api/v1/orgs/${t.fx.orgs.branch2.id}`, { shortName: '二支部', version: detail.version });
    const log = (await t.as('auditor', 'GET', '/api/v1/audit-logs?action=org.update')).json();
    expect(log.total).toBe(1);
    expect(log.items[0].after).toEqual({ shortName: '二支部' });
    expect(log.items[0].actorName).toContain('anshun');
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('审计日志不可修改或删除：数据库拒绝 UPDATE 和 DELETE', async () => {
    await expect(t.deps.db.execute(sql`update audit_log set actor_name = 'x'`)).rejects.toThrow();
    await expect(t.deps.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });

  it('绕过触发器篡改一条记录后，校验报告第一处断链', async () => {
    const first = (await t.as('auditor', 'GET', '/api/v1/audit-logs?pageSize=500')).json().items.at(-1);
    await t.deps.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await t.deps.db.execute(sql`update audit_log set actor_name = '篡改者' where seq = ${first.seq}`);
    await t.deps.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    const res = (await t.as('auditor', 'GET', '/api/v1/audit-logs/verify')).json();
    expect(res.ok).toBe(false);
    expect(res.firstBrokenSeq).toBe(first.seq);
  });

  it('系统管理员不能读取审计日志（三员分立）', async () => {
    expect((await t.as('sysadmin', 'GET', '/api/v1/audit-logs')).statusCode).toBe(403);
  });
});
