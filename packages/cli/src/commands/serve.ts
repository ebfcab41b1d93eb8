// `zhibu serve`: migrations, first-run setup (demo data, or the 三员 accounts with one-time
// passwords), then the web app and API until SIGINT/SIGTERM, which close the database cleanly
// (and so release the PGlite data dir's lock).
import { buildApp, createDeps, readConfig, type Deps } from '@zhibu/server';
import { describeDemoAccounts, isDatabaseEmpty, loadDemoData, DEMO_PASSWORD } from '@zhibu/server/demo/index';
import { createBootstrapAccounts } from '../lib/bootstrap';
import { describeDatabase, openConfiguredDatabase, startStatisticsRefresh } from '../lib/database';
import { CliError } from '../lib/errors';

export type ServeOptions = { demo: boolean; port?: number };

type Out = (line: string) => void;

export async function serveCommand(opts: ServeOptions, out: Out = (l) => console.log(l)): Promise<void> {
  const config = readConfig();
  if (opts.port !== undefined) config.port = opts.port;
  out(`zhibu 正在启动：${describeDatabase(config)}`);
  const handle = await openConfiguredDatabase(config);
  let deps: Deps;
  try {
    deps = await createDeps(config, { handle });
    if (await isDatabaseEmpty(deps)) {
      if (opts.demo) await announceDemo(deps, out);
      else await announceBootstrap(deps, out);
    }
  } catch (err) {
    await handle.close();
    throw err;
  }

  const app = await buildApp(deps, { logger: true });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await app.close().catch(() => undefined);
    await handle.close();
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new CliError(`端口 ${config.port} 已被占用：请停止占用它的程序，或用 --port（或环境变量 PORT）换一个端口`);
    }
    throw err;
  }
  // PGlite has no autovacuum: keep the planner's statistics fresh ourselves (see refreshPlannerStatistics).
  const statistics = handle.engine === 'pglite' ? startStatisticsRefresh(handle) : null;
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  out(`zhibu 已启动：http://${shown}:${config.port}  （按 Ctrl+C 停止）`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      out('再次收到停止信号，立即退出');
      process.exit(1);
    }
    stopping = true;
    out(`收到 ${signal}，正在停止 zhibu…`);
    void (async () => {
      let code = 0;
      try {
        statistics?.stop();
        await app.close();
        await handle.close();
        out('zhibu 已停止');
      } catch (err) {
        console.error(`停止时出错：${(err as Error).message}`);
        code = 1;
      }
      process.exit(code);
    })();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function announceDemo(deps: Deps, out: Out): Promise<void> {
  out('新数据库：正在载入演示数据（安顺市中级人民法院、株洲市渌口区人民法院）…');
  const started = Date.now();
  const summary = await loadDemoData(deps);
  out(`演示数据已载入：${summary.courts} 个法院、${summary.partyOrgs} 个党组织、${summary.members} 名党员（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
  out(`演示账号（密码均为 ${DEMO_PASSWORD}，仅供演示，正式使用请用 --no-demo 启动新数据库）：`);
  for (const a of await describeDemoAccounts(deps)) out(`  ${a.username.padEnd(12)}${a.roleLabel}${a.displayName && a.displayName !== a.roleLabel ? `（${a.displayName}）` : ''}`);
}

async function announceBootstrap(deps: Deps, out: Out): Promise<void> {
  const accounts = await createBootstrapAccounts(deps);
  out('新数据库（未载入演示数据）：已创建三员账号。以下一次性密码只显示这一次，请立即登录并修改密码：');
  for (const a of accounts) out(`  账号 ${a.username.padEnd(10)} 角色 ${a.displayName}  一次性密码 ${a.password}`);
}
