// Excel import of the roster (issue 2 § Excel): every row is validated; if any row is bad, nothing
// is written and the user gets a report (row, column, Chinese message per problem). If all rows are
// good: one transaction, upsert keyed by 身份证号 hash within the court, so re-importing the same
// file updates instead of duplicating.
//
// Built for 100,000-row files (bench/: ≥ 50% of exceljs's own streaming read, ≤ 500 MB): exceljs's
// streaming reader (in a worker thread for big files), one pass validating row by row, one paged
// query preloading the court's members, batched writes that overlap the reading. parseMemberRows
// needs no database, so the benchmark can set it beside exceljs's own streaming read.
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { v7 as uuidV7 } from 'uuid';
import { sql, type SQL } from 'drizzle-orm';
import {
  addDays,
  educationLabels,
  isIsoDate,
  maskIdNumber,
  maskPhone,
  memberStatusLabels,
  positionLabels,
  todayInShanghai,
  type Education,
  type Gender,
  type IsoDate,
  type MemberStatus,
  type Position,
  type RuleConfig,
} from '@zhibu/domain';
import { newId, refreshPlannerStatistics, type DbOrTx } from '@zhibu/db';
import type { ImportProblem, ImportResultDetail } from '@zhibu/contracts';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { appendAudit, type AuditActor } from '../../lib/audit';
import { forbidIf } from '../../lib/records';
import { getRuleConfig } from '../../lib/settings';
import { auditActorOf, type Actor } from '../../policy/actor';
import {
  columnHeader,
  educationByLabel,
  genderByLabel,
  headerOfField,
  memberColumns,
  positionByLabel,
  retiredByLabel,
  sampleMember,
  statusByLabel,
  type MemberColumnKey,
} from './member-columns';
import { checkDates, checkIdentity, checkPhone, memberInvalidField, pgErrorCode } from './member-record';
import { memberOrgTypes, membersPolicy } from './members.policy';
import * as repo from './members.repository';
import { openForReading } from './xlsx-entry-order.mjs';
import { packRow } from './xlsx-row-chunks.mjs';

/** Rows per INSERT (one array parameter per column): big enough that per-statement costs vanish. */
export const IMPORT_BATCH_ROWS = 1000;
const MAX_BATCHES_IN_FLIGHT = 1;
/** Problems kept for the report; beyond this they are only counted. */
const MAX_KEPT_PROBLEMS = 20_000;
/** Problems sent back in the JSON answer (the .xlsx report has them all). */
export const MAX_LISTED_PROBLEMS = 1_000;
/** A safety bound: a court's roster is thousands, a province's 100,000 or so. */
export const MAX_IMPORT_ROWS = 300_000;

export type ImportOrg = { id: string; courtId: string; name: string; type: string; path: string };

/** Everything parseMemberRows needs to know about the court, loaded once before reading the file. */
export type MemberImportContext = {
  courtId: string;
  today: IsoDate;
  config: RuleConfig;
  /** Where rows with an empty 所在党支部 go (the import's orgId). */
  defaultOrg: ImportOrg | null;
  /** The court's orgs by full name and by short name ('ambiguous' when two share one). */
  orgsByName: Map<string, ImportOrg | 'ambiguous'>;
  /** Party groups under each org (at any depth), by name. */
  groupsUnder: Map<string, Map<string, ImportOrg | 'ambiguous'>>;
  departmentsByName: Map<string, string | 'ambiguous'>;
  /** May the caller add members to / change members of this org? */
  canManage: (org: { courtId: string; path: string }) => boolean;
  /** The court's members by 身份证号 hash. */
  existing: Map<string, repo.ExistingMember>;
  hashIdNumber: (idNumber: string) => string;
};

export type ImportedValues = {
  name: string;
  gender: Gender;
  birthDate: IsoDate;
  idNumber: string;
  /** undefined: the file has no 手机号码 column (an update keeps the stored one). */
  phone: string | null | undefined;
  ethnicity: string | null | undefined;
  education: Education | null | undefined;
  orgId: string;
  orgPath: string;
  groupId: string | null;
  departmentId: string | null | undefined;
  position: Position | null | undefined;
  jobTitle: string | null | undefined;
  joinedOn: IsoDate | null | undefined;
  fullMemberSince: IsoDate | null | undefined;
  status: MemberStatus;
  isRetired: boolean | null | undefined;
  note: string | null | undefined;
};

export type ParsedMemberRow = {
  /** The Excel row number (1-based, as Excel shows it). */
  row: number;
  idNumberHash: string;
  existing: repo.ExistingMember | null;
  values: ImportedValues;
};

export type ParseResult = {
  /** Valid rows, ready to write (unless keepRows is off); emptied at the first problem (nothing will be written). */
  rows: ParsedMemberRow[];
  /** Valid rows whose 身份证号 the court already has (they will update). */
  existingCount: number;
  problems: ImportProblem[];
  problemCount: number;
  /** Data rows read (empty rows and the template's sample row not counted). */
  rowCount: number;
  /** The columns the file has: an update writes only these. */
  columns: Set<MemberColumnKey>;
};

// ---------------------------------------------------------------------------------------------
// Cells

type CellValue = ExcelJS.CellValue;

/** The text of any cell: strings trimmed, rich text joined, formulas by their result. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('').trim();
    if ('formula' in v || 'sharedFormula' in v) return cellText((v as { result?: CellValue }).result);
    if ('text' in v && typeof (v as { text?: unknown }).text === 'string') return ((v as { text: string }).text).trim();
    if ('error' in v) return '';
  }
  return String(v).trim();
}

const datePattern = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT].*)?$/;
const compactDatePattern = /^(\d{4})(\d{2})(\d{2})$/;

/** Excel's day serial (1900 system, with its phantom 1900-02-29; or the 1904 system). */
export function excelSerialToIsoDate(serial: number, date1904 = false): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const days = Math.floor(serial);
  if (date1904) return addDays('1904-01-01', days);
  return addDays(days < 60 ? '1899-12-31' : '1899-12-30', days);
}

/** '2025-03-01', '2025/3/1', '2025.3.1', '2025年3月1日', '20250301' → '2025-03-01'; null if not a real date. */
export function parseDateText(text: string): IsoDate | null {
  if (isIsoDate(text)) return text; // the usual case, without a regular expression
  const m = datePattern.exec(text) ?? compactDatePattern.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

type DateCell = { value: IsoDate | null; bad: boolean };
const noDate: DateCell = { value: null, bad: false };

function cellDate(v: CellValue | undefined, date1904: boolean): DateCell {
  if (v === null || v === undefined || v === '') return noDate;
  if (typeof v === 'number') {
    const value = excelSerialToIsoDate(v, date1904);
    return { value, bad: value === null };
  }
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { value: null, bad: true };
    // exceljs gives Excel dates as UTC midnight.
    return { value: v.toISOString().slice(0, 10), bad: false };
  }
  if (typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) return cellDate((v as { result?: CellValue }).result, date1904);
  const text = cellText(v);
  if (!text) return noDate;
  const value = parseDateText(text);
  return { value, bad: value === null };
}

