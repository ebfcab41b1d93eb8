import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changePasswordRequest, loginRequest, meResponse, okSchema, type Me } from '@zhibu/contracts';
import type { Deps } from '../deps';
import { appendAudit } from '../lib/audit';
import { getSecuritySettings } from '../lib/settings';
import { auditActorOf, type Actor } from '../policy/actor';
import { permissionsOf } from '../policy/permissions';
import { requireActor } from './auth-hook';
import { changePassword, login } from './auth.service';
import { deleteSession, SESSION_COOKIE } from './sessions';

async function toMe(deps: Deps, actor: Actor): Promise<Me> {
  const settings = await getSecuritySettings(deps.db);
  return {
    userId: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    courtId: actor.courtId,
    memberId: actor.memberId,
    mustChangePassword: actor.mustChangePassword,
    grants: actor.grants.map((g) => ({ role: g.role, courtId: g.courtId, orgId: g.orgId, scopeName: g.scopeName })),
    permissions: permissionsOf(actor),
    idleTimeoutMinutes: settings.sessionIdleMinutes,
  };
}

export function authRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/auth/login',
      {
        schema: { tags: ['auth'], summary: '登录', body: loginRequest, response: { 200: meResponse } },
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        const { token, actor } = await login(deps, req.body, req.ip);
        void reply.setCookie(SESSION_COOKIE, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: deps.config.secureCookies,
        });
        return toMe(deps, actor);
      },
    );

    app.post('/auth/logout', { schema: { tags: ['auth'], summary: '退出登录', response: { 200: okSchema } } }, async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      const actor = requireActor(req);
      if (token) {
        await deps.db.transaction(async (tx) => {
          await deleteSession(tx, token);
          await appendAudit(tx, auditActorOf(actor, req.ip), { action: 'auth.logout', entity: 'user', entityId: actor.userId });
        });
      }
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    });

    app.get('/auth/me', { schema: { tags: ['auth'], summary: '当前用户', response: { 200: meResponse } } }, async (req) =>
      toMe(deps, requireActor(req)),
    );

    app.post(
      '/auth/password',
      { schema: { tags: ['auth'], summary: '修改密码', body: changePasswordRequest, response: { 200: okSchema } } },
      async (req) => {
        await changePassword(deps, requireActor(req), req.body, req.cookies[SESSION_COOKIE] ?? '');
        return { ok: true as const };
      },
    );
  };
}
