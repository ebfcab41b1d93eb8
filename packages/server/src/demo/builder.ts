// Collects demo (or benchmark) rows in memory — courts, departments, the party tree, terms,
// members with their status history, committees — and inserts them in bulk. Personal data is
// stored the way the members module stores it: 身份证号 and phone encrypted, with a keyed hash for
// lookup and a masked copy for lists (DESIGN.md § Data; same approach as test-support/fixture.ts).
import { addYears, maskIdNumber, maskPhone, type BranchKind, type CommitteePost, type CourtLevel, type Education, type IsoDate, type OrgType, type Position } from '@zhibu/domain';
import { getTableColumns, getTableName, is, SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { newId, schema, type DbOrTx } from '@zhibu/db';
import type { FieldCrypto } from '../lib/field-crypto';
import type { Person, PartyRecord } from './people';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];
export type CourtRow = Insert<typeof schema.courts> & { id: string };
export type DepartmentRow = Insert<typeof schema.departments> & { id: string };
export type OrgRow = Insert<typeof schema.partyOrgs> & { id: string; path: string };
export type TermRow = Insert<typeof schema.orgTerms> & { id: string };
export type MemberRow = Insert<typeof schema.members> & { id: string };

export type DemoRows = {
  courts: CourtRow[];
  departments: DepartmentRow[];
  partyOrgs: OrgRow[];
  orgTerms: TermRow[];
  members: MemberRow[];
  memberStatusHistory: Insert<typeof schema.memberStatusHistory>[];
  committeePositions: Insert<typeof schema.committeePositions>[];
  /** Organizational life (demo/activities.ts): activities, their attendance and 案例讲评 cases. */
  activities: Insert<typeof schema.activities>[];
  activityAttendance: Insert<typeof schema.activityAttendance>[];
  caseReviews: Insert<typeof schema.caseReviews>[];
};

export type MemberInput = {
  person: Person;
  party: PartyRecord;
  position: Position;
  education: Education;
  groupId?: string | null;
  departmentId?: string | null;
  jobTitle?: string | null;
  isRetired?: boolean;
  note?: string | null;
};

export type DemoBuilder = {
  rows: DemoRows;
  addCourt: (c: { name: string; shortName: string; level: CourtLevel; parentId?: string | null; region?: string | null }) => CourtRow;
  addDepartment: (courtId: string, name: string, opts?: { parent?: DepartmentRow; kind?: 'department' | 'trialTeam' }) => DepartmentRow;
  addOrg: (
    courtId: string,
    parent: OrgRow | null,
    type: OrgType,
    name: string,
    opts?: { shortName?: string; branchKind?: BranchKind; departmentId?: string | null; establishedOn?: IsoDate },
  ) => OrgRow;
  /** A term of `years` starting on termStart (elected the same day). */
  addTerm: (org: OrgRow, termStart: IsoDate, years: number, note?: string) => TermRow;
  addMember: (org: OrgRow, input: MemberInput) => MemberRow;
  addCommitteePosition: (org: OrgRow, term: TermRow, member: MemberRow, post: CommitteePost) => void;
};

