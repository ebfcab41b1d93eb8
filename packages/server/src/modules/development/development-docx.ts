// Word documents filled from a 发展党员 case, in the 公文 layout of lib/official-docx.ts: A4, 公文
// margins, 仿宋 body, 黑体 title, fixed-layout tables so Word and WPS agree. The content is what the
// case knows; what only a person can write (谈话内容, 考察意见) is left as ruled blank space.
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { formatChineseDate } from '@zhibu/domain';
import type { DevelopmentCase } from '@zhibu/contracts';
import { BODY_FONT, newDocument, page, TEXT_WIDTH_TWIPS as TEXT_WIDTH, title as docTitleOf, TITLE_FONT } from '../../lib/official-docx';

const title = (text: string) => docTitleOf(text, 40);

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: line, bottom: line, left: line, right: line };

function cell(text: string, width: number, opts: { bold?: boolean; span?: number; minLines?: number } = {}): TableCell {
  const lines = text.split(/\r?\n/);
  while (lines.length < (opts.minLines ?? 1)) lines.push('');
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.span,
    borders,
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    shading: opts.bold ? { fill: 'F2F2F2' } : undefined,
    children: lines.map((l) => new Paragraph({ spacing: { line: 360, lineRule: LineRuleType.AT_LEAST }, children: [new TextRun({ text: l, size: 28, font: opts.bold ? TITLE_FONT : BODY_FONT })] })),
  });
}

type Row = [string, string] | [string, string, string, string] | { label: string; text: string; lines: number };

function table(rows: Row[]): Table {
  const w = [1900, (TEXT_WIDTH - 3800) / 2, 1900, (TEXT_WIDTH - 3800) / 2];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: w,
    layout: TableLayoutType.FIXED,
    rows: rows.map((r) => {
      if (!Array.isArray(r)) return new TableRow({ children: [cell(r.label, w[0]!, { bold: true }), cell(r.text, w[1]! + w[2]! + w[3]!, { span: 3, minLines: r.lines })] });
      if (r.length === 2) return new TableRow({ cantSplit: true, children: [cell(r[0], w[0]!, { bold: true }), cell(r[1] || '—', w[1]! + w[2]! + w[3]!, { span: 3 })] });
      return new TableRow({ cantSplit: true, children: [cell(r[0], w[0]!, { bold: true }), cell(r[1] || '—', w[1]!), cell(r[2], w[2]!, { bold: true }), cell(r[3] || '—', w[3]!)] });
    }),
  });
}

function para(text: string, align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT): Paragraph {
  return new Paragraph({ alignment: align, spacing: { before: 240, line: 560, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text, font: BODY_FONT, size: 32 })] });
}

const d = (v: string | null | undefined) => (v ? formatChineseDate(v) : '');

async function render(docTitle: string, children: (Paragraph | Table)[]): Promise<Buffer> {
  const doc = newDocument(docTitle, [{ properties: { page }, children }]);
  return Packer.toBuffer(doc);
}

function stepOf(c: DevelopmentCase, no: number) {
  return [...c.steps].reverse().find((s) => s.step === no);
}

const genderLabel = (g: string) => (g === 'male' ? '男' : g === 'female' ? '女' : g);

/** 入党申请人谈话记录 (step 2, RULES.md §3.2 T3). */
export function renderTalkRecord(c: DevelopmentCase): Promise<Buffer> {
  const talk = stepOf(c, 2);
  return render(`${c.memberName}入党申请人谈话记录`, [
    title('入党申请人谈话记录'),
    table([
      ['姓名', c.memberName, '性别', genderLabel(c.gender)],
      ['出生日期', d(c.birthDate), '所在党支部', c.orgName],
      ['递交申请书日期', d(c.dates.applicationDate), '谈话日期', d(talk?.doneOn)],
      ['谈话人', String(talk?.details.talker ?? ''), '谈话期限', c.dates.applicationDate ? '收到申请书后1个月内（T3）' : ''],
      { label: '谈话主要内容', text: talk?.note ?? '', lines: 10 },
      { label: '谈话人意见', text: '', lines: 4 },
    ]),
    para('谈话人（签名）：                  年    月    日', AlignmentType.RIGHT),
  ]);
}

/** 入党积极分子考察登记表 (steps 3–7, RULES.md §3.2 T6, T7, T9). */
export function renderRegister(c: DevelopmentCase): Promise<Buffer> {
  const mentors = stepOf(c, 5)?.mentors.map((m) => m.name).join('、') ?? '';
  const reviews = c.steps.filter((s) => s.step === 6);
  return render(`${c.memberName}入党积极分子考察登记表`, [
    title('入党积极分子培养教育考察登记表'),
    table([
      ['姓名', c.memberName, '性别', genderLabel(c.gender)],
      ['出生日期', d(c.birthDate), '所在党支部', c.orgName],
      ['递交申请书日期', d(c.dates.applicationDate), '确定积极分子日期', d(c.dates.activistDate)],
      ['培养联系人', mentors, '确定发展对象日期', d(c.dates.candidateDate)],
      ...reviews.map((r, i): Row => ({ label: `第${i + 1}次考察（${d(r.doneOn)}）`, text: r.note ?? '', lines: 3 })),
      { label: '党支部意见', text: '', lines: 4 },
    ]),
    para(`${c.orgName}（盖章）        年    月    日`, AlignmentType.RIGHT),
  ]);
}

/** 预备党员转正情况汇总 (steps 15–24, RULES.md §3.2 T19, T20, T23–T26). */
export function renderSummary(c: DevelopmentCase): Promise<Buffer> {
  const meeting = stepOf(c, 23);
  const vote = meeting?.details.vote as { expected: number; attending: number; yes: number; writtenYes: number } | undefined;
  const sponsors = stepOf(c, 9)?.sponsors.map((m) => m.name).join('、') ?? '';
  const outcome = meeting?.details.outcome === 'extend' ? `延长预备期${String(meeting.details.extensionMonths ?? '')}个月` : meeting ? '按期转为正式党员' : '';
  return render(`${c.memberName}预备党员转正情况汇总`, [
    title('预备党员转正情况汇总'),
    table([
      ['姓名', c.memberName, '性别', genderLabel(c.gender)],
      ['所在党支部', c.orgName, '入党介绍人', sponsors],
      ['入党时间', d(c.dates.admissionDate), '上级党委审批', d(c.dates.approvalDate)],
      ['预备期满', d(c.dates.probationEnd), '延长预备期', c.dates.extensionMonths ? `${c.dates.extensionMonths}个月` : '无'],
      ['转正申请', d(stepOf(c, 22)?.doneOn), '支部大会日期', d(meeting?.doneOn)],
      ['表决情况', vote ? `应到会有表决权正式党员${vote.expected}人，实到${vote.attending}人，赞成${vote.yes}票，书面意见赞成${vote.writtenYes}票` : ''],
      ['支部大会结论', outcome],
      ['转正时间', d(c.dates.fullMemberSince), '上级党委审批转正', d(stepOf(c, 24)?.doneOn)],
      { label: '备注', text: '入党时间为支部大会通过接收之日（T20）；党龄自转正之日起算（T26）。', lines: 2 },
    ]),
  ]);
}
