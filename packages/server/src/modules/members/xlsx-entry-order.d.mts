import type { Readable } from 'node:stream';

/** Byte ranges `[start, end)` in the order exceljs should read them, or null to read the input as stored. */
export function readingOrder(input: string | Uint8Array): Promise<[number, number][] | null>;
/** The input's bytes, range after range. */
export function readRanges(input: string | Uint8Array, ranges: [number, number][]): Readable;
/** The input as a stream for exceljs: worksheets last when the zip stores them before the rest; for a path, `onBytes` hears the bytes read. */
export function openForReading(input: string | Uint8Array, onBytes?: (read: number, total: number) => void): Promise<Readable>;
