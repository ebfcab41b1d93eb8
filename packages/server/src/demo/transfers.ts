// Demo data: 组织关系转接 — one transfer in transit from 渌口法院 to 安顺中院 第一支部 (the sending
// branch still responsible; it waits in 安顺's inbox), and one accepted earlier this year between two
// 安顺 branches (the member already sits in the receiving branch).
import { addDays, addMonths, formatLetterNumber, letterValidUntil, defaultTransferSettings, isActiveMember, type MemberStatus } from '@zhibu/domain';
import { newId, schema } from '@zhibu/db';
import type { DemoContext } from './context';

export async function seedTransferDemo(ctx: DemoContext): Promise<void> {
  const { rows, today } = ctx;
  const year = Number(today.slice(0, 4));
  const active = (orgId: string) => rows.members.filter((m) => m.orgId === orgId && m.status === 'fullMember' && isActiveMember(m.status as MemberStatus));
  const lukouBranches = rows.partyOrgs.filter((o) => o.courtId === ctx.lukou.court.id && o.type === 'branch');
  const lukouAdmin = lukouBranches.find((o) => o.shortName === '综合管理党支部') ?? lukouBranches[0];
  const [branch1, branch2, branch3] = ctx.anshun.branches;
  if (!lukouAdmin || !branch1 || !branch2 || !branch3) return;
  const lukouUser = ctx.userIds.get('lukou');
  const anshunUser = ctx.userIds.get('anshun');
  // Someone who is not one of the named demo people (accounts hang off those).
  const named = new Set([...Object.values(ctx.lukou.named), ...Object.values(ctx.anshun.named)].map((m) => m?.id));
  const mover = active(lukouAdmin.id).find((m) => !named.has(m.id));
  const moved = active(branch2.id).find((m) => !named.has(m.id));
  const { letterValidityDays } = defaultTransferSettings;
  const rowsOut = [];
  if (mover && lukouUser) {
    const issuedOn = addDays(today, -3);
    rowsOut.push({
      id: newId(),
      courtId: ctx.lukou.court.id,
      memberId: mover.id,
      memberName: mover.name,
      fromOrgId: lukouAdmin.id,
      kind: 'acrossCourts',
      toCourtId: ctx.anshun.court.id,
      toOrgId: branch1.id,
      toUnitName: null,
      reason: '工作调动至安顺市中级人民法院立案庭',
      duesPaidTo: addMonths(today, -1).slice(0, 7),
      letterNo: formatLetterNumber(defaultTransferSettings.letterPrefix, year, 1),
      letterYear: year,
      letterSeq: 1,
      issuedOn,
      validUntil: letterValidUntil(issuedOn, letterValidityDays),
      state: 'inTransit',
      sentBy: lukouUser,
      sentByName: '谢燕',
    });
  }
  if (moved && anshunUser) {
    const issuedOn = addMonths(today, -5);
    rowsOut.push({
      id: newId(),
      courtId: ctx.anshun.court.id,
      memberId: moved.id,
      memberName: moved.name,
      fromOrgId: branch3.id,
      kind: 'withinCourt',
      toCourtId: ctx.anshun.court.id,
      toOrgId: branch2.id,
      toUnitName: null,
      reason: '岗位交流至第二党支部所在庭室',
      duesPaidTo: addMonths(issuedOn, -1).slice(0, 7),
      letterNo: formatLetterNumber(defaultTransferSettings.letterPrefix, year, 1),
      letterYear: year,
      letterSeq: 1,
      issuedOn,
      validUntil: letterValidUntil(issuedOn, letterValidityDays),
      state: 'accepted',
      sentBy: anshunUser,
      sentByName: '郑明春',
      decidedBy: anshunUser,
      decidedByName: '郑明春',
      decidedAt: new Date(`${addDays(issuedOn, 2)}T10:00:00+08:00`),
    });
  }
  if (rowsOut.length) await ctx.tx.insert(schema.memberTransfers).values(rowsOut);
}
