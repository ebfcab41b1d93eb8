// A province's worth of courts, party orgs and members for the benchmarks: one 高级人民法院, its
// 中级人民法院 and 基层人民法院 (贵州's real prefectures and counties give the names), party trees
// and members sized by court level, and one court-admin account per court. Deterministic (seeded).
import { addMonths, todayInShanghai, type CommitteePost } from '@zhibu/domain';
import { newId, schema } from '@zhibu/db';
import type { Deps } from '@zhibu/server';
import { hashPassword } from '@zhibu/server/auth/auth.service';
import { createDemoBuilder, insertDemoRows, type CourtRow, type OrgRow } from '@zhibu/server/demo/builder';
import { createPersonFactory, guizhouArea } from '@zhibu/server/demo/people';
import { populateBranch, type BranchProfile } from '@zhibu/server/demo/populate';
import { createRandom } from '@zhibu/server/demo/random';

export type ProvinceScale = { courts: number; members: number; orgs: number };
export type ProvinceCourt = { id: string; name: string; level: string; memberCount: number; branches: { id: string; path: string; name: string; shortName: string }[]; adminUsername: string };
export type Province = { courts: ProvinceCourt[]; password: string; rows: { courts: number; orgs: number; members: number; history: number } };

export const BENCH_PASSWORD = 'Bench@2025x';

const prefectures: [string, string[]][] = [
  ['贵阳市', ['南明区', '云岩区', '花溪区', '乌当区', '白云区', '观山湖区', '开阳县', '息烽县', '修文县', '清镇市']],
  ['遵义市', ['红花岗区', '汇川区', '播州区', '桐梓县', '绥阳县', '正安县', '道真县', '务川县', '凤冈县', '湄潭县', '余庆县', '习水县', '赤水市', '仁怀市']],
  ['六盘水市', ['钟山区', '六枝特区', '水城区', '盘州市']],
  ['安顺市', ['西秀区', '平坝区', '普定县', '镇宁县', '关岭县', '紫云县']],
  ['毕节市', ['七星关区', '大方县', '黔西市', '金沙县', '织金县', '纳雍县', '威宁县', '赫章县']],
  ['铜仁市', ['碧江区', '万山区', '江口县', '玉屏县', '石阡县', '思南县', '印江县', '德江县', '沿河县', '松桃县']],
  ['黔西南州', ['兴义市', '兴仁市', '普安县', '晴隆县', '贞丰县', '望谟县', '册亨县', '安龙县']],
  ['黔东南州', ['凯里市', '黄平县', '施秉县', '三穗县', '镇远县', '岑巩县', '天柱县', '锦屏县', '剑河县', '台江县', '黎平县', '榕江县', '从江县', '雷山县', '麻江县', '丹寨县']],
  ['黔南州', ['都匀市', '福泉市', '荔波县', '贵定县', '瓮安县', '独山县', '平塘县', '罗甸县', '长顺县', '龙里县', '惠水县', '三都县']],
];

const departmentsByLevel = ['立案庭', '刑事审判庭', '民事审判第一庭', '民事审判第二庭', '行政审判庭', '执行局', '审判管理办公室', '政治部', '办公室', '司法警察大队'];

