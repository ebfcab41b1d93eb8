// 党建品牌创建情况报告 (.docx) for submissions such as 优秀党建案例, in the 公文 layout of
// lib/official-docx.ts (margins, 仿宋 三号 body on a 28-point line, 黑体 headings, '— 1 —' page
// numbers). Opens in Word and WPS.
import { AlignmentType, Packer, Paragraph, TableRow, TextRun, type FileChild } from 'docx';
import { formatChineseDate } from '@zhibu/domain';
import { BODY_SIZE, bodyText, cell, fixedTable, HEADING_FONT, keyValueTable, LINE, newDocument, page, pageNumberFooter, TEXT_WIDTH_TWIPS } from '../../lib/official-docx';

export type BrandReportInput = {
  courtName: string;
  orgName: string;
  name: string;
  slogan: string | null;
  stateLabel: string;
  concept: string | null;
  substance: string | null;
  distinctiveness: string | null;
  integration: string | null;
  carriers: string | null;
  team: string | null;
  story: string | null;
  milestones: { title: string; owner: string; dueOn: string; doneOn: string | null }[];
  evidenceByYear: { year: number; activity: number; publicity: number; project: number; total: number }[];
  evidence: { kindLabel: string; title: string; occurredOn: string }[];
  honors: { name: string; levelLabel: string; issuer: string; awardedOn: string }[];
  generatedOn: string;
};

// The 公文 title face (方正小标宋), falling back to 黑体 where it is not installed.
const TITLE_FONT = { ascii: 'FZXiaoBiaoSong-B05S', hAnsi: 'FZXiaoBiaoSong-B05S', eastAsia: '方正小标宋简体', cs: 'SimHei' };
const para = (text: string) => bodyText(text)[0]!;
function heading(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 120, ...LINE }, keepNext: true, children: [new TextRun({ text, font: HEADING_FONT, size: BODY_SIZE })] });
}
function table(widths: number[], head: string[], rows: string[][]) {
  return fixedTable(widths, [
    new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, widths[i]!, true, true)) }),
    ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, widths[i]!)) })),
  ]);
}

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export async function renderBrandReport(r: BrandReportInput): Promise<Buffer> {
  const sections: [string, FileChild[]][] = [
    ['品牌理念', bodyText(r.concept)],
    ['品牌内涵', bodyText(r.substance)],
    ['品牌特色', bodyText(r.distinctiveness)],
    ['融合点（服务的审判执行工作）', bodyText(r.integration)],
    ['载体与举措', bodyText(r.carriers)],
    ...(r.story ? ([['品牌故事', bodyText(r.story)]] as [string, FileChild[]][]) : []),
    [
      '培育情况',
      r.milestones.length
        ? [table([TEXT_WIDTH_TWIPS - 5200, 1600, 1800, 1800], ['培育节点', '责任人', '完成期限', '完成情况'], r.milestones.map((m) => [m.title, m.owner, formatChineseDate(m.dueOn), m.doneOn ? `${formatChineseDate(m.doneOn)}完成` : '推进中']))]
        : bodyText(null),
    ],
    [
      '创建成效',
      r.evidenceByYear.length
        ? [
            ...r.evidenceByYear.map((y) => para(`${y.year}年：围绕品牌开展组织生活和活动${y.activity}次，宣传报道${y.publicity}篇，实施项目${y.project}个。`)),
            ...r.evidence.slice(0, 30).map((e) => para(`${formatChineseDate(e.occurredOn)}\u3000${e.kindLabel}：${e.title}`)),
          ]
        : bodyText(null),
    ],
    [
      '所获荣誉',
      r.honors.length ? [table([TEXT_WIDTH_TWIPS - 5600, 1200, 2400, 2000], ['荣誉名称', '级别', '授予单位', '授予日期'], r.honors.map((h) => [h.name, h.levelLabel, h.issuer, formatChineseDate(h.awardedOn)]))] : bodyText(null),
    ],
  ];
  const children: FileChild[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: `“${r.name}”党建品牌创建情况`, font: TITLE_FONT, size: 44 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400, ...LINE }, children: [new TextRun({ text: `${r.courtName}\u3000${r.orgName}`, font: { ascii: 'KaiTi', hAnsi: 'KaiTi', eastAsia: '楷体', cs: 'KaiTi' } })] }),
    keyValueTable([['所属党组织', r.orgName], ['品牌名称', r.name], ['品牌口号', r.slogan ?? '—'], ['创建阶段', r.stateLabel], ...(r.team ? ([['品牌团队', r.team]] as [string, string][]) : [])]),
    ...sections.flatMap(([title, content], i) => [heading(`${numerals[i]}、${title}`), ...content]),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 480, ...LINE }, children: [new TextRun({ text: r.courtName })] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, children: [new TextRun({ text: formatChineseDate(r.generatedOn) })] }),
  ];
  const doc = newDocument(`${r.name}党建品牌创建情况`, [{ properties: { page: { ...page, pageNumbers: { start: 1 } } }, footers: { default: pageNumberFooter() }, children }]);
  return Packer.toBuffer(doc);
}
