// Excel of 民主评议党员: a branch's result table (one row per participant) and the court's 汇总表 (one
// row per branch, then the 优秀 list). Chinese headers; opens in WPS and Office.
import ExcelJS from 'exceljs';
import type { EvaluationOverview, EvaluationRound } from '@zhibu/contracts';

const votesText = (v: { excellent: number; qualified: number; basicallyQualified: number; unqualified: number } | null) =>
  v ? `${v.excellent}/${v.qualified}/${v.basicallyQualified}/${v.unqualified}` : '';

function title(ws: ExcelJS.Worksheet, text: string, span: number) {
  ws.addRow([text]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, span);
}

export async function renderRoundWorkbook(round: EvaluationRound): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zhibu 法院智慧党建平台';
  const ws = wb.addWorksheet('民主评议结果', { views: [{ state: 'frozen', ySplit: 2 }] });
  const header = ['序号', '姓名', '党员类别', '是否参评', '不参加原因', '个人自评', '测评票（优秀/合格/基本合格/不合格）', '纸质测评票（优秀/合格/基本合格/不合格）', '评定等次', '差距与改进要求', '支委会评语', '本人确认'];
  title(ws, `${round.orgName}${round.year}年度民主评议党员结果（评议日期 ${round.heldOn}）`, header.length);
  ws.addRow(header).font = { bold: true };
  round.participants.forEach((p, i) => {
    ws.addRow([
      i + 1,
      p.memberName,
      p.memberStatusLabel,
      p.exempt ? '否' : '是',
      p.exemptReason ?? '',
      p.selfAssessment ? (p.selfAssessmentSource === 'secretary' ? '已交（纸质录入）' : '已交') : '未交',
      votesText(p.onlineVotes),
      votesText(p.paperVotes),
      p.exempt ? '' : p.graded ? (p.gradeLabel ?? '未评定') : '不评定等次（预备党员）',
      p.gradeReason ?? '',
      p.committeeComment ?? '',
      p.acknowledgedAt ? '已确认' : '',
    ]);
  });
  const g = round.gradeCounts;
  ws.addRow([]);
  ws.addRow([`参评正式党员${round.gradedCount}人：优秀${g.excellent}人（上限${round.maxExcellent}人，不超过${round.excellentRatioLabel}），合格${g.qualified}人，基本合格${g.basicallyQualified}人，不合格${g.unqualified}人。`]);
  [6, 10, 4, 8, 20, 14, 20, 22, 12, 30, 30, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const c of [10, 11]) ws.getColumn(c).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function renderOverviewWorkbook(courtName: string, o: EvaluationOverview): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zhibu 法院智慧党建平台';
  const ws = wb.addWorksheet('民主评议汇总表', { views: [{ state: 'frozen', ySplit: 2 }] });
  const header = ['党支部', '评议进度', '参评人数', '评定等次人数', '优秀', '合格', '基本合格', '不合格', '不参加', '已确认结果'];
  title(ws, `${courtName}${o.year}年度民主评议党员汇总表`, header.length);
  ws.addRow(header).font = { bold: true };
  for (const b of o.branches) {
    const r = b.round;
    ws.addRow(r ? [b.orgName, r.stageLabel, r.participantCount, r.gradedCount, r.gradeCounts.excellent, r.gradeCounts.qualified, r.gradeCounts.basicallyQualified, r.gradeCounts.unqualified, r.exemptCount, r.acknowledgedCount] : [b.orgName, '未开展']);
  }
  const t = o.totals;
  ws.addRow(['合计', `${t.completed}/${t.rounds}已完成`, '', t.graded, t.excellent, t.qualified, t.basicallyQualified, t.unqualified]).font = { bold: true };
  ws.getColumn(1).width = 26;
  ws.getColumn(2).width = 16;
  for (let i = 3; i <= header.length; i++) ws.getColumn(i).width = 11;
  const ex = wb.addWorksheet('优秀等次名单');
  ex.addRow(['序号', '姓名', '党支部', '支委会评语']).font = { bold: true };
  o.excellent.forEach((e, i) => ex.addRow([i + 1, e.memberName, e.orgName, e.committeeComment ?? '']));
  [6, 10, 26, 50].forEach((w, i) => (ex.getColumn(i + 1).width = w));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
