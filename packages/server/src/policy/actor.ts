// Who is calling, and over what. Loaded once per request from the session's user and role grants.
import type { Role } from '@zhibu/domain';

export type Grant = {
  role: Role;
  courtId: string | null;
  orgId: string | null;
  /** The granted org's materialized path: its subtree is every path starting with it. */
  orgPath: string | null;
  scopeName: string | null;
};

export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  courtId: string | null;
  memberId: string | null;
  mustChangePassword: boolean;
  grants: Grant[];
  /** For higher-court viewers: the courts below theirs (aggregates only). */
  viewableCourtIds: string[];
  ip: string | null;
};

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.grants.some((g) => roles.includes(g.role));
}

export function auditActorOf(actor: Actor | null, ip?: string | null) {
  return { userId: actor?.userId ?? null, name: actor ? `${actor.displayName}（${actor.username}）` : '系统', ip: ip ?? actor?.ip ?? null };
}
