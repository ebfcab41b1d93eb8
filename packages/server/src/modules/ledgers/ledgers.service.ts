// Loads what a ledger prints (a fixed number of queries per request) and renders it.
import { formatChineseDate, todayInShanghai } from '@zhibu/domain';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import type { Actor } from '../../policy/actor';
import { renderActivityLedger, renderBinder, typeLabel, type LedgerActivity } from './ledger-docx';
import { renderSummaryWorkbook } from './ledger-xlsx';
import { ledgersPolicy } from './ledgers.policy';
import * as repo from './ledgers.repository';
import { listPartnerOrgs } from '../partnerships/partnerships.repository';
import { jointLabelsOf } from '../partnerships/joint-activities';

export type Download = { buffer: Buffer; fileName: string; asciiName: string };

async function canRead(deps: Deps, actor: Actor, org: { courtId: string; path: string }) {
  const me = actor.memberId ? ((await repo.findMemberPlace(deps.db, actor.memberId)) ?? null) : null;
  return ledgersPolicy.read(actor, org, me);
}

async function assertReadable(deps: Deps, actor: Actor, org: { courtId: string; path: string }) {
  if (!(await canRead(deps, actor, org))) throw new AppError('NOT_FOUND');
}

/**
 * The activities with attendance and photos. In a 联建活动 the other side's members appear by name
 * and status only: their leave reasons stay with their own branch (`side` is the org whose ledger this is).
 */
async function attach(deps: Deps, rows: NonNullable<Awaited<ReturnType<typeof repo.findActivity>>>[], side: { courtId: string; path: string }): Promise<LedgerActivity[]> {
  const ids = rows.map((r) => r.id);
  const [attendance, photos, partners, joints] = await Promise.all([repo.listAttendance(deps.db, ids), repo.listPhotos(deps.db, ids), listPartnerOrgs(deps.db, ids), jointLabelsOf(deps.db, ids)]);
  const joint = new Set(partners.map((p) => p.activityId));
  const ownSide = (x: (typeof attendance)[number]) => !x.memberId || (x.memberCourtId === side.courtId && !!x.memberOrgPath && x.memberOrgPath.startsWith(side.path));
  return rows.map((r) => ({
    ...r,
    joint: joints.get(r.id) ?? null,
    attendance: attendance
      .filter((x) => x.activityId === r.id)
      .map((x) => {
        const { memberCourtId: _c, memberOrgPath: _p, ...rest } = x;
        return joint.has(r.id) && !ownSide(x) ? { ...rest, reason: null } : rest;
      }),
    photos: photos.filter((p) => p.ownerId === r.id),
  }));
}

function displayName(org: { name: string; shortName: string | null }) {
  return org.shortName ?? org.name;
}

export async function activityLedger(deps: Deps, actor: Actor, id: string): Promise<Download> {
  const row = await repo.findActivity(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const org = await repo.findOrg(deps.db, row.orgId);
  if (!org) throw new AppError('NOT_FOUND');
  // 联建活动: the partner branch's readers get it too, printed from their side.
  let side: { courtId: string; path: string } = org;
  if (!(await canRead(deps, actor, org))) {
    const partners = await listPartnerOrgs(deps.db, [row.id]);
    let mine: { courtId: string; path: string } | undefined;
    for (const p of partners) if (!mine && (await canRead(deps, actor, { courtId: p.courtId, path: p.orgPath }))) mine = { courtId: p.courtId, path: p.orgPath };
    if (!mine) throw new AppError('NOT_FOUND');
    side = mine;
  }
  const [activity] = await attach(deps, [row], side);
  const buffer = await renderActivityLedger(activity!);
  return { buffer, fileName: `${displayName(org)}${formatChineseDate(row.heldOn)}${typeLabel(row.type)}台账.docx`, asciiName: `activity-ledger-${row.heldOn}.docx` };
}

async function loadYear(deps: Deps, actor: Actor, orgId: string, year: number, statuses: string[]) {
  const org = await repo.findOrg(deps.db, orgId);
  if (!org) throw new AppError('NOT_FOUND');
  await assertReadable(deps, actor, org);
  const activities = await attach(deps, await repo.listYearActivities(deps.db, org, year, statuses), org);
  return { org, activities };
}

/** The branch-year binder: held activities of the branch and its 党小组 (cancelled ones are not 台账). */
export async function binder(deps: Deps, actor: Actor, q: { orgId: string; year: number }): Promise<Download> {
  const { org, activities } = await loadYear(deps, actor, q.orgId, q.year, ['held']);
  const buffer = await renderBinder({ orgName: org.name, courtName: org.courtName, year: q.year, generatedOn: todayInShanghai(deps.now()), activities });
  return { buffer, fileName: `${displayName(org)}${q.year}年度组织生活台账.docx`, asciiName: `ledger-binder-${q.year}.docx` };
}

export async function summary(deps: Deps, actor: Actor, q: { orgId: string; year: number }): Promise<Download> {
  const { org, activities } = await loadYear(deps, actor, q.orgId, q.year, ['planned', 'held', 'cancelled']);
  const buffer = await renderSummaryWorkbook({ orgName: displayName(org), year: q.year, activities });
  return { buffer, fileName: `${displayName(org)}${q.year}年度组织生活台账汇总.xlsx`, asciiName: `ledger-summary-${q.year}.xlsx` };
}
