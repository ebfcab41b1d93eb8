// Demo data, modeled on the two articles in ../shared/seeds/: 安顺市中级人民法院 (机关党委, 9 在职
// 党支部 with 20 党小组 and 9 青年理论学习小组, a 离退休党支部) under 贵州省高级人民法院, and
// 株洲市渌口区人民法院 (党总支 with 审判业务、综合管理、淦田、离退休老干部 党支部) under 株洲市中级
// 人民法院. The people are fictional, except the few the articles name in their roles (张健, 黄云庆,
// 郑明春, 韦大志, 谢燕). Terms are placed relative to today so that the home page always has a
// branch due for 换届 within 6 months and one overdue (RULES.md §2 换届提醒).
import { sql } from 'drizzle-orm';
import { addMonths, todayInShanghai, type CommitteePost, type IsoDate, type Role } from '@zhibu/domain';
import { newId, refreshPlannerStatistics, schema, type DbOrTx } from '@zhibu/db';
import { hashPassword } from '../auth/auth.service';
import type { Deps } from '../deps';
import { appendAudit } from '../lib/audit';
import { CATALOGUE_KEY } from '../modules/activity-types/activity-types.repository';
import { countRows, createDemoBuilder, insertDemoRows, type DemoBuilder, type MemberRow, type OrgRow } from './builder';
import { createPersonFactory, guizhouArea, hunanArea, type PersonFactory } from './people';
import { buildOrgLifeYear, describeBranchLife, type BranchLifeSpec, type BranchPace } from './activities';
import { populateBranch, type BranchProfile, type NamedPerson } from './populate';
import { createRandom, type Random } from './random';
import { moduleDemoSeeders, type DemoContext } from './context';

export const DEMO_PASSWORD = 'Demo@2025';

export type DemoAccount = { username: string; displayName: string; roleLabel: string };

/** The demo accounts, for the CLI's start-up message and the README. */
export const demoAccounts: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', roleLabel: '系统管理员' },
  { username: 'secadmin', displayName: '安全保密员', roleLabel: '安全保密员' },
  { username: 'auditor', displayName: '安全审计员', roleLabel: '安全审计员' },
  { username: 'anshun', displayName: '郑明春', roleLabel: '安顺中院 机关党委管理员' },
  { username: 'anshun-zb1', displayName: '', roleLabel: '安顺中院 第一党支部书记' },
  { username: 'anshun-zb2', displayName: '张健', roleLabel: '安顺中院 第二党支部书记（品牌认定评审）' },
  { username: 'anshun-zb8', displayName: '黄云庆', roleLabel: '安顺中院 第八党支部书记' },
  { username: 'anshun-zb9', displayName: '', roleLabel: '安顺中院 第九党支部书记（品牌认定评审）' },
  { username: 'anshun-dy1', displayName: '', roleLabel: '安顺中院 第一党支部党员（法官助理）' },
  { username: 'lukou', displayName: '谢燕', roleLabel: '渌口法院 党总支管理员' },
  { username: 'guizhou', displayName: '贵州高院机关党委', roleLabel: '贵州高院（上级法院查看）' },
];

/** True when nothing has been set up yet: no court, no org, no member, no account. */
export async function isDatabaseEmpty(deps: Pick<Deps, 'db'>): Promise<boolean> {
  const rows = await deps.db.execute<{ n: number }>(
    sql`select (select count(*) from courts) + (select count(*) from users) + (select count(*) from party_orgs) + (select count(*) from members) as n`,
  );
  const first = (rows as unknown as { rows: { n: number | string }[] }).rows[0];
  return Number(first?.n ?? 0) === 0;
}

const cn = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

type AnshunBranch = {
  dept: string;
  profile: BranchProfile;
  active: number;
  teams: string[];
  /** Months from today to the end of the current term (negative: overdue). */
  termLeftMonths: number;
  probationary?: number;
  development?: { applicant?: number; activist?: number; developmentCandidate?: number };
  transferredOut?: number;
  named?: Omit<NamedPerson, 'department'>[];
  extraDepts?: string[];
  /** Behind on organizational life on purpose (党建工作提示 red/amber); default on track. */
  pace?: BranchPace;
  driftingMonths?: number[];
};

