// One measurement of the import benchmark, alone in its process so that its peak RSS is its own.
//   floor <file>   exceljs's own streaming read of every row (cells materialized), nothing else
//   floor-ordered <file>  the same, given the file's entries in the order the import reads them
//                  (worksheets after the shared strings, xlsx-entry-order.mjs): for reference
//   dry <file>     the project's parse and validation of every row (importMembers, dryRun)
//   full <file>    the project's whole import into PostgreSQL (validate all, then write in one transaction)
// Prints one JSON line: rows, milliseconds, the CPU this process spent meanwhile (every thread,
// process.cpuUsage()), peak RSS (process.resourceUsage().maxRSS).
import ExcelJS from 'exceljs';
import { createDeps, readConfig } from '@zhibu/server';
import { importMembers } from '@zhibu/server/modules/members/members.import';
import { systemActorFor } from '@zhibu/server/modules/members/members.policy';
import { openForReading } from '@zhibu/server/modules/members/xlsx-entry-order.mjs';

const [mode, file] = process.argv.slice(2);
if (!file || !['floor', 'floor-ordered', 'dry', 'full'].includes(mode ?? '')) {
  console.error('用法：node --import tsx bench/import-child.ts floor|floor-ordered|dry|full <file.xlsx>');
  process.exit(2);
}
const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return Math.round((d.user + d.system) / 1000);
};
const rssMB = () => Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;

if (mode === 'floor' || mode === 'floor-ordered') {
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  let rows = 0;
  let cells = 0;
  const input = mode === 'floor' ? file : ((await openForReading(file)) as unknown as import('stream').Stream);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {});
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      rows++;
      cells += (row.values as unknown[]).length;
    }
  }
  console.log(JSON.stringify({ mode, rows: rows - 1, ms: performance.now() - started, cpuMs: cpuMs(cpu0), maxRssMB: rssMB(), note: `${cells} cells` }));
} else {
  const courtId = process.env.BENCH_COURT_ID!;
  const config = { ...readConfig({}), databaseUrl: process.env.BENCH_DATABASE_URL!, secretKey: process.env.ZHIBU_SECRET_KEY!, logLevel: 'silent', dataDir: '/nonexistent' };
  const deps = await createDeps(config);
  try {
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    const outcome = await importMembers(deps, systemActorFor([courtId]), file, {
      courtId,
      dryRun: mode === 'dry',
      fileName: 'bench.xlsx',
      audit: { userId: null, name: '命令行（bench）' },
    });
    const ms = performance.now() - started;
    console.log(
      JSON.stringify({
        mode,
        rows: outcome.rowCount,
        ms,
        cpuMs: cpuMs(cpu0),
        maxRssMB: rssMB(),
        ok: outcome.ok,
        created: outcome.created,
        updated: outcome.updated,
        problemCount: outcome.problemCount,
        ...(outcome.ok ? {} : { note: JSON.stringify(outcome.problems.slice(0, 3)) }),
      }),
    );
  } finally {
    await deps.handle.close();
  }
}
