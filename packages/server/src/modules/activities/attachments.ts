// Attachments of an activity (photos, scanned sign-in sheets, PDFs, Word/Excel): the type is
// decided by the file's first bytes AND its extension agreeing, so a renamed executable is refused.
export const ALLOWED_TYPES_MESSAGE = '仅支持图片（JPG/PNG）、PDF、Word、Excel 文件';

const kinds = {
  jpg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  png: { mime: 'image/png', extensions: ['png'] },
  pdf: { mime: 'application/pdf', extensions: ['pdf'] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
} as const;
type Kind = keyof typeof kinds;

function startsWith(buf: Buffer, bytes: number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

function sniff(buf: Buffer): Kind | null {
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    // OOXML packages name their parts in the zip directory in plain text: word/… or xl/….
    if (buf.includes('word/document')) return 'docx';
    if (buf.includes('xl/workbook')) return 'xlsx';
  }
  return null;
}

/** The stored MIME type, or null when bytes and extension do not both say an allowed type. */
export function detectAttachmentType(fileName: string, content: Buffer): string | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const kind = sniff(content);
  if (!ext || !kind) return null;
  return (kinds[kind].extensions as readonly string[]).includes(ext) ? kinds[kind].mime : null;
}

/** The download header of an attachment: its own (often Chinese) name. */
export { attachmentHeader as contentDisposition } from '../../lib/downloads';

/** Browsers send multipart file names as UTF-8 bytes that busboy reads as latin1. */
export function decodeUploadName(name: string | undefined): string {
  if (!name) return '未命名';
  const codes = [...name].map((c) => c.charCodeAt(0));
  if (codes.every((c) => c <= 0xff) && codes.some((c) => c >= 0x80)) {
    const utf8 = Buffer.from(name, 'latin1').toString('utf8');
    if (!utf8.includes('\uFFFD')) return utf8;
  }
  return name.replace(/[/\\]/g, '_');
}
