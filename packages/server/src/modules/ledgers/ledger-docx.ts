// Word ledgers (台账): one activity (一会一档) and a branch-year binder, in the 公文 layout of
// lib/official-docx.ts. Opens in Word and WPS.
import { AlignmentType, HeadingLevel, ImageRun, Packer, Paragraph, TableOfContents, TableRow, TextRun, type FileChild } from 'docx';
import { BODY_FONT, BODY_SIZE, bodyText, cell, fixedTable, HEADING_FONT, keyValueTable, LINE, newDocument, page, pageNumberFooter, run, TEXT_WIDTH_PX, TEXT_WIDTH_TWIPS, TITLE_FONT } from '../../lib/official-docx';
import { activityStatusLabels, activityTypeLabels, attendanceStatusLabels, formatChineseDate, type ActivityStatus, type ActivityType } from '@zhibu/domain';

export type LedgerAttendance = { name: string; role: string; status: string; reason: string | null; guestUnit: string | null };
export type LedgerPhoto = { fileName: string; mimeType: string; content: Buffer };
export type LedgerActivity = {
  id: string;
  orgName: string;
  type: string;
  title: string;
  status: string;
  heldOn: string;
  startsAt: Date;
  endsAt: Date | null;
  place: string | null;
  hostName: string | null;
  recorderName: string | null;
  agenda: string | null;
  firstAgendaItem: string | null;
  minutes: string | null;
  resolutions: string | null;
  lateEntry: boolean;
  lateEntryReason: string | null;
  cancelReason: string | null;
  /** 联建活动: its 四联 category and both sides, e.g. '问题联解（安顺中院 · 第一党支部 ⇄ 渌口法院 · 综合管理党支部）'. */
  joint?: string | null;
  attendance: LedgerAttendance[];
  photos: LedgerPhoto[];
};

export function typeLabel(type: string): string {
  return activityTypeLabels[type as ActivityType] ?? type;
}

/** '2025年3月1日 14:30' in Asia/Shanghai (UTC+8, no DST since 1991). */
export function formatChineseDateTime(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3_600_000);
  const day = local.toISOString().slice(0, 10);
  return `${formatChineseDate(day)} ${local.toISOString().slice(11, 16)}`;
}

function heading(text: string, level: 1 | 2, pageBreakBefore = false): Paragraph {
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    pageBreakBefore,
    alignment: level === 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { before: level === 1 ? 0 : 120, after: level === 1 ? 240 : 0, ...LINE },
    children: [new TextRun({ text, font: HEADING_FONT, size: level === 1 ? 36 : BODY_SIZE })],
  });
}

export type AttendanceSummary = { expected: string[]; present: string[]; onLeave: string[]; absent: string[]; exempt: string[]; unmarked: string[]; observers: string[] };

/** 应到 = the roster (role 'expected') less 免于参加; 列席 = guests and observers. @see RULES.md §1.1 Notes */
export function summarizeAttendance(rows: LedgerAttendance[]): AttendanceSummary {
  const s: AttendanceSummary = { expected: [], present: [], onLeave: [], absent: [], exempt: [], unmarked: [], observers: [] };
  for (const r of rows) {
    if (r.role !== 'expected' || r.status === 'observer') {
      s.observers.push(r.guestUnit ? `${r.name}（${r.guestUnit}）` : r.name);
      continue;
    }
    if (r.status === 'exempt') {
      s.exempt.push(r.name);
      continue;
    }
    s.expected.push(r.name);
    if (r.status === 'present') s.present.push(r.name);
    else if (r.status === 'onLeave') s.onLeave.push(r.reason ? `${r.name}（${r.reason}）` : r.name);
    else if (r.status === 'absent') s.absent.push(r.name);
    else s.unmarked.push(r.name);
  }
  return s;
}

const names = (list: string[]) => (list.length ? list.join('、') : '无');

// Natural pixel size of a PNG/JPEG/GIF/BMP, to keep the photo's aspect ratio; null when unreadable.
export function readImageSize(data: Buffer): { width: number; height: number; type: 'png' | 'jpg' | 'gif' | 'bmp' } | null {
  if (data.length > 24 && data.readUInt32BE(0) === 0x89504e47) return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), type: 'png' };
  if (data.length > 10 && data.toString('ascii', 0, 3) === 'GIF') return { width: data.readUInt16LE(6), height: data.readUInt16LE(8), type: 'gif' };
  if (data.length > 26 && data.toString('ascii', 0, 2) === 'BM') return { width: data.readInt32LE(18), height: Math.abs(data.readInt32LE(22)), type: 'bmp' };
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    let i = 2;
    while (i + 9 < data.length) {
      if (data[i] !== 0xff) return null;
      const marker = data[i + 1]!;
      const len = data.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: data.readUInt16BE(i + 5), width: data.readUInt16BE(i + 7), type: 'jpg' };
      }
      i += 2 + len;
    }
  }
  return null;
}

function photoParagraphs(photos: LedgerPhoto[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const p of photos) {
    const size = readImageSize(p.content);
    if (!size || size.width <= 0 || size.height <= 0) {
      out.push(new Paragraph({ children: [run(`（照片“${p.fileName}”格式无法嵌入，请在系统中查看）`)] }));
      continue;
    }
    const scale = Math.min(1, (TEXT_WIDTH_PX * 0.8) / size.width, 360 / size.height);
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        children: [new ImageRun({ type: size.type, data: p.content, transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) }, altText: { name: p.fileName, description: p.fileName, title: p.fileName } })],
      }),
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: p.fileName, font: BODY_FONT, size: 24 })] }),
    );
  }
  return out;
}

