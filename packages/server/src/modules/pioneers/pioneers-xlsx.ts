// Excel of the 党员示范岗 / 党员先锋队 list (the publicity list or, for the office and the branch
// committee, every proposal and decision): Chinese headers, dates as 2026年3月1日, opens in WPS.
import ExcelJS from 'exceljs';
import type { Designation } from '@zhibu/contracts';
import { formatChineseDate } from '@zhibu/domain';

export async function renderDesignationsWorkbook(items: Designation[], today: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zhibu 法院智慧党建平台';
  for (const kind of ['modelPost', 'vanguardTeam'] as const) {
    const rows = items.filter((d) => d.kind === kind);
    const title = kind === 'modelPost' ? '党员示范岗' : '党员先锋队';
    const ws = wb.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 2 }] });
    ws.addRow([`${title}名单（${formatChineseDate(today)}导出）`]).font = { bold: true, size: 14 };
    const header =
      kind === 'modelPost'
        ? ['序号', '名称', '岗位', '党员', '所在党组织', '承诺事项', '起始日期', '结束日期', '状态', '最近考评']
        : ['序号', '名称', '任务方向', '队长', '队员', '所在党组织', '任务目标', '起始日期', '结束日期', '状态', '最近考评', '工作成效（条）'];
    ws.addRow(header).font = { bold: true };
    rows.forEach((d, i) => {
      const review = d.reviews[0] ? `${d.reviews[0].year}年度 ${d.reviews[0].gradeLabel}` : '';
      ws.addRow(
        kind === 'modelPost'
          ? [i + 1, d.name, d.postName ?? '', d.memberName, d.orgName, d.commitment, formatChineseDate(d.startOn), formatChineseDate(d.endOn), d.phaseLabel, review]
          : [i + 1, d.name, d.missionLabel ?? '', d.memberName, d.teamMembers.map((m) => m.name).join('、'), d.orgName, d.commitment, formatChineseDate(d.startOn), formatChineseDate(d.endOn), d.phaseLabel, review, d.achievements.length],
      );
    });
    const widths = kind === 'modelPost' ? [6, 28, 16, 10, 18, 40, 16, 16, 16, 16] : [6, 28, 12, 10, 30, 18, 40, 16, 16, 16, 16, 12];
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    ws.eachRow((row, n) => {
      if (n > 2) row.alignment = { vertical: 'top', wrapText: true };
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
