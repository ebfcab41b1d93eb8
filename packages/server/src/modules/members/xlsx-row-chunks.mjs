// How a worksheet's rows travel from exceljs to the importer's checks (members.import.ts), from the
// worker thread (xlsx-rows.worker.mjs) and from the inline reader alike: flat chunks
// [rowNumber, length, v1 … v(length-1), rowNumber, …]. Plain JavaScript, for the worker.

/**
 * Appends one exceljs row to a chunk; cells exceljs left undefined become null (a hole would not
 * survive postMessage as the same value).
 * @param {unknown[]} flat
 * @param {{ number: number, values: unknown[] }} row
 */
export function packRow(flat, row) {
  const values = row.values;
  const len = values.length;
  flat.push(row.number, len);
  for (let i = 1; i < len; i++) {
    const v = values[i];
    flat.push(v === undefined ? null : v);
  }
}