function normalizeHeader(text: string): string {
  return text.replace(/[\s*＊:：]/g, '').replace(/[（(].*[)）]$/, '');
}

const columnByHeader = new Map<string, MemberColumnKey>();
for (const c of memberColumns) for (const h of [c.header, ...c.aliases]) columnByHeader.set(h, c.key);

const educationLabelsText = Object.values(educationLabels).join('、');
const positionLabelsText = Object.values(positionLabels).join('、');
const statusLabelsText = Object.values(memberStatusLabels).join('、');

// ---------------------------------------------------------------------------------------------
// Parse and validate

export type ParseOptions = {
  /** Keep the valid rows in the result (default true; off when onRow takes them). */
  keepRows?: boolean;
  /** Each valid row as soon as it is checked, while the file has no problem so far; may apply backpressure. */
  onRow?: (row: ParsedMemberRow, columns: Set<MemberColumnKey>) => void | Promise<void>;
  onProgress?: (p: { phase: 'parse'; done: number }) => void;
  /** Bytes of a file read so far (a path input), for a progress bar. */
  onBytes?: (read: number, total: number) => void;
  /**
   * Where exceljs runs: in a worker thread (reading and checking on two cores), inline, or 'auto':
   * a worker for a path or bytes of at least WORKER_MIN_BYTES.
   */
  reader?: 'auto' | 'worker' | 'inline';
  /** A worker already reading this input (startWorkerReading): its rows are checked, once. */
  started?: WorkerReading | null;
};

/**
 * An .xlsx to read: a path, the bytes, a stream, or a function that opens a fresh stream. All but a
 * bare stream can be read twice (see the exceljs race below) and, if large, in a worker thread.
 */
export type MemberFileInput = string | Buffer | Readable | (() => Readable);

/** Below this a worker thread's start-up (≈0.2 s: a thread, exceljs loaded again) is not worth it. */
export const WORKER_MIN_BYTES = 1024 * 1024;
/** Rows per chunk handed from the reader to the checker. */
const FEED_CHUNK_ROWS = 500;

/**
 * What the checker reads: worksheets, and their rows in flat chunks
 * `[rowNumber, length, v1 … v(length-1), rowNumber, …]` (cell values as exceljs gives them).
 */
type FeedEvent = { type: 'sheet'; date1904: boolean } | { type: 'rows'; flat: unknown[] };
/** Set by the checker once the roster sheet is done: the reader skips the remaining sheets. */
type FeedControl = { skipRest: boolean };

/** exceljs's streaming reader in this thread, with its default options (as the benchmark's floor). */
async function* inlineFeed(source: Readable | string | Buffer, control: FeedControl, onBytes?: ParseOptions['onBytes']): AsyncGenerator<FeedEvent> {
  // A path or bytes with their worksheets last (xlsx-entry-order.mjs, ADR 0009).
  const stream = typeof source === 'string' || Buffer.isBuffer(source) ? await openForReading(source, onBytes) : source;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream as unknown as import('stream').Stream, {});
  const props = reader as unknown as { properties?: { date1904?: boolean } };
  for await (const sheet of reader) {
    // Sheets after the roster are read through without keeping anything. Leaving one unread is not
    // safe: a sheet stored before the shared strings sits in a temp file that exceljs deletes as soon
    // as we move on, while its read stream may still be opening it, an uncaught ENOENT (seen in CI).
    if (control.skipRest) {
      for await (const _row of sheet) void _row;
      continue;
    }
    yield { type: 'sheet', date1904: !!props.properties?.date1904 };
    let flat: unknown[] = [];
    let count = 0;
    for await (const row of sheet) {
      packRow(flat, row);
      if (++count === FEED_CHUNK_ROWS) {
        yield { type: 'rows', flat };
        flat = [];
        count = 0;
      }
    }
    if (count) yield { type: 'rows', flat };
  }
}

type WorkerMessage = FeedEvent | { type: 'bytes'; read: number; total: number } | { type: 'end' } | { type: 'error'; message: string };

/** exceljs at work on a file in a worker thread; its rows wait, a few chunks at most, to be checked. */
export type WorkerReading = {
  /** The file's sheets and rows, once: the checker sets `control.skipRest` to stop after the roster. */
  feed: (control: FeedControl) => AsyncGenerator<FeedEvent>;
  /** Stops the worker (nothing is read any more); harmless once the feed has finished. */
  cancel: () => Promise<void>;
};

/**
 * Starts exceljs in a worker thread (xlsx-rows.worker.mjs): the file is parsed on one core while its
 * rows are checked, encrypted and written on another. It starts at once, so that it loads exceljs
 * and reads the shared strings while the importer loads the court's context. The worker's heap is
 * capped, so a big file's garbage stays bounded; chunks are acknowledged, so a slow database holds
 * the reader back.
 */
