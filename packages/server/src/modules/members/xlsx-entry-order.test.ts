import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import unzipper from 'unzipper';
import { openForReading, readingOrder, readRanges } from './xlsx-entry-order.mjs';

// exceljs parks a worksheet read before the shared strings in a temp file made by `tmp`; spying on
// the module exceljs itself requires shows whether it did.
const tmp = createRequire(createRequire(import.meta.url).resolve('exceljs'))('tmp') as { file: (...args: unknown[]) => void };

type Entry = { path: string; body: Buffer };

/** The entries of a zip stream, in the order a sequential reader meets them. */
async function entriesOf(stream: Readable): Promise<Entry[]> {
  const out: Entry[] = [];
  const zip = stream.pipe(unzipper.Parse({ forceStream: true }));
  for await (const entry of zip as AsyncIterable<unzipper.Entry>) out.push({ path: entry.path, body: await entry.buffer() });
  return out;
}

/** Every row of every sheet, as exceljs's streaming reader gives them. */
async function rowsOf(input: string | Readable): Promise<unknown[][]> {
  const rows: unknown[][] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input as unknown as import('stream').Stream, {});
  for await (const sheet of reader) for await (const row of sheet) rows.push((row.values as unknown[]).slice(1));
  return rows;
}

describe('导入读取 .xlsx 时先读共享字符串、后读工作表（不落临时文件）', () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'zhibu-order-'));
    file = path.join(dir, '名册.xlsx');
    // As Excel, WPS and exceljs store them: the worksheets first, the shared strings after.
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
    const roster = wb.addWorksheet('党员名册');
    roster.addRow(['姓名', '身份证号', '备注']).commit();
    for (let i = 0; i < 500; i++) roster.addRow([`党员${i}`, `52010219880715${String(i).padStart(4, '0')}`, i % 7 ? null : '备注"引号"']).commit();
    roster.commit();
    const notes = wb.addWorksheet('填写说明');
    notes.addRow(['请按模板填写']).commit();
    notes.commit();
    await wb.commit();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => vi.restoreAllMocks());

  it('exceljs 写的文件：工作表排到最后，其余条目在前，每个条目的内容逐字节不变', async () => {
    const original = await entriesOf(createReadStream(file));
    const sheetsFirst = original.findIndex((e) => e.path.startsWith('xl/worksheets/')) < original.findIndex((e) => e.path === 'xl/sharedStrings.xml');
    expect(sheetsFirst, '测试文件应是工作表在前的存法').toBe(true);

    const ranges = await readingOrder(file);
    expect(ranges).not.toBeNull();
    const reordered = await entriesOf(readRanges(file, ranges!));
    const paths = reordered.map((e) => e.path);
    const firstSheet = paths.findIndex((p) => p.startsWith('xl/worksheets/sheet'));
    expect(paths.slice(firstSheet).every((p) => p.startsWith('xl/worksheets/sheet'))).toBe(true);
    expect(paths.indexOf('xl/sharedStrings.xml')).toBeLessThan(firstSheet);
    expect(paths.indexOf('xl/workbook.xml')).toBeLessThan(firstSheet);
    // The sheets keep their own order (the roster is the first).
    expect(paths.filter((p) => p.startsWith('xl/worksheets/sheet'))).toEqual(original.map((e) => e.path).filter((p) => p.startsWith('xl/worksheets/sheet')));
    const byPath = (es: Entry[]) => Object.fromEntries(es.map((e) => [e.path, e.body.toString('base64')]));
    expect(byPath(reordered)).toEqual(byPath(original));
  });

  it('文件路径与文件内容两种输入读出同样的行，且都不落临时文件；按原顺序读则会落临时文件', async () => {
    const spy = vi.spyOn(tmp, 'file');
    const expected = await rowsOf(file);
    expect(spy, '原顺序：每个工作表一个临时文件').toHaveBeenCalledTimes(2);
    expect(expected).toHaveLength(502);

    spy.mockClear();
    expect(await rowsOf(await openForReading(file))).toEqual(expected);
    expect(await rowsOf(await openForReading(readFileSync(file)))).toEqual(expected);
    expect(spy).not.toHaveBeenCalled();
  });

  it('已是先共享字符串、后工作表的文件按原样读取', async () => {
    // The same workbook stored in reading order, as some tools write it.
    const source = await JSZip.loadAsync(readFileSync(file));
    const target = new JSZip();
    const names = Object.keys(source.files);
    const isSheet = (n: string) => n.startsWith('xl/worksheets/sheet');
    for (const n of [...names.filter((n) => !isSheet(n)), ...names.filter(isSheet)]) target.file(n, await source.file(n)!.async('nodebuffer'));
    const inOrder = path.join(dir, '已排好.xlsx');
    writeFileSync(inOrder, await target.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect(await readingOrder(inOrder)).toBeNull();
    expect(await rowsOf(await openForReading(inOrder))).toEqual(await rowsOf(file));
  });

  it.each([
    ['不是 zip 的文件', () => Buffer.from('姓名,身份证号\n张三,520102198807154321\n')],
    ['截掉了目录的 zip', () => readFileSync(file).subarray(0, readFileSync(file).length - 200)],
    ['空文件', () => Buffer.alloc(0)],
  ])('%s：不调整顺序，原样交给 exceljs（由它报告读不了）', async (_label, bytesOf) => {
    const bytes = bytesOf();
    expect(await readingOrder(bytes)).toBeNull();
    const chunks: Buffer[] = [];
    for await (const c of await openForReading(bytes)) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  });
});