// 支部建在庭上、党小组建在审判团队上: each branch on a 庭室, each 党小组 on a trial team (20 in all).
const anshunBranches: AnshunBranch[] = [
  {
    dept: '立案庭', profile: 'trial', active: 32, teams: ['诉讼服务团队', '立案审查团队'], termLeftMonths: 20, probationary: 2,
    development: { applicant: 1, activist: 1 },
    named: [
      { key: 'secretary1', gender: 'male', position: 'judge', jobTitle: '立案庭庭长', post: 'secretary' },
      // 小李: the young 法官助理 of USERS.md, the demo account anshun-dy1.
      { key: 'xiaoli', surname: '李', gender: 'male', position: 'judgeAssistant', jobTitle: '法官助理', born: ['1996-01-01', '1997-12-31'] },
    ],
  },
  {
    dept: '刑事审判第一庭', profile: 'trial', active: 38, teams: ['重大刑事案件审判团队', '刑事速裁团队', '未成年人刑事案件审判团队'], termLeftMonths: 14, probationary: 1,
    development: { activist: 1, developmentCandidate: 1 },
    named: [{ key: 'zhangjian', name: '张健', gender: 'male', position: 'judge', jobTitle: '刑事审判第一庭庭长', post: 'secretary', born: ['1972-01-01', '1978-12-31'] }],
  },
  // Two of its members stopped coming: 4 and 7 months without organizational life (党章第九条).
  {
    dept: '民事审判第一庭', profile: 'trial', active: 30, teams: ['婚姻家庭审判团队', '劳动争议审判团队'], termLeftMonths: 26, probationary: 1, development: { applicant: 1 },
    driftingMonths: [4, 7],
  },
  // 第四党支部: its term ends in five months (USERS.md, 郑主任's Monday).
  { dept: '民事审判第二庭', profile: 'trial', active: 26, teams: ['金融纠纷审判团队', '商事审判团队'], termLeftMonths: 5 },
  { dept: '行政审判庭', profile: 'trial', active: 18, teams: ['行政审判一团队', '行政审判二团队'], termLeftMonths: 31, transferredOut: 1 },
  // 执行局: more than 50 members, so the 一般不超过50人 warning shows (RULES.md §2 支部规模).
  {
    dept: '执行局', profile: 'enforcement', active: 60, teams: ['执行实施团队', '执行裁决团队', '执行指挥中心团队'], termLeftMonths: 3, probationary: 2,
    development: { developmentCandidate: 1, activist: 1 },
    // Busy with the 执行攻坚: nothing of this month/quarter held yet (amber as the period ends).
    pace: 'nothingThisPeriod',
  },
  // 第七党支部: term ended last month, 换届 overdue; last month's 支委会 and last quarter's 党课 missed (red).
  { dept: '审判管理办公室', profile: 'trial', active: 22, teams: ['审判质效管理团队', '司法研究团队'], termLeftMonths: -1, transferredOut: 1, pace: 'missedLastPeriod' },
  {
    dept: '环境资源审判庭', profile: 'trial', active: 28, teams: ['环境资源审判团队', '生态修复团队'], termLeftMonths: 17, probationary: 1,
    named: [{ key: 'huangyunqing', name: '黄云庆', gender: 'female', position: 'judge', jobTitle: '环境资源审判庭庭长', post: 'secretary', born: ['1976-01-01', '1982-12-31'] }],
  },
  {
    dept: '政治部', profile: 'admin', active: 40, teams: ['政治部', '办公室'], termLeftMonths: 22, probationary: 1, extraDepts: ['办公室', '司法警察支队'],
    development: { applicant: 1 },
    named: [
      { key: 'weidazhi', name: '韦大志', gender: 'male', position: 'judge', jobTitle: '党组副书记、常务副院长、机关党委书记', born: ['1968-01-01', '1972-12-31'] },
      { key: 'zhengmingchun', name: '郑明春', gender: 'male', position: 'administrative', jobTitle: '机关党委专职副书记、机关党办主任', born: ['1975-01-01', '1980-12-31'] },
    ],
  },
];

function committeePostsFor(activeMembers: number): CommitteePost[] {
  // 支部委员会由3至5人组成 (RULES.md §2 支委会): 5 for big branches, 4 for middling, 3 for small.
  if (activeMembers >= 30) return ['secretary', 'deputySecretary', 'organizationMember', 'publicityMember', 'disciplineMember'];
  if (activeMembers >= 15) return ['secretary', 'organizationMember', 'publicityMember', 'disciplineMember'];
  return ['secretary', 'organizationMember', 'publicityMember'];
}

/** A 3-year branch term that ends `leftMonths` from today. */
function termStartFor(today: IsoDate, leftMonths: number, years = 3): IsoDate {
  return addMonths(today, leftMonths - years * 12);
}

