// Every migration, applied to a fresh database, gives exactly the schema the code declares — on
// PGlite and (with TEST_DATABASE_URL) on PostgreSQL; and the migrations are up to date with it.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { is } from 'drizzle-orm';
import { PgTable as PgTableClass } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { migrationsFolder, openDatabase, runMigrations, type DbHandle, type Engine } from './connection';
import * as schema from './schema';

const engines: Engine[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
const tables: PgTable[] = (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTableClass));

function infoType(sqlType: string): string {
  if (sqlType === 'bigserial') return 'bigint';
  if (sqlType.startsWith('timestamp') && sqlType.includes('with time zone')) return 'timestamp with time zone';
  return sqlType;
}

describe.each(engines)('迁移 (%s)', (engine) => {
  let h: DbHandle;
  let dbName: string | null = null;
  beforeAll(async () => {
    if (engine === 'postgres') {
      dbName = `zhibu_mig_${Date.now().toString(36)}`;
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`create database ${dbName}`);
      await admin.end();
      const u = new URL(process.env.TEST_DATABASE_URL!);
      u.pathname = `/${dbName}`;
      h = await openDatabase({ databaseUrl: u.toString() });
    } else {
      h = await openDatabase();
    }
    await runMigrations(h);
  });
  afterAll(async () => {
    await h.close();
    if (dbName) {
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
  });

  it('全部迁移应用到新库后，每张表的列、类型、可空性与代码中的 schema 一致', async () => {
    const cols = await h.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>(
      `select table_name, column_name, data_type, is_nullable from information_schema.columns where table_schema = 'public'`,
    );
    const actual = new Map<string, string>();
    for (const c of cols) actual.set(`${c.table_name}.${c.column_name}`, `${c.data_type} ${c.is_nullable === 'NO' ? 'not null' : 'null'}`);
    const expected = new Map<string, string>();
    for (const t of tables) {
      const cfg = getTableConfig(t);
      for (const col of cfg.columns) expected.set(`${cfg.name}.${col.name}`, `${infoType(col.getSQLType())} ${col.notNull ? 'not null' : 'null'}`);
    }
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
  });

  it('代码中声明的每个索引都存在于数据库中', async () => {
    const idx = await h.query<{ indexname: string }>(`select indexname from pg_indexes where schemaname = 'public'`);
    const names = new Set(idx.map((i) => i.indexname));
    const declared = tables.flatMap((t) => getTableConfig(t).indexes.map((i) => i.config.name));
    expect(declared.filter((n) => !names.has(n!))).toEqual([]);
  });

  it('党员只能编入本院的党组织：法院与党组织不一致的党员记录被数据库拒绝', async () => {
    const [a, b, orgB] = ['01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-00000000000b', '01900000-0000-7000-8000-0000000000b1'];
    await h.query(`insert into courts (id, name, short_name, level) values ($1, '甲法院', '甲院', 'basic'), ($2, '乙法院', '乙院', 'basic')`, [a, b]);
    await h.query(`insert into party_orgs (id, court_id, path, type, name) values ($1, $2, $3, 'branch', '乙法院第一党支部')`, [orgB, b, `/${orgB}/`]);
    const member = (id: string, courtId: string) =>
      h.query(
        `insert into members (id, court_id, org_id, org_path, name, gender, birth_date, id_number_enc, id_number_hash, id_number_masked, status)
         values ($1, $2, $3, $4, '张三', 'male', '1980-01-01', 'x', $5, '5204**', 'fullMember')`,
        [id, courtId, orgB, `/${orgB}/`, `hash-${id}`],
      );
    await expect(member('01900000-0000-7000-8000-0000000000c1', a)).rejects.toMatchObject({ code: '23503' });
    await expect(member('01900000-0000-7000-8000-0000000000c2', b)).resolves.toBeDefined();
  });

  it('再次执行迁移不做任何改动（幂等）', async () => {
    await expect(runMigrations(h)).resolves.toBeUndefined();
  });
});

describe('迁移文件与 schema 同步', () => {
  it('drizzle-kit 依据当前 schema 不会再生成新的迁移', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zhibu-mig-'));
    cpSync(migrationsFolder, path.join(dir, 'migrations'), { recursive: true });
    const config = path.join(dir, 'drizzle.config.mjs');
    writeFileSync(
      config,
      `export default { dialect: 'postgresql', schema: ${JSON.stringify(path.resolve(import.meta.dirname, 'schema.ts'))}, out: './migrations' };`,
    );
    const out = execFileSync(path.resolve(import.meta.dirname, '../../../node_modules/.bin/drizzle-kit'), ['generate', '--config', config], { encoding: 'utf8', cwd: dir });
    expect(out).toContain('No schema changes');
  });
});
