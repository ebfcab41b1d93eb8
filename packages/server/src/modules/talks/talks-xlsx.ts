// The branch's 谈心谈话记录 ledger (.xlsx): one sheet of the year's talks, one of the coverage with the
// pairs still missing. Chinese headers and dates (opens in WPS and Office).
import ExcelJS from 'exceljs';
import type { Talk, TalkCoverageView } from '@zhibu/contracts';
import { formatChineseDate } from '@zhibu/domain';

export async function renderTalkLedger(input: { orgName: string; year: number; talks: Talk[]; coverage: TalkCoverageView }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zhibu 法院智慧党建平台';
  const ws = wb.addWorksheet('谈心谈话记录', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow([`${input.orgName}${input.year}年谈心谈话记录`]).font = { bold: true, size: 14 };
  ws.addRow(['序号', '谈话日期', '类别', '谈话发起人', '谈话对象', '谈话主题', '谈话要点', '跟进情况', '跟进事项', '落实日期', '记录人']).font = { bold: true };
  input.talks.forEach((t, i) => {
    const initiator = t.participants.find((p) => p.isInitiator);
    ws.addRow([
      i + 1,
      formatChineseDate(t.talkedOn),
      t.kindLabel,
      initiator?.name ?? '',
      t.participants.filter((p) => !p.isInitiator).map((p) => p.name).join('、'),
      t.topic,
      t.summary ?? (t.summaryHidden ? '（不公开）' : ''),
      t.followUpStateLabel,
      t.followUpNote ?? '',
      t.followUpOn ? formatChineseDate(t.followUpOn) : '',
      t.createdByName,
    ]).alignment = { wrapText: true, vertical: 'top' };
  });
  [6, 16, 10, 12, 24, 24, 40, 10, 24, 16, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));

  const c = input.coverage;
  const cs = wb.addWorksheet('覆盖情况');
  cs.addRow([`${input.orgName}${input.year}年谈心谈话覆盖情况（截至${formatChineseDate(c.referenceDate)}）`]).font = { bold: true, size: 14 };
  cs.addRow([c.rule]);
  cs.addRow([c.peerCoverageLabel]);
  cs.addRow(['类别', '应谈', '已谈', '未谈']).font = { bold: true };
  for (const x of c.categories) cs.addRow([x.label, x.required, x.covered, x.required - x.covered]);
  cs.addRow(['合计', c.required, c.covered, c.required - c.covered]).font = { bold: true };
  cs.addRow([]);
  cs.addRow(['未开展的谈心谈话', '', '', '']).font = { bold: true };
  cs.addRow(['类别', '一方', '另一方']).font = { bold: true };
  for (const m of c.missing) cs.addRow([m.categoryLabel, m.a.name, m.b?.name ?? '任一其他党员']);
  [18, 14, 16, 10].forEach((w, i) => (cs.getColumn(i + 1).width = w));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
