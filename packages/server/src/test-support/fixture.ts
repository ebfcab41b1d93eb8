// A small, exact fixture for integration tests: two courts with a party tree, members, and one
// account per role — on own court (安顺中院) and, for "other org" checks, 渌口法院.
import { makeIdNumber } from '@zhibu/domain';
import { newId, schema, type Db } from '@zhibu/db';
import type { FieldCrypto } from '../lib/field-crypto';
import { hashPassword } from '../auth/auth.service';

export const TEST_PASSWORD = 'Test@2025x';

export type Fixture = Awaited<ReturnType<typeof seedFixture>>;

export async function seedFixture(db: Db, crypto: FieldCrypto) {
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const ids = {
    highCourt: newId(),
    anshun: newId(),
    zhuzhou: newId(),
    lukou: newId(),
  };
  await db.insert(schema.courts).values([
    { id: ids.highCourt, name: '贵州省高级人民法院', shortName: '贵州高院', level: 'high', parentId: null },
    { id: ids.anshun, name: '安顺市中级人民法院', shortName: '安顺中院', level: 'intermediate', parentId: ids.highCourt },
    { id: ids.zhuzhou, name: '株洲市中级人民法院', shortName: '株洲中院', level: 'intermediate', parentId: null },
    { id: ids.lukou, name: '株洲市渌口区人民法院', shortName: '渌口法院', level: 'basic', parentId: ids.zhuzhou },
  ]);
  const dept = { id: newId(), courtId: ids.anshun, kind: 'department', name: '立案庭', parentId: null };
  const team = { id: newId(), courtId: ids.anshun, kind: 'trialTeam', name: '立案一团队', parentId: dept.id };
  const lukouDept = { id: newId(), courtId: ids.lukou, kind: 'department', name: '综合办公室', parentId: null };
  await db.insert(schema.departments).values([dept, team, lukouDept]);

  const org = (courtId: string, parent: { id: string; path: string } | null, type: string, name: string, extra: Record<string, unknown> = {}) => {
    const id = newId();
    return { id, courtId, parentId: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/`, type, name, ...extra };
  };
  const committee = org(ids.anshun, null, 'organCommittee', '中共安顺市中级人民法院机关委员会');
  const branch1 = org(ids.anshun, committee, 'branch', '中共安顺市中级人民法院机关第一支部委员会', { branchKind: 'regular', departmentId: dept.id });
  const group1 = org(ids.anshun, branch1, 'partyGroup', '第一党小组');
  const branch2 = org(ids.anshun, committee, 'branch', '中共安顺市中级人民法院机关第二支部委员会', { branchKind: 'regular' });
  const lukouGeneral = org(ids.lukou, null, 'generalBranch', '中共株洲市渌口区人民法院总支部委员会');
  const lukouBranch = org(ids.lukou, lukouGeneral, 'branch', '综合管理党支部', { branchKind: 'regular' });
  await db.insert(schema.partyOrgs).values([committee, branch1, group1, branch2, lukouGeneral, lukouBranch]);

  let seq = 100;
  const member = (o: { id: string; path: string; courtId: string }, name: string, extra: Partial<typeof schema.members.$inferInsert> = {}) => {
    const idNumber = makeIdNumber('520402', '1990-05-0' + ((seq % 9) + 1), seq++);
    const phone = `1380000${String(seq).padStart(4, '0')}`;
    return {
      id: newId(),
      courtId: o.courtId,
      orgId: o.id,
      orgPath: o.path,
      name,
      gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
      birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
      idNumberEnc: crypto.encrypt(idNumber),
      idNumberHash: crypto.hash(idNumber),
      idNumberMasked: `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`,
      phoneEnc: crypto.encrypt(phone),
      phoneHash: crypto.hash(phone),
      phoneMasked: `${phone.slice(0, 3)}****${phone.slice(7)}`,
      position: 'judge',
      joinedOn: '2015-07-01',
      fullMemberSince: '2016-07-01',
      status: 'fullMember',
      ...extra,
      idNumber,
      phone,
    };
  };
  const m = {
    secretary: member(branch1, '张健'),
    member1: member(branch1, '李明', { groupId: group1.id, position: 'judgeAssistant' }),
    member2: member(branch1, '王芳', { groupId: group1.id }),
    probationary: member(branch1, '赵小雨', { status: 'probationaryMember', joinedOn: '2026-06-01', fullMemberSince: null }),
    branch2Member: member(branch2, '陈刚'),
    lukouMember: member(lukouBranch, '谢燕'),
  };
  await db.insert(schema.members).values(Object.values(m).map(({ idNumber: _i, phone: _p, ...row }) => row));

  const users: Record<string, { id: string; username: string }> = {};
  const addUser = async (username: string, displayName: string, grants: { role: string; courtId?: string | null; orgId?: string | null }[], extra: { courtId?: string | null; memberId?: string | null } = {}) => {
    const id = newId();
    await db.insert(schema.users).values({ id, username, displayName, passwordHash, mustChangePassword: false, courtId: extra.courtId ?? null, memberId: extra.memberId ?? null });
    if (grants.length) await db.insert(schema.roleGrants).values(grants.map((g) => ({ id: newId(), userId: id, role: g.role, courtId: g.courtId ?? null, orgId: g.orgId ?? null })));
    users[username] = { id, username };
  };
  await addUser('sysadmin', '系统管理员', [{ role: 'sysAdmin' }]);
  await addUser('secofficer', '安全保密员', [{ role: 'securityOfficer' }]);
  await addUser('auditor', '安全审计员', [{ role: 'auditor' }]);
  await addUser('anshun', '郑明春', [{ role: 'courtAdmin', courtId: ids.anshun }], { courtId: ids.anshun });
  await addUser('anshun-zb1', '张健', [{ role: 'branchSecretary', courtId: ids.anshun, orgId: branch1.id }], { courtId: ids.anshun, memberId: m.secretary.id });
  await addUser('anshun-zw1', '王芳', [{ role: 'committeeMember', courtId: ids.anshun, orgId: branch1.id }], { courtId: ids.anshun, memberId: m.member2.id });
  await addUser('anshun-xz1', '李明', [{ role: 'groupLeader', courtId: ids.anshun, orgId: group1.id }], { courtId: ids.anshun, memberId: m.member1.id });
  await addUser('anshun-dy1', '赵小雨', [{ role: 'member', courtId: ids.anshun }], { courtId: ids.anshun, memberId: m.probationary.id });
  await addUser('guizhou', '贵州高院党办', [{ role: 'higherCourtViewer', courtId: ids.highCourt }], { courtId: ids.highCourt });
  await addUser('lukou', '谢燕', [{ role: 'courtAdmin', courtId: ids.lukou }], { courtId: ids.lukou });
  // Accounts that others act on (reset, disable, grant…), never logged in as.
  await addUser('target-anshun', '待管理账号（安顺）', [], { courtId: ids.anshun });
  await addUser('target-lukou', '待管理账号（渌口）', [], { courtId: ids.lukou });

  return { courts: ids, departments: { dept, team, lukouDept }, orgs: { committee, branch1, group1, branch2, lukouGeneral, lukouBranch }, members: m, users };
}
