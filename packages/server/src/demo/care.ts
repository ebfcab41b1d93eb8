// Demo data of 关怀 (issue 5): three 关怀对象 — a long-ill veteran of 第十（离退休）党支部 with visits
// (春节慰问金, quarterly 送学上门), a member of 第一党支部 in hardship whose review date has come, and one
// injured on duty in 执行局 (第六党支部). Dates relative to today; 慰问金 in fen.
import { addDays, addMonths, isActiveMember, type IsoDate, type MemberStatus } from '@zhibu/domain';
import { newId, schema } from '@zhibu/db';
import type { DemoContext } from './context';
import type { OrgRow } from './builder';

export async function seedCareDemo(ctx: DemoContext): Promise<void> {
  const { rows, today, anshun } = ctx;
  const named = new Set(Object.values(anshun.named).map((m) => m.id));
  const secretaryName = (org: OrgRow) => rows.members.find((m) => m.id === rows.committeePositions.find((p) => p.orgId === org.id && p.post === 'secretary' && !p.endOn)?.memberId)?.name ?? '支部书记';
  const pick = (org: OrgRow | undefined, nth: number) =>
    org ? rows.members.filter((m) => m.orgId === org.id && m.status === 'fullMember' && isActiveMember(m.status as MemberStatus) && !named.has(m.id))[nth] : undefined;
  const createdBy = ctx.userIds.get('anshun') ?? null;
  const office = anshun.named.zhengmingchun?.name ?? '郑明春';
  const past = (d: IsoDate) => (d > today ? today : d);

  const records: (typeof schema.careRecords.$inferInsert)[] = [];
  const visits: (typeof schema.careVisits.$inferInsert)[] = [];
  const record = (org: OrgRow, memberId: string, kind: string, situation: string, reviewOn: IsoDate | null, followUp: string) => {
    const id = newId();
    records.push({ id, courtId: org.courtId, memberId, orgId: org.id, kind, situation, reviewOn, followUp, createdBy });
    return id;
  };
  const visit = (recordId: string, visitedOn: IsoDate, visitors: string, helpKinds: string[], amountFen: number, note: string) =>
    visits.push({ id: newId(), courtId: anshun.court.id, recordId, visitedOn: past(visitedOn), visitors, helpKinds, amountFen, note, createdBy });

  const retired = anshun.branches[9];
  const veteran = pick(retired, 0);
  if (retired && veteran) {
    const id = record(retired, veteran.id, 'longIllness', '患脑梗后遗症多年，行动不便，长期卧床，老伴照料；党龄五十余年，希望能继续参加支部学习。', addMonths(today, 3), '每季度送学上门一次；春节、七一走访慰问。');
    const who = `${office}、${secretaryName(retired)}`;
    visit(id, addMonths(today, -10), who, ['money'], 100000, '春节前走访慰问，送去慰问金');
    visit(id, addMonths(today, -8), secretaryName(retired), ['studyDelivered'], 0, '送学上门：学习党的二十届三中全会精神，带去学习资料');
    visit(id, addMonths(today, -5), who, ['money', 'studyDelivered'], 50000, '“七一”走访慰问老党员，颁发“光荣在党50年”纪念章');
    visit(id, addMonths(today, -2), secretaryName(retired), ['studyDelivered'], 0, '送学上门：读报、讲解主题教育学习内容');
  }
  const b1 = anshun.branches[0];
  const hard = pick(b1, 7);
  if (b1 && hard) {
    const id = record(b1, hard.id, 'hardship', '配偶去年确诊重病，长期治疗，子女尚在读书，家庭负担重。', addDays(today, -3), '协调工会困难职工帮扶；半年复核一次。');
    visit(id, addMonths(today, -6), `${secretaryName(b1)}、${office}`, ['money'], 200000, '支部走访，送去困难党员补助');
    visit(id, addMonths(today, -1), secretaryName(b1), ['other'], 0, '协调院工会申请困难职工帮扶');
  }
  const b6 = anshun.branches[5];
  const injured = pick(b6, 3);
  if (b6 && injured) {
    const id = record(b6, injured.id, 'injuredOnDuty', '执行现场遭暴力抗法受伤，左臂骨折，正在康复。', addMonths(today, 1), '康复期间减少外勤任务。');
    visit(id, addDays(today, -20), `${secretaryName(b6)}、${office}`, ['money'], 80000, '到医院看望慰问');
  }
  if (records.length) await ctx.tx.insert(schema.careRecords).values(records);
  if (visits.length) await ctx.tx.insert(schema.careVisits).values(visits);
}
