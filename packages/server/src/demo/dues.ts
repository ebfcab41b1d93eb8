// Demo data: a year of 党费 for the demo branches of 安顺中院 and 渌口法院 — a base for every 预备/正式党员
// (court salaries 4,000–12,000 yuan after tax → bands 1% / 1.5% / 2%; pensions for the 离退休 branches),
// most paid monthly around the 10th, 小李 paid up to last month (this month still open), one member of
// 第一党支部 four months behind (连续未交 warning), one 代交 by a spouse, one 补交, one wage change, and
// one 免交 in 第八党支部 approved by the 机关党委. @see RULES.md §4.1
import {
  computeMonthlyDues,
  defaultRuleConfig,
  type DuesMemberType,
  addYearMonths,
  computeDuesBaseFen,
  monthOfDate,
  monthRange,
  type DuesBaseComponent,
  type YearMonth,
} from '@zhibu/domain';
import { newId, schema } from '@zhibu/db';
import type { DemoContext } from './context';
import type { MemberRow } from './builder';

/** A stable number in [0, n) from a member's id (the demo must not depend on insertion order). */
function pick(id: string, n: number, salt = 0): number {
  let h = 2166136261 ^ salt;
  for (const c of id) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return Math.abs(h) % n;
}

/** 机关 salary components (第一条) summing to a take-home base between 4,000 and 12,000 yuan. */
function salaryOf(m: MemberRow): DuesBaseComponent[] {
  const senior = m.position === 'judge' ? 3000 : m.position === 'judgeAssistant' ? 0 : 800;
  const yuan = 4000 + senior + pick(m.id, 5000 - (senior > 0 ? 800 : 0));
  const post = Math.round(yuan * 0.28);
  const grade = Math.round(yuan * 0.22);
  const judge = m.position === 'judge' ? Math.round(yuan * 0.12) : 0;
  const allowance = Math.round(yuan * 0.3);
  const tax = Math.round(yuan * 0.04);
  const living = yuan - post - grade - judge - allowance + tax;
  const fen = (y: number) => y * 100;
  return [
    { name: '职务工资', amountFen: fen(post), deducted: false },
    { name: '级别工资', amountFen: fen(grade), deducted: false },
    ...(judge ? [{ name: '法官等级工资', amountFen: fen(judge), deducted: false }] : []),
    { name: '工作性津贴', amountFen: fen(allowance), deducted: false },
    { name: '生活性补贴', amountFen: fen(living), deducted: false },
    { name: '个人所得税', amountFen: fen(tax), deducted: true },
  ];
}

function pensionOf(m: MemberRow): DuesBaseComponent[] {
  return [{ name: '离退休费', amountFen: (4200 + pick(m.id, 3800)) * 100, deducted: false }];
}