function buildAnshun(b: DemoBuilder, rng: Random, people: PersonFactory, today: IsoDate, highCourtId: string) {
  const court = b.addCourt({ name: '安顺市中级人民法院', shortName: '安顺中院', level: 'intermediate', parentId: highCourtId, region: '贵州省安顺市' });
  const depts = new Map<string, ReturnType<DemoBuilder['addDepartment']>>();
  for (const name of [...anshunBranches.map((x) => x.dept), '办公室', '司法警察支队']) depts.set(name, b.addDepartment(court.id, name));
  const dept = (name: string) => depts.get(name)!;

  const committee = b.addOrg(court.id, null, 'organCommittee', '中共安顺市中级人民法院机关委员会', { shortName: '机关党委', establishedOn: '1992-07-01' });
  const committeeTerm = b.addTerm(committee, addMonths(today, -28), 5, '机关党委第八届委员会');
  const branches: OrgRow[] = [];
  const lives: BranchLifeSpec[] = [];
  const named: Record<string, MemberRow> = {};
  const branchSecretaries: MemberRow[] = [];
  anshunBranches.forEach((spec, i) => {
    const no = cn[i]!;
    const main = dept(spec.dept);
    const branch = b.addOrg(court.id, committee, 'branch', `中共安顺市中级人民法院机关第${no}支部委员会`, {
      shortName: `第${no}党支部`, branchKind: 'regular', departmentId: main.id, establishedOn: '2019-06-28',
    });
    branches.push(branch);
    const groups = spec.teams.map((team, g) => {
      const teamRow = spec.profile === 'admin' ? dept(team) : b.addDepartment(court.id, team, { parent: main });
      return b.addOrg(court.id, branch, 'partyGroup', `第${no}党支部第${cn[g]}党小组`, { shortName: `第${cn[g]}党小组（${team}）`, departmentId: teamRow.id });
    });
    b.addOrg(court.id, branch, 'youthStudyGroup', `第${no}党支部青年理论学习小组`, { shortName: '青年理论学习小组' });
    const term = b.addTerm(branch, termStartFor(today, spec.termLeftMonths), 3);
    const result = populateBranch(b, rng, people, today, {
      org: branch,
      term,
      profile: spec.profile,
      activeMembers: spec.active,
      probationary: spec.probationary ?? 0,
      development: spec.development ?? {},
      transferredOut: spec.transferredOut ?? 0,
      departments: [main, ...(spec.extraDepts ?? []).map(dept)],
      groups,
      named: spec.named ?? [],
      posts: committeePostsFor(spec.active),
      area: guizhouArea,
    });
    Object.assign(named, result.named);
    lives.push({
      branch, profile: spec.profile, pace: spec.pace ?? 'onTrack', room: `第${no}党支部党员活动室`, caseCode: '黔04',
      departments: [main], driftingMonths: spec.driftingMonths ?? [], weeklyStudy: true,
    });
    const secretary = result.named.secretary1 ?? result.named.zhangjian ?? result.named.huangyunqing;
    if (secretary) branchSecretaries.push(secretary);
  });

  const retired = b.addOrg(court.id, committee, 'branch', '中共安顺市中级人民法院机关第十支部委员会（离退休党支部）', {
    shortName: '第十党支部（离退休）', branchKind: 'retired', establishedOn: '2019-06-28',
  });
  branches.push(retired);
  populateBranch(b, rng, people, today, {
    org: retired, term: b.addTerm(retired, termStartFor(today, 12), 3), profile: 'retired', activeMembers: 24, deceased: 1,
    departments: [], posts: committeePostsFor(24), area: guizhouArea,
  });
  lives.push({ branch: retired, profile: 'retired', pace: 'onTrack', room: '老干部活动中心', exemptOldest: 2, weeklyStudy: true });

  // 机关党委: 书记 韦大志 (常务副院长), 专职副书记 郑明春, and three branch secretaries as 委员.
  const posts: [MemberRow | undefined, CommitteePost][] = [
    [named.weidazhi, 'secretary'], [named.zhengmingchun, 'deputySecretary'],
    [named.secretary1, 'organizationMember'], [named.zhangjian, 'publicityMember'], [named.huangyunqing, 'disciplineMember'],
  ];
  for (const [member, post] of posts) if (member) b.addCommitteePosition(committee, committeeTerm, member, post);
  return { court, committee, branches, named, lives };
}

