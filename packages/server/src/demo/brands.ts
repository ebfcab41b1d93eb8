// Demo data of 一支部一品牌: the brands the articles name (安顺中院's "安法护航 初心铸魂" heading its
// branch brands, 第八党支部's "初心铸魂 清风拂绿", 执行's "初心铸魂 数智执行"; 渌口's four branch
// brands under "党旗引领 法耀渌湘"), in every step of 申报→认定→培育→宣传→选树: one returned with
// 有特色 scored low, one under review, one cultivating with an overdue milestone, selected ones with
// the honors the articles quote. Two reviewer accounts (anshun-zb2, anshun-zb9) sit on the panels.
// 选树: last year's round published (第八党支部's brand selected with its honor), this year's open with two
// nominations. 第一党支部 (anshun-zb1) has no brand yet: the browser test applies for one.
import { addDays, addMonths, type BrandState } from '@zhibu/domain';
import { newId, schema } from '@zhibu/db';
import type { DemoContext } from './context';
import { insertAccounts } from './index';

type BrandSpec = {
  org: { id: string; courtId: string; name: string };
  isMaster?: boolean;
  name: string;
  slogan: string;
  concept: string;
  substance: string;
  distinctiveness: string;
  integration: string;
  carriers: string;
  team?: string;
  story?: string;
  state: BrandState;
  published?: boolean;
  selectedYear?: number;
};