export function createDemoBuilder(crypto: FieldCrypto): DemoBuilder {
  const rows: DemoRows = {
    courts: [],
    departments: [],
    partyOrgs: [],
    orgTerms: [],
    members: [],
    memberStatusHistory: [],
    committeePositions: [],
    activities: [],
    activityAttendance: [],
    caseReviews: [],
  };
  const sortCounters = new Map<string, number>();
  const nextSort = (key: string) => {
    const n = (sortCounters.get(key) ?? 0) + 1;
    sortCounters.set(key, n);
    return n;
  };
  return {
    rows,
    addCourt(c) {
      const row: CourtRow = { id: newId(), name: c.name, shortName: c.shortName, level: c.level, parentId: c.parentId ?? null, region: c.region ?? null, sortOrder: nextSort('courts') };
      rows.courts.push(row);
      return row;
    },
    addDepartment(courtId, name, opts = {}) {
      const row: DepartmentRow = {
        id: newId(),
        courtId,
        parentId: opts.parent?.id ?? null,
        kind: opts.kind ?? (opts.parent ? 'trialTeam' : 'department'),
        name,
        sortOrder: nextSort(`dept:${courtId}:${opts.parent?.id ?? ''}`),
      };
      rows.departments.push(row);
      return row;
    },
    addOrg(courtId, parent, type, name, opts = {}) {
      const id = newId();
      const row: OrgRow = {
        id,
        courtId,
        parentId: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        type,
        branchKind: opts.branchKind ?? null,
        name,
        shortName: opts.shortName ?? null,
        departmentId: opts.departmentId ?? null,
        establishedOn: opts.establishedOn ?? null,
        sortOrder: nextSort(`org:${courtId}:${parent?.id ?? ''}`),
      };
      rows.partyOrgs.push(row);
      return row;
    },
    addTerm(org, termStart, years, note) {
      const row: TermRow = { id: newId(), courtId: org.courtId, orgId: org.id, termStart, termEnd: addYears(termStart, years), electedOn: termStart, note: note ?? null };
      rows.orgTerms.push(row);
      return row;
    },
    addMember(org, m) {
      const { person, party } = m;
      const row: MemberRow = {
        id: newId(),
        courtId: org.courtId,
        orgId: org.id,
        orgPath: org.path,
        groupId: m.groupId ?? null,
        name: person.name,
        gender: person.gender,
        ethnicity: person.ethnicity,
        birthDate: person.birthDate,
        idNumberEnc: crypto.encrypt(person.idNumber),
        idNumberHash: crypto.hash(person.idNumber),
        idNumberMasked: maskIdNumber(person.idNumber),
        phoneEnc: crypto.encrypt(person.phone),
        phoneHash: crypto.hash(person.phone),
        phoneMasked: maskPhone(person.phone),
        education: m.education,
        departmentId: m.departmentId ?? null,
        position: m.position,
        jobTitle: m.jobTitle ?? null,
        joinedOn: party.joinedOn,
        fullMemberSince: party.fullMemberSince,
        status: party.status,
        isRetired: m.isRetired ?? false,
        note: m.note ?? null,
      };
      rows.members.push(row);
      for (const h of party.history) {
        rows.memberStatusHistory.push({
          id: newId(),
          courtId: org.courtId,
          memberId: row.id,
          fromStatus: h.fromStatus,
          toStatus: h.toStatus,
          changedOn: h.changedOn,
          reason: h.reason,
          changedBy: null,
        });
      }
      return row;
    },
    addCommitteePosition(org, term, member, post) {
      rows.committeePositions.push({ id: newId(), courtId: org.courtId, orgId: org.id, termId: term.id, memberId: member.id, post, startOn: term.termStart, endOn: null });
    },
  };
}

/** Counts per table, for the audit record and the CLI's summary. */
export function countRows(rows: DemoRows): Record<keyof DemoRows, number> {
  return Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v.length])) as Record<keyof DemoRows, number>;
}

/**
 * Inserts rows as one JSON document per chunk (json_populate_recordset): several times faster than
 * a multi-row VALUES list on PGlite, where the demo's 40,000 attendance rows would otherwise take
 * most of its load time. Missing values take the column's default, as an INSERT would.
 */
async function insertJsonRows(tx: DbOrTx, table: PgTable, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const columns = Object.entries(getTableColumns(table));
  const now = new Date();
  const fallback = (col: (typeof columns)[number][1]) => {
    if (col.default !== undefined) return is(col.default, SQL) ? now : col.default;
    return col.defaultFn ? col.defaultFn() : null;
  };
  const docs = rows.map((r) => {
    const doc: Record<string, unknown> = {};
    for (const [key, col] of columns) doc[col.name] = r[key] === undefined ? fallback(col) : r[key];
    return doc;
  });
  const names = sql.join(columns.map(([, col]) => sql.identifier(col.name)), sql`, `);
  const tableName = sql.identifier(getTableName(table));
  await tx.execute(sql`insert into ${tableName} (${names}) select ${names} from json_populate_recordset(null::${tableName}, ${JSON.stringify(docs)}::json)`);
}

/** Inserts everything in FK order, in chunks that keep each JSON document a few MB at most. */
export async function insertDemoRows(tx: DbOrTx, rows: DemoRows, chunkSize = 5000): Promise<void> {
  const insertChunked = async (table: PgTable, values: readonly Record<string, unknown>[]) => {
    for (let i = 0; i < values.length; i += chunkSize) await insertJsonRows(tx, table, values.slice(i, i + chunkSize));
  };
  await insertChunked(schema.courts, rows.courts);
  await insertChunked(schema.departments, rows.departments);
  await insertChunked(schema.partyOrgs, rows.partyOrgs);
  await insertChunked(schema.orgTerms, rows.orgTerms);
  await insertChunked(schema.members, rows.members);
  await insertChunked(schema.memberStatusHistory, rows.memberStatusHistory);
  await insertChunked(schema.committeePositions, rows.committeePositions);
  await insertChunked(schema.activities, rows.activities);
  await insertChunked(schema.activityAttendance, rows.activityAttendance);
  await insertChunked(schema.caseReviews, rows.caseReviews);
}
