// Word documents laid out like a Chinese official document (GB/T 9704 公文格式, as far as a ledger,
// a form or a letter needs it): A4, margins 上37mm 下35mm 左28mm 右26mm, body 仿宋 三号 (16pt) on a
// fixed 28-point line, headings 黑体, page numbers '— 1 —' centred in the footer, fixed-layout
// tables so that Word, WPS and LibreOffice agree on the columns. The ledgers, the brand report, the
// 发展党员 forms and the 介绍信 are built from these pieces.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
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
  type IRunOptions,
} from 'docx';

export const BODY_FONT = { ascii: 'FangSong', hAnsi: 'FangSong', eastAsia: '仿宋', cs: 'FangSong' };
export const HEADING_FONT = { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '黑体', cs: 'SimHei' };
export const TITLE_FONT = HEADING_FONT;
export const BODY_SIZE = 32; // half-points: 三号 16pt
export const TABLE_SIZE = 28; // 四号 14pt, so labels fit the table
export const LINE = { line: 560, lineRule: LineRuleType.EXACT }; // 28磅固定行距

/** The printable width (A4 less 28mm + 26mm) in twips and, for images, in pixels at 96 dpi. */
export const TEXT_WIDTH_TWIPS = convertMillimetersToTwip(210 - 28 - 26);
export const TEXT_WIDTH_PX = Math.floor(((210 - 28 - 26) / 25.4) * 96);

export const page = {
  size: { width: 11906, height: 16838 }, // A4 in twips
  margin: {
    top: convertMillimetersToTwip(37),
    bottom: convertMillimetersToTwip(35),
    left: convertMillimetersToTwip(28),
    right: convertMillimetersToTwip(26),
    footer: convertMillimetersToTwip(20),
    header: convertMillimetersToTwip(15),
  },
};

export function pageNumberFooter(): Footer {
  return new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体' }, size: 28 })] })],
  });
}

const styles = {
  default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } },
  paragraphStyles: [
    { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: HEADING_FONT, size: 36, bold: false, color: '000000' }, paragraph: { keepNext: true } },
    { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: HEADING_FONT, size: BODY_SIZE, bold: false, color: '000000' }, paragraph: { keepNext: true } },
  ],
};

export function newDocument(title: string, sections: ConstructorParameters<typeof Document>[0]['sections'], updateFields = false): Document {
  return new Document({ creator: 'zhibu 法院智慧党建平台', title, styles, features: updateFields ? { updateFields: true } : undefined, sections });
}

// Body runs inherit the document default (仿宋 三号), which keeps the XML small.
export function run(text: string, opts: IRunOptions = {}) {
  return new TextRun({ text, ...opts });
}

/** Body paragraphs from multi-line text, first line indented two characters (公文 正文). */
export function bodyText(text: string | null | undefined, empty = '（无）'): Paragraph[] {
  const lines = (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (!lines.length) return [new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, children: [run(empty)] })];
  return lines.map((l) => new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, children: [run(l)] }));
}

/** A centred 黑体 title (二号 22pt by default). */
export function title(text: string, size = 44): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 360 }, children: [new TextRun({ text, font: TITLE_FONT, size })] });
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };

export function cell(text: string, widthTwips: number, bold = false, shade = false, size = TABLE_SIZE): TableCell {
  const lines = text.split(/\r?\n/);
  return new TableCell({
    width: { size: widthTwips, type: WidthType.DXA },
    borders,
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    shading: shade ? { fill: 'F2F2F2' } : undefined,
    children: lines.map(
      (l) => new Paragraph({ spacing: { line: 360, lineRule: LineRuleType.AT_LEAST }, children: [new TextRun({ text: l, font: bold ? HEADING_FONT : undefined, size })] }),
    ),
  });
}

export function fixedTable(widths: number[], rows: TableRow[]): Table {
  return new Table({ width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows });
}

export function keyValueTable(rows: [string, string][]): Table {
  const widths = [2000, TEXT_WIDTH_TWIPS - 2000];
  return fixedTable(
    widths,
    rows.map(([k, v]) => new TableRow({ cantSplit: true, children: [cell(k, widths[0]!, true, true), cell(v || '—', widths[1]!)] })),
  );
}
