// Integration tests run on PGlite always, and on PostgreSQL too when TEST_DATABASE_URL is set
// (DESIGN.md § Quality bars). Each PostgreSQL test database is created fresh and dropped after.
import { dumpPglite, openDatabase, runMigrations, type DbHandle, type Engine } from '@zhibu/db';
import pg from 'pg';

export const testEngines: Engine[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

let template: Promise<Blob> | null = null;

/** A migrated PGlite, cloned from a per-process template (migrating each time costs seconds). */
async function openPglite(): Promise<DbHandle> {
  template ??= (async () => {
    const h = await openDatabase();
    await runMigrations(h);
    const blob = await dumpPglite(h);
    await h.close();
    return blob;
  })();
  const handle = await openDatabase({ loadDataDir: await template });
  return handle;
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function openPostgres(): Promise<DbHandle> {
  const base = process.env.TEST_DATABASE_URL!;
  const name = `zhibu_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const handle = await openDatabase({ databaseUrl: withDatabase(base, name), poolSize: 5 });
  await runMigrations(handle);
  const close = handle.close;
  return {
    ...handle,
    close: async () => {
      await close();
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export async function openTestDatabase(engine: Engine): Promise<DbHandle> {
  return engine === 'postgres' ? openPostgres() : openPglite();
}
