// `zhibu demo`: loads the demo data into an empty database (never on top of real data).
import { readConfig } from '@zhibu/server';
import { describeDemoAccounts, isDatabaseEmpty, loadDemoData, DEMO_PASSWORD } from '@zhibu/server/demo/index';
import { describeDatabase, withDeps } from '../lib/database';
import { CliError } from '../lib/errors';

export async function demoCommand(out: (line: string) => void = (l) => console.log(l)): Promise<number> {
  const config = readConfig();
  return withDeps(config, async (deps) => {
    if (!(await isDatabaseEmpty(deps))) {
      throw new CliError(
        `数据库不是空的（${describeDatabase(config)}），演示数据只能载入新的空数据库。请设置新的 ZHIBU_DATA_DIR，或用 DATABASE_URL 指向新建的 PostgreSQL 数据库。`,
      );
    }
    const started = Date.now();
    const s = await loadDemoData(deps);
    out(`演示数据已载入（${((Date.now() - started) / 1000).toFixed(1)} 秒）：${s.courts} 个法院、${s.departments} 个庭室和审判团队、${s.partyOrgs} 个党组织、${s.members} 名党员、${s.committeePositions} 个委员职务、${s.users} 个账号`);
    out(`演示账号（密码均为 ${DEMO_PASSWORD}）：`);
    for (const a of await describeDemoAccounts(deps)) out(`  ${a.username.padEnd(12)}${a.roleLabel}${a.displayName && a.displayName !== a.roleLabel ? `（${a.displayName}）` : ''}`);
    return 0;
  });
}
