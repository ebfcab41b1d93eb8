/** A multipart/form-data body with one file in field `file`, as a browser's upload sends it. */
export function multipartFile(file: Buffer, filename: string, mimeType: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----zhibu${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${mimeType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export { XLSX_MIME } from '../lib/downloads';
