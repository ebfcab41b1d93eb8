// Demo data of 联建 / "四联" (seeds/000: 安顺中院's 9 在职党支部 "主动与最高人民法院、省法院、基层法院24个
// 对口党支部开展联建活动"). Adds the courts the article names without accounts — 最高人民法院 and
// 贵州高院's branches, the six county courts of 安顺 (西秀区、平坝区、普定县、镇宁县、关岭县、紫云县,
// one branch each, no members) — and pairs 安顺's branches with 24 counterpart court branches: 3 at
// 最高人民法院, 6 at 贵州高院, 14 at the county courts and the cross-province 第一党支部 ↔ 渌口
// 综合管理党支部 (a basic court too) that the browser test plans a joint activity under. Four outside
// units by name (油栗湖村 where 第八党支部 is stationed, 检察院, 安顺学院, a bank), one proposal from
// 贵州高院 waiting for 第八党支部's answer, and a year of joint activities in all four 四联 categories.
import { and, eq } from 'drizzle-orm';
import { addDays, addMonths, type IsoDate, type JointCategory, type PartnerUnitType } from '@zhibu/domain';
import { newId, schema, type DbOrTx } from '@zhibu/db';
import { newSignInCode, newSignInSecret } from '../modules/activities/sign-in-token';
import type { OrgRow } from './builder';
import type { DemoContext } from './context';

type Org = { id: string; courtId: string; path: string; name: string };

async function ensureCourt(tx: DbOrTx, c: { name: string; shortName: string; level: string; parentId: string | null; region: string; sortOrder: number }) {
  const found = (await tx.select({ id: schema.courts.id }).from(schema.courts).where(eq(schema.courts.name, c.name)))[0];
  if (found) return found.id;
  const id = newId();
  await tx.insert(schema.courts).values({ id, ...c });
  return id;
}

/** A court's party tree root (机关党委 or 党总支) and its branches, created when the court has none. */
async function ensureBranches(tx: DbOrTx, courtId: string, root: { type: string; name: string; shortName: string }, branches: [string, string][]): Promise<Org[]> {
  const existing = await tx
    .select({ id: schema.partyOrgs.id, courtId: schema.partyOrgs.courtId, path: schema.partyOrgs.path, name: schema.partyOrgs.name })
    .from(schema.partyOrgs)
    .where(and(eq(schema.partyOrgs.courtId, courtId), eq(schema.partyOrgs.type, 'branch')));
  if (existing.length) return existing;
  const rootId = newId();
  const rootPath = `/${rootId}/`;
  await tx.insert(schema.partyOrgs).values({ id: rootId, courtId, parentId: null, path: rootPath, type: root.type, name: root.name, shortName: root.shortName });
  const rows = branches.map(([name, shortName], i) => {
    const id = newId();
    return { id, courtId, parentId: rootId, path: `${rootPath}${id}/`, type: 'branch', branchKind: 'regular', name, shortName, sortOrder: i + 1 };
  });
  await tx.insert(schema.partyOrgs).values(rows);
  return rows.map((r) => ({ id: r.id, courtId: r.courtId, path: r.path, name: r.name }));
}

const find = (orgs: Org[], part: string) => {
  const o = orgs.find((x) => x.name.includes(part));
  if (!o) throw new Error(`demo: no branch named like ${part}`);
  return o;
};

