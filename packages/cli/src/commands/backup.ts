// `zhibu backup <file>` and `zhibu restore <file>`: a logical, engine-agnostic backup (see
// lib/backup.ts). The field-encryption key is not in the backup: restoring needs the same key.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { readConfig } from '@zhibu/server';
import { appendAudit } from '@zhibu/server/lib/audit';
import { createFieldCrypto, loadMasterKey } from '@zhibu/server/lib/field-crypto';
import { backupDatabase, KEY_CHECK_INPUT, restoreDatabase } from '../lib/backup';
import { describeDatabase, openConfiguredDatabase, withDeps } from '../lib/database';
import { CliError } from '../lib/errors';

type Out = (line: string) => void;
const cliActor = (command: string) => ({ userId: null, name: `命令行（zhibu ${command}）` });

function totalRows(rows: Record<string, number>): number {
  return Object.values(rows).reduce((a, b) => a + b, 0);
}

export async function backupCommand(opts: { file: string }, out: Out = (l) => console.log(l)): Promise<number> {
  const config = readConfig();
  const file = path.resolve(opts.file);
  if (!existsSync(path.dirname(file))) throw new CliError(`目录不存在：${path.dirname(file)}`);
  return withDeps(config, async (deps) => {
    // A backup holds every member's (encrypted) personal data: its making is on the record.
    await deps.db.transaction((tx) => appendAudit(tx, cliActor('backup'), { action: 'system.backup', entity: 'system', after: { file: path.basename(file) } }));
    const started = Date.now();
    const result = await backupDatabase(deps.handle, file, { keyCheck: deps.crypto.hash(KEY_CHECK_INPUT) });
    const size = statSync(file).size;
    out(`备份完成：${file}`);
    out(`  来源 ${describeDatabase(config)}，${Object.keys(result.rows).length} 张表，${totalRows(result.rows)} 行，${(size / 1024).toFixed(1)} KB，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
    out('  注意：备份中的身份证号、电话仍是密文，恢复时需要同一个字段加密密钥（数据目录中的 secret.key 或 ZHIBU_SECRET_KEY），请另行妥善保管。');
    return 0;
  });
}

export async function restoreCommand(opts: { file: string }, out: Out = (l) => console.log(l)): Promise<number> {
  const config = readConfig();
  const file = path.resolve(opts.file);
  if (!existsSync(file)) throw new CliError(`找不到备份文件：${file}`);
  if (!config.secretKey && !existsSync(config.secretKeyFile)) {
    throw new CliError(
      `没有字段加密密钥：备份中的身份证号、电话需要原系统的密钥才能解密。请先把原数据目录中的 secret.key 复制为 ${config.secretKeyFile}（或设置 ZHIBU_SECRET_KEY），再执行恢复。`,
    );
  }
  const crypto = createFieldCrypto(loadMasterKey({ secretKey: config.secretKey, secretKeyFile: config.secretKeyFile }));
  const handle = await openConfiguredDatabase(config);
  try {
    const started = Date.now();
    const result = await restoreDatabase(handle, file, { keyCheck: crypto.hash(KEY_CHECK_INPUT), auditActor: cliActor('restore') });
    out(`恢复完成：${describeDatabase(config)}`);
    out(`  备份创建于 ${result.header.createdAt}（${result.header.engine}），${Object.keys(result.rows).length} 张表，${totalRows(result.rows)} 行，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
    out('  建议执行 npx zhibu audit verify 校验审计日志。');
    return 0;
  } finally {
    await handle.close();
  }
}