export function startWorkerReading(input: string | Buffer, onBytes?: ParseOptions['onBytes']): WorkerReading {
  const worker = new Worker(new URL('./xlsx-rows.worker.mjs', import.meta.url), {
    workerData: { input },
    // The worker is plain JavaScript: it needs none of the parent's loader flags. Inheriting them
    // (`--import tsx` under the benchmark and some test runners) made every module it loads, exceljs
    // and its dependencies, go through the TypeScript loader's hooks: ~0.3 s of CPU per import.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
  const queue: WorkerMessage[] = [];
  let notify: (() => void) | null = null;
  let failure: Error | null = null;
  let done = false;
  const wakeUp = () => {
    const n = notify;
    notify = null;
    n?.();
  };
  worker.on('message', (m: WorkerMessage) => {
    if (m.type === 'bytes') onBytes?.(m.read, m.total);
    else queue.push(m);
    wakeUp();
  });
  worker.on('error', (err: Error & { code?: string }) => {
    failure = err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new AppError('FILE_TOO_LARGE', '文件过大，读取时内存不足，请分批导入') : err;
    wakeUp();
  });
  worker.on('exit', (code) => {
    if (!done) failure ??= new Error(`读取 Excel 的工作线程意外退出（${code}）`);
    wakeUp();
  });
  const cancel = async () => {
    done = true;
    await worker.terminate();
  };
  async function* feed(control: FeedControl): AsyncGenerator<FeedEvent> {
    let stopSent = false;
    try {
      for (;;) {
        while (!queue.length && !failure) await new Promise<void>((resolve) => (notify = resolve));
        const m = queue.shift();
        if (!m) throw failure!;
        if (m.type === 'end') return;
        if (m.type === 'error') throw new Error(m.message);
        if (m.type === 'bytes') continue;
        if (m.type === 'sheet' && control.skipRest) {
          if (!stopSent) worker.postMessage('stop');
          stopSent = true;
          continue;
        }
        yield m;
        if (m.type === 'rows') worker.postMessage('ack');
      }
    } finally {
      await cancel();
    }
  }
  return { feed, cancel };
}

/** Whether the input is read in a worker thread (ParseOptions.reader). */
function readsInWorker(input: MemberFileInput, reader: ParseOptions['reader'] = 'auto'): input is string | Buffer {
  if (typeof input !== 'string' && !Buffer.isBuffer(input)) return false;
  if (reader !== 'auto') return reader === 'worker';
  return (typeof input === 'string' ? statSync(input).size : input.length) >= WORKER_MIN_BYTES;
}

/**
 * Reads the roster sheet of an .xlsx and validates every row against the court. Pure apart from
 * reading the input: no database, no writes. Stops keeping rows at the first problem, but goes on
 * checking so that the report lists every problem.
 */
export async function parseMemberRows(input: MemberFileInput, ctx: MemberImportContext, opts: ParseOptions = {}): Promise<ParseResult> {
  const useWorker = !!opts.started || readsInWorker(input, opts.reader);
  // exceljs 4.4's streaming reader sometimes loses xl/workbook.xml when it is the zip's last entry
  // (exceljs-written files, our own template included) and throws before the first row
  // (exceljs#3064). Nothing has been read or written by then, so the file is read again (the
  // worker does the same on its side). A path or bytes are read with the worksheets last, so
  // workbook.xml is no longer last; a bare stream still can be.
  for (let attempt = 1; ; attempt++) {
    const control: FeedControl = { skipRest: false };
    const state: ParseState = { rowsSeen: 0, callbackFailure: null };
    const feed = useWorker
      ? (opts.started ?? startWorkerReading(input as string | Buffer, opts.onBytes)).feed(control)
      : inlineFeed(typeof input === 'function' ? input() : input, control, opts.onBytes);
    try {
      return await parseFeed(feed, control, ctx, opts, state);
    } catch (err) {
      if (err instanceof AppError || (state.callbackFailure !== null && err === state.callbackFailure)) throw err;
      const retryable = !useWorker && !(input instanceof Readable) && state.rowsSeen === 0 && attempt < 4 && err instanceof TypeError && /'sheets'/.test(err.message);
      if (retryable) continue;
      const unreadable = memberInvalidField('file', '无法读取文件，请上传 Excel（.xlsx）格式的文件');
      (unreadable as Error & { cause?: unknown }).cause = err;
      throw unreadable;
    }
  }
}

type ParseState = { rowsSeen: number; callbackFailure: unknown };

async function parseFeed(feed: AsyncIterable<FeedEvent>, control: FeedControl, ctx: MemberImportContext, opts: ParseOptions, state: ParseState): Promise<ParseResult> {
  const keepRows = opts.keepRows ?? true;
  const result: ParseResult = { rows: [], existingCount: 0, problems: [], problemCount: 0, rowCount: 0, columns: new Set() };
  const problem = (row: number, column: string, message: string) => {
    result.problemCount++;
    if (result.problems.length < MAX_KEPT_PROBLEMS) result.problems.push({ row, column, message });
    if (result.rows.length) result.rows = [];
  };
  const seenIds = new Map<string, number>();
  // One roster sheet counts: the first whose header (within its first 5 rows) names at least two of
  // our columns; a title row above the header is allowed. Other sheets (可选值, 填写说明) are skipped.
  let scan: RowScan | null = null;
  let headerRow = 0;
  let sawSheet = false;
  let skipSheet = false;
  let stop = false;
  let date1904 = false;
  const closeRoster = () => {
    if (scan && result.rowCount === 0 && !result.problemCount) problem(headerRow + 1, '', '文件中没有党员数据');
  };

  for await (const ev of feed) {
    if (ev.type === 'sheet') {
      sawSheet = true;
      date1904 = ev.date1904;
      if (scan) {
        control.skipRest = true;
        stop = true;
      }
      skipSheet = false;
      continue;
    }
    const flat = ev.flat;
    for (let o = 0; o < flat.length; ) {
      const rowNumber = flat[o] as number;
      const len = flat[o + 1] as number;
      const base = o + 1;
      o = base + len;
      state.rowsSeen++;
      if (stop || skipSheet) continue;
      if (!scan) {
        if (rowNumber > 5) {
          skipSheet = true;
          continue;
        }
        const found = new Map<MemberColumnKey, number>();
        for (let i = 1; i < len; i++) {
          const key = columnByHeader.get(normalizeHeader(cellText(flat[base + i] as CellValue)));
          if (key && !found.has(key)) found.set(key, i);
        }
        if (found.size < 2) continue;
        scan = new RowScan(found, problem);
        headerRow = rowNumber;
        for (const k of found.keys()) result.columns.add(k);
        for (const key of ['name', 'idNumber', 'status'] as const) {
          if (!found.has(key)) problem(rowNumber, columnHeader[key], `缺少“${columnHeader[key]}”列`);
        }
        if (!found.has('org') && !ctx.defaultOrg) problem(rowNumber, columnHeader.org, '缺少“所在党支部”列：请加上该列，或在导入时选定党组织');
        // Without its key columns no row can be checked: report the header alone.
        if (result.problemCount) stop = true;
        continue;
      }
      scan.flat = flat;
      scan.base = base;
      scan.len = len;
      scan.row = rowNumber;
      const parsed = validateRow(scan, ctx, result, seenIds, date1904);
      if (parsed) {
        if (parsed.existing) result.existingCount++;
        if (keepRows) result.rows.push(parsed);
        if (opts.onRow) {
          try {
            const wait = opts.onRow(parsed, result.columns);
            if (wait) await wait;
          } catch (err) {
            state.callbackFailure = err;
            throw err;
          }
        }
      }
      if (opts.onProgress && result.rowCount % 1000 === 0) opts.onProgress({ phase: 'parse', done: result.rowCount });
      if (result.rowCount > MAX_IMPORT_ROWS) {
        problem(rowNumber, '', `一次最多导入${MAX_IMPORT_ROWS}行，请分批导入`);
        stop = true;
      }
    }
  }
  if (!sawSheet) throw memberInvalidField('file', '无法读取文件，请上传 Excel（.xlsx）格式的文件');
  if (scan) closeRoster();
  else problem(1, '', '没有找到表头：第一行应为“姓名、身份证号、党员状态……”等列名，请使用导入模板');
  return result;
}

/**
 * One row's cells, read by column key from the chunk it came in. A single instance serves the whole
 * sheet: no closures or arrays are made per row (100,000 rows × a few of them is measurable).
 */
class RowScan {
  flat: unknown[] = [];
  base = 0;
  len = 0;
  row = 0;
  constructor(
    readonly colOf: Map<MemberColumnKey, number>,
    private readonly problem: (row: number, column: string, message: string) => void,
  ) {}

  has(key: MemberColumnKey): boolean {
    return this.colOf.has(key);
  }

  at(i: number): CellValue | undefined {
    return i < this.len ? (this.flat[this.base + i] as CellValue) : undefined;
  }

  raw(key: MemberColumnKey): CellValue | undefined {
    const i = this.colOf.get(key);
    return i === undefined ? undefined : this.at(i);
  }

  text(key: MemberColumnKey): string | undefined {
    const i = this.colOf.get(key);
    return i === undefined ? undefined : cellText(this.at(i));
  }

  /** A problem in this row, under the column header the user sees. */
  bad(field: string, message: string): void {
    this.problem(this.row, headerOfField[field] ?? field, message);
  }
}

function validateRow(
  scan: RowScan,
  ctx: MemberImportContext,
  result: ParseResult,
  seenIds: Map<string, number>,
  date1904: boolean,
): ParsedMemberRow | null {
  const rowNumber = scan.row;
  // An empty row is not data.
  let empty = true;
  for (const i of scan.colOf.values()) {
    const v = scan.at(i);
    if (v !== undefined && v !== null && v !== '' && cellText(v) !== '') {
      empty = false;
      break;
    }
  }
  if (empty) return null;

  const name = scan.text('name') ?? '';
  const idRaw = scan.raw('idNumber');
  const idText = cellText(idRaw);
  if (name === sampleMember.name && idText === sampleMember.idNumber) return null;
  result.rowCount++;

  if (!name) scan.bad('name', '姓名不能为空');
  else if (name.length > 32) scan.bad('name', '姓名最多32个字');

  // Gender and birth date, when given, must agree with the 身份证号.
  const genderText = scan.text('gender');
  let gender: Gender | undefined;
  if (genderText) {
    gender = genderByLabel.get(genderText);
    if (!gender) scan.bad('gender', '性别应为“男”或“女”');
  }
  const birthCell = scan.has('birthDate') ? cellDate(scan.raw('birthDate'), date1904) : noDate;
  if (birthCell.bad) scan.bad('birthDate', '出生日期不是有效日期（如1990-05-01、1990/5/1、1990年5月1日）');

  let identity: ReturnType<typeof checkIdentity>['identity'] = null;
  if (!idText) scan.bad('idNumber', '身份证号不能为空');
  else if (typeof idRaw === 'number') scan.bad('idNumber', '身份证号被 Excel 存成了数字，后几位可能已丢失：请把该列设为文本格式后重新填写');
  else if (idText.includes('*')) scan.bad('idNumber', '这是脱敏后的身份证号（导出的名册不能直接导入），请填写完整号码');
  else {
    const checked = checkIdentity({ idNumber: idText, gender, birthDate: birthCell.value }, ctx.today);
    identity = checked.identity;
    for (const p of checked.problems) scan.bad(p.field, p.message);
  }

  let idNumberHash = '';
  let existing: repo.ExistingMember | null = null;
  if (identity) {
    const first = seenIds.get(identity.idNumber);
    if (first !== undefined) scan.bad('idNumber', `与第${first}行的身份证号重复`);
    else seenIds.set(identity.idNumber, rowNumber);
    idNumberHash = ctx.hashIdNumber(identity.idNumber);
    existing = ctx.existing.get(idNumberHash) ?? null;
    if (existing && !ctx.canManage({ courtId: ctx.courtId, path: existing.orgPath })) {
      scan.bad('idNumber', '本院已有该身份证号的党员，且不在您的管理范围内，不能导入更新');
    }
  }

  // 所在党支部: by name within the court, or the import's org when empty.
  const orgText = scan.text('org');
  let org: ImportOrg | null = null;
  if (orgText) {
    const hit = ctx.orgsByName.get(orgText);
    if (!hit) scan.bad('orgId', `本院没有名为“${orgText}”的党组织`);
    else if (hit === 'ambiguous') scan.bad('orgId', `本院有多个名为“${orgText}”的党组织，请填写全称`);
    else if (!(memberOrgTypes as readonly string[]).includes(hit.type)) {
      scan.bad('orgId', hit.type === 'partyGroup' ? `“${orgText}”是党小组，请填在“党小组”列，并在“所在党支部”填写其所在支部` : `党员不能编入“${orgText}”，请填写党支部`);
    } else if (!ctx.canManage(hit)) scan.bad('orgId', `“${orgText}”不在您的管理范围内`);
    else org = hit;
  } else if (ctx.defaultOrg) {
    org = ctx.defaultOrg;
  } else if (existing) {
    org = { id: existing.orgId, courtId: ctx.courtId, path: existing.orgPath, name: '', type: 'branch' };
  } else {
    scan.bad('orgId', '请填写所在党支部');
  }

  // Without a 党小组 column a member keeps their group, unless they move to another branch.
  let groupId: string | null = existing && org && existing.orgId === org.id ? existing.groupId : null;
  if (scan.has('group')) {
    const groupText = scan.text('group');
    groupId = null;
    if (groupText && org) {
      const hit = ctx.groupsUnder.get(org.id)?.get(groupText);
      if (!hit) scan.bad('groupId', `所在党支部下没有名为“${groupText}”的党小组`);
      else if (hit === 'ambiguous') scan.bad('groupId', `所在党支部下有多个名为“${groupText}”的党小组`);
      else groupId = hit.id;
    }
  }

  let departmentId: string | null | undefined;
  if (scan.has('department')) {
    const deptText = scan.text('department');
    departmentId = null;
    if (deptText) {
      const hit = ctx.departmentsByName.get(deptText);
      if (!hit) scan.bad('departmentId', `本院没有名为“${deptText}”的部门`);
      else if (hit === 'ambiguous') scan.bad('departmentId', `本院有多个名为“${deptText}”的部门`);
      else departmentId = hit;
    }
  }

  let phone: string | null | undefined;
  if (scan.has('phone')) {
    const phoneText = scan.text('phone');
    const r = checkPhone(phoneText);
    if (r.problem) scan.bad('phone', phoneText?.includes('*') ? '这是脱敏后的手机号码，请填写完整号码' : r.problem.message);
    phone = r.phone;
  }

  let education: Education | null | undefined;
  if (scan.has('education')) {
    const t = scan.text('education');
    education = null;
    if (t) {
      education = educationByLabel.get(t) ?? null;
      if (!education) scan.bad('education', `学历应为：${educationLabelsText}`);
    }
  }

  let position: Position | null | undefined;
  if (scan.has('position')) {
    const t = scan.text('position');
    position = null;
    if (t) {
      position = positionByLabel.get(t) ?? null;
      if (!position) scan.bad('position', `岗位应为：${positionLabelsText}`);
    }
  }

  const statusText = scan.text('status') ?? '';
  let status: MemberStatus | undefined;
  if (!statusText) scan.bad('status', '党员状态不能为空');
  else {
    status = statusByLabel.get(statusText);
    if (!status) scan.bad('status', `党员状态应为：${statusLabelsText}`);
  }

  let isRetired: boolean | null | undefined;
  if (scan.has('isRetired')) {
    const v = scan.raw('isRetired');
    if (typeof v === 'boolean') isRetired = v;
    else {
      const t = cellText(v);
      isRetired = t ? retiredByLabel.get(t) : null;
      if (isRetired === undefined) scan.bad('isRetired', '离退休应填“是”或“否”');
    }
  }

  const ethnicity = scan.text('ethnicity');
  if (ethnicity && ethnicity.length > 16) scan.bad('ethnicity', '民族最多16个字');
  const jobTitle = scan.text('jobTitle');
  if (jobTitle && jobTitle.length > 32) scan.bad('jobTitle', '职务最多32个字');
  const note = scan.text('note');
  if (note && note.length > 500) scan.bad('note', '备注最多500个字');

  let joinedOn: IsoDate | null | undefined;
  let fullMemberSince: IsoDate | null | undefined;
  if (scan.has('joinedOn')) {
    const c = cellDate(scan.raw('joinedOn'), date1904);
    if (c.bad) scan.bad('joinedOn', '入党时间不是有效日期（如2025-03-01、2025/3/1、2025年3月1日）');
    joinedOn = c.value;
  }
  if (scan.has('fullMemberSince')) {
    const c = cellDate(scan.raw('fullMemberSince'), date1904);
    if (c.bad) scan.bad('fullMemberSince', '转正时间不是有效日期（如2025-03-01、2025/3/1、2025年3月1日）');
    fullMemberSince = c.value;
  }
  if (identity && status) {
    for (const p of checkDates({ birthDate: identity.birthDate, joinedOn: joinedOn ?? null, fullMemberSince: fullMemberSince ?? null, status }, ctx.today, ctx.config)) {
      scan.bad(p.field, p.message);
    }
  }

  // Once the file has a problem nothing will be written: stop keeping rows, go on checking.
  if (result.problemCount || !identity || !org || !status) return null;
  return {
    row: rowNumber,
    idNumberHash,
    existing,
    values: {
      name,
      gender: identity.gender,
      birthDate: identity.birthDate,
      idNumber: identity.idNumber,
      phone,
      ethnicity: scan.has('ethnicity') ? ethnicity || null : undefined,
      education,
      orgId: org.id,
      orgPath: org.path,
      groupId,
      departmentId,
      position,
      jobTitle: scan.has('jobTitle') ? jobTitle || null : undefined,
      joinedOn,
      fullMemberSince,
      status,
      isRetired,
      note: scan.has('note') ? note || null : undefined,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Context: what the court has, loaded in a few queries before the file is read

function toImportOrg(o: repo.OrgRow): ImportOrg {
  return { id: o.id, courtId: o.courtId, name: o.name, type: o.type, path: o.path };
}

function addUnique<V extends { id: string } | string>(map: Map<string, V | 'ambiguous'>, key: string | null | undefined, value: V) {
  if (!key) return;
  const k = key.trim();
  const prev = map.get(k);
  const id = (v: V | 'ambiguous') => (typeof v === 'string' ? v : v.id);
  if (prev === undefined) map.set(k, value);
  else if (prev !== 'ambiguous' && id(prev) !== id(value)) map.set(k, 'ambiguous');
}

/**
 * The import's court and default org, checked against the caller: the org must be one members are
 * organized in and that the caller manages; without an org, the court the caller manages (or the
 * one named when they manage several).
 */
export async function loadImportContext(deps: Deps, actor: Actor, opts: { courtId?: string; orgId?: string }): Promise<MemberImportContext> {
  forbidIf(!membersPolicy.import(actor));
  let courtId: string;
  let defaultOrg: ImportOrg | null = null;
  if (opts.orgId) {
    const org = await repo.findOrg(deps.db, opts.orgId);
    if (!org || org.dissolvedOn || !membersPolicy.seeCourt(actor, org.courtId)) throw memberInvalidField('orgId', '党组织不存在');
    if (!(memberOrgTypes as readonly string[]).includes(org.type)) throw memberInvalidField('orgId', `党员不能编入“${org.name}”，请选择党支部`);
    forbidIf(!membersPolicy.manageOrg(actor, org));
    if (opts.courtId && opts.courtId !== org.courtId) throw memberInvalidField('orgId', '党组织不属于所选法院');
    courtId = org.courtId;
    defaultOrg = toImportOrg(org);
  } else if (opts.courtId) {
    forbidIf(!membersPolicy.manageCourtIds(actor).includes(opts.courtId));
    courtId = opts.courtId;
  } else {
    const ids = membersPolicy.manageCourtIds(actor);
    forbidIf(ids.length === 0);
    if (ids.length > 1) throw memberInvalidField('courtId', '您管理多个法院的党员，请选择要导入的法院');
    courtId = ids[0]!;
  }

  const orgs = await repo.listCourtOrgs(deps.db, courtId);
  const orgsByName = new Map<string, ImportOrg | 'ambiguous'>();
  const groupsUnder = new Map<string, Map<string, ImportOrg | 'ambiguous'>>();
  for (const o of orgs) {
    const io = toImportOrg(o);
    addUnique(orgsByName, o.name, io);
    addUnique(orgsByName, o.shortName, io);
    if (o.type === 'partyGroup') {
      // Listed under every ancestor, so a group is found from its branch or the general branch above.
      for (const ancestorId of o.path.split('/').filter((x) => x && x !== o.id)) {
        let m = groupsUnder.get(ancestorId);
        if (!m) groupsUnder.set(ancestorId, (m = new Map()));
        addUnique(m, o.name, io);
        addUnique(m, o.shortName, io);
      }
    }
  }
  const departmentsByName = new Map<string, string | 'ambiguous'>();
  for (const d of await repo.listCourtDepartments(deps.db, courtId)) addUnique(departmentsByName, d.name, d.id);

  return {
    courtId,
    today: todayInShanghai(deps.now()),
    config: await getRuleConfig(deps.db, courtId),
    defaultOrg,
    orgsByName,
    groupsUnder,
    departmentsByName,
    canManage: (org) => membersPolicy.manageOrg(actor, org),
    existing: await repo.loadMembersByHash(deps.db, courtId),
    hashIdNumber: (idNumber) => deps.crypto.hash(idNumber),
  };
}

// ---------------------------------------------------------------------------------------------
// Write: one transaction, batched upserts keyed by 身份证号 hash

export type ImportProgress = { phase: 'parse' | 'write'; done: number };

/** Audit entries name at most this many members (an import of 100,000 is summarized). */
const MAX_AUDITED_MEMBERS = 1_000;

type AuditedMember = { id: string; name: string; idNumberMasked: string; op: 'create' | 'update' };

/** One member column of the batched upsert: its SQL name and type, and how a row fills it. */
type BatchColumn = { column: string; type: string; value: (r: ParsedMemberRow, s: Sealed) => unknown };
type Sealed = { id: string; idNumberEnc: string; idNumberMasked: string; phoneEnc: string | null; phoneHash: string | null; phoneMasked: string | null };

const batchColumns: BatchColumn[] = [
  { column: 'id', type: 'uuid', value: (_r, s) => s.id },
  { column: 'org_id', type: 'uuid', value: (r) => r.values.orgId },
  { column: 'org_path', type: 'text', value: (r) => r.values.orgPath },
  { column: 'group_id', type: 'uuid', value: (r) => r.values.groupId },
  { column: 'name', type: 'text', value: (r) => r.values.name },
  { column: 'gender', type: 'text', value: (r) => r.values.gender },
  { column: 'ethnicity', type: 'text', value: (r) => r.values.ethnicity || '汉族' },
  { column: 'birth_date', type: 'date', value: (r) => r.values.birthDate },
  { column: 'id_number_enc', type: 'text', value: (_r, s) => s.idNumberEnc },
  { column: 'id_number_hash', type: 'text', value: (r) => r.idNumberHash },
  { column: 'id_number_masked', type: 'text', value: (_r, s) => s.idNumberMasked },
  { column: 'phone_enc', type: 'text', value: (_r, s) => s.phoneEnc },
  { column: 'phone_hash', type: 'text', value: (_r, s) => s.phoneHash },
  { column: 'phone_masked', type: 'text', value: (_r, s) => s.phoneMasked },
  { column: 'education', type: 'text', value: (r) => r.values.education ?? null },
  { column: 'department_id', type: 'uuid', value: (r) => r.values.departmentId ?? null },
  { column: 'position', type: 'text', value: (r) => r.values.position ?? 'other' },
  { column: 'job_title', type: 'text', value: (r) => r.values.jobTitle ?? null },
  { column: 'joined_on', type: 'date', value: (r) => r.values.joinedOn ?? null },
  { column: 'full_member_since', type: 'date', value: (r) => r.values.fullMemberSince ?? null },
  { column: 'status', type: 'text', value: (r) => r.values.status },
  { column: 'is_retired', type: 'bool', value: (r) => r.values.isRetired ?? false },
  { column: 'note', type: 'text', value: (r) => r.values.note ?? null },
];

/**
 * UUIDv7s for a batch (DESIGN.md § Data: made in the app), with their random bits drawn in one go:
 * the uuid library draws 16 random bytes per id otherwise, which costs more than the rest of v7.
 */
function newIds(n: number): string[] {
  const pool = randomBytes(16 * n);
  const out: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = uuidV7({ random: pool.subarray(i * 16, i * 16 + 16) });
  return out;
}

/**
 * A PostgreSQL array literal: every element quoted (so commas, braces, spaces and the text NULL are
 * safe), a null bare NULL. Most of a batch's columns have no null and nothing to escape: those are
 * one join, and an all-null column one repeat. Building every element as its own string was the
 * largest source of garbage in an import (bench/).
 */
export function pgArray(values: readonly unknown[]): string {
  let nulls = 0;
  let plain = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) nulls++;
    else if (typeof v !== 'string' || v.includes('"') || v.includes('\\')) plain = false;
  }
  if (!values.length) return '{}';
  if (nulls === values.length) return `{${'NULL,'.repeat(values.length - 1)}NULL}`;
  if (plain && nulls === 0) return `{"${values.join('","')}"}`;
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) parts[i] = 'NULL';
    else if (typeof v === 'boolean') parts[i] = v ? 't' : 'f';
    else {
      const text = String(v);
      parts[i] = /["\\]/.test(text) ? `"${text.replace(/["\\]/g, '\\$&')}"` : `"${text}"`;
    }
  }
  return `{${parts.join(',')}}`;
}

function arrayLiteral(rows: ParsedMemberRow[], sealed: Sealed[], c: BatchColumn): string {
  const values = new Array<unknown>(rows.length);
  for (let i = 0; i < rows.length; i++) values[i] = c.value(rows[i]!, sealed[i]!);
  return pgArray(values);
}

/** An update writes the columns the file has; the rest of a known member's record stays as it was. */
function updateColumns(cols: Set<MemberColumnKey>): string[] {
  const out = ['org_id', 'org_path', 'group_id', 'name', 'gender', 'birth_date', 'status'];
  const optional: [MemberColumnKey, string[]][] = [
    ['ethnicity', ['ethnicity']],
    ['phone', ['phone_enc', 'phone_hash', 'phone_masked']],
    ['education', ['education']],
    ['department', ['department_id']],
    ['position', ['position']],
    ['jobTitle', ['job_title']],
    ['joinedOn', ['joined_on']],
    ['fullMemberSince', ['full_member_since']],
    ['isRetired', ['is_retired']],
    ['note', ['note']],
  ];
  for (const [key, columns] of optional) if (cols.has(key)) out.push(...columns);
  return out;
}

/** A batch ready for the database: its statements, in order. */
type PreparedBatch = { statements: SQL[]; rowCount: number };

export type MemberRowWriter = {
  /** Queues a valid row; resolves when the caller may go on (at most one batch is in flight). */
  push: (row: ParsedMemberRow) => void | Promise<void>;
  /** Writes what is left and waits for every batch. */
  finish: () => Promise<{ created: number; updated: number; audited: AuditedMember[] }>;
  /** Waits for the batches in flight, ignoring their outcome (the transaction is being abandoned). */
  settle: () => Promise<void>;
};

/**
 * Batched writes inside the caller's transaction: IMPORT_BATCH_ROWS rows a statement, one array
 * parameter per column, so the statement text stays the same whatever the batch holds. Known members
 * (by 身份证号 hash) are updated in place, and get a status-history entry when their status changed.
 * While a batch is being written, the next one is being read and checked.
 */
export function createMemberRowWriter(
  deps: Deps,
  tx: DbOrTx,
  ctx: MemberImportContext,
  cols: Set<MemberColumnKey>,
  changedBy: string | null,
  onProgress?: (p: ImportProgress) => void,
): MemberRowWriter {
  const setList = sql.raw(
    [...updateColumns(cols).map((c) => `${c} = excluded.${c}`), 'version = members.version + 1', 'updated_at = now()'].join(', '),
  );
  const columnList = sql.raw(batchColumns.map((c) => c.column).join(', '));

  let batch: ParsedMemberRow[] = [];
  const inflight: Promise<void>[] = [];
  let failure: unknown = null;
  let written = 0;
  let created = 0;
  let updated = 0;
  const audited: AuditedMember[] = [];

  /** Known members updated in place, new ones inserted, by one statement with array parameters. */
  const upsertStatement = (rows: ParsedMemberRow[], sealed: Sealed[]): SQL => {
    // One parameter per column: a PostgreSQL array literal built here (cheaper than the driver's
    // per-element escaping), unnested on the server. Each literal stays small (a batch's names,
    // its ciphertexts…), so none lands in V8's large-object space to wait for a full GC.
    const arrays = batchColumns.map((c) => sql`${arrayLiteral(rows, sealed, c)}::${sql.raw(c.type)}[]`);
    // New members (by the preloaded hashes) go in with a plain INSERT: no speculative insertion per
    // row. Should someone register one of them meanwhile, the unique index stops the transaction.
    // (COPY was measured too: PostgreSQL saved ~0.4 s of 3 s on 100,000 rows, the writing thread
    // spent ~2.5 s more through pg-copy-streams.)
    const onConflict = rows.some((r) => r.existing) ? sql` on conflict (court_id, id_number_hash) do update set ${setList}` : sql``;
    return sql`
      insert into members (court_id, ${columnList})
      select ${ctx.courtId}::uuid, u.* from unnest(${sql.join(arrays, sql`, `)}) as u${onConflict}`;
  };

  /**
   * Everything a batch needs before the database sees it: ids, ciphertexts, the statements and the
   * bookkeeping. Done while the previous batch is still being written, so the database does not sit
   * idle while this thread encrypts (a fifth of the thread's work in an import).
   */
  const prepare = (rows: ParsedMemberRow[]): PreparedBatch => {
    // Encrypt here, batch by batch: 100,000 ciphertexts never sit in memory at once.
    const ids = newIds(rows.length);
    const sealed: Sealed[] = rows.map((r, i) => {
      const phone = r.values.phone ?? null;
      return {
        id: r.existing?.id ?? ids[i]!,
        idNumberEnc: deps.crypto.encrypt(r.values.idNumber),
        idNumberMasked: maskIdNumber(r.values.idNumber),
        phoneEnc: phone ? deps.crypto.encrypt(phone) : null,
        phoneHash: phone ? deps.crypto.hash(phone) : null,
        phoneMasked: phone ? maskPhone(phone) : null,
      };
    });
    const prepared: PreparedBatch = { statements: [upsertStatement(rows, sealed)], rowCount: rows.length };

    // The history records changes of status: a known member whose status the file changes.
    // (A new member's first status is in the record itself and in the audit entry.)
    const history: (string | null)[][] = [];
    rows.forEach((r, i) => {
      const s = sealed[i]!;
      const before = r.existing?.status;
      if (!r.existing) created++;
      else {
        updated++;
        if (before !== r.values.status) history.push([newId(), s.id, before ?? null, r.values.status, ctx.today, '批量导入']);
      }
      if (audited.length < MAX_AUDITED_MEMBERS) audited.push({ id: s.id, name: r.values.name, idNumberMasked: s.idNumberMasked, op: r.existing ? 'update' : 'create' });
    });
    if (history.length) {
      const col = (i: number) => pgArray(history.map((h) => h[i] ?? null));
      prepared.statements.push(sql`
        insert into member_status_history (court_id, changed_by, id, member_id, from_status, to_status, changed_on, reason)
        select ${ctx.courtId}::uuid, ${changedBy}::uuid, u.*
        from unnest(${col(0)}::uuid[], ${col(1)}::uuid[], ${col(2)}::text[], ${col(3)}::text[], ${col(4)}::date[], ${col(5)}::text[]) as u`);
    }
    return prepared;
  };

  const send = async (batch: PreparedBatch) => {
    for (const statement of batch.statements) await tx.execute(statement);
    written += batch.rowCount;
    onProgress?.({ phase: 'write', done: written });
  };

  const cut = async () => {
    if (failure) throw failure;
    const rows = batch;
    batch = [];
    const prepared = prepare(rows);
    // One batch in flight: the database writes it while this thread checks and prepares the next
    // rows. (Two queued batches measured slower and larger: the threads then fight for the cores.)
    while (inflight.length >= MAX_BATCHES_IN_FLIGHT) await inflight.shift();
    if (failure) throw failure;
    // Remember a failure now; it is thrown at the next push or at finish.
    inflight.push(
      send(prepared).then(
        () => undefined,
        (err: unknown) => {
          failure ??= err;
        },
      ),
    );
  };
  const drain = async () => {
    while (inflight.length) await inflight.shift();
  };

  return {
    push(row) {
      batch.push(row);
      if (batch.length >= IMPORT_BATCH_ROWS) return cut();
    },
    async finish() {
      if (batch.length) await cut();
      await drain();
      if (failure) throw failure;
      return { created, updated, audited };
    },
    settle: drain,
  };
}

function auditImport(tx: DbOrTx, who: AuditActor, ctx: MemberImportContext, info: { fileName?: string; orgId?: string }, r: { created: number; updated: number; audited: AuditedMember[] }) {
  return appendAudit(tx, who, {
    action: 'member.import',
    entity: 'member',
    entityId: null,
    courtId: ctx.courtId,
    after: {
      fileName: info.fileName ?? null,
      orgId: info.orgId ?? null,
      created: r.created,
      updated: r.updated,
      members: r.audited,
      membersTruncated: r.created + r.updated > r.audited.length,
    },
  });
}

/** Someone changed the roster while the file was being written: nothing was, try again. */
function importConflict(err: unknown): unknown {
  const code = pgErrorCode(err);
  if (code === '23505' || code === '23503') {
    return new AppError('VERSION_CONFLICT', '导入期间本院党员名册有变动（如有人登记了相同身份证号的党员），未写入任何数据，请重新导入');
  }
  return err;
}

/** Writes rows already parsed and validated (all of them valid) in one transaction, audited. */
export async function writeMemberRows(
  deps: Deps,
  ctx: MemberImportContext,
  parsed: ParseResult,
  who: AuditActor,
  info: { fileName?: string; orgId?: string; onProgress?: (p: ImportProgress) => void } = {},
): Promise<{ created: number; updated: number }> {
  if (parsed.problemCount) throw new AppError('IMPORT_INVALID');
  try {
    return await deps.db.transaction(async (tx) => {
      const writer = createMemberRowWriter(deps, tx, ctx, parsed.columns, who.userId || null, info.onProgress);
      try {
        for (const row of parsed.rows) await writer.push(row);
        const r = await writer.finish();
        await auditImport(tx, who, ctx, info, r);
        return { created: r.created, updated: r.updated };
      } finally {
        await writer.settle();
      }
    });
  } catch (err) {
    throw importConflict(err);
  }
}

// ---------------------------------------------------------------------------------------------
// The whole import, and the problem reports kept for download

export type ImportOptions = {
  courtId?: string;
  orgId?: string;
  dryRun?: boolean;
  fileName?: string;
  /** Who the audit log names; the caller by default. */
  audit?: AuditActor;
  onProgress?: (p: ImportProgress) => void;
  onBytes?: ParseOptions['onBytes'];
  reader?: ParseOptions['reader'];
};

export type ImportOutcome = ImportResultDetail & { allProblems: ImportProblem[] };

/** Thrown inside the transaction to roll it back when the file has problems. */
class ImportRejected extends Error {
  constructor(readonly parsed: ParseResult) {
    super('import rejected');
  }
}

/**
 * Reads, checks and (when every row is good) writes a roster file. The rows are written while the
 * file is still being read, inside one transaction that is rolled back as soon as the file turns
 * out to have a problem: what is committed is all of the file or nothing, exactly as if every row
 * had been checked first, but the database works while the next rows are parsed.
 */
export async function importMembers(deps: Deps, actor: Actor, input: MemberFileInput, opts: ImportOptions = {}): Promise<ImportOutcome> {
  const outcome = await validateAndWrite(deps, actor, input, opts);
  // A roster of thousands written at once: refresh the planner's statistics so lists and reminders
  // keep their plans. PGlite has no autovacuum (see refreshPlannerStatistics); PostgreSQL's analyzes
  // a table once a tenth of it has changed, within its naptime (a minute), and meanwhile the planner
  // scales its row estimates by the table's actual size, so the importer need not wait for it there.
  if (deps.handle.engine === 'pglite' && outcome.ok && !outcome.dryRun && outcome.created + outcome.updated > 0) {
    await refreshPlannerStatistics(deps.handle, ['members', 'member_status_history']);
  }
  return outcome;
}

async function validateAndWrite(deps: Deps, actor: Actor, input: MemberFileInput, opts: ImportOptions): Promise<ImportOutcome> {
  // A big file is read from the start in a worker, for callers who may import at all: exceljs loads
  // and reads the shared strings (a second or so for 100,000 rows) while this thread loads the
  // court's context (its whole roster by 身份证号 hash, when re-importing).
  forbidIf(!membersPolicy.import(actor));
  const started = readsInWorker(input, opts.reader) ? startWorkerReading(input, opts.onBytes) : null;
  try {
    return await checkAndWrite(deps, actor, input, opts, started);
  } finally {
    await started?.cancel();
  }
}

async function checkAndWrite(deps: Deps, actor: Actor, input: MemberFileInput, opts: ImportOptions, started: WorkerReading | null): Promise<ImportOutcome> {
  const ctx = await loadImportContext(deps, actor, opts);
  const who = opts.audit ?? auditActorOf(actor);
  const rejected = (parsed: ParseResult): ImportOutcome => ({
    ok: false,
    created: 0,
    updated: 0,
    problems: parsed.problems.slice(0, MAX_LISTED_PROBLEMS),
    problemCount: parsed.problemCount,
    rowCount: parsed.rowCount,
    reportId: null,
    dryRun: !!opts.dryRun,
    allProblems: parsed.problems,
  });

  if (opts.dryRun) {
    const parsed = await parseMemberRows(input, ctx, { keepRows: false, onProgress: opts.onProgress, onBytes: opts.onBytes, reader: opts.reader, started });
    if (parsed.problemCount) return rejected(parsed);
    return {
      ok: true,
      created: parsed.rowCount - parsed.existingCount,
      updated: parsed.existingCount,
      problems: [],
      problemCount: 0,
      rowCount: parsed.rowCount,
      reportId: null,
      dryRun: true,
      allProblems: [],
    };
  }

  try {
    return await deps.db.transaction(async (tx) => {
      let writer: MemberRowWriter | null = null;
      try {
        const parsed = await parseMemberRows(input, ctx, {
          keepRows: false,
          onProgress: opts.onProgress,
          onBytes: opts.onBytes,
          reader: opts.reader,
          started,
          onRow: (row, columns) => {
            writer ??= createMemberRowWriter(deps, tx, ctx, columns, who.userId || null, opts.onProgress);
            return writer.push(row);
          },
        });
        if (parsed.problemCount) throw new ImportRejected(parsed);
        const r = writer ? await (writer as MemberRowWriter).finish() : { created: 0, updated: 0, audited: [] };
        await auditImport(tx, who, ctx, { fileName: opts.fileName, orgId: opts.orgId }, r);
        return { ok: true, created: r.created, updated: r.updated, problems: [], problemCount: 0, rowCount: parsed.rowCount, reportId: null, dryRun: false, allProblems: [] };
      } finally {
        if (writer) await (writer as MemberRowWriter).settle();
      }
    });
  } catch (err) {
    if (err instanceof ImportRejected) return rejected(err.parsed);
    throw importConflict(err);
  }
}

export type ImportReport = { userId: string; fileName: string; problems: ImportProblem[]; problemCount: number; expiresAt: number };

/** Reports live in memory for a while, for their importer only (they name rows of personal data). */
const REPORT_TTL_MS = 30 * 60_000;
const MAX_REPORTS = 200;
const importReports = new Map<string, ImportReport>();

export function saveImportReport(userId: string, fileName: string, problems: ImportProblem[], problemCount: number, now = Date.now()): string {
  for (const [id, r] of importReports) if (r.expiresAt <= now) importReports.delete(id);
  // Oldest first (a Map keeps insertion order).
  while (importReports.size >= MAX_REPORTS) importReports.delete(importReports.keys().next().value!);
  const id = newId();
  importReports.set(id, { userId, fileName, problems, problemCount, expiresAt: now + REPORT_TTL_MS });
  return id;
}

export function findImportReport(userId: string, id: string, now = Date.now()): ImportReport | undefined {
  const r = importReports.get(id);
  if (!r || r.userId !== userId || r.expiresAt <= now) return undefined;
  return r;
}

/** For the CLI and tests: read a whole file into a stream exceljs accepts. */
export function streamOf(buffer: Buffer): Readable {
  return Readable.from([buffer]);
}
