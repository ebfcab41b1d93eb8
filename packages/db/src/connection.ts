// The connection factory: embedded PGlite (default, one court on a laptop) or PostgreSQL
// (DATABASE_URL, a province). Same schema, same migrations, same SQL.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or a transaction: repositories accept both. */
export type DbOrTx = Db | Tx;

export type Engine = 'pglite' | 'postgres';

export type DbHandle = {
  db: Db;
  engine: Engine;
  /** Where PGlite keeps its files; undefined for PostgreSQL and in-memory PGlite. */
  dataDir?: string;
  /** Raw SQL returning rows, for the rare place drizzle's builder does not fit (benchmarks, backup). */
  query: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  /**
   * The same as a server-side prepared statement, named after its text: PostgreSQL parses and
   * plans it once per connection instead of on every call (for the hottest reads, where planning
   * costs more than running). PGlite has no planning to save across calls here and runs it as is.
   */
  queryPrepared: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  close: () => Promise<void>;
};

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations');

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`数据目录 ${dataDir} 正被另一个 zhibu 进程（pid ${pid}）使用。请先停止该进程，或通过正在运行的服务操作。`);
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Two processes opening one PGlite data dir lose writes silently (DESIGN.md § Stack notes), so the
 * project holds its own lock file and refuses a second opener. Only when this lock proves nobody
 * holds the dir do we remove PGlite's stale postmaster.pid.
 */
function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, 'zhibu.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const pgPid = path.join(dataDir, 'pg', 'postmaster.pid');
      if (existsSync(pgPid)) rmSync(pgPid);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.removeListener('exit', release);
        try {
          if (readFileSync(lockPath, 'utf8') === String(process.pid)) rmSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isProcessAlive(pid)) {
        throw new DataDirLockedError(dataDir, pid);
      }
      rmSync(lockPath, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`无法锁定数据目录 ${dataDir}`);
}

export type OpenOptions = {
  /** PostgreSQL connection string; when absent, PGlite is used. */
  databaseUrl?: string;
  /** PGlite data folder (its files live in `<dataDir>/pg`); omit for an in-memory database. */
  dataDir?: string;
  /** Start PGlite from a dump (tests: one migrated template, many fast copies). */
  loadDataDir?: Blob;
  poolSize?: number;
};

/** One name per statement text, so that two texts never share a name on a connection. */
function preparedName(text: string): string {
  return `zhibu_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
}

export async function openDatabase(opts: OpenOptions = {}): Promise<DbHandle> {
  if (opts.databaseUrl) {
    // The session time zone is the users' (Asia/Shanghai): "today" and dates in SQL mean theirs.
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      options: '-c TimeZone=Asia/Shanghai',
    });
    // An idle client's connection can die (PostgreSQL restarted, the database dropped): pg emits
    // 'error' on the pool, and an unhandled 'error' would end the whole process. The pool drops
    // the client and opens a new one on the next query.
    pool.on('error', (err) => {
      if ((err as { code?: string }).code !== '57P01') console.warn(`PostgreSQL 连接中断：${err.message}`);
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      engine: 'postgres',
      query: async (text, params) => (await pool.query(text, params as unknown[])).rows,
      queryPrepared: async (text, params) => (await pool.query({ name: preparedName(text), text, values: params as unknown[] })).rows,
      close: () => pool.end(),
    };
  }
  let release: (() => void) | undefined;
  let client: PGlite;
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    release = acquireDataDirLock(opts.dataDir);
    try {
      client = new PGlite(path.join(opts.dataDir, 'pg'));
      await client.waitReady;
    } catch (err) {
      release();
      throw err;
    }
  } else {
    client = new PGlite(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : undefined);
    await client.waitReady;
  }
  await client.exec("SET TIME ZONE 'Asia/Shanghai'");
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    dataDir: opts.dataDir,
    query: async (text, params) => (await client.query(text, params as unknown[])).rows as never,
    queryPrepared: async (text, params) => (await client.query(text, params as unknown[])).rows as never,
    close: async () => {
      await client.close();
      release?.();
    },
  };
}

/**
 * Refreshes the query planner's statistics (ANALYZE). PostgreSQL's autovacuum does this on its own;
 * PGlite has no autovacuum, so without it a table filled in bulk keeps "empty table" estimates and
 * the planner picks nested loops over tens of thousands of rows (the court's member reminders took
 * 25 s instead of 0.14 s after the demo load). Call it after bulk writes, and periodically on PGlite.
 * `tables` limits it to those tables (cheap after an import).
 */
export async function refreshPlannerStatistics(handle: Pick<DbHandle, 'query'>, tables: readonly string[] = []): Promise<void> {
  for (const t of tables) if (!/^[a-z_]+$/.test(t)) throw new Error(`invalid table name: ${t}`);
  await handle.query(tables.length ? `ANALYZE ${tables.join(', ')}` : 'ANALYZE');
}

/** Applies every pending migration (drizzle's journal in packages/db/migrations). */
export async function runMigrations(handle: DbHandle): Promise<void> {
  if (handle.engine === 'postgres') {
    await migratePg(handle.db as never, { migrationsFolder });
  } else {
    await migratePglite(handle.db as never, { migrationsFolder });
  }
}

/** PGlite only: a dump of the whole database, e.g. to clone a migrated template in tests. */
export async function dumpPglite(handle: DbHandle): Promise<Blob> {
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  return client.dumpDataDir('none');
}