function buildLukou(b: DemoBuilder, rng: Random, people: PersonFactory, today: IsoDate, parentCourtId: string) {
  const court = b.addCourt({ name: '株洲市渌口区人民法院', shortName: '渌口法院', level: 'basic', parentId: parentCourtId, region: '湖南省株洲市渌口区' });
  const d = (name: string) => b.addDepartment(court.id, name);
  const lian = d('立案庭');
  const xingshi = d('刑事审判庭');
  const minshi = d('民事审判庭');
  const zhixing = d('执行局');
  const zhengzhi = d('政治部（工会）');
  const zonghe = d('综合办公室（司法警察大队）');
  const gantian = d('淦田人民法庭');
  const xingTeam = b.addDepartment(court.id, '刑事审判团队', { parent: xingshi });
  const minTeam = b.addDepartment(court.id, '民事审判团队', { parent: minshi });

  const general = b.addOrg(court.id, null, 'generalBranch', '中共株洲市渌口区人民法院总支部委员会', { shortName: '党总支', establishedOn: '2018-12-20' });
  const generalTerm = b.addTerm(general, addMonths(today, -14), 3);
  const branch = (name: string, short: string, opts: { kind?: 'regular' | 'retired'; dept?: string } = {}) =>
    b.addOrg(court.id, general, 'branch', name, { shortName: short, branchKind: opts.kind ?? 'regular', departmentId: opts.dept ?? null, establishedOn: '2019-03-15' });

  // 业务审判支部 "审判执行守初心"
  const trial = branch('中共株洲市渌口区人民法院审判业务支部委员会', '审判业务党支部', { dept: xingshi.id });
  const trialGroups = [
    b.addOrg(court.id, trial, 'partyGroup', '审判业务党支部刑事审判党小组', { shortName: '刑事审判党小组', departmentId: xingTeam.id }),
    b.addOrg(court.id, trial, 'partyGroup', '审判业务党支部民事审判党小组', { shortName: '民事审判党小组', departmentId: minTeam.id }),
  ];
  const trialTerm = b.addTerm(trial, termStartFor(today, 24), 3);
  const lives: BranchLifeSpec[] = [{ branch: trial, profile: 'trial', pace: 'onTrack', room: '党员活动室（审判楼三楼）', caseCode: '湘0221', departments: [xingshi, minshi] }];
  const trialResult = populateBranch(b, rng, people, today, {
    org: trial, term: trialTerm, profile: 'trial', activeMembers: 28, probationary: 1, development: { activist: 1 },
    departments: [xingshi, minshi, lian, zhixing], groups: trialGroups, posts: committeePostsFor(28), area: hunanArea,
    named: [
      { key: 'generalSecretary', gender: 'male', position: 'judge', jobTitle: '党组成员、副院长', born: ['1970-01-01', '1976-12-31'] },
      { key: 'trialSecretary', gender: 'male', position: 'judge', jobTitle: '民事审判庭庭长', post: 'secretary', department: minshi },
    ],
  });

  // 综合管理党支部 "服务保障做尖兵": 党员20名, 支部委员会3人 (书记1名、委员2名), 班子均为80后、90后.
  const admin = branch('中共株洲市渌口区人民法院综合管理支部委员会', '综合管理党支部', { dept: zonghe.id });
  const adminTerm = b.addTerm(admin, addMonths(today, -4), 3, '按期完成换届选举');
  lives.push({ branch: admin, profile: 'admin', pace: 'onTrack', room: '党员活动室（综合楼二楼）' });
  const adminResult = populateBranch(b, rng, people, today, {
    org: admin, term: adminTerm, profile: 'admin', activeMembers: 20, probationary: 1,
    departments: [zonghe, zhengzhi], area: hunanArea,
    named: [
      { key: 'adminSecretary', gender: 'male', position: 'administrative', jobTitle: '政治部主任', post: 'secretary', born: ['1985-01-01', '1987-12-31'], department: zhengzhi },
      { key: 'xieyan', name: '谢燕', gender: 'female', position: 'administrative', jobTitle: '综合办公室主任', post: 'publicityMember', born: ['1987-01-01', '1989-12-31'], department: zonghe },
      { key: 'adminOrg', gender: 'female', position: 'administrative', jobTitle: '政治部干部', post: 'organizationMember', born: ['1991-01-01', '1993-12-31'], department: zhengzhi },
    ],
  });

  // 淦田支部 "枫桥创建促振兴" (人民法庭)
  const tribunal = branch('中共株洲市渌口区人民法院淦田人民法庭支部委员会', '淦田党支部', { dept: gantian.id });
  // The 人民法庭 far from town: last month's 支委会 and last quarter's 党课 were missed (red).
  lives.push({ branch: tribunal, profile: 'tribunal', pace: 'missedLastPeriod', room: '淦田法庭党员活动室', caseCode: '湘0221', departments: [gantian] });
  populateBranch(b, rng, people, today, {
    org: tribunal, term: b.addTerm(tribunal, termStartFor(today, 15), 3), profile: 'tribunal', activeMembers: 9,
    departments: [gantian], posts: committeePostsFor(9), area: hunanArea,
  });

  // 离退休老干部支部 "银龄聚能夕阳红"
  const retired = branch('中共株洲市渌口区人民法院离退休老干部支部委员会', '离退休老干部党支部', { kind: 'retired' });
  lives.push({ branch: retired, profile: 'retired', pace: 'onTrack', room: '老干部活动室', exemptOldest: 1 });
  populateBranch(b, rng, people, today, {
    org: retired, term: b.addTerm(retired, termStartFor(today, 20), 3), profile: 'retired', activeMembers: 12,
    departments: [], posts: committeePostsFor(12), area: hunanArea,
  });

  const n = { ...trialResult.named, ...adminResult.named };
  const generalPosts: [MemberRow | undefined, CommitteePost][] = [
    [n.generalSecretary, 'secretary'], [n.adminSecretary, 'organizationMember'], [n.xieyan, 'publicityMember'], [n.trialSecretary, 'disciplineMember'],
  ];
  for (const [member, post] of generalPosts) if (member) b.addCommitteePosition(general, generalTerm, member, post);
  return { court, general, named: n, lives };
}

