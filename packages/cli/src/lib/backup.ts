// Logical backup and restore, the same on PGlite and PostgreSQL: a gzip'd JSON-lines dump of every
// table in schema.ts, parents before children (foreign keys), taken in one repeatable-read snapshot.
//
// The database itself encodes and decodes the rows (row_to_json on the way out,
// json_populate_recordset on the way in), so that timestamptz keeps its microseconds, bigint its
// digits and jsonb its value: nothing passes through JavaScript numbers or Dates. audit_log rows
// keep their seq and hashes, and sequences are set past the restored values, so `audit verify`
// passes after a restore.
//
// File layout, one JSON document per line:
//   {"format":"zhibu-backup","formatVersion":1,"engine":…,"migrations":N,"migrationTags":[…],"createdAt":…,"tables":[…],"keyCheck":…}
//   {"table":"courts","columns":[…],"rows":R}      then R lines, one row object each
//   … one section per table …
//   {"end":true,"rows":{"courts":R,…},"sequences":[…]}
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { is, sql, type SQL } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrationsFolder, refreshPlannerStatistics, schema, type DbHandle, type DbOrTx } from '@zhibu/db';
import { appendAudit, type AuditActor } from '@zhibu/server/lib/audit';

export const BACKUP_FORMAT = 'zhibu-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** What the field-encryption key's keyed hash is taken of, to tell whether two keys are the same. */
export const KEY_CHECK_INPUT = 'zhibu:backup-key-check';

export class BackupError extends Error {}

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  engine: string;
  migrations: number;
  migrationTags: string[];
  createdAt: string;
  tables: string[];
  /** HMAC of a fixed text under the field key: tells whether the restoring side holds the same key. */
  keyCheck: string | null;
};

type SequenceState = { table: string; column: string; lastValue: string; isCalled: boolean };
type Trailer = { end: true; rows: Record<string, number>; sequences: SequenceState[] };
type Section = { table: string; columns: string[]; rows: number };

export type TableInfo = { name: string; primaryKey: string[]; references: string[] };

/**
 * Tables the database derives from the others and that a restore rebuilds by itself: the 党建工作提示
 * counters are raised by triggers as the restored rows go in (schema-reminders.ts), so restoring
 * them too would collide with the rows those triggers just wrote.
 */
const DERIVED_TABLES = new Set(['org_life_versions']);

/**
 * Every table of schema.ts, ordered so that a table comes after every table it references.
 * A self-referencing foreign key would need its rows ordered too; none exists (parent_id columns
 * are plain uuids), so meeting one is an error for whoever adds it, not a silent failure.
 */
export function listTables(): TableInfo[] {
  const tables = (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable) && !DERIVED_TABLES.has(getTableConfig(v).name));
  const infos = tables.map((t) => {
    const cfg = getTableConfig(t);
    const references = cfg.foreignKeys.map((fk) => getTableConfig(fk.reference().foreignTable).name);
    if (references.includes(cfg.name)) throw new BackupError(`表 ${cfg.name} 有自引用外键，备份需按父子顺序导出行（请扩展 backup.ts）`);
    const primaryKey = cfg.columns.filter((c) => c.primary).map((c) => c.name);
    if (!primaryKey.length && cfg.primaryKeys[0]) primaryKey.push(...cfg.primaryKeys[0].columns.map((c) => c.name));
    return { name: cfg.name, primaryKey, references: [...new Set(references)] };
  });
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  while (ordered.length < infos.length) {
    const next = infos.find((t) => !placed.has(t.name) && t.references.every((r) => placed.has(r)));
    if (!next) throw new BackupError('表之间的外键存在循环，无法确定备份顺序');
    ordered.push(next);
    placed.add(next.name);
  }
  return ordered;
}

type Journal = { entries: { idx: number; tag: string; when: number }[] };

