// Demo data of 示范岗与先锋队 and 优秀党员 (安顺中院): 立案窗口 and 执行指挥中心 党员示范岗 (挂牌中; the
// latter reviewed 优秀 for its first year), a proposal waiting for the office (民一庭), the
// 执行攻坚党员先锋队 of 执行局 with its members and achievements; last year's 优秀党员 round decided
// (its selected members in the honors registry) and this year's open with nominations from three
// branches — 第一党支部 (anshun-zb1) has not nominated yet: the browser test does.
import { addDays, addMonths, addYears, isActiveMember, isDateBefore, type IsoDate, type MemberStatus } from '@zhibu/domain';
import { newId, schema } from '@zhibu/db';
import type { DemoContext } from './context';
import type { MemberRow, OrgRow } from './builder';

export async function seedPioneerDemo(ctx: DemoContext): Promise<void> {
  const { rows, today, anshun, tx } = ctx;
  const year = Number(today.slice(0, 4));
  const b = anshun.branches;
  const [branch1, , branch3, , , branch6, , branch8] = b;
  const office = ctx.userIds.get('anshun') ?? null;
  const zb1 = ctx.userIds.get('anshun-zb1') ?? null;
  if (!branch1 || !branch3 || !branch6 || !branch8) return;
  const courtId = anshun.court.id;
  const officeName = anshun.named.zhengmingchun?.name ?? '郑明春';
  // People with demo accounts stay free for the browser test (小李 gets a post there).
  const named = new Set(Object.values(anshun.named).map((m) => m.id));
  const taken = new Set<string>();
  const pick = (org: OrgRow, n: number): MemberRow[] => {
    const found = rows.members.filter((m) => m.orgId === org.id && m.status === 'fullMember' && isActiveMember(m.status as MemberStatus) && !named.has(m.id) && !taken.has(m.id)).slice(0, n);
    for (const m of found) taken.add(m.id);
    return found;
  };
  const at = (day: IsoDate, time = '10:00') => new Date(`${day}T${time}:00+08:00`);
  const notBefore = (day: IsoDate, floor: IsoDate) => (isDateBefore(day, floor) ? floor : day);

  // ── 示范岗 / 先锋队 ──
  const [window] = pick(branch1, 1);
  const [command] = pick(branch6, 1);
  const [mediator] = pick(branch3, 1);
  const team = pick(branch6, 7);
  if (!window || !command || !mediator || team.length < 3) return;
  const designation = (d: { org: OrgRow; kind: string; name: string; postName?: string; member: MemberRow; mission?: string; commitment: string; startOn: IsoDate; endOn: IsoDate; state: string; proposedBy: string | null; proposedByName: string }) => ({
    id: newId(),
    courtId,
    kind: d.kind,
    orgId: d.org.id,
    name: d.name,
    postName: d.postName ?? null,
    memberId: d.member.id,
    mission: d.mission ?? null,
    commitment: d.commitment,
    startOn: d.startOn,
    endOn: d.endOn,
    state: d.state,
    proposedBy: d.proposedBy,
    proposedByName: d.proposedByName,
    ...(d.state === 'approved' ? { decidedBy: office, decidedByName: officeName, decidedAt: at(addDays(d.startOn, -3)) } : {}),
  });
  const windowStart = addMonths(today, -8);
  const commandStart = addMonths(today, -20);
  const teamStart = `${year}-01-01`;
  const posts = [
    designation({
      org: branch1,
      kind: 'modelPost',
      name: '立案窗口党员示范岗',
      postName: '诉讼服务中心立案窗口',
      member: window,
      commitment: '亮身份、践承诺：当场立案率不低于95%，群众来访“首问负责、一次告知”，不让当事人跑第二趟。',
      startOn: windowStart,
      endOn: addDays(addYears(windowStart, 1), -1),
      state: 'approved',
      proposedBy: zb1,
      proposedByName: anshun.named.secretary1?.name ?? '第一党支部',
    }),
    designation({
      org: branch6,
      kind: 'modelPost',
      name: '执行指挥中心党员示范岗',
      postName: '执行指挥中心',
      member: command,
      commitment: '执行线索24小时内响应，查控、调度、反馈全程留痕；急难险重任务带头上、冲在前。',
      startOn: commandStart,
      endOn: addDays(addYears(commandStart, 3), -1),
      state: 'approved',
      proposedBy: office,
      proposedByName: officeName,
    }),
    designation({
      org: branch3,
      kind: 'modelPost',
      name: '婚姻家庭纠纷调解党员示范岗',
      postName: '婚姻家庭审判团队',
      member: mediator,
      commitment: '诉前调解分流家事纠纷，调解成功率力争达到40%；每季度开展一次“法润家庭”普法宣讲。',
      startOn: addDays(today, 10),
      endOn: addDays(addYears(addDays(today, 10), 1), -1),
      state: 'proposed',
      proposedBy: office,
      proposedByName: officeName,
    }),
    designation({
      org: branch6,
      kind: 'vanguardTeam',
      name: '执行攻坚党员先锋队',
      member: team[0]!,
      mission: 'enforcement',
      commitment: '聚焦涉民生、涉企执行积案集中攻坚，年内执行到位率提升5个百分点，“终本”案件动态清查全覆盖。',
      startOn: teamStart,
      endOn: `${year + 1}-12-31`,
      state: 'approved',
      proposedBy: office,
      proposedByName: officeName,
    }),
  ];
  await tx.insert(schema.pioneerDesignations).values(posts);
  const teamRow = posts[3]!;
  await tx.insert(schema.pioneerTeamMembers).values(team.map((m) => ({ id: newId(), courtId, designationId: teamRow.id, memberId: m.id })));
  const log = [
    [addDays(today, -75), '开展“雷霆行动”集中执行，一周内执结涉民生案件23件，兑付农民工工资86.4万元'],
    [addDays(today, -40), '联合公安开展凌晨集中拘传行动，拘传被执行人7名，促成和解5件'],
    [addDays(today, -9), '对126件终本案件逐案“回头看”，恢复执行18件'],
  ] as const;
  await tx.insert(schema.pioneerAchievements).values(
    log.map(([day, content]) => ({ id: newId(), courtId, designationId: teamRow.id, occurredOn: notBefore(day, teamStart), content, createdBy: office, createdByName: officeName, createdAt: at(notBefore(day, teamStart), '17:00') })),
  );
  // 执行指挥中心: its first year reviewed 优秀 in January (the review of a year is due by the end of January).
  const firstYear = Number(commandStart.slice(0, 4));
  if (firstYear < year) {
    const reviewedOn = `${firstYear + 1}-01-20`;
    await tx.insert(schema.pioneerReviews).values({ id: newId(), courtId, designationId: posts[1]!.id, year: firstYear, grade: 'excellent', comment: '指挥调度高效，全年快速响应执行线索1,200余条', reviewedOn, reviewedBy: office, reviewedByName: officeName, createdAt: at(reviewedOn) });
  }

  // ── 优秀党员评选 ──
  const issuer = anshun.committee.name;
  const lastYear = year - 1;
  const lastRound = { id: newId(), courtId, year: lastYear, honorName: `${lastYear}年度优秀共产党员`, honorLevel: 'court', issuer, quotaMode: 'perBranch', quota: 2, deadline: `${lastYear}-12-15`, note: '各支部按名额推荐，附主要事迹', state: 'closed', closedAt: at(`${lastYear}-12-28`, '16:00'), createdBy: office };
  const thisRound = { id: newId(), courtId, year, honorName: `${year}年度优秀共产党员`, honorLevel: 'court', issuer, quotaMode: 'perBranch', quota: 2, deadline: addDays(today, 14), note: '请各党支部于截止日期前推荐，每支部不超过2名', state: 'open', closedAt: null, createdBy: office };
  await tx.insert(schema.excellenceRounds).values([lastRound, thisRound]);

  const decidedOn = `${lastYear}-12-28`;
  const deeds: Record<string, string> = {
    a: '全年审结案件286件，结案率98.6%，无一被发回改判；主动承担青年干警“传帮带”。',
    b: '带头攻坚执行积案，执行到位金额3,200余万元，被当事人赠送锦旗4面。',
    c: '扎实开展诉源治理，诉前调解成功率提升至42%，撰写的案例入选省法院参考案例。',
    d: '负责党务工作认真细致，全年组织“三会一课”台账零差错。',
  };
  const lastNominees: [OrgRow, MemberRow | undefined, string, boolean, string | null][] = [
    [branch1, pick(branch1, 1)[0], deeds.a!, true, null],
    [branch6, pick(branch6, 1)[0], deeds.b!, true, null],
    [branch3, pick(branch3, 1)[0], deeds.c!, true, null],
    [branch8, pick(branch8, 1)[0], deeds.d!, false, '名额有限，列为下一年度重点培养对象'],
  ];
  const honorsRows = [];
  const nominationRows = [];
  for (const [org, m, text, selected, reason] of lastNominees) {
    if (!m) continue;
    const honorId = selected ? newId() : null;
    if (honorId) honorsRows.push({ id: honorId, courtId, kind: 'individual', name: lastRound.honorName, level: 'court', issuer, awardedOn: decidedOn, orgId: m.orgId, memberId: m.id, recipientName: m.name, source: 'pioneers', createdBy: office });
    nominationRows.push({ id: newId(), courtId, roundId: lastRound.id, orgId: org.id, memberId: m.id, memberName: m.name, deeds: text, state: selected ? 'selected' : 'notSelected', decisionReason: reason, decidedOn, decidedBy: office, decidedByName: officeName, honorId, nominatedBy: office, nominatedByName: officeName, createdAt: at(`${lastYear}-12-10`) });
  }
  const thisNominees: [OrgRow, MemberRow | undefined, string][] = [
    [branch6, pick(branch6, 1)[0], '牵头“执行攻坚党员先锋队”，全年执结案件410件，执行到位金额4,600余万元。'],
    [branch6, pick(branch6, 1)[0], '执行指挥中心骨干，24小时响应执行线索，协调异地查控120余次。'],
    [branch3, pick(branch3, 1)[0], '婚姻家庭审判团队骨干，诉前化解家事纠纷96件，开展“法润家庭”宣讲8场。'],
    [branch8, pick(branch8, 1)[0], '参与“初心铸魂 清风拂绿”品牌创建，办理生态修复案件32件，补植复绿林地60余亩。'],
  ];
  for (const [org, m, text] of thisNominees) {
    if (!m) continue;
    nominationRows.push({ id: newId(), courtId, roundId: thisRound.id, orgId: org.id, memberId: m.id, memberName: m.name, deeds: text, state: 'nominated', decisionReason: null, decidedOn: null, decidedBy: null, decidedByName: null, honorId: null, nominatedBy: office, nominatedByName: officeName, createdAt: at(addDays(today, -2)) });
  }
  if (honorsRows.length) await tx.insert(schema.honors).values(honorsRows);
  if (nominationRows.length) await tx.insert(schema.excellenceNominations).values(nominationRows);
}