export type AccountSpec = { username: string; displayName: string; courtId: string | null; memberId: string | null; grants: { role: Role; courtId?: string; orgId?: string }[] };

/** Inserts the accounts; returns each username's user id. */
export async function insertAccounts(tx: DbOrTx, accounts: AccountSpec[], now: Date): Promise<Map<string, string>> {
  // One argon2id hash per account (each with its own salt), computed in parallel.
  const hashes = await Promise.all(accounts.map(() => hashPassword(DEMO_PASSWORD)));
  const users = accounts.map((a, i) => ({
    id: newId(),
    username: a.username,
    displayName: a.displayName,
    passwordHash: hashes[i]!,
    courtId: a.courtId,
    memberId: a.memberId,
    mustChangePassword: false,
    passwordChangedAt: now,
  }));
  await tx.insert(schema.users).values(users);
  const grants = accounts.flatMap((a, i) => a.grants.map((g) => ({ id: newId(), userId: users[i]!.id, role: g.role, courtId: g.courtId ?? null, orgId: g.orgId ?? null })));
  if (grants.length > 0) await tx.insert(schema.roleGrants).values(grants);
  return new Map(users.map((u) => [u.username, u.id]));
}

export type DemoSummary = ReturnType<typeof countRows> & { users: number };

/**
 * Loads the demo data into an empty database in one transaction, with one audit entry
 * ('demo.seed'). The caller checks isDatabaseEmpty first.
 */
export async function seedDemoData(deps: Deps): Promise<void> {
  await loadDemoData(deps);
}

