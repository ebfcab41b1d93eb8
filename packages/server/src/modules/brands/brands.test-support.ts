// Reviewer accounts for the brand tests: the fixture has no user outside 第一支部 besides the office,
// so two 第二支部 accounts (书记, 委员) join the court to sit on 认定 panels.
import { newId, schema } from '@zhibu/db';
import { hashPassword } from '../../auth/auth.service';
import { TEST_PASSWORD } from '../../test-support/fixture';
import type { TestApp } from '../../test-support/test-app';

export async function addBranch2Reviewers(t: TestApp) {
  const hash = await hashPassword(TEST_PASSWORD);
  const courtId = t.fx.courts.anshun;
  const branch2 = t.fx.orgs.branch2;
  const add = async (username: string, displayName: string, role: string, memberId: string | null) => {
    const existing = await t.deps.db.select({ id: schema.users.id }).from(schema.users).where((await import('drizzle-orm')).eq(schema.users.username, username));
    if (existing[0]) return existing[0].id;
    const id = newId();
    await t.deps.db.insert(schema.users).values({ id, username, displayName, passwordHash: hash, mustChangePassword: false, courtId, memberId });
    await t.deps.db.insert(schema.roleGrants).values({ id: newId(), userId: id, role, courtId, orgId: branch2.id });
    return id;
  };
  return {
    zb2: await add('anshun-zb2', '陈刚', 'branchSecretary', t.fx.members.branch2Member.id),
    zw2: await add('anshun-zw2', '刘洋', 'committeeMember', null),
  };
}
