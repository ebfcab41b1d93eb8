// The `zhibu` command (packages/cli/bin/zhibu.mjs → main). Every failure prints a Chinese message
// and exits non-zero.
import { parseArgs } from 'node:util';
import { CliError, exitCodeOf, formatError } from './lib/errors';

export const helpText = `zhibu — 法院智慧党建平台 命令行

用法：npx zhibu <命令> [选项]

命令：
  serve [--no-demo] [--port 端口]
        启动服务（网页与 API）。新数据库首次启动时载入演示数据；
        加 --no-demo 则不载入，改为创建三员账号（admin、secadmin、auditor）并打印一次性密码。
  migrate
        执行数据库迁移（serve 启动时也会自动执行）。
  demo
        向空数据库载入演示数据（数据库非空时拒绝）。
  import members <文件.xlsx> [--org 组织ID] [--court 法院ID] [--dry-run]
        从 Excel 导入党员：先校验全部行，有错误则一行也不写入；--dry-run 只校验。
  export members <文件.xlsx> [--org 组织ID] [--court 法院ID]
        导出党员名册（身份证号、电话脱敏）。
  backup <文件>
        备份全部数据（与数据库引擎无关的逻辑备份，gzip 压缩的 JSON Lines）。
  restore <文件>
        把备份恢复到一个新的空数据库（需要原系统的字段加密密钥）。
  audit verify
        校验审计日志哈希链；链断开时指出第一个断点并以非零状态退出。
  bench [--courts N] [--members N] [--orgs N] [--rows N] [--duration 秒] [--concurrency N]
        [--skip-list] [--skip-org-life] [--skip-import] [--no-write]
        性能测试：党员列表、组织生活提示与台账、Excel 导入（PostgreSQL：BENCH_DATABASE_URL，
        默认 postgres://postgres@127.0.0.1:5432/postgres），结果写入 docs/BENCHMARKS.md；跳过的项目保留上次的结果。
  dues calc --base 工资基数（元） --type 类别
        计算每月应交党费，输出金额（元，两位小数），如 dues calc --base 6000 --type in-service → 90.00。
        类别：in-service 在职、retired 离退休、student 学生、unemployed 下岗失业、low-income 低保等困难党员、
        farmer 农民（学生等固定金额时可省略 --base）。按全国默认规则计算，不读取数据库；
        本院的覆盖设置（农民党员金额、舍入方式）在网页的“党费计算器”中生效。
  help
        显示本帮助。

环境变量：
  ZHIBU_DATA_DIR      嵌入式数据库（PGlite）的数据目录，默认 ./data
  DATABASE_URL        设置后改用 PostgreSQL
  PORT / HOST         服务端口（默认 3000）与监听地址（默认 0.0.0.0）
  ZHIBU_SECRET_KEY    字段加密密钥（64 位十六进制）；未设置时使用数据目录中的 secret.key（首次启动生成）
`;

/** What a command left running: 'serving' keeps the process alive for the server. */
export type CliResult = number | 'serving';

const int = (name: string, value: string | undefined, min = 1): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new CliError(`--${name} 应为不小于 ${min} 的整数（收到 “${value}”）`);
  return n;
};

function requireFile(positionals: string[], index: number, usage: string): string {
  const file = positionals[index];
  if (!file) throw new CliError(`缺少文件参数。用法：${usage}`);
  if (positionals.length > index + 1) throw new CliError(`多余的参数：${positionals.slice(index + 1).join(' ')}。用法：${usage}`);
  return file;
}

type ImportModule = { importMembersCommand: (opts: { file: string; courtId?: string; orgId?: string; dryRun?: boolean }) => Promise<number> };
type ExportModule = { exportMembersCommand: (opts: { file: string; courtId?: string; orgId?: string }) => Promise<number> };

/** Loads a command module by a path computed at run time, so main.ts never fails on a missing one. */
async function loadCommand<T>(file: string): Promise<T> {
  try {
    return (await import(new URL(`./commands/${file}`, import.meta.url).href)) as T;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String((err as Error).message).includes(file.replace(/\.ts$/, ''))) {
      throw new CliError('此命令在当前版本中尚不可用');
    }
    throw err;
  }
}