export async function seedBrandDemo(ctx: DemoContext): Promise<void> {
  const { tx, now, today, anshun, lukou } = ctx;
  const year = Number(today.slice(0, 4));
  const br = anshun.branches;
  const secretaryOf = (orgId: string) => {
    const pos = ctx.rows.committeePositions.find((p) => p.orgId === orgId && p.post === 'secretary' && !p.endOn);
    return ctx.rows.members.find((m) => m.id === pos?.memberId);
  };
  // Reviewers from other branches: 第二党支部书记 (张健) and 第九党支部书记.
  const zb2 = secretaryOf(br[1]!.id)!;
  const zb9 = secretaryOf(br[8]!.id)!;
  const reviewerIds = await insertAccounts(
    tx,
    [
      { username: 'anshun-zb2', displayName: zb2.name, courtId: anshun.court.id, memberId: zb2.id, grants: [{ role: 'branchSecretary', courtId: anshun.court.id, orgId: br[1]!.id }] },
      { username: 'anshun-zb9', displayName: zb9.name, courtId: anshun.court.id, memberId: zb9.id, grants: [{ role: 'branchSecretary', courtId: anshun.court.id, orgId: br[8]!.id }] },
    ],
    now,
  );
  for (const [k, v] of reviewerIds) ctx.userIds.set(k, v);
  const office = ctx.userIds.get('anshun')!;
  const lukouOffice = ctx.userIds.get('lukou')!;
  const panel = [reviewerIds.get('anshun-zb2')!, reviewerIds.get('anshun-zb9')!];

  const brands: (typeof schema.brands.$inferInsert)[] = [];
  const add = (s: BrandSpec) => {
    const id = newId();
    const submitted = s.state !== 'draft';
    const decided = !['draft', 'submitted'].includes(s.state);
    brands.push({
      id,
      courtId: s.org.courtId,
      orgId: s.org.id,
      isMaster: !!s.isMaster,
      name: s.name,
      slogan: s.slogan,
      concept: s.concept,
      substance: s.substance,
      distinctiveness: s.distinctiveness,
      integration: s.integration,
      carriers: s.carriers,
      team: s.team ?? null,
      story: s.story ?? null,
      state: s.state,
      round: submitted ? 1 : 0,
      weights: submitted ? { theme: 25, substance: 25, distinctiveness: 25, integration: 25 } : null,
      published: !!s.published,
      submittedAt: submitted ? new Date(`${addMonths(today, -14)}T10:00:00+08:00`) : null,
      decidedAt: decided ? new Date(`${addMonths(today, -13)}T10:00:00+08:00`) : null,
      decidedBy: decided ? (s.org.courtId === lukou.court.id ? lukouOffice : office) : null,
      decisionReason: s.state === 'returned' ? '“有特色”得分偏低：品牌特色与其他审判支部雷同，请突出金融审判工作特点后重新申报' : decided ? '四项标准均达到认定要求' : null,
      selectedYear: s.selectedYear ?? null,
      createdBy: office,
    });
    return id;
  };

  const master = add({
    org: anshun.committee,
    isMaster: true,
    name: '安法护航 初心铸魂',
    slogan: '党建强 业务强',
    concept: '坚持“从政治上看、从法治上办”，以高质量党建引领审判工作高质量发展',
    substance: '围绕中心、服务大局的党建深度，聚焦服务、解决难题的党建力度，关注群众、司法为民的党建温度',
    distinctiveness: '“1122”工作法：创新一套机制夯基础、打造一个品牌出活力、构建两支小组促效力、抓实两项创建促融合',
    integration: '党建与审判执行工作深度融合，“党务+业务”同议共评，“从政治上看 从法治上办”案例讲评会',
    carriers: '“双带五引”工程、“六强六比”、“一支部一品牌一阵地”建设；20支党小组、9支青年理论学习小组',
    team: '韦大志（机关党委书记）、郑明春（机关党办主任）',
    story: '市法院确定有主题、有内涵、有特色、有融合的党建品牌创建标准，提炼出“安法护航 初心铸魂”院党建品牌，机关9个在职党支部分别打造具有业务特色的支部品牌集群，形成“党建强、业务强”的“双强”效应。',
    state: 'selected',
    published: true,
    selectedYear: year - 1,
  });
  const green = add({
    org: br[7]!,
    name: '初心铸魂 清风拂绿',
    slogan: '以“法院绿”助力“生态美”',
    concept: '发挥环境资源审判职能，守护绿水青山',
    substance: '驻村工作中主动作为，运用民事公益诉讼赔偿金开展异地生态修复',
    distinctiveness: '在黄果树旅游区龙宫镇油栗湖村建立生态环境保护司法修复基地',
    integration: '服务环境资源审判和乡村振兴，增强村民保护环境的法治观念',
    carriers: '生态环境保护司法修复基地、驻村帮扶、巡回审判',
    team: '黄云庆（支部书记）及环境资源审判团队党员',
    story: '2024年，第八党支部在驻村工作时了解到油栗湖村部分村民生活用水困难，将6万多元民事公益诉讼赔偿金投入生态环境保护司法修复基地，修建石头组污水直排排污沟，完善小屯组污水处理系统沉砂池及排污管，小屯组污水积水污染环境得到有效治理。',
    state: 'selected',
    published: true,
    selectedYear: year - 1,
  });
  const enforcement = add({
    org: br[5]!,
    name: '初心铸魂 数智执行',
    slogan: '让胜诉权益早日兑现',
    concept: '以党建引领执行攻坚，用数字化手段提升执行质效',
    substance: '党员带头攻坚“执行难”，执行指挥中心数字化办案',
    distinctiveness: '“智慧执行”平台、党员突击队、执行指挥中心“一键查控”',
    integration: '服务执行工作，提升执行到位率和群众满意度',
    carriers: '党员突击队、执行指挥中心、集中执行行动',
    team: '执行局党支部委员会',
    state: 'cultivating',
  });
  const xing = add({
    org: br[1]!,
    name: '初心铸魂 融法致刑',
    slogan: '罚当其罪 宽严相济',
    concept: '以党建引领刑事审判，做到政治效果、法律效果、社会效果相统一',
    substance: '落实宽严相济刑事政策，推动刑事审判与社会治理融合',
    distinctiveness: '刑事速裁团队“党员先锋岗”、未成年人刑事案件“法治副校长”',
    integration: '服务刑事审判工作',
    carriers: '党员先锋岗、庭审观摩、法治进校园',
    state: 'recognized',
  });
  const dian = add({
    org: br[2]!,
    name: '初心铸魂 “典”亮虹桥',
    slogan: '民法典进万家',
    concept: '以民法典宣传和适用为主线，架起法院与群众的“连心桥”',
    substance: '婚姻家庭、劳动争议审判中讲好民法典故事',
    distinctiveness: '“虹桥”调解工作室、民法典巡回宣讲',
    integration: '服务民事审判和多元解纷',
    carriers: '民法典宣讲团、巡回法庭、调解工作室',
    state: 'promoting',
    published: true,
  });
  const finance = add({
    org: br[3]!,
    name: '初心铸魂 金融护航',
    slogan: '护航金融安全',
    concept: '以党建引领金融商事审判',
    substance: '依法审理金融纠纷案件，防范化解金融风险',
    distinctiveness: '金融审判团队',
    integration: '服务金融商事审判和营商环境',
    carriers: '金融审判团队、银法联动',
    state: 'returned',
  });
  const admin = add({
    org: br[4]!,
    name: '初心铸魂 行稳致远',
    slogan: '监督支持依法行政',
    concept: '以党建引领行政审判，助推法治政府建设',
    substance: '行政争议实质性化解，府院联动',
    distinctiveness: '“府院联席”机制、行政机关负责人出庭应诉旁听',
    integration: '服务行政审判和法治政府建设',
    carriers: '府院联席会议、庭审旁听',
    state: 'submitted',
  });
  add({
    org: br[6]!,
    name: '初心铸魂 质效先锋',
    slogan: '向管理要质效',
    concept: '以党建引领审判管理',
    substance: '',
    distinctiveness: '',
    integration: '',
    carriers: '',
    state: 'draft',
  });

  // 渌口法院: "党旗引领 法耀渌湘" and its four branch brands (株洲日报).
  const lukouBranches = ctx.rows.partyOrgs.filter((o) => o.parentId === lukou.general.id && o.type === 'branch');
  const lb = (short: string) => lukouBranches.find((o) => o.name.includes(short))!;
  add({
    org: lukou.general,
    isMaster: true,
    name: '党旗引领 法耀渌湘',
    slogan: '支部建在庭上、先锋亮在岗位上、党旗红在院上',
    concept: '聚焦“四强”党支部建设，以党建品牌建设赋能法院高质量发展',
    substance: '政治功能强、支部班子强、党员队伍强、作用发挥强',
    distinctiveness: '各支部围绕业务特色打造品牌，亮点纷呈',
    integration: '党建工作与审判执行、综合保障、基层治理深度融合',
    carriers: '“党员先锋队”“党员示范岗”、支部评选优秀党员',
    state: 'promoting',
    published: true,
  });
  const lukouTrial = add({ org: lb('审判业务'), name: '审判执行守初心', slogan: '公正司法 执行为民', concept: '以党建引领审判执行', substance: '审判执行一线党员亮身份、当先锋', distinctiveness: '刑事、民事审判党小组建在审判团队上', integration: '服务审判执行工作', carriers: '党员示范岗、案件讲评', state: 'cultivating' });
  const lukouAdmin = add({
    org: lb('综合管理'),
    name: '服务保障做尖兵',
    slogan: '以司法政务现代化服务审判执行工作现代化',
    concept: '把政治建设摆在首位、把作风建设贯穿始终、把意识形态工作抓在日常',
    substance: '为司法政务、人事管理、警务保障、后勤服务提供坚强保障',
    distinctiveness: '司法警察大队“安全可靠”司法护卫品牌；“法爱同行 护航成长”关爱留守儿童',
    integration: '服务全院各项工作高效有序运转',
    carriers: '党员先锋队、党员示范岗、“线上+线下”学习制度',
    team: '支部委员会3人（书记1名、委员2名），党员20名',
    // 宣传推广: not yet through a 选树 round (the demo's rounds are 安顺中院's).
    state: 'promoting',
    published: true,
  });
  add({ org: lb('淦田'), name: '枫桥创建促振兴', slogan: '矛盾不上交 服务不缺位', concept: '坚持和发展新时代“枫桥经验”', substance: '人民法庭扎根基层，就地化解矛盾纠纷', distinctiveness: '“枫桥式人民法庭”创建', integration: '服务乡村振兴和基层治理', carriers: '巡回审判、诉源治理', state: 'recognized' });
  add({ org: lb('离退休'), name: '银龄聚能夕阳红', slogan: '退休不褪色 余热映初心', concept: '发挥老干部政治优势和经验优势', substance: '老干部宣讲、关心下一代', distinctiveness: '“银龄宣讲团”', integration: '服务法治宣传和关心下一代工作', carriers: '银龄宣讲团、结对帮扶', state: 'submitted' });

  await tx.insert(schema.brands).values(brands);

  // 认定 panels and scores: the returned brand scored low on 有特色; 行政 awaits one reviewer.
  const reviewers: (typeof schema.brandReviewers.$inferInsert)[] = [];
  const scores: (typeof schema.brandScores.$inferInsert)[] = [];
  const score = (brandId: string, reviewer: string, s: [number, number, number, number], comment: string | null) =>
    scores.push({ id: newId(), courtId: anshun.court.id, brandId, round: 1, reviewerId: reviewer, theme: s[0], substance: s[1], distinctiveness: s[2], integration: s[3], comment });
  for (const b of [master, green, enforcement, xing, dian, finance, admin]) for (const r of panel) reviewers.push({ id: newId(), courtId: anshun.court.id, brandId: b, round: 1, userId: r });
  score(green, panel[0]!, [92, 90, 95, 93], '生态修复基地特色鲜明，融合审判职能与乡村振兴');
  score(green, panel[1]!, [90, 88, 94, 92], null);
  score(enforcement, panel[0]!, [85, 82, 88, 86], null);
  score(enforcement, panel[1]!, [84, 80, 86, 85], '数字化执行有特色');
  score(xing, panel[0]!, [82, 80, 78, 84], null);
  score(xing, panel[1]!, [80, 82, 76, 80], null);
  score(dian, panel[0]!, [86, 84, 85, 83], null);
  score(dian, panel[1]!, [85, 86, 82, 84], null);
  score(master, panel[0]!, [95, 94, 92, 96], null);
  score(master, panel[1]!, [94, 95, 93, 95], null);
  score(finance, panel[0]!, [80, 72, 52, 78], '品牌特色与其他审判支部雷同，未体现金融审判特点');
  score(finance, panel[1]!, [78, 75, 55, 76], '“有特色”不足，建议提炼金融风险防范方面的特色做法');
  score(admin, panel[0]!, [82, 78, 80, 85], null);
  await tx.insert(schema.brandReviewers).values(reviewers);
  await tx.insert(schema.brandScores).values(scores);

  const events: (typeof schema.brandEvents.$inferInsert)[] = [];
  const ev = (brandId: string, courtId: string, action: string, from: BrandState, to: BrandState, monthsAgo: number, actorName: string, reason: string | null = null) =>
    events.push({ id: newId(), courtId, brandId, action, fromState: from, toState: to, reason, actorName, at: new Date(`${addMonths(today, -monthsAgo)}T10:00:00+08:00`) });
  const path: [string, BrandState, BrandState, number][] = [
    ['submit', 'draft', 'submitted', 14],
    ['recognize', 'submitted', 'recognized', 13],
    ['cultivate', 'recognized', 'cultivating', 12],
    ['promote', 'cultivating', 'promoting', 6],
    ['select', 'promoting', 'selected', 2],
  ];
  const order: BrandState[] = ['submitted', 'recognized', 'cultivating', 'promoting', 'selected'];
  for (const b of brands) {
    const state = b.state as BrandState;
    const name = b.courtId === lukou.court.id ? '谢燕' : '郑明春';
    if (state === 'returned') {
      ev(b.id, b.courtId, 'submit', 'draft', 'submitted', 3, '支部书记');
      ev(b.id, b.courtId, 'return', 'submitted', 'returned', 2, name, b.decisionReason ?? null);
      continue;
    }
    const upto = order.indexOf(state);
    if (state === 'selected') {
      // Selected in last year's round (decided ${year - 1}-11-20): the steps before it on fixed days.
      const days = [`${year - 2}-03-10`, `${year - 2}-04-20`, `${year - 2}-05-06`, `${year - 1}-03-01`, `${year - 1}-11-20`];
      for (let i = 0; i <= upto; i++) {
        const reason = i === 1 ? '四项标准均达到认定要求' : i === 4 && !b.isMaster ? `${year - 1}年度“一支部一品牌”示范品牌选树：经评审选树` : null;
        events.push({ id: newId(), courtId: b.courtId, brandId: b.id, action: path[i]![0], fromState: path[i]![1], toState: path[i]![2], reason, actorName: i === 0 && !b.isMaster ? '支部书记' : name, at: new Date(`${days[i]}T10:00:00+08:00`) });
      }
      continue;
    }
    for (let i = 0; i <= upto; i++) ev(b.id, b.courtId, path[i]![0], path[i]![1], path[i]![2], path[i]![3], i === 0 && !b.isMaster ? '支部书记' : name, i === 1 ? '四项标准均达到认定要求' : null);
  }
  await tx.insert(schema.brandEvents).values(events);

  // 培育计划: 执行's milestone is overdue (the reminder), others on time or done.
  const ms = (brandId: string, courtId: string, title: string, owner: string, dueOn: string, doneOn: string | null, note: string | null = null) => ({ id: newId(), courtId, brandId, title, owner, dueOn, doneOn, note });
  await tx.insert(schema.brandMilestones).values([
    ms(enforcement, anshun.court.id, '制定“数智执行”品牌培育方案', '执行局党支部书记', addMonths(today, -10), addMonths(today, -10)),
    ms(enforcement, anshun.court.id, '执行指挥中心“一键查控”上线运行', '执行指挥中心团队', addMonths(today, -3), addDays(addMonths(today, -3), -2)),
    ms(enforcement, anshun.court.id, '开展“党员突击队”集中执行专项行动并形成案例汇编', '执行实施团队', addDays(today, -12), null, '案例汇编尚未定稿'),
    ms(enforcement, anshun.court.id, '年度品牌培育总结', '执行局党支部书记', addMonths(today, 2), null),
    ms(green, anshun.court.id, '生态环境保护司法修复基地挂牌', '黄云庆', `${year - 2}-09-30`, `${year - 2}-09-26`),
    ms(green, anshun.court.id, '油栗湖村污水治理工程验收', '生态修复团队', `${year - 2}-12-31`, `${year - 2}-12-20`),
    ms(lukouTrial, lukou.court.id, '审判团队党小组“亮身份”活动', '审判业务党支部书记', addMonths(today, 1), null),
  ]);
  await tx.insert(schema.brandProgressReports).values([
    { id: newId(), courtId: anshun.court.id, brandId: enforcement, period: `${year}年第三季度`, content: '执行指挥中心“一键查控”上线运行；党员突击队开展集中执行行动3次，执结涉民生案件46件。', authorId: office },
  ]);

  // 佐证: the branch's held activities of the year, publicity and projects.
  const heldOf = (orgId: string, n: number) => ctx.rows.activities.filter((a) => a.orgId === orgId && a.status === 'held').slice(-n);
  const evidence: (typeof schema.brandEvidence.$inferInsert)[] = [];
  const link = (brandId: string, orgId: string, n: number) => {
    for (const a of heldOf(orgId, n)) evidence.push({ id: newId(), courtId: a.courtId, brandId, kind: 'activity', activityId: a.id!, title: a.title, occurredOn: a.heldOn });
  };
  link(green, br[7]!.id, 4);
  link(enforcement, br[5]!.id, 3);
  link(dian, br[2]!.id, 2);
  link(lukouAdmin, lb('综合管理').id, 3);
  const item = (brandId: string, courtId: string, kind: 'publicity' | 'project', title: string, occurredOn: string, note: string | null = null) => evidence.push({ id: newId(), courtId, brandId, kind, title, occurredOn, note });
  item(green, anshun.court.id, 'project', '龙宫镇油栗湖村生态环境保护司法修复基地', `${year - 2}-09-26`, '投入民事公益诉讼赔偿金6万多元，修建污水直排排污沟');
  item(green, anshun.court.id, 'publicity', '《贵州日报》：初心铸忠诚 护航促发展', `${year - 1}-07-01`);
  item(master, anshun.court.id, 'publicity', '《贵州日报》：安顺中院“一支部一品牌一阵地”党建工作纪实', `${year - 1}-07-01`);
  item(enforcement, anshun.court.id, 'publicity', '安顺中院微信公众号：“数智执行”让胜诉权益早日兑现', addMonths(today, -2));
  item(lukouAdmin, lukou.court.id, 'publicity', '《株洲日报》：以品牌建设赋能高质量发展', `${year - 1}-06-28`);
  item(lukouAdmin, lukou.court.id, 'project', '“法爱同行 护航成长”关爱困难留守儿童活动', `${year - 1}-05-30`, '为梓湖小学60余名学生送上法治大餐');
  await tx.insert(schema.brandEvidence).values(evidence);

  // 荣誉 (the articles' honors).
  const honor = (courtId: string, org: { id: string; name: string }, brandId: string | null, name: string, level: string, issuer: string, awardedOn: string, createdBy: string) => ({
    id: newId(), courtId, kind: 'collective', name, level, issuer, awardedOn, orgId: org.id, brandId, recipientName: org.name, source: 'brands', createdBy,
  });
  const huang = anshun.named.huangyunqing!;
  const greenHonor = newId();
  await tx.insert(schema.honors).values([
    honor(anshun.court.id, br[7]!, green, `${year - 1}年度示范党建品牌`, 'court', anshun.committee.name, `${year - 1}-11-20`, office),
    honor(anshun.court.id, anshun.committee, master, '安顺市直机关党建特色品牌', 'city', '中共安顺市直属机关工作委员会', `${year - 1}-06-28`, office),
    honor(anshun.court.id, anshun.committee, null, '全省法院党建工作最佳案例（市法院1122党建工作法）', 'province', '贵州省高级人民法院', `${year - 1}-11-15`, office),
    honor(anshun.court.id, br[7]!, green, '贵州法院优秀特色党建案例（初心铸魂 清风拂绿）', 'province', '贵州省高级人民法院', `${year - 1}-12-10`, office),
    honor(lukou.court.id, lb('综合管理'), lukouAdmin, '全市司法警察集训处突演练第2名', 'city', '株洲市中级人民法院', `${year - 1}-10-20`, lukouOffice),
    { id: newId(), courtId: anshun.court.id, kind: 'individual', name: '全省法院优秀共产党员', level: 'province', issuer: '中共贵州省高级人民法院党组', awardedOn: `${year - 1}-06-30`, orgId: br[7]!.id, memberId: huang.id, recipientName: huang.name, source: 'brands', createdBy: office },
  ].map((h, i) => (i === 0 ? { ...h, id: greenHonor } : h)));

  // 选树: last year's round published (第八党支部's brand selected, 第三党支部's not yet), this year's
  // open for nominations with two (执行局's brand in 培育, 第三党支部's in 宣传推广).
  const countsOf = (brandId: string, y: number) => {
    const mine = evidence.filter((e) => e.brandId === brandId && e.occurredOn.startsWith(`${y}-`));
    const n = (k: string) => mine.filter((e) => e.kind === k).length;
    return { activity: n('activity'), publicity: n('publicity'), project: n('project'), total: mine.length };
  };
  const weights = { theme: 25, substance: 25, distinctiveness: 25, integration: 25 };
  const lastRound = newId();
  const thisRound = newId();
  const deadline = addDays(today, 20) <= `${year}-12-31` ? addDays(today, 20) : `${year}-12-31`;
  await tx.insert(schema.brandSelectionRounds).values([
    {
      id: lastRound,
      courtId: anshun.court.id,
      year: year - 1,
      name: `${year - 1}年度“一支部一品牌”示范品牌选树`,
      quota: 2,
      deadline: `${year - 1}-10-31`,
      criteria: '品牌已认定并培育满半年；四项标准（有主题、有内涵、有特色、有融合）均衡；当年有品牌活动和宣传报道佐证。',
      status: 'published',
      weights,
      honorName: `${year - 1}年度示范党建品牌`,
      honorLevel: 'court',
      honorIssuer: anshun.committee.name,
      publishedAt: new Date(`${year - 1}-11-25T10:00:00+08:00`),
      publishedBy: office,
      createdBy: office,
      createdAt: new Date(`${year - 1}-09-15T10:00:00+08:00`),
      updatedAt: new Date(`${year - 1}-11-25T10:00:00+08:00`),
      version: 4,
    },
    {
      id: thisRound,
      courtId: anshun.court.id,
      year,
      name: `${year}年度“一支部一品牌”示范品牌选树`,
      quota: 2,
      deadline,
      criteria: '品牌已认定并处于培育或宣传推广阶段；四项标准均衡；当年有品牌活动和宣传报道佐证；已选树的品牌不重复推荐。',
      status: 'collecting',
      weights: { theme: 20, substance: 25, distinctiveness: 25, integration: 30 },
      honorName: `${year}年度示范党建品牌`,
      honorLevel: 'court',
      honorIssuer: anshun.committee.name,
      createdBy: office,
    },
  ]);
  await tx.insert(schema.brandSelectionReviewers).values(
    [lastRound, thisRound].flatMap((roundId) => panel.map((userId) => ({ id: newId(), courtId: anshun.court.id, roundId, userId }))),
  );
  const nomination = (roundId: string, brandId: string, y: number, statement: string, at: string, byName: string, extra: Partial<typeof schema.brandSelectionNominations.$inferInsert> = {}) => ({
    id: newId(),
    courtId: anshun.court.id,
    roundId,
    brandId,
    statement,
    evidence: countsOf(brandId, y),
    nominatedByName: byName,
    nominatedAt: new Date(`${at}T10:00:00+08:00`),
    ...extra,
  });
  const decided = (result: string, reason: string | null, honorId: string | null = null) => ({ result, decisionReason: reason, decidedBy: office, decidedAt: new Date(`${year - 1}-11-20T10:00:00+08:00`), honorId, version: 2 });
  const greenNom = nomination(lastRound, green, year - 1, '以民事公益诉讼赔偿金建成生态环境保护司法修复基地，污水治理工程通过验收，品牌融合环境资源审判与乡村振兴，成效显著。', `${year - 1}-10-12`, huang.name, decided('selected', null, greenHonor));
  const dianLast = nomination(lastRound, dian, year - 1, '“虹桥”调解工作室和民法典巡回宣讲覆盖全市各区县。', `${year - 1}-10-20`, '第三党支部书记', decided('notSelected', '品牌宣传推广时间较短、当年佐证偏少，建议继续培育后明年再推荐'));
  await tx.insert(schema.brandSelectionNominations).values([
    greenNom,
    dianLast,
    nomination(thisRound, enforcement, year, '执行指挥中心“一键查控”上线运行，党员突击队集中执行行动执结涉民生案件46件，“数智执行”品牌培育成效明显。', addDays(today, -6), '执行局党支部书记'),
    nomination(thisRound, dian, year, '“典”亮虹桥品牌进入宣传推广，民法典宣讲团全年开展巡回宣讲，调解工作室化解婚姻家庭纠纷成效突出。', addDays(today, -3), '第三党支部书记'),
  ]);
  const selScore = (nominationId: string, reviewerId: string, s: [number, number, number, number], comment: string | null = null) => ({ id: newId(), courtId: anshun.court.id, nominationId, reviewerId, theme: s[0], substance: s[1], distinctiveness: s[2], integration: s[3], comment });
  await tx.insert(schema.brandSelectionScores).values([
    selScore(greenNom.id, panel[0]!, [94, 92, 96, 95], '生态修复基地特色鲜明，融合审判职能与乡村振兴'),
    selScore(greenNom.id, panel[1]!, [92, 90, 95, 94]),
    selScore(dianLast.id, panel[0]!, [85, 82, 80, 83]),
    selScore(dianLast.id, panel[1]!, [84, 80, 78, 82], '当年佐证材料偏少'),
  ]);
}
