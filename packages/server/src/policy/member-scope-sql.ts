// The member rows an actor may read, as one SQL condition, built from the same scope description
// the record-level checks use (memberScopeOf): court-wide, org subtrees, party groups, or self.
// No scope never means "everything": it is a condition that matches nothing.
import { and, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { schema } from '@zhibu/db';
import type { Actor } from './actor';
import { memberScopeOf } from './scope';

const { members, partyOrgs } = schema;

/** The condition, or null when the actor's scope holds no member at all (callers may skip the query). */
export function memberScopeConditionOrNull(actor: Actor): SQL | null {
  const scope = memberScopeOf(actor);
  const parts: SQL[] = [];
  if (scope.courtIds.length) parts.push(inArray(members.courtId, scope.courtIds));
  for (const p of scope.orgPaths) parts.push(and(eq(members.courtId, p.courtId), like(members.orgPath, `${p.path}%`))!);
  for (const gp of scope.groupPaths) {
    parts.push(inArray(members.groupId, sql`(select ${partyOrgs.id} from ${partyOrgs} where ${partyOrgs.path} like ${`${gp}%`})`));
  }
  if (scope.selfId) parts.push(eq(members.id, scope.selfId));
  if (!parts.length) return null;
  return parts.length === 1 ? parts[0]! : or(...parts)!;
}

export function memberScopeCondition(actor: Actor): SQL {
  return memberScopeConditionOrNull(actor) ?? sql`false`;
}

export function courtCondition(courtIds: string[]): SQL {
  return courtIds.length ? inArray(members.courtId, courtIds) : sql`false`;
}
