/** Appends one exceljs row to a flat chunk `[rowNumber, length, v1 … v(length-1), …]`, undefined cells as null. */
export function packRow(flat: unknown[], row: { number: number; values: unknown }): void;
