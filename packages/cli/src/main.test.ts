// The CLI's commands end to end, in process, on a temporary PGlite data dir: demo, migrate,
// audit verify (intact and tampered), backup and restore, and the Chinese errors.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '@zhibu/db';
import { formatError } from './lib/errors';
import { runCli, helpText } from './main';

const root = mkdtempSync(path.join(tmpdir(), 'zhibu-cli-test-'));
const savedEnv = { ...process.env };
let logged: string[] = [];

beforeEach(() => {
  logged = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logged.push(args.join(' ')));
  delete process.env.DATABASE_URL;
  delete process.env.ZHIBU_SECRET_KEY;
  delete process.env.ZHIBU_SECRET_KEY_FILE;
});
afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...savedEnv };
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const useDataDir = (name: string) => {
  const dir = path.join(root, name);
  process.env.ZHIBU_DATA_DIR = dir;
  return dir;
};

async function errorOf(argv: string[]): Promise<string> {
  try {
    await runCli(argv);
  } catch (err) {
    return formatError(err);
  }
  throw new Error(`expected ${argv.join(' ')} to fail`);
}

describe('zhibu CLI', () => {
  it('prints Chinese help and refuses unknown commands and options in Chinese', { timeout: 180_000 }, async () => {
    expect(await runCli(['help'])).toBe(0);
    expect(logged.join('\n')).toBe(helpText);
    expect(helpText).toContain('serve [--no-demo] [--port 端口]');
    expect(await errorOf(['frobnicate'])).toBe('错误：未知命令：frobnicate。运行 npx zhibu help 查看用法。');
    expect(await errorOf(['serve', '--port', 'x'])).toContain('--port 应为不小于 1 的整数');
    expect(await errorOf(['serve', '--demo-please'])).toMatch(/^错误：命令参数不正确/);
    expect(await errorOf(['import', 'orgs', 'a.xlsx'])).toContain('未知的导入对象：orgs');
    expect(await errorOf(['import', 'members'])).toContain('缺少文件参数');
    expect(await errorOf(['audit', 'check'])).toContain('用法：npx zhibu audit verify');
    expect(await errorOf(['backup'])).toContain('缺少文件参数');
  });

  it('loads demo data once, verifies the audit chain, and reports the first broken link after tampering', { timeout: 180_000 }, async () => {
    const dir = useDataDir('demo');
    expect(await runCli(['demo'])).toBe(0);
    // the two courts of the articles with their higher courts, and 联建's counterpart courts (最高法, six county courts)
    expect(logged.join('\n')).toMatch(/演示数据已载入.*：11 个法院.*71 个党组织.*11 个账号/);
    expect(logged.join('\n')).toContain('anshun-zb1');
    expect(await errorOf(['demo'])).toMatch(/数据库不是空的.*ZHIBU_DATA_DIR/);

    expect(await runCli(['migrate'])).toBe(0);
    expect(logged.at(-1)).toMatch(/数据库已是最新（\d+ 个迁移）/);
    expect(await runCli(['audit', 'verify'])).toBe(0);
    expect(logged.at(-1)).toMatch(/^ok：审计日志完整/);

    // Tamper behind the trigger's back (only possible with direct access to the database files).
    const handle = await openDatabase({ dataDir: dir });
    await handle.query('alter table audit_log disable trigger user');
    await handle.query(`update audit_log set actor_name = '篡改者' where seq = 1`);
    await handle.close();
    expect(await runCli(['audit', 'verify'])).toBe(1);
    expect(logged.at(-1)).toMatch(/第一个断点 seq=1/);
  });

  it('backs up a data dir and restores it into a new one (same key), refusing without the key', { timeout: 180_000 }, async () => {
    const source = useDataDir('backup-source');
    expect(await runCli(['demo'])).toBe(0);
    const file = path.join(root, 'demo-backup.jsonl.gz');
    expect(await runCli(['backup', file])).toBe(0);
    expect(logged.join('\n')).toMatch(/备份完成/);

    const target = useDataDir('backup-target');
    expect(await errorOf(['restore', file])).toMatch(/没有字段加密密钥.*secret\.key/);
    mkdirSync(target, { recursive: true });
    copyFileSync(path.join(source, 'secret.key'), path.join(target, 'secret.key'));
    expect(await runCli(['restore', file])).toBe(0);
    expect(logged.join('\n')).toMatch(/恢复完成/);
    expect(await runCli(['audit', 'verify'])).toBe(0);
    expect(await errorOf(['restore', file])).toMatch(/不是空的/);

    const a = await openDatabase({ dataDir: source });
    const members = await a.query<{ n: number }>('select count(*)::int as n from members');
    const audit = await a.query<{ action: string }>('select action from audit_log order by seq');
    await a.close();
    const b = await openDatabase({ dataDir: target });
    expect(await b.query<{ n: number }>('select count(*)::int as n from members')).toEqual(members);
    const restoredAudit = await b.query<{ action: string }>('select action from audit_log order by seq');
    await b.close();
    // demo.seed, system.backup, then the restore's own record.
    expect(audit.map((r) => r.action)).toEqual(['demo.seed', 'system.backup']);
    expect(restoredAudit.map((r) => r.action)).toEqual(['demo.seed', 'system.backup', 'system.restore']);
  });

  it('refuses a data dir held by another live process, in Chinese', { timeout: 180_000 }, async () => {
    const dir = useDataDir('locked');
    const holder = await openDatabase({ dataDir: dir });
    try {
      // The lock belongs to this very process, so pretend another pid holds it: the parent's.
      const { writeFileSync } = await import('node:fs');
      writeFileSync(path.join(dir, 'zhibu.lock'), String(process.ppid));
      expect(await errorOf(['migrate'])).toMatch(/^错误：数据目录 .* 正被另一个 zhibu 进程（pid \d+）使用/);
    } finally {
      await holder.close();
    }
  });
});
