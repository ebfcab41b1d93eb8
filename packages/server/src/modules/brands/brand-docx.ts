// 党建品牌创建情况报告 (.docx) for submissions such as 优秀党建案例, laid out like the ledgers
// (modules/ledgers/ledger-docx.ts): GB/T 9704 公文 margins, 仿宋 三号 body on a 28-point line,
// 黑体 headings, '— 1 —' page numbers. Opens in Word and WPS.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip,
  type FileChild,
} from 'docx';
import { formatChineseDate } from '@zhibu/domain';

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

const BODY_FONT = { ascii: 'FangSong', hAnsi: 'FangSong', eastAsia: '仿宋', cs: 'FangSong' };
const HEADING_FONT = { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '黑体', cs: 'SimHei' };
const TITLE_FONT = { ascii: 'FZXiaoBiaoSong-B05S', hAnsi: 'FZXiaoBiaoSong-B05S', eastAsia: '方正小标宋简体', cs: 'SimHei' };
const BODY_SIZE = 32;
const TABLE_SIZE = 28;
const LINE = { line: 560, lineRule: LineRuleType.EXACT };
const TEXT_WIDTH = convertMillimetersToTwip(210 - 28 - 26);
const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };

function para(text: string): Paragraph {
  return new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, children: [new TextRun({ text })] });
}
function body(text: string | null | undefined): Paragraph[] {
  const lines = (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return lines.length ? lines.map(para) : [para('（无）')];
}
function heading(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 120, ...LINE }, keepNext: true, children: [new TextRun({ text, font: HEADING_FONT, size: BODY_SIZE })] });
}
function cell(text: string, width: number, head = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders,
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    shading: head ? { fill: 'F2F2F2' } : undefined,
    children: text.split(/\r?\n/).map((l) => new Paragraph({ spacing: { line: 360, lineRule: LineRuleType.AT_LEAST }, children: [new TextRun({ text: l, font: head ? HEADING_FONT : undefined, size: TABLE_SIZE })] })),
  });
}
function table(widths: number[], head: string[], rows: string[][]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, widths[i]!, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, widths[i]!)) })),
    ],
  });
}

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export async function renderBrandReport(r: BrandReportInput): Promise<Buffer> {
  const kv = [2000, TEXT_WIDTH - 2000];
  const sections: [string, FileChild[]][] = [
    ['品牌理念', body(r.concept)],
    ['品牌内涵', body(r.substance)],
    ['品牌特色', body(r.distinctiveness)],
    ['融合点（服务的审判执行工作）', body(r.integration)],
    ['载体与举措', body(r.carriers)],
    ...(r.story ? ([['品牌故事', body(r.story)]] as [string, FileChild[]][]) : []),
    [
      '培育情况',
      r.milestones.length
        ? [table([TEXT_WIDTH - 5200, 1600, 1800, 1800], ['培育节点', '责任人', '完成期限', '完成情况'], r.milestones.map((m) => [m.title, m.owner, formatChineseDate(m.dueOn), m.doneOn ? `${formatChineseDate(m.doneOn)}完成` : '推进中']))]
        : body(null),
    ],
    [
      '创建成效',
      r.evidenceByYear.length
        ? [
            ...r.evidenceByYear.map((y) => para(`${y.year}年：围绕品牌开展组织生活和活动${y.activity}次，宣传报道${y.publicity}篇，实施项目${y.project}个。`)),
            ...r.evidence.slice(0, 30).map((e) => para(`${formatChineseDate(e.occurredOn)}\u3000${e.kindLabel}：${e.title}`)),
          ]
        : body(null),
    ],
    [
      '所获荣誉',
      r.honors.length ? [table([TEXT_WIDTH - 5600, 1200, 2400, 2000], ['荣誉名称', '级别', '授予单位', '授予日期'], r.honors.map((h) => [h.name, h.levelLabel, h.issuer, formatChineseDate(h.awardedOn)]))] : body(null),
    ],
  ];
  const children: FileChild[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: `“${r.name}”党建品牌创建情况`, font: TITLE_FONT, size: 44 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400, ...LINE }, children: [new TextRun({ text: `${r.courtName}\u3000${r.orgName}`, font: { ascii: 'KaiTi', hAnsi: 'KaiTi', eastAsia: '楷体', cs: 'KaiTi' } })] }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: kv,
      layout: TableLayoutType.FIXED,
      rows: ([['所属党组织', r.orgName], ['品牌名称', r.name], ['品牌口号', r.slogan ?? '—'], ['创建阶段', r.stateLabel], ...(r.team ? [['品牌团队', r.team]] : [])] as [string, string][]).map(
        ([k, v]) => new TableRow({ cantSplit: true, children: [cell(k, kv[0]!, true), cell(v, kv[1]!)] }),
      ),
    }),
    ...sections.flatMap(([title, content], i) => [heading(`${numerals[i]}、${title}`), ...content]),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 480, ...LINE }, children: [new TextRun({ text: r.courtName })] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, children: [new TextRun({ text: formatChineseDate(r.generatedOn) })] }),
  ];
  const doc = new Document({
    creator: 'zhibu 法院智慧党建平台',
    title: `${r.name}党建品牌创建情况`,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: convertMillimetersToTwip(37), bottom: convertMillimetersToTwip(35), left: convertMillimetersToTwip(28), right: convertMillimetersToTwip(26), footer: convertMillimetersToTwip(20), header: convertMillimetersToTwip(15) },
            pageNumbers: { start: 1 },
          },
        },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体' }, size: 28 })] })] }) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