/** One activity's pages (一会一档). */
export function buildActivitySection(a: LedgerActivity, opts: { pageBreakBefore?: boolean } = {}): FileChild[] {
  const att = summarizeAttendance(a.attendance);
  const time = a.endsAt ? `${formatChineseDateTime(a.startsAt)}—${formatChineseDateTime(a.endsAt).split(' ')[1]}` : formatChineseDateTime(a.startsAt);
  const rows: [string, string][] = [
    ['活动类型', typeLabel(a.type)],
    ['活动主题', a.title],
    ['党组织', a.orgName],
    ...(a.joint ? ([['联建', a.joint]] as [string, string][]) : []),
    ['时间', time],
    ['地点', a.place ?? ''],
    ['主持人', a.hostName ?? ''],
    ['记录人', a.recorderName ?? ''],
    ['状态', activityStatusLabels[a.status as ActivityStatus] ?? a.status],
    ['到会情况', `应到${att.expected.length}人，实到${att.present.length}人，请假${att.onLeave.length}人，缺席${att.absent.length}人${att.unmarked.length ? `，未登记${att.unmarked.length}人` : ''}`],
    ['出席人员', names(att.present)],
    ['请假人员', names(att.onLeave)],
    ['缺席人员', names(att.absent)],
  ];
  if (att.unmarked.length) rows.push(['未登记', names(att.unmarked)]);
  if (att.exempt.length) rows.push([attendanceStatusLabels.exempt as string, `${names(att.exempt)}（年老体弱或长期患病，不作硬性要求）`]);
  if (att.observers.length) rows.push(['列席人员', names(att.observers)]);
  if (a.lateEntry) rows.push(['补录', `本记录为事后补录。补录原因：${a.lateEntryReason ?? '未填写'}`]);
  if (a.status === 'cancelled') rows.push(['取消原因', a.cancelReason ?? '']);
  // A short heading (date and type) keeps the table of contents to one line per activity.
  const title = `${formatChineseDate(a.heldOn)}\u3000${typeLabel(a.type)}${a.lateEntry ? '（补录）' : ''}`;
  return [
    heading(title, 1, opts.pageBreakBefore),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240, ...LINE }, children: [run(a.title)] }),
    keyValueTable(rows),
    heading('一、第一议题', 2),
    ...bodyText(a.firstAgendaItem),
    heading('二、会议议程', 2),
    ...bodyText(a.agenda),
    heading('三、会议记录', 2),
    ...bodyText(a.minutes),
    heading('四、决议事项', 2),
    ...bodyText(a.resolutions),
    ...(a.photos.length ? [heading('五、活动照片', 2), ...photoParagraphs(a.photos)] : []),
  ];
}

export async function renderActivityLedger(a: LedgerActivity): Promise<Buffer> {
  const doc = newDocument(`${a.orgName}${typeLabel(a.type)}台账`, [{ properties: { page: { ...page, pageNumbers: { start: 1 } } }, footers: { default: pageNumberFooter() }, children: buildActivitySection(a) }]);
  return Packer.toBuffer(doc);
}

export type BinderInput = { orgName: string; courtName: string; year: number; generatedOn: string; activities: LedgerActivity[] };

/** A branch-year binder: cover, contents (a TOC field and a static list), one section per activity. */
export async function renderBinder(b: BinderInput): Promise<Buffer> {
  const cover: FileChild[] = [
    new Paragraph({ spacing: { before: 2400 }, children: [] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 600 }, children: [new TextRun({ text: b.orgName, font: TITLE_FONT, size: 44 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 2400 }, children: [new TextRun({ text: `${b.year}年度组织生活台账`, font: TITLE_FONT, size: 56 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: LINE, children: [run(`共${b.activities.length}次活动`)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: LINE, children: [run(b.courtName)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: LINE, children: [run(`${formatChineseDate(b.generatedOn)}生成`)] }),
  ];
  const w = [760, 2200, 2100, TEXT_WIDTH_TWIPS - 760 - 2200 - 2100];
  const small = 24; // 小四 12pt: the list is a finding aid, not body text
  const listRows = [
    new TableRow({ tableHeader: true, children: ['序号', '日期', '类型', '主题'].map((h, i) => cell(h, w[i]!, true, true, small)) }),
    ...b.activities.map(
      (a, i) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell(String(i + 1), w[0]!, false, false, small),
            cell(formatChineseDate(a.heldOn), w[1]!, false, false, small),
            cell(typeLabel(a.type), w[2]!, false, false, small),
            cell(`${a.title}${a.lateEntry ? '（补录）' : ''}`, w[3]!, false, false, small),
          ],
        }),
    ),
  ];
  const contents: FileChild[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: '目　　录', font: TITLE_FONT, size: 36 })] }),
    new TableOfContents('目录', { hyperlink: true, headingStyleRange: '1-1' }),
    new Paragraph({ spacing: { before: 240, after: 120 }, children: [new TextRun({ text: '活动一览', font: HEADING_FONT, size: BODY_SIZE })] }),
    b.activities.length ? fixedTable(w, listRows) : new Paragraph({ children: [run('本年度尚无已开展的活动记录。')] }),
  ];
  const body = b.activities.flatMap((a) => buildActivitySection(a, { pageBreakBefore: true }));
  const doc = newDocument(
    `${b.orgName}${b.year}年度组织生活台账`,
    [
      { properties: { page }, children: cover },
      { properties: { page: { ...page, pageNumbers: { start: 1 } } }, footers: { default: pageNumberFooter() }, children: [...contents, ...body] },
    ],
    true,
  );
  return Packer.toBuffer(doc);
}