export async function seedDuesDemo(ctx: DemoContext): Promise<void> {
  const currentMonth = monthOfDate(ctx.today);
  const year = currentMonth.slice(0, 4);
  const january = `${year}-01`;
  const lastMonth = addYearMonths(currentMonth, -1);
  const courts = new Set([ctx.anshun.court.id, ctx.lukou.court.id]);
  const orgsById = new Map(ctx.rows.partyOrgs.map((o) => [o.id, o]));
  const people = ctx.rows.members.filter((m) => courts.has(m.courtId) && (m.status === 'probationaryMember' || m.status === 'fullMember'));
  const firstBranch = ctx.anshun.branches[0]!;
  const eighthBranch = ctx.anshun.branches[7]!;
  const xiaoli = ctx.anshun.named.xiaoli;
  const ordinary = (orgId: string) => people.filter((m) => m.orgId === orgId && m.id !== xiaoli?.id && m.status === 'fullMember' && !m.isRetired);
  // The special cases, picked among ordinary full members of the named branches.
  const [behind, proxied, backPayer] = ordinary(firstBranch.id);
  const [exempted, wageRise] = ordinary(eighthBranch.id);

  const bases: (typeof schema.duesBases.$inferInsert)[] = [];
  const payments: (typeof schema.duesPayments.$inferInsert)[] = [];
  const secretaryOf = (orgId: string) => (ctx.rows.partyOrgs.find((o) => o.id === orgId)?.courtId === ctx.lukou.court.id ? ctx.userIds.get('lukou') : ctx.userIds.get('anshun-zb1'));
  for (const m of people) {
    const org = orgsById.get(m.orgId);
    const retired = m.isRetired || org?.branchKind === 'retired';
    const memberType: DuesMemberType = retired ? 'retired' : 'inService';
    const components = retired ? pensionOf(m) : salaryOf(m);
    const baseFen = computeDuesBaseFen(components);
    const monthlyFen = computeMonthlyDues({ baseFen, memberType, config: defaultRuleConfig }).amountFen;
    bases.push({ id: newId(), courtId: m.courtId, memberId: m.id, effectiveMonth: january, memberType, components, baseFen, monthlyFen, note: `${year}年初核定` });
    let raised = monthlyFen;
    if (m.id === wageRise?.id && currentMonth >= `${year}-08`) {
      // 第十条: the new wage from July applies from July.
      const rise = components.map((c) => (c.name === '级别工资' ? { ...c, amountFen: c.amountFen + 80000 } : c));
      const riseFen = computeDuesBaseFen(rise);
      raised = computeMonthlyDues({ baseFen: riseFen, memberType, config: defaultRuleConfig }).amountFen;
      bases.push({ id: newId(), courtId: m.courtId, memberId: m.id, effectiveMonth: `${year}-07`, memberType, components: rise, baseFen: riseFen, monthlyFen: raised, note: '级别工资调整，自7月起按新基数交纳' });
    }
    if (m.id === exempted?.id) continue;
    const from = m.joinedOn && monthOfDate(m.joinedOn) > january ? monthOfDate(m.joinedOn) : january;
    const through = m.id === behind?.id ? addYearMonths(currentMonth, -5) : lastMonth;
    if (through < from) continue;
    for (const month of monthRange(from, through)) {
      const day = String(8 + pick(m.id, 6)).padStart(2, '0');
      let paidOn = `${month}-${day}`;
      let paidByName: string | null = null;
      if (m.id === backPayer?.id && month === addYearMonths(currentMonth, -3)) paidOn = `${addYearMonths(month, 2)}-${day}`;
      if (m.id === proxied?.id && month === addYearMonths(currentMonth, -2)) paidByName = '刘芳（配偶）';
      payments.push({ id: newId(), courtId: m.courtId, memberId: m.id, orgId: m.orgId, month, amountFen: month >= `${year}-07` ? raised : monthlyFen, paidOn, paidByName, recordedBy: secretaryOf(m.orgId) ?? null, note: paidByName ? '本人外出培训，委托配偶代交' : null });
    }
  }
  for (let i = 0; i < bases.length; i += 500) await ctx.tx.insert(schema.duesBases).values(bases.slice(i, i + 500));
  for (let i = 0; i < payments.length; i += 500) await ctx.tx.insert(schema.duesPayments).values(payments.slice(i, i + 500));

  if (exempted) {
    const month = addYearMonths(currentMonth, -8) < january ? january : addYearMonths(currentMonth, -8);
    // Paid until the illness; 免交 from then on, requested by the branch, approved by the 机关党委 (第七条).
    const paid = monthRange(january, addYearMonths(month, -1)).map((m2: YearMonth) => ({ id: newId(), courtId: exempted.courtId, memberId: exempted.id, orgId: exempted.orgId, month: m2, amountFen: bases.find((b) => b.memberId === exempted.id)!.monthlyFen, paidOn: `${m2}-10` }));
    if (paid.length) await ctx.tx.insert(schema.duesPayments).values(paid);
    await ctx.tx.insert(schema.duesAdjustments).values({
      id: newId(),
      courtId: exempted.courtId,
      memberId: exempted.id,
      orgId: exempted.orgId,
      kind: 'exempt',
      fromMonth: month,
      toMonth: `${year}-12`,
      reason: '本人因病长期住院治疗，配偶无固定收入，家庭生活困难，经支委会研究申请免交',
      state: 'approved',
      requestedBy: ctx.userIds.get('anshun') ?? null,
      decidedBy: ctx.userIds.get('anshun') ?? null,
      decidedAt: ctx.now,
      decisionReason: '情况属实，同意免交至年底',
    });
  }
}