/** Spreads `total` over weights, as integers summing to total exactly. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]![1]]! += 1;
  return out;
}

const cn = (n: number) => {
  const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return digits[n]!;
  if (n < 20) return `十${digits[n - 10]}`;
  return `${digits[Math.floor(n / 10)]}十${digits[n % 10]}`;
};

export async function generateProvince(deps: Deps, scale: ProvinceScale, log: (line: string) => void = () => {}): Promise<Province> {
  const rng = createRandom(4202);
  const people = createPersonFactory(rng, guizhouArea);
  const today = todayInShanghai(deps.now());
  const b = createDemoBuilder(deps.crypto);

  // Courts: the high court, then the prefectures' intermediate courts, then counties' basic courts.
  const specs: { name: string; shortName: string; level: 'high' | 'intermediate' | 'basic'; parent: number | null; weight: number }[] = [
    { name: '贵州省高级人民法院', shortName: '贵州高院', level: 'high', parent: null, weight: 5 },
  ];
  const wantIntermediate = Math.min(prefectures.length, Math.max(0, Math.round((scale.courts - 1) / 10)));
  for (let i = 0; i < wantIntermediate; i++) {
    const [pref] = prefectures[i]!;
    specs.push({ name: `${pref}中级人民法院`, shortName: `${pref.replace(/市|州$/, '')}中院`, level: 'intermediate', parent: 0, weight: 2.5 });
  }
  const counties = prefectures.flatMap(([pref, list], p) => list.map((c) => ({ pref, county: c, p })));
  for (let i = 0; specs.length < scale.courts; i++) {
    const c = counties[i];
    const intermediate = wantIntermediate ? 1 + ((c?.p ?? i) % wantIntermediate) : 0;
    // Past the 88 real counties, made-up basic courts (only a larger-than-贵州 scale needs them).
    specs.push({
      name: c ? `${c.pref}${c.county}人民法院` : `模拟基层人民法院${i + 1 - counties.length}`,
      shortName: c ? `${c.county}法院` : `模拟法院${i + 1 - counties.length}`,
      level: 'basic',
      parent: intermediate,
      weight: 1,
    });
  }
  const memberShares = apportion(scale.members, specs.map((s) => s.weight));
  const orgShares = apportion(scale.orgs, specs.map((s) => s.weight));

  const courts: ProvinceCourt[] = [];
  const courtRows: CourtRow[] = [];
  specs.forEach((spec, ci) => {
    const court = b.addCourt({ name: spec.name, shortName: spec.shortName, level: spec.level, parentId: spec.parent === null ? null : courtRows[spec.parent]!.id, region: '贵州省' });
    courtRows.push(court);
    const depts = departmentsByLevel.slice(0, spec.level === 'basic' ? 6 : 10).map((d) => b.addDepartment(court.id, d));
    // Orgs: a root (机关党委, or 党总支 in a basic court), a youth study group, branches, and groups.
    const orgBudget = Math.max(4, orgShares[ci]!);
    const root = b.addOrg(court.id, null, spec.level === 'basic' ? 'generalBranch' : 'organCommittee', `中共${spec.name}${spec.level === 'basic' ? '总支部委员会' : '机关委员会'}`, {
      shortName: spec.level === 'basic' ? '党总支' : '机关党委',
    });
    b.addTerm(root, addMonths(today, -rng.int(1, 30)), spec.level === 'basic' ? 3 : 5);
    b.addOrg(court.id, root, 'youthStudyGroup', `${spec.shortName}青年理论学习小组`, { shortName: '青年理论学习小组' });
    const rest = orgBudget - 2;
    const branchCount = Math.max(1, Math.round(rest * 0.55));
    const groupCounts = apportion(rest - branchCount, Array.from({ length: branchCount }, () => 1));
    const memberCounts = apportion(memberShares[ci]!, Array.from({ length: branchCount }, () => 0.6 + rng.next()));
    const branches: ProvinceCourt['branches'] = [];
    for (let k = 0; k < branchCount; k++) {
      const retired = k === branchCount - 1 && branchCount > 2;
      const no = cn(k + 1);
      const dept = depts[k % depts.length]!;
      const branch: OrgRow = b.addOrg(court.id, root, 'branch', `中共${spec.name}机关第${no}支部委员会`, {
        shortName: retired ? `第${no}党支部（离退休）` : `第${no}党支部`,
        branchKind: retired ? 'retired' : 'regular',
        departmentId: retired ? null : dept.id,
      });
      const groups = Array.from({ length: groupCounts[k]! }, (_, g) =>
        b.addOrg(court.id, branch, 'partyGroup', `第${no}党支部第${cn(g + 1)}党小组`, { shortName: `第${cn(g + 1)}党小组` }),
      );
      const n = memberCounts[k]!;
      const term = b.addTerm(branch, addMonths(today, rng.int(-40, -1)), 3);
      const profile: BranchProfile = retired ? 'retired' : dept.name === '执行局' ? 'enforcement' : ['政治部', '办公室', '司法警察大队'].includes(dept.name) ? 'admin' : 'trial';
      const posts: CommitteePost[] = n >= 7 ? ['secretary', 'organizationMember', 'publicityMember', 'disciplineMember'] : ['secretary'];
      if (n > 0) {
        populateBranch(b, rng, people, today, {
          org: branch, term, profile, activeMembers: n, probationary: n >= 10 ? 1 : 0,
          departments: retired ? [] : [dept], groups, posts,
        });
      }
      branches.push({ id: branch.id, path: branch.path, name: branch.name, shortName: branch.shortName ?? branch.name });
    }
    courts.push({ id: court.id, name: spec.name, level: spec.level, memberCount: memberShares[ci]!, branches, adminUsername: `bench-admin-${String(ci + 1).padStart(3, '0')}` });
  });

  log(`  生成：${b.rows.courts.length} 个法院、${b.rows.partyOrgs.length} 个党组织、${b.rows.members.length} 名党员（含状态历史 ${b.rows.memberStatusHistory.length} 条）`);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await deps.db.transaction(async (tx) => {
    await insertDemoRows(tx, b.rows, 1000);
    const users = courts.map((c) => ({ id: newId(), username: c.adminUsername, displayName: `${c.name}管理员`, passwordHash, courtId: c.id, mustChangePassword: false }));
    for (let i = 0; i < users.length; i += 500) await tx.insert(schema.users).values(users.slice(i, i + 500));
    const grants = users.map((u) => ({ id: newId(), userId: u.id, role: 'courtAdmin', courtId: u.courtId, orgId: null }));
    for (let i = 0; i < grants.length; i += 500) await tx.insert(schema.roleGrants).values(grants.slice(i, i + 500));
  });
  await deps.handle.query('analyze');
  return {
    courts,
    password: BENCH_PASSWORD,
    rows: { courts: b.rows.courts.length, orgs: b.rows.partyOrgs.length, members: b.rows.members.length, history: b.rows.memberStatusHistory.length },
  };
}
