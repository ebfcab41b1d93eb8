// Authentication for every /api/v1 route except login. Sets request.actor, ends idle sessions,
// and holds a user with a first-login password to the password page.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { getSecuritySettings } from '../lib/settings';
import type { Actor } from '../policy/actor';
import { SessionCache } from './session-cache';
import { hashToken, loadSession, SESSION_COOKIE, touchSession } from './sessions';

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyRequest {
    actor: Actor | null;
  }
}

// The room display's screen answers to its own per-room display token, not a session (bases module).
// The room display's token routes and the brand showcase (only what a court chose to publish) need no login.
const PUBLIC = new Set(['POST /api/v1/auth/login', 'GET /api/v1/room-screen', 'GET /api/v1/room-screen/photos/:fileId', 'GET /api/v1/public/brand-showcase/:courtId']);
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set([
  'GET /api/v1/auth/me',
  'POST /api/v1/auth/password',
  'POST /api/v1/auth/logout',
]);

const READS = new Set(['GET', 'HEAD']);

export function registerAuthHook(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('actor', null);
  const cache = new SessionCache((deps.config.sessionCacheSeconds ?? 5) * 1000);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/v1/')) return;
    const key = `${req.method} ${req.routeOptions.url ?? req.url.split('?')[0]}`;
    if (PUBLIC.has(key)) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) throw new AppError('UNAUTHENTICATED');
    const settings = await getSecuritySettings(deps.db);
    const now = deps.now();
    const idleMs = settings.sessionIdleMinutes * 60_000;
    const isRead = READS.has(req.method);
    const tokenHash = hashToken(token);
    let found = isRead ? cache.get(tokenHash, now.getTime()) : undefined;
    // A cached session past the idle limit goes back to the database, which ends it.
    if (found && now.getTime() - found.lastSeenAt.getTime() > idleMs) found = undefined;
    if (!found) {
      const generation = cache.begin();
      const loaded = await loadSession(deps.db, token, settings.sessionIdleMinutes, now);
      if (loaded.state === 'expired') throw new AppError('SESSION_EXPIRED');
      if (loaded.state === 'none') throw new AppError('UNAUTHENTICATED');
      found = { actor: loaded.actor, lastSeenAt: loaded.lastSeenAt, tokenHash, loadedAt: now.getTime() };
      if (isRead) cache.set(generation, found);
    }
    // Refresh the idle clock at most every 30 s: no write on every request.
    if (now.getTime() - found.lastSeenAt.getTime() > 30_000) {
      await touchSession(deps.db, found.tokenHash, now);
      found.lastSeenAt = now;
    }
    req.actor = { ...found.actor, ip: req.ip };
    if (found.actor.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(key)) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
  });
  // After a write has answered (its transaction committed), no read may reuse a session looked up
  // before it: logging out, a password change, a role grant or a moved org all take effect at once.
  app.addHook('onResponse', async (req) => {
    if (!READS.has(req.method) && req.url.startsWith('/api/v1/')) cache.invalidateAll();
  });
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return req.actor;
}
