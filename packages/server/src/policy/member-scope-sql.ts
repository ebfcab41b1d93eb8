// The member rows an actor may read, as one SQL condition (court-wide, org subtrees, party
// groups, or self). `undefined` never means "everything": no scope → a condition that is false.
import { eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { schema } from '@zhibu/db';
import type { Actor } from './actor';

const { members } = schema;

export function memberScopeCondition(actor: Actor): SQL {
  const parts: (SQL | undefined)[] = [];
  for (const g of actor.grants) {
    if (g.role === 'courtAdmin' && g.courtId) parts.push(eq(members.courtId, g.courtId));
    else if ((g.role === 'branchSecretary' || g.role === 'committeeMember') && g.orgPath) parts.push(like(members.orgPath, `${g.orgPath}%`));
    else if (g.role === 'groupLeader' && g.orgId) parts.push(eq(members.groupId, g.orgId));
  }
  if (actor.memberId) parts.push(eq(members.id, actor.memberId));
  const defined = parts.filter((p): p is SQL => !!p);
  return defined.length ? (or(...defined) as SQL) : sql`false`;
}

export function courtCondition(courtIds: string[]): SQL {
  return courtIds.length ? inArray(members.courtId, courtIds) : sql`false`;
}
