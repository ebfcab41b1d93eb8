// Excel of the 党费收缴情况 (issue 5): the published totals per branch and month and, for the ledger's
// readers, a per-member sheet. Chinese headers, money in 元 with 2 decimals (opens in WPS and Office).
import ExcelJS from 'exceljs';
import type { DuesLedger, DuesReport } from '@zhibu/contracts';
import { formatYearMonth } from '@zhibu/domain';

const yuan = (fen: number) => Math.round(fen) / 100;
const money = '0.00';

export async function renderDuesWorkbook(report: DuesReport, detail: DuesLedger | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zhibu 法院智慧党建平台';
  const pub = wb.addWorksheet('收缴情况公布', { views: [{ state: 'frozen', ySplit: 2 }] });
  pub.addRow([`${report.orgName}${report.year}年党费收缴情况`]).font = { bold: true, size: 14 };
  const header = ['党组织', '党员人数', ...report.months.map((m) => `${Number(m.month.slice(5))}月实交（元）`), '全年应交（元）', '全年实交（元）'];
  pub.addRow(header).font = { bold: true };
  const addLine = (name: string, count: number | string, months: { paidFen: number }[], dueFen: number, paidFen: number) => {
    const row = pub.addRow([name, count, ...months.map((m) => yuan(m.paidFen)), yuan(dueFen), yuan(paidFen)]);
    for (let i = 3; i <= header.length; i++) row.getCell(i).numFmt = money;
    return row;
  };
  for (const b of report.items) addLine(b.orgName, b.memberCount, b.months, b.dueFen, b.paidFen);
  addLine('合计', report.items.reduce((s, b) => s + b.memberCount, 0), report.months, report.dueFen, report.paidFen).font = { bold: true };
  pub.getColumn(1).width = 30;
  for (let i = 2; i <= header.length; i++) pub.getColumn(i).width = 12;

  if (detail) {
    const sheet = wb.addWorksheet('党费台账明细', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
    const cols = ['姓名', '党组织', '类别', '月交纳额（元）', ...yearMonthsHeader(detail), '全年应交（元）', '全年实交（元）', '连续未交（月）', '备注'];
    sheet.addRow(cols).font = { bold: true };
    for (const r of detail.items) {
      const notes = r.cells.filter((c) => c.paidByName || c.backPaid).map((c) => `${formatYearMonth(c.month)}${c.paidByName ? `由${c.paidByName}代交` : ''}${c.backPaid ? '补交' : ''}`);
      const row = sheet.addRow([
        r.memberName,
        r.orgName,
        r.memberTypeLabel ?? '',
        r.monthlyFen === null ? '' : yuan(r.monthlyFen),
        ...r.cells.map((c) => (c.state === 'paid' ? yuan(c.paidFen) : c.state === 'unpaid' ? '未交' : c.state === 'exempt' ? '免交' : '')),
        yuan(r.dueFen),
        yuan(r.paidFen),
        r.arrears.months,
        notes.join('；'),
      ]);
      for (let i = 4; i <= 4 + 12 + 2; i++) row.getCell(i).numFmt = money;
    }
    sheet.getColumn(1).width = 10;
    sheet.getColumn(2).width = 16;
    sheet.getColumn(cols.length).width = 40;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function yearMonthsHeader(detail: DuesLedger): string[] {
  return Array.from({ length: 12 }, (_, i) => `${detail.year}年${i + 1}月`);
}
