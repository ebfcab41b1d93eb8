// An .xlsx is a zip, and exceljs's streaming reader takes its entries in the order they are stored.
// Excel, WPS and exceljs itself store the worksheets before the shared strings, so the reader parks
// each worksheet in a temp file until the strings have been read, then reads it back: for a
// 100,000-row roster, 60 MB of XML written to disk and read again while the database writes its own
// (ADR 0009). A file or bytes can be read in any order, and the zip's central directory says where
// each entry lies: handing exceljs the same entries, byte for byte, with the worksheets last, it
// finds the shared strings first and parses each worksheet as it streams in. Plain JavaScript: the
// reading worker (xlsx-rows.worker.mjs) runs without the TypeScript loader.
import { createReadStream, statSync } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import unzipper from 'unzipper';

/** Worksheet entries, matched as exceljs's WorkbookReader matches them. */
const worksheetPath = /xl\/worksheets\/sheet\d+[.]xml$/;

/**
 * Byte ranges `[start, end)` of the input, in the order exceljs should read them: everything before
 * the first entry, every other entry as stored, then the worksheets as stored, then the central
 * directory. null when the input is already in that order, or is not a zip this can vouch for
 * (exceljs then reads it as it is, and reports what is wrong with it).
 * @param {string | Uint8Array} input a path, or the file's bytes
 * @returns {Promise<[number, number][] | null>}
 */
export async function readingOrder(input) {
  const bytes = typeof input === 'string' ? null : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  let directory;
  try {
    directory = bytes ? await unzipper.Open.buffer(bytes) : await unzipper.Open.file(input);
  } catch {
    return null;
  }
  const size = bytes ? bytes.length : statSync(input).size;
  const centralDirectory = Number(directory.offsetToStartOfCentralDirectory);
  const files = [...directory.files].sort((a, b) => a.offsetToLocalFileHeader - b.offsetToLocalFileHeader);
  if (!files.length || !(centralDirectory > 0 && centralDirectory <= size)) return null;
  const entries = [];
  for (let i = 0; i < files.length; i++) {
    const start = Number(files[i].offsetToLocalFileHeader);
    const end = i + 1 < files.length ? Number(files[i + 1].offsetToLocalFileHeader) : centralDirectory;
    // Each entry's local header, data and data descriptor lie between its offset and the next one's;
    // offsets that overlap or leave the file mean a directory this cannot trust.
    if (!(start >= 0 && end > start && end <= centralDirectory)) return null;
    entries.push({ start, end, worksheet: worksheetPath.test(files[i].path) });
  }
  const firstWorksheet = entries.findIndex((e) => e.worksheet);
  if (firstWorksheet < 0 || entries.slice(firstWorksheet).every((e) => e.worksheet)) return null;
  const ranges = [];
  if (entries[0].start > 0) ranges.push([0, entries[0].start]);
  for (const e of entries) if (!e.worksheet) ranges.push([e.start, e.end]);
  for (const e of entries) if (e.worksheet) ranges.push([e.start, e.end]);
  ranges.push([centralDirectory, size]);
  return ranges;
}

/**
 * The input's bytes, range after range.
 * @param {string | Uint8Array} input
 * @param {[number, number][]} ranges
 * @returns {Readable}
 */
export function readRanges(input, ranges) {
  async function* chunks() {
    for (const [start, end] of ranges) {
      if (end <= start) continue;
      if (typeof input === 'string') yield* createReadStream(input, { start, end: end - 1 });
      else yield Buffer.from(input.buffer, input.byteOffset + start, end - start);
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

/** Progress is reported every this many bytes read, and at the end. */
const REPORT_EVERY_BYTES = 256 * 1024;

/**
 * The input as a stream for exceljs: worksheets last when the zip stores them before the rest,
 * otherwise as stored. For a path, `onBytes` hears how much of the file has been read.
 * @param {string | Uint8Array} input
 * @param {(read: number, total: number) => void} [onBytes]
 * @returns {Promise<Readable>}
 */
export async function openForReading(input, onBytes) {
  const ranges = await readingOrder(input);
  let stream;
  if (ranges) stream = readRanges(input, ranges);
  else if (typeof input === 'string') stream = createReadStream(input);
  else return Readable.from([Buffer.from(input.buffer, input.byteOffset, input.byteLength)], { objectMode: false });
  if (typeof input !== 'string' || !onBytes) return stream;
  const total = statSync(input).size;
  let read = 0;
  let reported = 0;
  return stream.pipe(
    new Transform({
      transform(chunk, _enc, done) {
        read += chunk.length;
        if (read - reported >= REPORT_EVERY_BYTES || read === total) {
          reported = read;
          onBytes(read, total);
        }
        done(null, chunk);
      },
    }),
  );
}
