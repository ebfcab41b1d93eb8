// `zhibu import members <file.xlsx> [--court 法院] [--org 组织ID] [--dry-run]`: the same import as
// the web (every row checked first; a bad row → nothing written, and a problem report), run on the
// server's machine against the configured database, as the system ('命令行' in the audit log).
import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as cliProgress from 'cli-progress';
import { eq, or } from 'drizzle-orm';
import { schema } from '@zhibu/db';
import { readConfig, type Deps } from '@zhibu/server';
import { buildImportReport } from '@zhibu/server/modules/members/members.export';
import { importMembers } from '@zhibu/server/modules/members/members.import';
import { systemActorFor } from '@zhibu/server/modules/members/members.policy';
import { withDeps } from '../lib/database';
import { CliError } from '../lib/errors';

// Shared with export-members.ts: which court, the progress bar, the audit name.

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The court named by --court (its id, full name or short name) or by --org (the org's court).
 * Without either: the only court that has party orgs, or a clear message listing the choices.
 */
export async function resolveCourt(deps: Deps, opts: { courtId?: string; orgId?: string }, allowAll = false): Promise<string | null> {
  let courtId: string | null = null;
  if (opts.courtId) {
    const key = opts.courtId.trim();
    const rows = await deps.db
      .select({ id: schema.courts.id })
      .from(schema.courts)
      .where(uuidPattern.test(key) ? eq(schema.courts.id, key) : or(eq(schema.courts.name, key), eq(schema.courts.shortName, key)));
    if (!rows.length) throw new CliError(`找不到法院：${key}（可填法院ID、全称或简称）`);
    if (rows.length > 1) throw new CliError(`有多个法院叫“${key}”，请改用法院ID`);
    courtId = rows[0]!.id;
  }
  if (opts.orgId) {
    if (!uuidPattern.test(opts.orgId)) throw new CliError(`--org 应为党组织ID（收到“${opts.orgId}”）`);
    const org = (await deps.db.select({ courtId: schema.partyOrgs.courtId }).from(schema.partyOrgs).where(eq(schema.partyOrgs.id, opts.orgId)))[0];
    if (!org) throw new CliError(`找不到党组织：${opts.orgId}`);
    if (courtId && courtId !== org.courtId) throw new CliError('--org 指定的党组织不属于 --court 指定的法院');
    courtId = org.courtId;
  }
  if (courtId || allowAll) return courtId;
  const withOrgs = await deps.db
    .selectDistinct({ id: schema.courts.id, name: schema.courts.name })
    .from(schema.courts)
    .innerJoin(schema.partyOrgs, eq(schema.partyOrgs.courtId, schema.courts.id));
  if (withOrgs.length === 1) return withOrgs[0]!.id;
  if (!withOrgs.length) throw new CliError('数据库中还没有任何党组织，请先建立法院和党组织');
  throw new CliError(`数据库中有多个法院，请用 --court 指定：${withOrgs.map((c) => c.name).join('、')}`);
}

/** A bar on stderr; quiet when stderr is not a terminal (cli-progress's default). */
export function createBar(format: string) {
  return new cliProgress.SingleBar(
    { format, stream: process.stderr, hideCursor: true, clearOnComplete: false, barsize: 30, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
}

/** The audit log names the command line, never a user. */
export const cliAuditActor = { userId: null, name: '命令行' };

/** Problems printed on the terminal; the report file has them all. */
const PRINTED_PROBLEMS = 20;

export async function importMembersCommand(opts: { file: string; courtId?: string; orgId?: string; dryRun?: boolean }): Promise<number> {
  const file = path.resolve(opts.file);
  if (!existsSync(file) || !statSync(file).isFile()) throw new CliError(`文件不存在：${file}`);
  if (!/\.xlsx$/i.test(file)) throw new CliError('请提供 Excel（.xlsx）文件');
  const size = statSync(file).size;

  return withDeps(readConfig(), async (deps) => {
    const courtId = (await resolveCourt(deps, opts))!;
    const bar = createBar('{phase} |{bar}| {percentage}% | {rows} 行');
    let phase = '读取并校验';
    let rows = 0;
    bar.start(size, 0, { phase, rows });
    let outcome;
    try {
      outcome = await importMembers(deps, systemActorFor([courtId]), file, {
        courtId,
        orgId: opts.orgId,
        dryRun: opts.dryRun,
        fileName: path.basename(file),
        audit: cliAuditActor,
        // Progress of the read by bytes of the file (it starts over if exceljs reads it again).
        onBytes: (read) => bar.update(Math.min(read, size), { phase, rows }),
        onProgress: (p) => {
          if (p.phase === 'parse') rows = p.done;
          else phase = `读取、校验并写入（已写入 ${p.done} 行）`;
          bar.update({ phase, rows });
        },
      });
      bar.update(size, { phase, rows });
    } finally {
      bar.stop();
    }

    if (!outcome.ok) {
      const count = outcome.problemCount ?? outcome.allProblems.length;
      console.error(`导入失败：发现 ${count} 处问题，未写入任何数据。`);
      for (const p of outcome.allProblems.slice(0, PRINTED_PROBLEMS)) {
        console.error(`  第${p.row}行${p.column ? `【${p.column}】` : ''}：${p.message}`);
      }
      if (count > PRINTED_PROBLEMS) console.error(`  ……另有 ${count - PRINTED_PROBLEMS} 处`);
      const reportFile = file.replace(/\.xlsx$/i, '') + '.问题清单.xlsx';
      writeFileSync(reportFile, await buildImportReport({ userId: '', fileName: path.basename(file), problems: outcome.allProblems, problemCount: count, expiresAt: 0 }));
      console.error(`问题清单已保存到：${reportFile}`);
      return 1;
    }
    if (opts.dryRun) {
      console.log(`校验通过：共 ${outcome.rowCount} 行，将新增 ${outcome.created} 人、更新 ${outcome.updated} 人（--dry-run，未写入）。`);
    } else {
      console.log(`导入完成：共 ${outcome.rowCount} 行，新增 ${outcome.created} 人，更新 ${outcome.updated} 人。`);
    }
    return 0;
  });
}
