// Reads an .xlsx with exceljs's streaming reader in a worker thread and hands its rows to the
// importer (members.import.ts) in flat chunks, so that reading the file and checking/writing the
// rows run on two cores at once. Plain JavaScript: a worker starts without the TypeScript loader.
//
// Messages to the importer:
//   { type: 'sheet', date1904 }                      a worksheet begins
//   { type: 'rows', flat }                           rows as [rowNumber, length, v1 … v(length-1), …]
//   { type: 'bytes', read, total }                   progress of reading a file
//   { type: 'end' } | { type: 'error', message }
// From the importer: 'ack' (a chunk was taken: credit for one more), 'stop'.
import { parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { openForReading } from './xlsx-entry-order.mjs';
import { packRow } from './xlsx-row-chunks.mjs';

const CHUNK_ROWS = 500;
// Chunks in flight before the reader waits for the importer: bounded memory when writing is slower.
let credits = 4;
let wake = null;
let stopped = false;

parentPort.on('message', (m) => {
  if (m === 'ack') credits++;
  else if (m === 'stop') stopped = true;
  if (wake) {
    const w = wake;
    wake = null;
    w();
  }
});

const post = (m) => parentPort.postMessage(m);

async function send(flat) {
  while (credits <= 0 && !stopped) await new Promise((resolve) => (wake = resolve));
  credits--;
  post({ type: 'rows', flat });
}

async function readOnce(state) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(await openForReading(workerData.input, (read, total) => post({ type: 'bytes', read, total })), {});
  for await (const sheet of reader) {
    // Read through a sheet after 'stop' too: exceljs deletes a sheet's temp file as soon as we move
    // on, possibly before its read stream has opened it (members.import.ts, inlineFeed).
    if (stopped) {
      for await (const _row of sheet) void _row;
      continue;
    }
    post({ type: 'sheet', date1904: !!reader.properties?.date1904 });
    let flat = [];
    let count = 0;
    // The rows as exceljs parses them, a batch of events per chunk of the sheet's XML: the sheet's
    // own async iterator wraps each row in a promise of its own (100,000 rows, 100,000 promises).
    for await (const events of sheet.parse()) {
      if (stopped) continue;
      for (let e = 0; e < events.length; e++) {
        if (events[e].eventType !== 'row') continue;
        state.rows++;
        packRow(flat, events[e].value);
        if (++count === CHUNK_ROWS) {
          await send(flat);
          flat = [];
          count = 0;
        }
      }
    }
    if (count && !stopped) await send(flat);
  }
}

// exceljs 4.4 sometimes loses xl/workbook.xml when it is the zip's last entry and throws before the
// first row (exceljs#3064): nothing has been handed over yet, so read the file again.
const state = { rows: 0 };
for (let attempt = 1; ; attempt++) {
  try {
    await readOnce(state);
    post({ type: 'end' });
    break;
  } catch (err) {
    const race = err instanceof TypeError && /'sheets'/.test(err.message);
    if (race && state.rows === 0 && attempt < 4) continue;
    post({ type: 'error', message: String(err?.message ?? err) });
    break;
  }
}
