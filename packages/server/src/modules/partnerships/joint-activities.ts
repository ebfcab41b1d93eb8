// 联建活动 inside organizational life. A joint activity is an ordinary activity of the host branch
// (which plans, records and owns it) plus a row in joint_activities (its partnership and 四联
// category) and one row per partner branch on the platform in joint_activity_orgs. The partner
// side sees it in its list, calendar and ledger, records its own members' attendance, and sees the
// host's members by name only (never 身份证号/phone; no leave reasons of the other side).
import { and, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { jointActivityRefusal, jointCategoryLabels, partnerUnitTypeLabels, type IsoDate, type JointCategory, type PartnershipStatus, type PartnerUnitType } from '@zhibu/domain';
import { newId, schema, type DbOrTx } from '@zhibu/db';
import { invalidField } from '../../errors';
import type { Actor } from '../../policy/actor';
import { canManageOrg } from '../../policy/scope';
import * as repo from './partnerships.repository';

const { activities, jointActivities, jointActivityOrgs, activityAttendance } = schema;

export type JointPlan = {
  partnershipId: string;
  category: JointCategory;
  /** The partner branch on the platform (its members are expected too); null for an outside unit. */
  partnerOrg: { id: string; courtId: string; path: string } | null;
};

/**
 * Checks a joint activity before it is planned: the pairing exists, the activity's org is one side
 * of it, it is in force on the day, a category is given. Errors name the field.
 */
export async function prepareJointActivity(
  db: DbOrTx,
  org: { id: string; courtId: string },
  input: { partnershipId?: string | null; jointCategory?: JointCategory | null },
  heldOn: IsoDate,
  def: { votes: boolean; label: string },
): Promise<JointPlan | null> {
  if (!input.partnershipId && !input.jointCategory) return null;
  if (!input.partnershipId) throw invalidField('partnershipId', '联建活动须选择联建关系');
  if (!input.jointCategory) throw invalidField('jointCategory', '联建活动须选择“四联”类别（思路联谋、问题联解、品牌联创、力量联合）');
  const p = await repo.findPartnership(db, input.partnershipId);
  if (!p || (p.orgId !== org.id && p.partnerOrgId !== org.id)) throw invalidField('partnershipId', '该党组织不是这项联建的一方');
  const refusal = jointActivityRefusal({ status: p.status as PartnershipStatus, startsOn: p.startsOn, endsOn: p.endsOn }, heldOn);
  if (refusal) throw invalidField('partnershipId', refusal);
  // Voting meetings (支部党员大会, 支委会) belong to one branch: their quorum counts its own members.
  if (def.votes) throw invalidField('type', `${def.label}须由本支部单独召开，不能作为联建活动`);
  const partnerIsOther = p.orgId === org.id;
  const partnerOrg =
    p.partnerKind === 'branch'
      ? partnerIsOther
        ? { id: p.partnerOrgId!, courtId: p.partnerCourtId!, path: p.partnerOrgPath! }
        : { id: p.orgId, courtId: p.courtId, path: p.orgPath }
      : null;
  return { partnershipId: p.id, category: input.jointCategory, partnerOrg };
}

/** In the activity's transaction: the joint rows and the partner side's expected attendees. */
export async function insertJointActivity(tx: DbOrTx, activity: { id: string; courtId: string }, plan: JointPlan, partnerExpected: { id: string }[]) {
  await tx.insert(jointActivities).values({ activityId: activity.id, courtId: activity.courtId, partnershipId: plan.partnershipId, category: plan.category });
  if (!plan.partnerOrg) return;
  await tx.insert(jointActivityOrgs).values({ id: newId(), activityId: activity.id, courtId: plan.partnerOrg.courtId, orgId: plan.partnerOrg.id, orgPath: plan.partnerOrg.path });
  if (partnerExpected.length)
    await tx
      .insert(activityAttendance)
      .values(partnerExpected.map((m) => ({ id: newId(), courtId: plan.partnerOrg!.courtId, activityId: activity.id, memberId: m.id, role: 'expected', status: 'pending' })));
}

export type PartnerOrg = { courtId: string; orgId: string; orgPath: string };

export async function partnerOrgsOf(db: DbOrTx, activityId: string): Promise<PartnerOrg[]> {
  return (await repo.listPartnerOrgs(db, [activityId])).map((r) => ({ courtId: r.courtId, orgId: r.orgId, orgPath: r.orgPath }));
}

/** Activities whose partner side falls in (courtId, path subtree): for list, calendar and ledger scopes. */
export function jointPartnerIn(courtId: string, path: string): SQL {
  return sql`exists (select 1 from ${jointActivityOrgs} where ${jointActivityOrgs.activityId} = ${activities.id} and ${and(eq(jointActivityOrgs.courtId, courtId), like(jointActivityOrgs.orgPath, `${path}%`))})`;
}

/** The partner side of a caller's grants as one SQL condition (court admins court-wide, secretaries/支委/小组长 their subtree). */
export function jointScopeCondition(actor: Actor): SQL | undefined {
  const parts: SQL[] = [];
  for (const g of actor.grants) {
    if (g.role === 'courtAdmin' && g.courtId)
      parts.push(sql`exists (select 1 from ${jointActivityOrgs} where ${jointActivityOrgs.activityId} = ${activities.id} and ${eq(jointActivityOrgs.courtId, g.courtId)})`);
    else if ((g.role === 'branchSecretary' || g.role === 'committeeMember') && g.orgPath && g.courtId) parts.push(jointPartnerIn(g.courtId, g.orgPath));
  }
  return parts.length ? (or(...parts) as SQL) : undefined;
}

/** Reads a partner org by role (court admin, secretary, 支委 over it). */
export function readsPartnerOrg(actor: Actor, o: PartnerOrg): boolean {
  return actor.grants.some((g) => {
    if (g.role === 'courtAdmin') return g.courtId === o.courtId;
    if (g.role === 'branchSecretary' || g.role === 'committeeMember') return g.courtId === o.courtId && !!g.orgPath && o.orgPath.startsWith(g.orgPath);
    return false;
  });
}

export function managesPartnerOrg(actor: Actor, o: PartnerOrg): boolean {
  return canManageOrg(actor, { courtId: o.courtId, path: o.orgPath });
}

/** Which side a member (by court and org path) is on; null when on neither partner org. */
export function partnerOrgOfMember(partners: PartnerOrg[], m: { courtId: string | null; orgPath: string | null }): PartnerOrg | null {
  if (!m.courtId || !m.orgPath) return null;
  return partners.find((o) => o.courtId === m.courtId && m.orgPath!.startsWith(o.orgPath)) ?? null;
}

/** '问题联解（安顺中院 · 第一党支部 ⇄ 渌口法院 · 综合管理党支部）' per joint activity, for ledgers: two queries for any number. */
export async function jointLabelsOf(db: DbOrTx, activityIds: string[]): Promise<Map<string, string>> {
  const joints = await repo.listJoints(db, activityIds);
  if (!joints.length) return new Map();
  const ids = [...new Set(joints.map((j) => j.partnershipId))];
  const { rows } = await repo.listPartnerships(db, inArray(schema.partnerships.id, ids), { page: 1, pageSize: ids.length });
  const byId = new Map(rows.map((p) => [p.row.id, p]));
  const out = new Map<string, string>();
  for (const j of joints) {
    const p = byId.get(j.partnershipId);
    const label = jointCategoryLabels[j.category as JointCategory] ?? j.category;
    out.set(j.activityId, p ? `${label}（${p.courtShortName} · ${p.orgShortName ?? p.orgName} ⇄ ${partnerLabelOf(p)}）` : label);
  }
  return out;
}

/** The detail's `joint` block: category, both sides' names and the caller's side. */
export async function jointInfoOf(db: DbOrTx, a: { id: string; orgId: string }, side: 'host' | 'partner' | 'none') {
  const j = await repo.findJoint(db, a.id);
  if (!j) return null;
  const p = await repo.findListed(db, j.partnershipId);
  const host = await repo.findOrg(db, a.orgId);
  if (!p || !host) return null;
  const hostIsProposer = p.row.orgId === a.orgId;
  const other = hostIsProposer ? partnerLabelOf(p) : `${p.courtShortName} · ${p.orgShortName ?? p.orgName}`;
  return {
    partnershipId: j.partnershipId,
    category: j.category as JointCategory,
    categoryLabel: jointCategoryLabels[j.category as JointCategory] ?? j.category,
    hostOrgName: host.name,
    hostCourtName: host.courtName,
    partnerLabel: other,
    side,
  };
}

/** '渌口法院 · 综合管理党支部' or '西秀区人民检察院第二党支部（检察院）'. */
export function partnerLabelOf(p: {
  row: { partnerKind: string; partnerUnitName: string | null; partnerUnitType: string | null };
  partnerOrgName: string | null;
  partnerOrgShortName: string | null;
  partnerCourtShortName: string | null;
}): string {
  if (p.row.partnerKind === 'branch') return `${p.partnerCourtShortName ?? ''} · ${p.partnerOrgShortName ?? p.partnerOrgName ?? ''}`;
  const type = p.row.partnerUnitType ? partnerUnitTypeLabels[p.row.partnerUnitType as PartnerUnitType] : null;
  return type ? `${p.row.partnerUnitName ?? ''}（${type}）` : (p.row.partnerUnitName ?? '');
}
