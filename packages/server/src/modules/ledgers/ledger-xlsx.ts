// Excel summary of a branch-year (issue 3 § Ledgers): one row per activity, and a counts sheet.
import ExcelJS from 'exceljs';
import { activityStatusLabels, formatActivityCounts, formatChineseDate, summarizeCounts, type ActivityStatus, type ActivityType } from '@zhibu/domain';
import { formatChineseDateTime, summarizeAttendance, typeLabel, type LedgerActivity } from './ledger-docx';

export async function renderSummaryWorkbook(input: { orgName: string; year: number; activities: LedgerActivity[] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zhibu 法院智慧党建平台';
  const sheet = wb.addWorksheet('活动台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '序号', key: 'no', width: 6 },
    { header: '日期', key: 'day', width: 16 },
    { header: '时间', key: 'time', width: 20 },
    { header: '党组织', key: 'org', width: 28 },
    { header: '类型', key: 'type', width: 16 },
    { header: '主题', key: 'title', width: 36 },
    { header: '地点', key: 'place', width: 18 },
    { header: '主持人', key: 'host', width: 10 },
    { header: '记录人', key: 'recorder', width: 10 },
    { header: '应到', key: 'expected', width: 6 },
    { header: '实到', key: 'present', width: 6 },
    { header: '请假', key: 'onLeave', width: 6 },
    { header: '缺席', key: 'absent', width: 6 },
    { header: '状态', key: 'status', width: 8 },
    { header: '补录', key: 'late', width: 6 },
    { header: '补录原因', key: 'lateReason', width: 24 },
    { header: '第一议题', key: 'firstAgenda', width: 30 },
  ];
  sheet.getRow(1).font = { bold: true };
  input.activities.forEach((a, i) => {
    const att = summarizeAttendance(a.attendance);
    sheet.addRow({
      no: i + 1,
      day: formatChineseDate(a.heldOn),
      time: formatChineseDateTime(a.startsAt),
      org: a.orgName,
      type: typeLabel(a.type),
      title: a.title,
      place: a.place ?? '',
      host: a.hostName ?? '',
      recorder: a.recorderName ?? '',
      expected: att.expected.length,
      present: att.present.length,
      onLeave: att.onLeave.length,
      absent: att.absent.length,
      status: activityStatusLabels[a.status as ActivityStatus] ?? a.status,
      late: a.lateEntry ? '是' : '',
      lateReason: a.lateEntry ? (a.lateEntryReason ?? '') : '',
      firstAgenda: a.firstAgendaItem ?? '',
    });
  });
  const rows = summarizeCounts(
    input.activities.map((a) => ({ orgId: '', type: a.type as ActivityType, date: a.heldOn, status: a.status as ActivityStatus, lateEntry: a.lateEntry })),
    { by: 'type', year: input.year },
  );
  const counts = wb.addWorksheet('分类统计');
  counts.columns = [
    { header: '活动类型', key: 'label', width: 20 },
    { header: '次数', key: 'count', width: 8 },
    { header: '其中补录', key: 'late', width: 10 },
  ];
  counts.getRow(1).font = { bold: true };
  for (const r of rows) counts.addRow({ label: r.label, count: r.count, late: r.lateEntryCount });
  counts.addRow({});
  counts.addRow({ label: `${input.orgName}${input.year}年：${formatActivityCounts(rows) || '无已开展的活动'}` });
  // exceljs' typings clash with @types/node's Buffer (DESIGN.md § Stack notes).
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
