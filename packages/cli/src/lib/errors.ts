// CLI errors: every failure ends with a Chinese message and a non-zero exit code.
import { DataDirLockedError } from '@zhibu/db';
import { BackupError } from './backup';

/** A failure the user can act on; its message is shown as is. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Drizzle wraps driver errors ("Failed query: …"); the driver's error underneath says what happened. */
function rootCause(err: unknown): unknown {
  let e = err as { cause?: unknown; code?: unknown };
  for (let i = 0; i < 5 && e && typeof e === 'object' && e.cause && !e.code; i++) e = e.cause as typeof e;
  return e;
}

export function formatError(raw: unknown): string {
  const err = raw instanceof CliError || raw instanceof BackupError || raw instanceof DataDirLockedError ? raw : rootCause(raw);
  if (err instanceof CliError || err instanceof BackupError) return `错误：${err.message}`;
  if (err instanceof DataDirLockedError) return `错误：${err.message}`;
  const e = err as NodeJS.ErrnoException & { code?: string };
  if (e?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || e?.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' || e?.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return `错误：命令参数不正确（${e.message}）。运行 npx zhibu help 查看用法。`;
  }
  if (e?.code === 'ECONNREFUSED' || e?.code === 'ENOTFOUND' || e?.code === 'ETIMEDOUT') {
    return `错误：无法连接 PostgreSQL（DATABASE_URL）：${e.message}`;
  }
  if (e?.code === '3D000') return `错误：PostgreSQL 数据库不存在（请先创建，或检查 DATABASE_URL）：${e.message}`;
  if (e?.code === '28P01' || e?.code === '28000') return `错误：PostgreSQL 拒绝登录（检查 DATABASE_URL 中的用户名和密码）：${e.message}`;
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return `错误：没有权限访问 ${e.path ?? ''}：${e.message}`;
  const detail = process.env.ZHIBU_DEBUG ? `\n${e?.stack ?? String(err)}` : '（设置 ZHIBU_DEBUG=1 可查看详细信息）';
  return `错误：${e?.message ?? String(err)}${detail}`;
}

export function exitCodeOf(err: unknown): number {
  return err instanceof CliError ? err.exitCode : 1;
}
