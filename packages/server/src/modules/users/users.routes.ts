import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createUserRequest,
  createUserResponse,
  grantRoleRequest,
  grantScopesResponse,
  idSchema,
  memberCandidateSchema,
  memberCandidatesQuery,
  okSchema,
  securitySettingsSchema,
  userSchema,
  z,
} from '@zhibu/contracts';
import { roles } from '@zhibu/domain';
import { requireActor } from '../../auth/auth-hook';
import type { Deps } from '../../deps';
import * as svc from './users.service';

const idParams = z.object({ id: idSchema });
const tags = ['users'];

export function userRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/users', { schema: { tags, summary: '账号列表', response: { 200: z.object({ items: z.array(userSchema), total: z.number() }) } } }, async (req) => {
      const items = await svc.listUsers(deps, requireActor(req));
      return { items, total: items.length };
    });
    app.get('/users/grant-scopes', { schema: { tags, summary: '授权范围：法院与党组织名称（安全保密员）', response: { 200: grantScopesResponse } } }, async (req) =>
      svc.listGrantScopes(deps, requireActor(req)),
    );
    app.get(
      '/users/member-candidates',
      { schema: { tags, summary: '按姓名查找可关联的党员（系统管理员）', querystring: memberCandidatesQuery, response: { 200: z.object({ items: z.array(memberCandidateSchema), total: z.number() }) } } },
      async (req) => {
        const items = await svc.listMemberCandidates(deps, requireActor(req), req.query.courtId, req.query.q);
        return { items, total: items.length };
      },
    );
    app.post('/users', { schema: { tags, summary: '新建账号（系统管理员）', body: createUserRequest, response: { 200: createUserResponse } } }, async (req) =>
      svc.createUser(deps, requireActor(req), req.body),
    );
    app.post('/users/:id/reset-password', { schema: { tags, summary: '重置密码（系统管理员）', params: idParams, response: { 200: z.object({ initialPassword: z.string() }) } } }, async (req) =>
      svc.resetPassword(deps, requireActor(req), req.params.id),
    );
    app.post('/users/:id/disable', { schema: { tags, summary: '停用账号', params: idParams, response: { 200: okSchema } } }, async (req) =>
      svc.setDisabled(deps, requireActor(req), req.params.id, true),
    );
    app.post('/users/:id/enable', { schema: { tags, summary: '启用账号', params: idParams, response: { 200: okSchema } } }, async (req) =>
      svc.setDisabled(deps, requireActor(req), req.params.id, false),
    );
    app.post('/users/:id/unlock', { schema: { tags, summary: '解除锁定（安全保密员）', params: idParams, response: { 200: okSchema } } }, async (req) =>
      svc.unlockUser(deps, requireActor(req), req.params.id),
    );
    app.post(
      '/users/:id/grants',
      {
        schema: {
          tags,
          summary: '授予角色（安全保密员）',
          params: idParams,
          body: grantRoleRequest,
          response: { 200: z.object({ id: idSchema, role: z.enum(roles), courtId: idSchema.nullable(), orgId: idSchema.nullable() }) },
        },
      },
      async (req) => svc.grantRole(deps, requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/users/:id/grants/:grantId/revoke',
      { schema: { tags, summary: '撤销角色（安全保密员）', params: z.object({ id: idSchema, grantId: idSchema }), response: { 200: okSchema } } },
      async (req) => svc.revokeRole(deps, requireActor(req), req.params.id, req.params.grantId),
    );
    app.get('/security-settings', { schema: { tags, summary: '安全策略', response: { 200: securitySettingsSchema } } }, async (req) =>
      svc.readSecuritySettings(deps, requireActor(req)),
    );
    app.put('/security-settings', { schema: { tags, summary: '修改安全策略（安全保密员）', body: securitySettingsSchema, response: { 200: securitySettingsSchema } } }, async (req) =>
      svc.updateSecuritySettings(deps, requireActor(req), req.body),
    );
  };
}
