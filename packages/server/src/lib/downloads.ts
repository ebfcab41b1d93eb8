// Downloads with Chinese file names that open as themselves in every browser, WPS and Office.

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * `Content-Disposition` per RFC 6266 with the RFC 5987 `filename*=UTF-8''…` form (党员名册.xlsx
 * arrives as itself) and a plain ASCII `filename` for clients that do not read it. Without an
 * explicit fallback, the ASCII part of the name is used, or `attachment.<ext>` when nothing is left.
 */
export function attachmentHeader(fileName: string, asciiFallback?: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  let ascii: string;
  if (asciiFallback !== undefined) {
    ascii = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  } else {
    const ext = /\.[A-Za-z0-9]+$/.exec(fileName)?.[0] ?? '';
    const plain = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
    ascii = /[^_.\s]/.test(plain.slice(0, plain.length - ext.length)) ? plain : `attachment${ext}`;
  }
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