/** seedDemoData, returning what was written (for the CLI's summary and tests). */
export async function loadDemoData(deps: Deps): Promise<DemoSummary> {
  const now = deps.now();
  const today = todayInShanghai(now);
  const rng = createRandom(20250301);
  const people = createPersonFactory(rng, guizhouArea);
  const b = createDemoBuilder(deps.crypto);

  const guizhou = b.addCourt({ name: '贵州省高级人民法院', shortName: '贵州高院', level: 'high', region: '贵州省' });
  const anshun = buildAnshun(b, rng, people, today, guizhou.id);
  const zhuzhou = b.addCourt({ name: '株洲市中级人民法院', shortName: '株洲中院', level: 'intermediate', region: '湖南省株洲市' });
  const lukou = buildLukou(b, rng, people, today, zhuzhou.id);
  // The roster was entered into the platform two years ago (the 党章第九条 counter starts there).
  const enteredAt = new Date(`${addMonths(today, -24)}T00:00:00Z`);
  for (const m of b.rows.members) m.createdAt = enteredAt;
  // A year of organizational life for every branch.
  buildOrgLifeYear(b.rows, rng, today, [...anshun.lives, ...lukou.lives].map((spec) => describeBranchLife(b.rows, spec)));
  // Courts first in the tree order users expect: the higher court above its lower courts.
  b.rows.courts.sort((x, y) => (x.sortOrder ?? 0) - (y.sortOrder ?? 0));

  const branch1 = anshun.branches[0]!;
  const branch8 = anshun.branches[7]!;
  const a = anshun.named;
  const accounts: AccountSpec[] = [
    { username: 'admin', displayName: '系统管理员', courtId: null, memberId: null, grants: [{ role: 'sysAdmin' }] },
    { username: 'secadmin', displayName: '安全保密员', courtId: null, memberId: null, grants: [{ role: 'securityOfficer' }] },
    { username: 'auditor', displayName: '安全审计员', courtId: null, memberId: null, grants: [{ role: 'auditor' }] },
    { username: 'anshun', displayName: '郑明春', courtId: anshun.court.id, memberId: a.zhengmingchun!.id, grants: [{ role: 'courtAdmin', courtId: anshun.court.id }] },
    { username: 'anshun-zb1', displayName: a.secretary1!.name, courtId: anshun.court.id, memberId: a.secretary1!.id, grants: [{ role: 'branchSecretary', courtId: anshun.court.id, orgId: branch1.id }] },
    { username: 'anshun-zb8', displayName: a.huangyunqing!.name, courtId: anshun.court.id, memberId: a.huangyunqing!.id, grants: [{ role: 'branchSecretary', courtId: anshun.court.id, orgId: branch8.id }] },
    { username: 'anshun-dy1', displayName: a.xiaoli!.name, courtId: anshun.court.id, memberId: a.xiaoli!.id, grants: [{ role: 'member', courtId: anshun.court.id }] },
    { username: 'lukou', displayName: '谢燕', courtId: lukou.court.id, memberId: lukou.named.xieyan!.id, grants: [{ role: 'courtAdmin', courtId: lukou.court.id }] },
    { username: 'guizhou', displayName: '贵州高院机关党委', courtId: guizhou.id, memberId: null, grants: [{ role: 'higherCourtViewer', courtId: guizhou.id }] },
  ];

  const summary: DemoSummary = { ...countRows(b.rows), users: accounts.length };
  await deps.db.transaction(async (tx) => {
    await insertDemoRows(tx, b.rows);
    const userIds = await insertAccounts(tx, accounts, now);
    // The modules added after organizational life seed their own demo rows (demo/<module>.ts).
    const ctx: DemoContext = { tx, now, today, rows: b.rows, anshun, lukou, guizhouCourtId: guizhou.id, zhuzhouCourtId: zhuzhou.id, userIds };
    for (const seedModule of moduleDemoSeeders) await seedModule(ctx);
    // The seeders add courts, orgs and accounts of their own (联建's counterpart courts, reviewers):
    // count what is there, so the start-up message and the audit entry say what was loaded.
    const counted = await tx.execute<{ courts: number; orgs: number; members: number; users: number }>(
      sql`select (select count(*) from courts)::int as courts, (select count(*) from party_orgs)::int as orgs, (select count(*) from members)::int as members, (select count(*) from users)::int as users`,
    );
    const n = (counted as unknown as { rows: { courts: number; orgs: number; members: number; users: number }[] }).rows[0]!;
    Object.assign(summary, { courts: Number(n.courts), partyOrgs: Number(n.orgs), members: Number(n.members), users: Number(n.users) });
    // 渌口法院 has no 每周政治理论集中学习 rule of its own: its catalogue switches the type off ([U]).
    await tx.insert(schema.settings).values({ id: newId(), courtId: lukou.court.id, key: CATALOGUE_KEY, value: { weeklyPoliticalStudy: { enabled: false } } });
    await appendAudit(tx, { userId: null, name: '系统（演示数据）' }, { action: 'demo.seed', entity: 'system', after: summary });
  });
  await refreshPlannerStatistics(deps.handle);
  return summary;
}

/** Display names of accounts whose name comes from the generated people. */
export async function describeDemoAccounts(deps: Pick<Deps, 'db'>): Promise<DemoAccount[]> {
  const rows = await deps.db.select({ username: schema.users.username, displayName: schema.users.displayName }).from(schema.users);
  const names = new Map(rows.map((r) => [r.username, r.displayName]));
  return demoAccounts.map((acc) => ({ ...acc, displayName: names.get(acc.username) ?? acc.displayName }));
}
