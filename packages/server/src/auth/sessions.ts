// Sessions: a random token in an HttpOnly cookie; the database keeps only its SHA-256.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@zhibu/db';
import type { Role } from '@zhibu/domain';
import type { Actor, Grant } from '../policy/actor';

export const SESSION_COOKIE = 'zhibu_sid';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function createSession(db: DbOrTx, userId: string, ip: string | null, now: Date): Promise<string> {
  const token = newSessionToken();
  await db.insert(schema.sessions).values({ tokenHash: hashToken(token), userId, ip, createdAt: now, lastSeenAt: now });
  return token;
}

export async function deleteSession(db: DbOrTx, token: string): Promise<void> {
  await db.delete(schema.sessions).where(eq(schema.sessions.tokenHash, hashToken(token)));
}

export async function deleteUserSessions(db: DbOrTx, userId: string, exceptToken?: string): Promise<void> {
  const cond = exceptToken
    ? and(eq(schema.sessions.userId, userId), sql`${schema.sessions.tokenHash} <> ${hashToken(exceptToken)}`)
    : eq(schema.sessions.userId, userId);
  await db.delete(schema.sessions).where(cond);
}

export type SessionLookup =
  | { state: 'none' }
  | { state: 'expired' }
  | { state: 'ok'; actor: Actor; lastSeenAt: Date; tokenHash: string };

/** Loads the session's actor; a session idle longer than the limit is ended (等保 idle timeout). */
export async function loadSession(
  db: DbOrTx,
  token: string,
  idleMinutes: number,
  now: Date,
): Promise<SessionLookup> {
  const tokenHash = hashToken(token);
  // One round trip per request: the session, its user and every role grant with its scope.
  const rows = await db
    .select({ session: schema.sessions, user: schema.users, grant: grantColumns })
    .from(schema.sessions)
    .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
    .leftJoin(schema.roleGrants, eq(schema.roleGrants.userId, schema.users.id))
    .leftJoin(schema.partyOrgs, eq(schema.partyOrgs.id, schema.roleGrants.orgId))
    .leftJoin(schema.courts, eq(schema.courts.id, schema.roleGrants.courtId))
    .where(eq(schema.sessions.tokenHash, tokenHash));
  const row = rows[0];
  if (!row || row.user.disabled) return { state: 'none' };
  if (now.getTime() - row.session.lastSeenAt.getTime() > idleMinutes * 60_000) {
    await db.delete(schema.sessions).where(eq(schema.sessions.tokenHash, tokenHash));
    return { state: 'expired' };
  }
  const grants = rows.flatMap((r) => (r.grant.role ? [toGrant(r.grant)] : []));
  const actor = await actorOf(db, row.user, grants);
  return { state: 'ok', actor, lastSeenAt: row.session.lastSeenAt, tokenHash };
}

const grantColumns = {
  role: schema.roleGrants.role,
  courtId: schema.roleGrants.courtId,
  orgId: schema.roleGrants.orgId,
  orgPath: schema.partyOrgs.path,
  orgName: schema.partyOrgs.name,
  courtName: schema.courts.name,
};

type GrantRow = { role: string | null; courtId: string | null; orgId: string | null; orgPath: string | null; orgName: string | null; courtName: string | null };

function toGrant(g: GrantRow): Grant {
  return { role: g.role as Role, courtId: g.courtId, orgId: g.orgId, orgPath: g.orgPath, scopeName: g.orgName ?? g.courtName ?? null };
}

async function actorOf(db: DbOrTx, user: typeof schema.users.$inferSelect, grants: Grant[]): Promise<Actor> {
  const viewerRoots = grants.filter((g) => g.role === 'higherCourtViewer' && g.courtId).map((g) => g.courtId!);
  const viewableCourtIds = viewerRoots.length ? await descendantCourtIds(db, viewerRoots) : [];
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    courtId: user.courtId,
    memberId: user.memberId,
    mustChangePassword: user.mustChangePassword,
    grants,
    viewableCourtIds,
    ip: null,
  };
}

export async function touchSession(db: DbOrTx, tokenHash: string, now: Date): Promise<void> {
  await db.update(schema.sessions).set({ lastSeenAt: now }).where(eq(schema.sessions.tokenHash, tokenHash));
}

export async function loadActor(db: DbOrTx, user: typeof schema.users.$inferSelect): Promise<Actor> {
  const grantRows = await db
    .select(grantColumns)
    .from(schema.roleGrants)
    .leftJoin(schema.partyOrgs, eq(schema.partyOrgs.id, schema.roleGrants.orgId))
    .leftJoin(schema.courts, eq(schema.courts.id, schema.roleGrants.courtId))
    .where(eq(schema.roleGrants.userId, user.id));
  return actorOf(db, user, grantRows.map(toGrant));
}

/** The given courts and every court below them. */
export async function descendantCourtIds(db: DbOrTx, roots: string[]): Promise<string[]> {
  const all = await db.select({ id: schema.courts.id, parentId: schema.courts.parentId }).from(schema.courts);
  const out = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of all) {
      if (c.parentId && out.has(c.parentId) && !out.has(c.id)) {
        out.add(c.id);
        grew = true;
      }
    }
  }
  return [...out];
}

export async function userIdsByRole(db: DbOrTx, role: Role): Promise<string[]> {
  const rows = await db.select({ userId: schema.roleGrants.userId }).from(schema.roleGrants).where(inArray(schema.roleGrants.role, [role]));
  return rows.map((r) => r.userId);
}
