// `zhibu export members <file.xlsx> [--court 法院] [--org 组织ID]`: the roster as the web exports it
// (身份证号 and phone masked, always), of one court, one org subtree, or every court; audited as
// the command line ('命令行').
import { createWriteStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { schema } from '@zhibu/db';
import { readConfig } from '@zhibu/server';
import { writeMembersWorkbook } from '@zhibu/server/modules/members/members.export';
import { systemActorFor } from '@zhibu/server/modules/members/members.policy';
import { withDeps } from '../lib/database';
import { CliError } from '../lib/errors';
import { cliAuditActor, createBar, resolveCourt } from './import-members';

export async function exportMembersCommand(opts: { file: string; courtId?: string; orgId?: string }): Promise<number> {
  const file = path.resolve(opts.file);
  if (!/\.xlsx$/i.test(file)) throw new CliError('导出文件名应以 .xlsx 结尾');
  const dir = path.dirname(file);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError(`目录不存在：${dir}`);

  return withDeps(readConfig(), async (deps) => {
    const courtId = await resolveCourt(deps, opts, true);
    const courtIds = courtId ? [courtId] : (await deps.db.select({ id: schema.courts.id }).from(schema.courts)).map((c) => c.id);
    const bar = createBar('导出党员名册 |{bar}| {percentage}% | {value}/{total} 人');
    let started = false;
    const out = createWriteStream(file);
    let count: number;
    try {
      count = await writeMembersWorkbook(deps, systemActorFor(courtIds), { courtId: courtId ?? undefined, orgId: opts.orgId }, out, {
        audit: cliAuditActor,
        onProgress: (done, total) => {
          if (!started) bar.start(total, 0);
          started = true;
          bar.update(done);
        },
      });
      await finished(out);
    } finally {
      bar.stop();
    }
    console.log(`已导出 ${count} 名党员到：${file}（身份证号、手机号码已脱敏）`);
    return 0;
  });
}