export async function runCli(argv: string[]): Promise<CliResult> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(helpText);
      return 0;
    case 'serve': {
      const { values } = parseArgs({ args: rest, options: { 'no-demo': { type: 'boolean' }, port: { type: 'string' } }, strict: true });
      const port = int('port', values.port);
      if (port !== undefined && port > 65535) throw new CliError('--port 应为 1–65535 之间的整数');
      const { serveCommand } = await import('./commands/serve');
      await serveCommand({ demo: !values['no-demo'], ...(port !== undefined ? { port } : {}) });
      return 'serving';
    }
    case 'migrate': {
      parseArgs({ args: rest, options: {}, strict: true });
      return (await import('./commands/migrate')).migrateCommand();
    }
    case 'demo': {
      parseArgs({ args: rest, options: {}, strict: true });
      return (await import('./commands/demo')).demoCommand();
    }
    case 'import':
    case 'export': {
      const usage = command === 'import'
        ? 'npx zhibu import members <文件.xlsx> [--org 组织ID] [--court 法院ID] [--dry-run]'
        : 'npx zhibu export members <文件.xlsx> [--org 组织ID] [--court 法院ID]';
      const options = {
        org: { type: 'string' as const },
        court: { type: 'string' as const },
        ...(command === 'import' ? { 'dry-run': { type: 'boolean' as const } } : {}),
      };
      const { values, positionals } = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
      if (positionals[0] !== 'members') throw new CliError(`未知的${command === 'import' ? '导入' : '导出'}对象：${positionals[0] ?? '（缺少）'}。用法：${usage}`);
      const file = requireFile(positionals, 1, usage);
      const scope = { ...(values.org ? { orgId: values.org as string } : {}), ...(values.court ? { courtId: values.court as string } : {}) };
      if (command === 'import') {
        const mod = await loadCommand<ImportModule>('import-members.ts');
        return mod.importMembersCommand({ file, ...scope, dryRun: Boolean((values as { 'dry-run'?: boolean })['dry-run']) });
      }
      const mod = await loadCommand<ExportModule>('export-members.ts');
      return mod.exportMembersCommand({ file, ...scope });
    }
    case 'backup':
    case 'restore': {
      const { positionals } = parseArgs({ args: rest, options: {}, allowPositionals: true, strict: true });
      const file = requireFile(positionals, 0, `npx zhibu ${command} <文件>`);
      const mod = await import('./commands/backup');
      return command === 'backup' ? mod.backupCommand({ file }) : mod.restoreCommand({ file });
    }
    case 'audit': {
      const { positionals } = parseArgs({ args: rest, options: {}, allowPositionals: true, strict: true });
      if (positionals[0] !== 'verify' || positionals.length > 1) throw new CliError('用法：npx zhibu audit verify');
      return (await import('./commands/audit')).auditVerifyCommand();
    }
    case 'bench': {
      const { values } = parseArgs({
        args: rest,
        options: {
          courts: { type: 'string' }, members: { type: 'string' }, orgs: { type: 'string' }, rows: { type: 'string' },
          duration: { type: 'string' }, concurrency: { type: 'string' },
          'skip-list': { type: 'boolean' }, 'skip-import': { type: 'boolean' }, 'skip-org-life': { type: 'boolean' }, 'no-write': { type: 'boolean' },
        },
        strict: true,
      });
      const { benchCommand } = await import('./commands/bench');
      return benchCommand({
        courts: int('courts', values.courts),
        members: int('members', values.members),
        orgs: int('orgs', values.orgs),
        rows: int('rows', values.rows),
        duration: int('duration', values.duration),
        concurrency: int('concurrency', values.concurrency),
        skipList: values['skip-list'] ?? false,
        skipImport: values['skip-import'] ?? false,
        skipOrgLife: values['skip-org-life'] ?? false,
        write: !values['no-write'],
      });
    }
    case 'dues': {
      // `--base -1` would be an "ambiguous option" to parseArgs; joined, the amount check answers in Chinese.
      const args = rest.flatMap((arg, i) => (arg === '--base' && rest[i + 1]?.startsWith('-') ? [] : rest[i - 1] === '--base' && arg.startsWith('-') ? [`--base=${arg}`] : [arg]));
      const { values, positionals } = parseArgs({ args, options: { base: { type: 'string' }, type: { type: 'string' } }, allowPositionals: true, strict: true });
      const { duesCalcCommand, duesUsage } = await import('./commands/dues');
      if (positionals[0] !== 'calc' || positionals.length > 1) throw new CliError(`用法：${duesUsage}`);
      return duesCalcCommand({ base: values.base, type: values.type });
    }
    default:
      throw new CliError(`未知命令：${command}。运行 npx zhibu help 查看用法。`);
  }
}

export async function main(argv: string[]): Promise<void> {
  let result: CliResult;
  try {
    result = await runCli(argv);
  } catch (err) {
    console.error(formatError(err));
    result = exitCodeOf(err);
  }
  // One-shot commands exit explicitly: nothing (a pool, a timer) may keep the CLI hanging.
  if (result !== 'serving') process.exit(result);
}
