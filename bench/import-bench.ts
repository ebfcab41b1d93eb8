// Import of a large .xlsx roster: the file is written with exceljs's streaming writer, then read in
// child processes (so that each one's peak RSS is its own): exceljs's own streaming read of every
// row (the floor), the project's parse-and-validate (dry run), and the project's full import into
// PostgreSQL (validate every row, then write them all in one transaction).
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { educationLabels, genderLabels, memberStatusLabels, positionLabels, todayInShanghai, type Position } from '@zhibu/domain';
import { memberColumns } from '@zhibu/server/modules/members/member-columns';
import { bornRange, createPersonFactory, hunanArea, makePartyRecord, pickEducation } from '@zhibu/server/demo/people';
import { createRandom } from '@zhibu/server/demo/random';

const here = path.dirname(fileURLToPath(import.meta.url));

export type ChildFigures = { mode: string; rows: number; ms: number; cpuMs: number; maxRssMB: number; allMs?: number[]; created?: number; updated?: number; problemCount?: number; ok?: boolean; note?: string };

/** Writes `rows` valid member rows for the given branches (by the names the import matches). */
export async function writeImportFile(file: string, rows: number, branchNames: string[], opts: { sharedStrings: boolean }): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const rng = createRandom(7001);
  const people = createPersonFactory(rng, hunanArea);
  const today = todayInShanghai(new Date());
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: opts.sharedStrings, useStyles: false });
  const sheet = workbook.addWorksheet('党员名册');
  sheet.addRow(memberColumns.map((c) => c.header)).commit();
  const positions: [Position, number][] = [['judge', 30], ['judgeAssistant', 25], ['clerk', 25], ['judicialPolice', 8], ['administrative', 12]];
  for (let i = 0; i < rows; i++) {
    const position = rng.weighted(positions);
    const person = people.make({ born: bornRange(position, today, false) });
    const status = rng.chance(0.05) ? 'probationaryMember' : 'fullMember';
    const party = makePartyRecord(rng, status, person.birthDate, today);
    const values: Record<string, string> = {
      name: person.name,
      gender: genderLabels[person.gender],
      ethnicity: person.ethnicity,
      birthDate: person.birthDate,
      idNumber: person.idNumber,
      phone: person.phone,
      education: educationLabels[pickEducation(rng, position, false)],
      org: branchNames[i % branchNames.length]!,
      group: '',
      department: '',
      position: positionLabels[position],
      jobTitle: '',
      joinedOn: party.joinedOn ?? '',
      fullMemberSince: party.fullMemberSince ?? '',
      status: memberStatusLabels[party.status],
      isRetired: '否',
      note: '',
    };
    sheet.addRow(memberColumns.map((c) => values[c.key] ?? '')).commit();
  }
  sheet.commit();
  await workbook.commit();
  return { ms: performance.now() - started, bytes: statSync(file).size };
}

/** Runs bench/import-child.ts in a fresh node process and returns what it measured. */
export function runImportChild(mode: 'floor' | 'floor-ordered' | 'dry' | 'full', file: string, env: Record<string, string>): Promise<ChildFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(process.env.BENCH_CHILD_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof/import'] : []), '--import', 'tsx', path.join(here, 'import-child.ts'), mode, file], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').filter((l) => l.startsWith('{')).at(-1);
      if (code !== 0 || !line) return reject(new Error(`导入测试子进程（${mode}）失败，退出码 ${code}：\n${err || out}`));
      resolve(JSON.parse(line) as ChildFigures);
    });
  });
}
