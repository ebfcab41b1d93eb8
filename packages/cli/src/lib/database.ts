// Opening the database the server would open (DATABASE_URL or the PGlite data dir), for one CLI
// command, and closing it afterwards — which also releases the data dir's lock.
import { openDatabase, refreshPlannerStatistics, runMigrations, type DbHandle } from '@zhibu/db';
import { createDeps, type Deps, type ServerConfig } from '@zhibu/server';

export function describeDatabase(config: ServerConfig): string {
  if (!config.databaseUrl) return `嵌入式数据库 PGlite（数据目录 ${config.dataDir}）`;
  try {
    const url = new URL(config.databaseUrl);
    if (url.password) url.password = '****';
    return `PostgreSQL（${url.toString()}）`;
  } catch {
    return 'PostgreSQL（DATABASE_URL）';
  }
}

export function openConfiguredDatabase(config: ServerConfig): Promise<DbHandle> {
  return openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
}

/** Opens the database (applying pending migrations unless told not to), runs fn, closes. */
export async function withDatabase<T>(config: ServerConfig, fn: (handle: DbHandle) => Promise<T>, opts: { migrate?: boolean } = {}): Promise<T> {
  const handle = await openConfiguredDatabase(config);
  try {
    if (opts.migrate !== false) await runMigrations(handle);
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

/** Like the server: database, migrations, field-encryption key. */
export async function withDeps<T>(config: ServerConfig, fn: (deps: Deps) => Promise<T>): Promise<T> {
  const handle = await openConfiguredDatabase(config);
  try {
    const deps = await createDeps(config, { handle });
    return await fn(deps);
  } finally {
    await handle.close();
  }
}

/**
 * Refreshes the planner's statistics now and then every `everyMs` (default hourly) for a long-running
 * server on PGlite, which has no autovacuum. A failure is logged, never fatal.
 */
export function startStatisticsRefresh(handle: DbHandle, everyMs = 60 * 60_000): { stop: () => void } {
  const run = () => refreshPlannerStatistics(handle).catch((err: Error) => console.warn(`更新查询统计信息失败：${err.message}`));
  void run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
