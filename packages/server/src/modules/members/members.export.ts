// Roster export (issue 2 § Excel): the caller's scoped list, with the list's filters, 身份证号 and
// phone ALWAYS masked, audited as 'member.export'. Streams rows out in keyset pages, so a province
// exports in bounded memory. Also the import's problem report, and the download headers.
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  educationLabels,
  genderLabels,
  memberStatusLabels,
  positionLabels,
  todayInShanghai,
  type Education,
  type Gender,
  type MemberStatus,
  type Position,
} from '@zhibu/domain';
import type { ImportProblem, MemberExportQuery } from '@zhibu/contracts';
import type { Deps } from '../../deps';
import { appendAudit, type AuditActor } from '../../lib/audit';
import { forbidIf } from '../../lib/records';
import { auditActorOf, type Actor } from '../../policy/actor';
import { toMember } from './member-record';
import { memberColumns } from './member-columns';
import { membersPolicy } from './members.policy';
import * as repo from './members.repository';
import { memberWhere } from './members.service';
import type { ImportReport } from './members.import';

const EXPORT_PAGE = 2000;



export type ExportOptions = { audit?: AuditActor; onProgress?: (done: number, total: number) => void };

/**
 * Writes the caller's scoped roster (list filters, no paging) as .xlsx to `output` and audits it.
 * Returns the number of members written.
 */
export async function writeMembersWorkbook(deps: Deps, actor: Actor, q: MemberExportQuery, output: Writable, opts: ExportOptions = {}): Promise<number> {
  forbidIf(!membersPolicy.export(actor));
  const where = memberWhere(actor, q);
  const total = where ? await repo.countMembers(deps.db, where) : 0;
  const today = todayInShanghai(deps.now());

  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  wb.creator = 'zhibu 法院智慧党建平台';
  const sheet = wb.addWorksheet('党员名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    ...memberColumns.map((c) => ({ header: c.header, key: c.key, width: c.width })),
    { header: '党龄（年）', key: 'partyStanding', width: 10 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();

  let written = 0;
  let after: { orgPath: string; name: string; id: string } | null = null;
  while (where) {
    const rows = await repo.listMembersAfter(deps.db, where, after, EXPORT_PAGE);
    for (const r of rows) {
      const m = toMember(r, today);
      sheet
        .addRow({
          name: m.name,
          gender: genderLabels[m.gender as Gender] ?? m.gender,
          ethnicity: m.ethnicity,
          birthDate: m.birthDate,
          // Masked, always: the export leaves the platform and is not audited per reader.
          idNumber: m.idNumberMasked,
          phone: m.phoneMasked ?? '',
          education: m.education ? educationLabels[m.education as Education] : '',
          org: m.orgName,
          group: m.groupName ?? '',
          department: m.departmentName ?? '',
          position: positionLabels[m.position as Position] ?? m.position,
          jobTitle: m.jobTitle ?? '',
          joinedOn: m.joinedOn ?? '',
          fullMemberSince: m.fullMemberSince ?? '',
          status: memberStatusLabels[m.status as MemberStatus] ?? m.status,
          isRetired: m.isRetired ? '是' : '否',
          note: m.note ?? '',
          partyStanding: m.partyStanding ?? '',
        })
        .commit();
    }
    written += rows.length;
    opts.onProgress?.(written, total);
    if (rows.length < EXPORT_PAGE) break;
    const last = rows[rows.length - 1]!;
    after = { orgPath: last.orgPath, name: last.name, id: last.id };
  }
  sheet.commit();
  await wb.commit();

  await deps.db.transaction((tx) =>
    appendAudit(tx, opts.audit ?? auditActorOf(actor), {
      action: 'member.export',
      entity: 'member',
      entityId: null,
      courtId: q.courtId ?? actor.courtId ?? null,
      after: { filters: q, count: written },
    }),
  );
  return written;
}

/** The export as one buffer (the HTTP download). */
export async function exportMembersToBuffer(deps: Deps, actor: Actor, q: MemberExportQuery): Promise<{ buffer: Buffer; count: number }> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const count = await writeMembersWorkbook(deps, actor, q, sink);
  await done;
  return { buffer: Buffer.concat(chunks), count };
}

/** The import's problem report: row, column, problem — what the screen shows, as a file. */
export async function buildImportReport(report: ImportReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('导入问题');
  sheet.columns = [
    { header: '行号', key: 'row', width: 8 },
    { header: '列', key: 'column', width: 14 },
    { header: '问题', key: 'message', width: 80 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const p of report.problems as ImportProblem[]) sheet.addRow({ row: p.row, column: p.column, message: p.message });
  if (report.problemCount > report.problems.length) {
    sheet.addRow({ row: '', column: '', message: `另有${report.problemCount - report.problems.length}个问题未列出，请改正以上问题后重新导入` });
  }
  sheet.addRow({});
  sheet.addRow({ row: '', column: '', message: `文件：${report.fileName}。有问题时不写入任何数据；改正后请重新导入整个文件。` });
  return Buffer.from((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer);
}
