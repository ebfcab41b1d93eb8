// `zhibu dues calc`: in process through runCli (no database), and once through the real launcher
// for the printed line, the stderr message and the exit code.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatError } from './lib/errors';
import { helpText, runCli } from './main';

let logged: string[] = [];
beforeEach(() => {
  logged = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logged.push(args.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

async function errorOf(argv: string[]): Promise<string> {
  try {
    await runCli(argv);
  } catch (err) {
    return formatError(err);
  }
  throw new Error(`expected ${argv.join(' ')} to fail`);
}

describe('zhibu dues calc（RULES.md §4.1）', () => {
  it.each([
    ['6000', 'in-service', '90.00'],
    ['3000', 'in-service', '15.00'],
    ['3000.00', 'in-service', '15.00'],
    ['3000.01', 'in-service', '30.00'],
    ['10000.01', 'in-service', '200.00'],
    ['6000', 'retired', '60.00'],
    ['5000', 'retired', '25.00'],
    ['6000', 'student', '0.20'],
    ['0', 'unemployed', '0.20'],
    ['8000', 'low-income', '0.20'],
    ['8000', 'farmer', '0.20'],
  ])('--base %s --type %s 打印一行 %s', async (base, type, amount) => {
    expect(await runCli(['dues', 'calc', '--base', base, '--type', type])).toBe(0);
    expect(logged).toEqual([amount]);
  });

  it('固定金额的类别可以省略 --base', async () => {
    expect(await runCli(['dues', 'calc', '--type', 'student'])).toBe(0);
    expect(logged).toEqual(['0.20']);
  });

  it.each([
    [['dues', 'calc', '--base', 'abc', '--type', 'in-service'], '错误：--base 不正确（收到 “abc”）：请输入有效金额（元），如 6000 或 3000.01'],
    [['dues', 'calc', '--base=-1', '--type', 'in-service'], '错误：--base 不正确（收到 “-1”）：金额不能为负数'],
    [['dues', 'calc', '--base', '-1', '--type', 'in-service'], '错误：--base 不正确（收到 “-1”）：金额不能为负数'],
    [['dues', 'calc', '--base', '3000.001', '--type', 'in-service'], '金额最多保留两位小数'],
    [['dues', 'calc', '--base', '6000', '--type', 'soldier'], '错误：--type 不正确：“soldier”，应为 in-service、retired、student、unemployed、low-income、farmer 之一'],
    [['dues', 'calc', '--base', '6000', '--type', 'toString'], '--type 不正确'],
    [['dues', 'calc', '--base', '6000'], '缺少 --type'],
    [['dues', 'calc', '--type', 'in-service'], '缺少 --base'],
    [['dues', 'pay', '--base', '6000', '--type', 'in-service'], '用法：npx zhibu dues calc'],
    [['dues', 'calc', '--base', '6000', '--type', 'in-service', '--court', 'x'], '错误：命令参数不正确'],
  ])('%j 报错：%s', async (argv, message) => {
    expect(await errorOf(argv)).toContain(message);
    expect(logged).toEqual([]);
  });

  it('帮助列出该命令，并说明本院覆盖设置在网页中生效', () => {
    expect(helpText).toContain('dues calc --base 工资基数（元） --type 类别');
    expect(helpText).toContain('党费计算器');
  });

  it('通过 npx zhibu 运行：标准输出恰为 90.00；错误输出中文、退出码非零', { timeout: 60_000 }, () => {
    const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/zhibu.mjs');
    const ok = spawnSync(process.execPath, [bin, 'dues', 'calc', '--base', '6000', '--type', 'in-service'], { encoding: 'utf8', env: { ...process.env, ZHIBU_DATA_DIR: '/nonexistent/zhibu-dues-must-not-open' } });
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toBe('90.00\n');
    expect(ok.status).toBe(0);
    const bad = spawnSync(process.execPath, [bin, 'dues', 'calc', '--base', 'abc', '--type', 'in-service'], { encoding: 'utf8' });
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('错误：--base 不正确');
    expect(bad.status).not.toBe(0);
  });
});