function readJournal(folder = migrationsFolder): Journal {
  return JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

const ident = (name: string) => sql.identifier(name);

/** How many migrations the database has applied (0 for a brand-new database). */
export async function countAppliedMigrations(db: DbOrTx): Promise<number> {
  const exists = rowsOf<{ t: string | null }>(await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`));
  if (!exists[0]?.t) return 0;
  return Number(rowsOf<{ n: string | number }>(await db.execute(sql`select count(*) as n from drizzle.__drizzle_migrations`))[0]?.n ?? 0);
}

async function runMigrationsUpTo(handle: DbHandle, count: number): Promise<void> {
  const journal = readJournal();
  const dir = mkdtempSync(path.join(tmpdir(), 'zhibu-migrations-'));
  try {
    mkdirSync(path.join(dir, 'meta'));
    const entries = journal.entries.slice(0, count);
    for (const e of entries) copyFileSync(path.join(migrationsFolder, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
    writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
    if (handle.engine === 'postgres') await migratePg(handle.db as never, { migrationsFolder: dir });
    else await migratePglite(handle.db as never, { migrationsFolder: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function insertableColumns(db: DbOrTx, table: string): Promise<string[]> {
  const rows = rowsOf<{ column_name: string }>(
    await db.execute(sql`select column_name from information_schema.columns
      where table_schema = current_schema() and table_name = ${table} and is_generated = 'NEVER'
      order by ordinal_position`),
  );
  return rows.map((r) => r.column_name);
}

async function serialColumns(db: DbOrTx, table: string): Promise<{ column: string; sequence: string }[]> {
  const rows = rowsOf<{ column_name: string; seq: string | null }>(
    await db.execute(sql`select column_name, pg_get_serial_sequence(quote_ident(${table}), column_name) as seq
      from information_schema.columns
      where table_schema = current_schema() and table_name = ${table}`),
  );
  return rows.filter((r) => r.seq).map((r) => ({ column: r.column_name, sequence: r.seq! }));
}

export type BackupResult = { file: string; header: BackupHeader; rows: Record<string, number> };

/** Writes the backup to `file` (through a temporary file, renamed at the end). */
export async function backupDatabase(handle: DbHandle, file: string, opts: { keyCheck?: string | null; batchSize?: number } = {}): Promise<BackupResult> {
  const tables = listTables();
  const batchSize = opts.batchSize ?? 2000;
  const journal = readJournal();
  const tmp = `${file}.partial`;
  const out = createWriteStream(tmp);
  const gzip = createGzip({ level: 6 });
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  try {
    const result = await handle.db.transaction(
      async (tx) => {
        const migrations = await countAppliedMigrations(tx);
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          formatVersion: BACKUP_FORMAT_VERSION,
          engine: handle.engine,
          migrations,
          migrationTags: journal.entries.slice(0, migrations).map((e) => e.tag),
          createdAt: new Date().toISOString(),
          tables: tables.map((t) => t.name),
          keyCheck: opts.keyCheck ?? null,
        };
        await write(JSON.stringify(header));
        const counts: Record<string, number> = {};
        const sequences: SequenceState[] = [];
        for (const t of tables) {
          const columns = await insertableColumns(tx, t.name);
          const total = Number(rowsOf<{ n: string | number }>(await tx.execute(sql`select count(*) as n from ${ident(t.name)}`))[0]?.n ?? 0);
          await write(JSON.stringify({ table: t.name, columns, rows: total } satisfies Section));
          let written = 0;
          if (t.primaryKey.length === 1) {
            // Keyset pages on the primary key: constant memory whatever the table's size.
            const pk = t.primaryKey[0]!;
            let last: string | null = null;
            for (;;) {
              const page: SQL = sql`select ${ident(pk)}::text as k, row_to_json(t)::text as j from ${ident(t.name)} t
                ${last === null ? sql`` : sql`where ${ident(pk)} > ${last}`}
                order by ${ident(pk)} limit ${batchSize}`;
              const rows = rowsOf<{ k: string; j: string }>(await tx.execute(page));
              for (const r of rows) await write(r.j);
              written += rows.length;
              if (rows.length < batchSize) break;
              // An untyped parameter: PostgreSQL compares it as the key column's own type.
              last = rows[rows.length - 1]!.k;
            }
          } else {
            const rows = rowsOf<{ j: string }>(await tx.execute(sql`select row_to_json(t)::text as j from ${ident(t.name)} t`));
            for (const r of rows) await write(r.j);
            written = rows.length;
          }
          if (written !== total) throw new BackupError(`表 ${t.name} 导出行数（${written}）与统计（${total}）不符`);
          counts[t.name] = written;
          for (const s of await serialColumns(tx, t.name)) {
            const state = rowsOf<{ last_value: string; is_called: boolean }>(
              await tx.execute(sql`select last_value::text as last_value, is_called from ${sql.raw(quoteQualified(s.sequence))}`),
            )[0];
            if (state) sequences.push({ table: t.name, column: s.column, lastValue: state.last_value, isCalled: state.is_called });
          }
        }
        await write(JSON.stringify({ end: true, rows: counts, sequences } satisfies Trailer));
        return { header, rows: counts };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    gzip.end();
    await finished(out);
    renameSync(tmp, file);
    return { file, ...result };
  } catch (err) {
    gzip.destroy();
    out.destroy();
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** pg_get_serial_sequence gives 'public.audit_log_seq_seq' (already quoted where needed). */
function quoteQualified(name: string): string {
  if (!/^[A-Za-z0-9_."]+$/.test(name)) throw new BackupError(`意外的序列名：${name}`);
  return name;
}

async function* readLines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file).pipe(createGunzip());
  const rl = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of rl) if (line.length) yield line;
  } catch (err) {
    throw new BackupError(`无法读取备份文件 ${file}：${(err as Error).message}（文件损坏或不是 zhibu 备份）`);
  } finally {
    rl.close();
    input.destroy();
  }
}

export async function readBackupHeader(file: string): Promise<BackupHeader> {
  for await (const line of readLines(file)) {
    let header: BackupHeader;
    try {
      header = JSON.parse(line) as BackupHeader;
    } catch {
      throw new BackupError(`${file} 不是 zhibu 备份文件`);
    }
    if (header.format !== BACKUP_FORMAT) throw new BackupError(`${file} 不是 zhibu 备份文件`);
    if (header.formatVersion !== BACKUP_FORMAT_VERSION) {
      throw new BackupError(`备份格式版本 ${header.formatVersion} 不受支持（本程序支持版本 ${BACKUP_FORMAT_VERSION}）`);
    }
    return header;
  }
  throw new BackupError(`${file} 是空文件`);
}

export type RestoreOptions = {
  /** The restoring side's key check (see KEY_CHECK_INPUT); a different key is refused. */
  keyCheck?: string | null;
  /** When given, the restore is recorded in the audit log (after the restored entries). */
  auditActor?: AuditActor;
  /** Rows per INSERT statement. */
  batchRows?: number;
};

export type RestoreResult = { header: BackupHeader; rows: Record<string, number>; migrationsAfter: number };

/**
 * Restores a backup into a new or empty database: migrates it to the backup's migration, loads
 * every table in one transaction, sets sequences, then applies the migrations the backup predates.
 * A database that already holds data is refused: the audit log is append-only, so nothing may be
 * overwritten — restore into a new data folder (ZHIBU_DATA_DIR) or a new PostgreSQL database.
 */
export async function restoreDatabase(handle: DbHandle, file: string, opts: RestoreOptions = {}): Promise<RestoreResult> {
  const header = await readBackupHeader(file);
  const journal = readJournal();
  if (header.migrations > journal.entries.length) {
    throw new BackupError(`备份来自较新版本的 zhibu（${header.migrations} 个数据库迁移，本程序只有 ${journal.entries.length} 个），请先升级 zhibu`);
  }
  const tags = journal.entries.slice(0, header.migrations).map((e) => e.tag);
  if (tags.join(',') !== header.migrationTags.join(',')) {
    throw new BackupError('备份的数据库迁移记录与本程序不一致，无法恢复');
  }
  if (header.keyCheck && opts.keyCheck && header.keyCheck !== opts.keyCheck) {
    throw new BackupError(
      '备份使用的字段加密密钥与当前密钥不同：身份证号、电话将无法解密。请把原系统数据目录中的 secret.key 复制到当前数据目录（或设置相同的 ZHIBU_SECRET_KEY）后再恢复。',
    );
  }
  const applied = await countAppliedMigrations(handle.db);
  if (applied > header.migrations) {
    throw new BackupError(
      `目标数据库已执行 ${applied} 个迁移，比备份（${header.migrations} 个）新：请恢复到一个新的空数据库（新的 ZHIBU_DATA_DIR 或新建的 PostgreSQL 数据库）`,
    );
  }
  if (applied < header.migrations) await runMigrationsUpTo(handle, header.migrations);
  await assertEmpty(handle.db, header.tables);

  const batchRows = opts.batchRows ?? 1000;
  const maxBatchChars = 8 * 1024 * 1024;
  const rows = await handle.db.transaction(async (tx) => {
    const counts: Record<string, number> = {};
    let trailer: Trailer | null = null;
    let section: (Section & { insertColumns: string[] }) | null = null;
    let left = 0;
    let batch: string[] = [];
    let batchChars = 0;
    const flush = async () => {
      if (!section || !batch.length) return;
      const cols = sql.join(section.insertColumns.map(ident), sql`, `);
      await tx.execute(
        sql`insert into ${ident(section.table)} (${cols}) select ${cols} from json_populate_recordset(null::${ident(section.table)}, ${`[${batch.join(',')}]`}::json)`,
      );
      counts[section.table] = (counts[section.table] ?? 0) + batch.length;
      batch = [];
      batchChars = 0;
    };
    let first = true;
    for await (const line of readLines(file)) {
      if (first) {
        first = false; // the header, read above
        continue;
      }
      if (section && left > 0) {
        batch.push(line);
        batchChars += line.length;
        left--;
        if (batch.length >= batchRows || batchChars >= maxBatchChars) await flush();
        continue;
      }
      await flush();
      const doc = JSON.parse(line) as Section | Trailer;
      if ('end' in doc) {
        trailer = doc;
        break;
      }
      if (!header.tables.includes(doc.table)) throw new BackupError(`备份文件中出现未声明的表 ${doc.table}`);
      const existing = await insertableColumns(tx, doc.table);
      if (!existing.length) throw new BackupError(`目标数据库没有表 ${doc.table}`);
      const missing = doc.columns.filter((c) => !existing.includes(c));
      if (missing.length) throw new BackupError(`目标数据库的表 ${doc.table} 缺少列：${missing.join('、')}`);
      section = { ...doc, insertColumns: doc.columns };
      counts[doc.table] = 0;
      left = doc.rows;
    }
    await flush();
    if (!trailer) throw new BackupError('备份文件不完整（缺少结尾记录），可能在写入时中断，未恢复任何数据');
    for (const [table, n] of Object.entries(trailer.rows)) {
      if ((counts[table] ?? 0) !== n) throw new BackupError(`表 ${table} 恢复了 ${counts[table] ?? 0} 行，备份中有 ${n} 行，未恢复任何数据`);
    }
    // Sequences continue after the restored rows (and never below the backed-up position).
    for (const table of header.tables) {
      for (const s of await serialColumns(tx, table)) {
        const saved = trailer.sequences.find((x) => x.table === table && x.column === s.column);
        const max = rowsOf<{ m: string | null }>(await tx.execute(sql`select max(${ident(s.column)})::text as m from ${ident(table)}`))[0]?.m ?? null;
        const candidates = [saved?.isCalled ? BigInt(saved.lastValue) : null, max === null ? null : BigInt(max)].filter((v): v is bigint => v !== null);
        if (candidates.length) {
          const value = candidates.reduce((a, b) => (a > b ? a : b));
          await tx.execute(sql`select setval(${s.sequence}, ${value.toString()}::bigint, true)`);
        }
      }
    }
    if (opts.auditActor) {
      await appendAudit(tx, opts.auditActor, {
        action: 'system.restore',
        entity: 'system',
        after: { file: path.basename(file), backupCreatedAt: header.createdAt, backupEngine: header.engine, rows: counts },
      });
    }
    return counts;
  });
  if (header.migrations < journal.entries.length) await runMigrationsUpTo(handle, journal.entries.length);
  // Every table was just filled in bulk: give the planner real statistics (PGlite has no autovacuum).
  await refreshPlannerStatistics(handle);
  return { header, rows, migrationsAfter: await countAppliedMigrations(handle.db) };
}

async function assertEmpty(db: DbOrTx, tables: string[]): Promise<void> {
  const nonEmpty: string[] = [];
  for (const table of tables) {
    const present = rowsOf<{ t: string | null }>(await db.execute(sql`select to_regclass(${`"${table}"`})::text as t`))[0]?.t;
    if (!present) continue;
    const has = rowsOf<{ x: number }>(await db.execute(sql`select 1 as x from ${ident(table)} limit 1`));
    if (has.length) nonEmpty.push(table);
  }
  if (nonEmpty.length) {
    throw new BackupError(
      `目标数据库不是空的（${nonEmpty.join('、')} 已有数据）。审计日志只能追加、不能清除，所以恢复只能进入新的空数据库：请设置新的 ZHIBU_DATA_DIR，或新建一个 PostgreSQL 数据库并用 DATABASE_URL 指向它。`,
    );
  }
}
