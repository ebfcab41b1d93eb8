// Backup → restore gives back the same data, on each engine and across engines, and the audit
// chain still verifies (seq and hashes preserved, sequences continue after the restored rows).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { newId, openDatabase, schema, type DbHandle, type Engine } from '@zhibu/db';
import { appendAudit, verifyAuditChain } from '@zhibu/server/lib/audit';
import { createFieldCrypto } from '@zhibu/server/lib/field-crypto';
import { openTestDatabase, testEngines } from '@zhibu/server/test-support/engines';
import { seedFixture } from '@zhibu/server/test-support/fixture';
import { backupDatabase, KEY_CHECK_INPUT, listTables, readBackupHeader, restoreDatabase } from './lib/backup';

const dir = mkdtempSync(path.join(tmpdir(), 'zhibu-backup-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const crypto = createFieldCrypto(Buffer.alloc(32, 7));
const keyCheck = crypto.hash(KEY_CHECK_INPUT);

/** A brand-new database with no migrations at all, as a restore target. */
async function openBlankDatabase(engine: Engine): Promise<DbHandle> {
  if (engine === 'pglite') return openDatabase();
  const base = process.env.TEST_DATABASE_URL!;
  const name = `zhibu_r_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 3 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

async function seedSource(handle: DbHandle) {
  const fx = await seedFixture(handle.db, crypto);
  const actor = { userId: fx.users.sysadmin!.id, name: '系统管理员（sysadmin）', ip: '127.0.0.1' };
  for (let i = 0; i < 5; i++) {
    await handle.db.transaction((tx) =>
      appendAudit(tx, actor, {
        action: 'member.update',
        entity: 'member',
        entityId: fx.members.member1.id,
        courtId: fx.courts.anshun,
        before: { name: '李明', tags: ['甲', 'b'], nested: { n: i, big: 9007199254740993n.toString(), nul: null } },
        after: { name: `李明${i}`, emoji: '党建🚩', quote: 'a"b\\c\n' },
      }),
    );
  }
  await handle.db.insert(schema.memberStatusHistory).values({
    id: newId(), courtId: fx.courts.anshun, memberId: fx.members.probationary.id, fromStatus: 'developmentCandidate', toStatus: 'probationaryMember', changedOn: '2026-06-01', reason: '支部大会通过',
  });
  await handle.db.insert(schema.settings).values({ id: newId(), courtId: fx.courts.anshun, key: 'rules', value: { termWarningMonths: 5, list: [1, 2.5, '三'] } });
  await handle.db.insert(schema.sessions).values({ tokenHash: 'f'.repeat(64), userId: fx.users.sysadmin!.id, ip: '10.0.0.1' });
  // Microseconds must survive (a JS Date would keep milliseconds only).
  await handle.db.execute(sql`update courts set updated_at = '2025-03-01 08:30:00.123456+08' where name = '贵州省高级人民法院'`);
  return fx;
}

async function dumpTable(handle: DbHandle, table: string, orderBy: string): Promise<string[]> {
  const rows = await handle.query<{ j: string }>(`select row_to_json(t)::text as j from "${table}" t order by "${orderBy}"`);
  return rows.map((r) => r.j);
}

async function expectSameData(source: DbHandle, target: DbHandle, opts: { extraAuditEntries: number }) {
  for (const t of listTables()) {
    const key = t.primaryKey[0]!;
    const a = await dumpTable(source, t.name, key);
    const b = await dumpTable(target, t.name, key);
    if (t.name === 'audit_log') {
      expect(b.length).toBe(a.length + opts.extraAuditEntries);
      expect(b.slice(0, a.length)).toEqual(a);
    } else {
      expect(b, t.name).toEqual(a);
    }
  }
}

const pairs: [Engine, Engine][] = testEngines.flatMap((from) => testEngines.map((to) => [from, to] as [Engine, Engine]));

describe.each(pairs)('backup on %s, restore on %s', (from, to) => {
  it('gives back every row of every table, and the audit chain verifies', { timeout: 180_000 }, async () => {
    const source = await openTestDatabase(from);
    const target = await openBlankDatabase(to);
    try {
      await seedSource(source);
      const file = path.join(dir, `${from}-${to}.zhibu.jsonl.gz`);
      // A tiny page size exercises the keyset paging.
      const backup = await backupDatabase(source, file, { keyCheck, batchSize: 3 });
      expect(backup.rows.members).toBe(6);
      expect(backup.rows.audit_log).toBe(5);
      const header = await readBackupHeader(file);
      expect(header).toMatchObject({ format: 'zhibu-backup', engine: from, keyCheck });
      expect(header.tables[0]).toBe('courts');
      expect(header.tables.indexOf('members')).toBeGreaterThan(header.tables.indexOf('party_orgs'));

      const restored = await restoreDatabase(target, file, { keyCheck, auditActor: { userId: null, name: '命令行（restore）' }, batchRows: 4 });
      expect(restored.rows).toEqual(backup.rows);
      await expectSameData(source, target, { extraAuditEntries: 1 });
      // Not in the file: the 党建工作提示 counters, which the triggers rebuilt as the rows went in.
      expect(header.tables).not.toContain('org_life_versions');
      const uncounted = await target.query<{ id: string }>('select distinct court_id as id from party_orgs where court_id not in (select court_id from org_life_versions)');
      expect(uncounted).toEqual([]);
      const micro = await target.query<{ j: string }>(`select row_to_json(c)::text as j from courts c where name = '贵州省高级人民法院'`);
      expect(micro[0]!.j).toContain('"updated_at":"2025-03-01T08:30:00.123456+08:00"');
      const last = await target.query<{ action: string; seq: string }>('select action, seq::text as seq from audit_log order by seq desc limit 1');
      expect(last[0]).toEqual({ action: 'system.restore', seq: '6' });

      const chain = await verifyAuditChain(target.db);
      expect(chain).toMatchObject({ ok: true, checked: 6 });
      // The sequence continues after the restored seq: a new entry links on and the chain holds.
      await target.db.transaction((tx) => appendAudit(tx, { userId: null, name: '测试' }, { action: 'test.after', entity: 'system' }));
      expect((await verifyAuditChain(target.db)).ok).toBe(true);
      const seqs = await target.query<{ seq: string }>('select seq::text as seq from audit_log order by seq');
      expect(seqs.map((r) => r.seq)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
      // Encrypted fields decrypt with the same key.
      const m = await target.query<{ id_number_enc: string }>(`select id_number_enc from members where name = '李明'`);
      expect(crypto.decrypt(m[0]!.id_number_enc)).toMatch(/^520402\d{11}[\dX]$/);
    } finally {
      await source.close();
      await target.close();
    }
  });
});

describe.each(testEngines)('restore refusals on %s', (engine) => {
  it('refuses a database that holds data, a different key, and an incomplete file', { timeout: 180_000 }, async () => {
    const source = await openTestDatabase(engine);
    try {
      await seedSource(source);
      const file = path.join(dir, `refuse-${engine}.gz`);
      await backupDatabase(source, file, { keyCheck });
      await expect(restoreDatabase(source, file, { keyCheck })).rejects.toThrow(/不是空的.*新的 ZHIBU_DATA_DIR/);

      const other = createFieldCrypto(Buffer.alloc(32, 9)).hash(KEY_CHECK_INPUT);
      const blank = await openBlankDatabase(engine);
      try {
        await expect(restoreDatabase(blank, file, { keyCheck: other })).rejects.toThrow(/加密密钥与当前密钥不同/);
      } finally {
        await blank.close();
      }

      const header = JSON.stringify({ ...(await readBackupHeader(file)) });
      const truncated = path.join(dir, `truncated-${engine}.gz`);
      writeFileSync(truncated, gzipSync(`${header}\n{"table":"courts","columns":["id","name"],"rows":0}\n`));
      const blank2 = await openBlankDatabase(engine);
      try {
        await expect(restoreDatabase(blank2, truncated)).rejects.toThrow(/不完整/);
        const notGzip = path.join(dir, `plain-${engine}.txt`);
        writeFileSync(notGzip, 'hello');
        await expect(restoreDatabase(blank2, notGzip)).rejects.toThrow(/无法读取备份文件|不是 zhibu 备份/);
      } finally {
        await blank2.close();
      }
    } finally {
      await source.close();
    }
  });
});