export async function seedPartnershipDemo(ctx: DemoContext): Promise<void> {
  const { tx, now, today, anshun, lukou } = ctx;
  const year = Number(today.slice(0, 4));
  const startsOn = `${year - 1}-03-01` as IsoDate;
  const endsOn = `${year + 1}-12-31` as IsoDate;
  const office = ctx.userIds.get('anshun') ?? null;

  // ── courts and counterpart branches ────────────────────────────────────────────────────────────
  const supremeId = await ensureCourt(tx, { name: '最高人民法院', shortName: '最高法', level: 'supreme', parentId: null, region: '北京市', sortOrder: -1 });
  const supreme = await ensureBranches(tx, supremeId, { type: 'organCommittee', name: '中共最高人民法院机关委员会', shortName: '机关党委' }, [
    ['中共最高人民法院立案庭支部委员会', '立案庭党支部'],
    ['中共最高人民法院环境资源审判庭支部委员会', '环境资源审判庭党支部'],
    ['中共最高人民法院执行局支部委员会', '执行局党支部'],
  ]);
  const gz = await ensureBranches(tx, ctx.guizhouCourtId, { type: 'organCommittee', name: '中共贵州省高级人民法院机关委员会', shortName: '机关党委' }, [
    ['中共贵州省高级人民法院刑事审判第一庭支部委员会', '刑一庭党支部'],
    ['中共贵州省高级人民法院民事审判第一庭支部委员会', '民一庭党支部'],
    ['中共贵州省高级人民法院行政审判庭支部委员会', '行政审判庭党支部'],
    ['中共贵州省高级人民法院执行局支部委员会', '执行局党支部'],
    ['中共贵州省高级人民法院审判管理办公室支部委员会', '审管办党支部'],
    ['中共贵州省高级人民法院政治部支部委员会', '政治部党支部'],
    ['中共贵州省高级人民法院环境资源审判庭支部委员会', '环境资源审判庭党支部'],
  ]);
  const counties: Record<string, Org> = {};
  let sort = 100;
  for (const [name, short] of [
    ['安顺市西秀区人民法院', '西秀区法院'],
    ['安顺市平坝区人民法院', '平坝区法院'],
    ['普定县人民法院', '普定县法院'],
    ['镇宁布依族苗族自治县人民法院', '镇宁县法院'],
    ['关岭布依族苗族自治县人民法院', '关岭县法院'],
    ['紫云苗族布依族自治县人民法院', '紫云县法院'],
  ] as const) {
    const courtId = await ensureCourt(tx, { name, shortName: short, level: 'basic', parentId: anshun.court.id, region: '贵州省安顺市', sortOrder: sort++ });
    const [branch] = await ensureBranches(tx, courtId, { type: 'generalBranch', name: `中共${name}机关总支部委员会`, shortName: '党总支' }, [[`中共${name}机关支部委员会`, '机关党支部']]);
    counties[short.slice(0, 2)] = branch!;
  }
  const lukouBranches = ctx.rows.partyOrgs.filter((o) => o.courtId === lukou.court.id && o.type === 'branch');
  const lukouAdmin = lukouBranches.find((o) => o.name.includes('综合管理')) ?? lukouBranches[0]!;

  // ── pairings ───────────────────────────────────────────────────────────────────────────────────
  const b = (n: number) => anshun.branches[n - 1]! as OrgRow;
  type Spec = { org: OrgRow; partner?: Org; unit?: { name: string; type: PartnerUnitType }; categories: JointCategory[]; goals: string; status?: 'proposed'; proposer?: 'partner' };
  const specs: Spec[] = [
    { org: b(1), partner: find(supreme, '立案庭'), categories: ['jointPlanning', 'jointProblemSolving'], goals: '对标最高法诉讼服务标准，共谋一站式多元解纷和诉讼服务中心建设思路' },
    { org: b(8), partner: find(supreme, '环境资源'), categories: ['jointBranding', 'jointPlanning'], goals: '围绕“初心铸魂 清风拂绿”品牌，共创生态环境司法保护品牌，共建司法修复基地' },
    { org: b(6), partner: find(supreme, '执行局'), categories: ['jointProblemSolving'], goals: '共同破解执行难中的财产查控、失信惩戒难题' },
    { org: b(2), partner: find(gz, '刑事审判第一庭'), categories: ['jointPlanning', 'jointProblemSolving'], goals: '刑事审判疑难案件共研共判，统一裁判尺度' },
    { org: b(3), partner: find(gz, '民事审判第一庭'), categories: ['jointProblemSolving'], goals: '劳动争议“三步诊疗”工作法经验互学，共解婚姻家庭纠纷难点' },
    { org: b(5), partner: find(gz, '行政审判庭'), categories: ['jointPlanning'], goals: '行政争议实质性化解思路联谋' },
    { org: b(6), partner: find(gz, '执行局'), categories: ['jointForces'], goals: '执行指挥中心联动，集中执行行动力量联合' },
    { org: b(7), partner: find(gz, '审判管理办公室'), categories: ['jointPlanning'], goals: '审判质效指标共谋共管' },
    { org: b(9), partner: find(gz, '政治部'), categories: ['jointBranding', 'jointForces'], goals: '机关党建品牌“安法护航 初心铸魂”共创共推' },
    { org: b(1), partner: counties['西秀']!, categories: ['jointProblemSolving'], goals: '立案信息共享，诉源治理问题联解' },
    { org: b(3), partner: counties['西秀']!, categories: ['jointForces'], goals: '家事审判“三化”调解力量联合' },
    { org: b(8), partner: counties['西秀']!, categories: ['jointBranding'], goals: '生态环境司法修复基地共建' },
    { org: b(2), partner: counties['平坝']!, categories: ['jointProblemSolving'], goals: '刑事案件审判质效问题联解' },
    { org: b(4), partner: counties['平坝']!, categories: ['jointForces'], goals: '金融纠纷诉前调解示范指导站力量联合' },
    { org: b(2), partner: counties['普定']!, categories: ['jointPlanning'], goals: '远程连线、云上共学，共谋基层党建“一盘棋”' },
    { org: b(5), partner: counties['普定']!, categories: ['jointProblemSolving'], goals: '行政争议化解问题联解' },
    { org: b(6), partner: counties['镇宁']!, categories: ['jointForces'], goals: '跨区域执行协作' },
    { org: b(9), partner: counties['镇宁']!, categories: ['jointPlanning'], goals: '队伍建设思路联谋' },
    { org: b(4), partner: counties['关岭']!, categories: ['jointProblemSolving'], goals: '商事审判难点问题联解' },
    { org: b(7), partner: counties['关岭']!, categories: ['jointPlanning'], goals: '审判管理经验交流' },
    { org: b(8), partner: counties['紫云']!, categories: ['jointBranding', 'jointForces'], goals: '格凸河流域生态保护品牌联创' },
    { org: b(6), partner: counties['紫云']!, categories: ['jointForces'], goals: '涉民生案件集中执行' },
    { org: b(3), partner: counties['紫云']!, categories: ['jointProblemSolving'], goals: '少数民族地区婚姻家庭纠纷化解' },
    { org: b(1), partner: lukouAdmin as Org, categories: ['jointPlanning', 'jointBranding'], goals: '跨省交流“服务保障做尖兵”与诉讼服务品牌经验，共谋党建与业务深度融合' },
    { org: b(8), unit: { name: '黄果树旅游区龙宫镇油栗湖村党支部', type: 'community' }, categories: ['jointForces'], goals: '驻村帮扶，解决村民生活用水困难，建立生态环境保护司法修复基地' },
    { org: b(3), unit: { name: '安顺市西秀区人民检察院第二党支部', type: 'procuratorate' }, categories: ['jointProblemSolving'], goals: '未成年人权益保护检法协作' },
    { org: b(9), unit: { name: '安顺学院政治与法律学院党支部', type: 'school' }, categories: ['jointForces'], goals: '法治宣传进校园、实习基地共建' },
    { org: b(4), unit: { name: '贵州银行安顺分行营业部党支部', type: 'enterprise' }, categories: ['jointProblemSolving'], goals: '金融纠纷诉前化解' },
    { org: b(8), partner: find(gz, '环境资源'), categories: ['jointBranding'], goals: '全省环境资源审判党建品牌联创', status: 'proposed', proposer: 'partner' },
  ];
  const rows = specs.map((s, i) => {
    const partner = s.partner;
    const flip = s.proposer === 'partner' && partner;
    const own = flip ? partner : { id: s.org.id, courtId: s.org.courtId, path: s.org.path };
    const other = flip ? { id: s.org.id, courtId: s.org.courtId, path: s.org.path } : partner;
    const active = s.status !== 'proposed';
    return {
      id: newId(),
      courtId: own.courtId,
      orgId: own.id,
      orgPath: own.path,
      partnerKind: s.unit ? 'external' : 'branch',
      partnerCourtId: other?.courtId ?? null,
      partnerOrgId: other?.id ?? null,
      partnerOrgPath: other?.path ?? null,
      partnerUnitName: s.unit?.name ?? null,
      partnerUnitType: s.unit?.type ?? null,
      title: s.unit ? `${s.unit.name}联建共建协议` : '党支部联建共建协议',
      goals: s.goals,
      categories: s.categories,
      startsOn: active ? addMonths(startsOn, i % 4) : today,
      endsOn: active ? endsOn : null,
      contact: `${s.org.shortName ?? s.org.name}书记`,
      partnerContact: s.unit ? '党支部书记' : '对口党支部书记',
      status: active ? 'active' : 'proposed',
      proposedBy: flip ? null : office,
      decidedBy: active ? office : null,
      decidedAt: active ? new Date(`${addMonths(startsOn, i % 4)}T02:00:00Z`) : null,
      createdAt: active ? new Date(`${addMonths(startsOn, i % 4)}T01:00:00Z`) : now,
    };
  });
  await tx.insert(schema.partnerships).values(rows);

  // ── joint activities: a year of them, every 四联 category, held ones recorded ─────────────────
  const pairOf = (org: OrgRow, partnerName: string) => {
    const found = rows.find((r, i) => r.orgId === org.id && (specs[i]!.partner?.name ?? specs[i]!.unit?.name ?? '').includes(partnerName));
    if (!found) throw new Error(`demo: no pairing of ${org.name} with ${partnerName}`);
    return found;
  };
  const plans: { pair: (typeof rows)[number]; org: OrgRow; category: JointCategory; title: string; daysAgo: number; place: string; minutes: string }[] = [
    { pair: pairOf(b(8), '环境资源'), org: b(8), category: 'jointBranding', title: '“初心铸魂 清风拂绿”生态司法保护品牌联创座谈', daysAgo: 300, place: '第八党支部党员活动室', minutes: '与最高人民法院环境资源审判庭党支部视频连线，交流生态环境司法修复基地建设经验，商定品牌联创方向。' },
    { pair: pairOf(b(1), '立案庭'), org: b(1), category: 'jointPlanning', title: '一站式诉讼服务思路联谋研讨会', daysAgo: 240, place: '诉讼服务中心会议室', minutes: '对标最高人民法院诉讼服务标准，研讨一站式多元解纷建设思路，形成三项改进措施。' },
    { pair: pairOf(b(3), '西秀'), org: b(3), category: 'jointForces', title: '家事纠纷“三化”调解力量联合进社区', daysAgo: 180, place: '西秀区东关街道社区服务中心', minutes: '市县两级法院党员干警联合开展家事纠纷调解和普法宣传，现场调解纠纷4件。' },
    { pair: pairOf(b(6), '紫云'), org: b(6), category: 'jointForces', title: '涉民生案件集中执行联合行动', daysAgo: 120, place: '紫云县人民法院执行指挥中心', minutes: '两院执行干警联合行动，执结涉民生案件12件，兑现执行款36万元。' },
    { pair: pairOf(b(2), '刑事审判第一庭'), org: b(2), category: 'jointProblemSolving', title: '刑事审判疑难案件问题联解讲评会', daysAgo: 75, place: '第二党支部党员活动室', minutes: '与省法院刑一庭党支部共同讲评疑难案件3件，统一量刑尺度。' },
    { pair: pairOf(b(1), '综合管理'), org: b(1), category: 'jointBranding', title: '跨省联建：诉讼服务与“服务保障做尖兵”品牌交流', daysAgo: 40, place: '线上（远程连线）', minutes: '安顺中院第一党支部与渌口法院综合管理党支部远程连线，交流党建品牌创建和诉讼服务经验。' },
    { pair: pairOf(b(8), '油栗湖村'), org: b(8), category: 'jointProblemSolving', title: '油栗湖村生活用水问题联解现场办公', daysAgo: 20, place: '龙宫镇油栗湖村村委会', minutes: '与村党支部现场研究村民生活用水问题，协调水务部门制定解决方案。' },
    { pair: pairOf(b(9), '政治部'), org: b(9), category: 'jointPlanning', title: '“安法护航 初心铸魂”机关党建品牌思路联谋（计划）', daysAgo: -10, place: '第九党支部党员活动室', minutes: '' },
  ];
  const active = ['probationaryMember', 'fullMember'];
  const acts: (typeof schema.activities.$inferInsert)[] = [];
  const atts: (typeof schema.activityAttendance.$inferInsert)[] = [];
  const joints: (typeof schema.jointActivities.$inferInsert)[] = [];
  const jointOrgs: (typeof schema.jointActivityOrgs.$inferInsert)[] = [];
  plans.forEach((p, i) => {
    const heldOn = addDays(today, -p.daysAgo);
    const startsAt = new Date(`${heldOn}T06:30:00Z`); // 14:30 in Shanghai
    const held = p.daysAgo > 0;
    const id = newId();
    acts.push({
      id,
      courtId: p.org.courtId,
      orgId: p.org.id,
      orgPath: p.org.path,
      type: 'jointActivity',
      title: p.title,
      status: held ? 'held' : 'planned',
      heldOn,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
      place: p.place,
      agenda: `“四联”联建活动：${p.title}`,
      minutes: held ? p.minutes : null,
      recordedAt: held ? new Date(startsAt.getTime() + 3 * 3600_000) : null,
      notifiedAt: new Date(startsAt.getTime() - 3 * 86400_000),
      signInSecret: newSignInSecret(),
      signInCode: newSignInCode(),
      createdBy: office,
      createdAt: new Date(startsAt.getTime() - 7 * 86400_000),
    });
    joints.push({ activityId: id, courtId: p.org.courtId, partnershipId: p.pair.id, category: p.category });
    const partnerIsOther = p.pair.orgId === p.org.id;
    const partnerOrg = p.pair.partnerKind === 'branch' ? (partnerIsOther ? { id: p.pair.partnerOrgId!, courtId: p.pair.partnerCourtId!, path: p.pair.partnerOrgPath! } : { id: p.pair.orgId, courtId: p.pair.courtId, path: p.pair.orgPath }) : null;
    if (partnerOrg) jointOrgs.push({ id: newId(), activityId: id, courtId: partnerOrg.courtId, orgId: partnerOrg.id, orgPath: partnerOrg.path });
    // Expected: the host branch's members and, where the partner is on the platform with members, theirs.
    const expected = ctx.rows.members.filter(
      (m) => active.includes(m.status) && ((m.courtId === p.org.courtId && m.orgPath.startsWith(p.org.path)) || (!!partnerOrg && m.courtId === partnerOrg.courtId && m.orgPath.startsWith(partnerOrg.path))),
    );
    expected.forEach((m, k) => {
      const status = !held ? 'pending' : (k + i) % 11 === 3 ? 'onLeave' : (k + i) % 17 === 5 ? 'absent' : 'present';
      atts.push({ id: newId(), courtId: m.courtId, activityId: id, memberId: m.id, role: 'expected', status, reason: status === 'onLeave' ? '外出办案' : null, signInMethod: status === 'present' ? 'qr' : null, signedInAt: status === 'present' ? startsAt : null });
    });
    if (!partnerOrg && p.pair.partnerUnitName)
      atts.push({ id: newId(), courtId: p.org.courtId, activityId: id, memberId: null, guestName: '村（单位）党支部书记', guestUnit: p.pair.partnerUnitName, role: 'guest', status: 'observer' });
  });
  await tx.insert(schema.activities).values(acts);
  for (let i = 0; i < atts.length; i += 500) await tx.insert(schema.activityAttendance).values(atts.slice(i, i + 500));
  await tx.insert(schema.jointActivities).values(joints);
  await tx.insert(schema.jointActivityOrgs).values(jointOrgs);
}
