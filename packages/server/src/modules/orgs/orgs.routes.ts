import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  committeePositionSchema,
  courtRuleConfigResponse,
  courtSchema,
  createCommitteePositionRequest,
  createCourtRequest,
  createDepartmentRequest,
  createOrgRequest,
  createTermRequest,
  departmentSchema,
  idSchema,
  isoDateSchema,
  okSchema,
  orgDetailSchema,
  orgListQuery,
  orgSchema,
  termSchema,
  updateCourtRequest,
  updateCourtRuleConfigRequest,
  updateOrgRequest,
  z,
} from '@zhibu/contracts';
import { requireActor } from '../../auth/auth-hook';
import type { Deps } from '../../deps';
import * as svc from './orgs.service';

const idParams = z.object({ id: idSchema });
const tags = ['orgs'];

export function orgRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/courts', { schema: { tags, summary: '法院列表', response: { 200: z.object({ items: z.array(courtSchema), total: z.number() }) } } }, async (req) => {
      const items = (await svc.listCourts(deps, requireActor(req))) as z.infer<typeof courtSchema>[];
      return { items, total: items.length };
    });
    app.post('/courts', { schema: { tags, summary: '新增法院', body: createCourtRequest, response: { 200: courtSchema } } }, async (req) =>
      (await svc.createCourt(deps, requireActor(req), req.body)) as z.infer<typeof courtSchema>,
    );
    app.patch('/courts/:id', { schema: { tags, summary: '修改法院', params: idParams, body: updateCourtRequest, response: { 200: courtSchema } } }, async (req) =>
      (await svc.updateCourt(deps, requireActor(req), req.params.id, req.body)) as z.infer<typeof courtSchema>,
    );
    app.get('/courts/:id/rule-config', { schema: { tags, summary: '本院组织设置规则（可配置项）', params: idParams, response: { 200: courtRuleConfigResponse } } }, async (req) =>
      svc.getCourtRuleConfig(deps, requireActor(req), req.params.id),
    );
    app.put(
      '/courts/:id/rule-config',
      { schema: { tags, summary: '修改本院组织设置规则', params: idParams, body: updateCourtRuleConfigRequest, response: { 200: courtRuleConfigResponse } } },
      async (req) => svc.updateCourtRuleConfig(deps, requireActor(req), req.params.id, req.body),
    );

    app.get(
      '/departments',
      { schema: { tags, summary: '庭室与审判团队', querystring: z.object({ courtId: idSchema.optional() }), response: { 200: z.object({ items: z.array(departmentSchema), total: z.number() }) } } },
      async (req) => {
        const items = (await svc.listDepartments(deps, requireActor(req), req.query.courtId)) as z.infer<typeof departmentSchema>[];
        return { items, total: items.length };
      },
    );
    app.post('/departments', { schema: { tags, summary: '新增庭室或审判团队', body: createDepartmentRequest, response: { 200: departmentSchema } } }, async (req) =>
      (await svc.createDepartment(deps, requireActor(req), req.body)) as z.infer<typeof departmentSchema>,
    );

    app.get('/orgs', { schema: { tags, summary: '党组织列表（调用者范围内）', querystring: orgListQuery, response: { 200: z.object({ items: z.array(orgSchema), total: z.number() }) } } }, async (req) => {
      const items = (await svc.listOrgs(deps, requireActor(req), req.query)).map((o) => svc.toOrg(o, o.memberCount));
      return { items, total: items.length };
    });
    app.get('/orgs/:id', { schema: { tags, summary: '党组织详情：班子、任期与组织设置提示', params: idParams, response: { 200: orgDetailSchema } } }, async (req) =>
      svc.getOrgDetail(deps, requireActor(req), req.params.id),
    );
    app.post('/orgs', { schema: { tags, summary: '新增党组织', body: createOrgRequest, response: { 200: orgSchema } } }, async (req) =>
      svc.createOrg(deps, requireActor(req), req.body),
    );
    app.patch('/orgs/:id', { schema: { tags, summary: '修改党组织', params: idParams, body: updateOrgRequest, response: { 200: orgSchema } } }, async (req) =>
      svc.updateOrg(deps, requireActor(req), req.params.id, req.body),
    );
    app.post('/orgs/:id/terms', { schema: { tags, summary: '登记一届任期（换届）', params: idParams, body: createTermRequest, response: { 200: termSchema } } }, async (req) =>
      svc.createTerm(deps, requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/orgs/:id/committee',
      { schema: { tags, summary: '任命支委', params: idParams, body: createCommitteePositionRequest, response: { 200: committeePositionSchema } } },
      async (req) => svc.addCommitteePosition(deps, requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/orgs/:id/committee/:positionId/end',
      {
        schema: {
          tags,
          summary: '支委离任',
          params: z.object({ id: idSchema, positionId: idSchema }),
          body: z.object({ endOn: isoDateSchema, version: z.number().int().min(1) }),
          response: { 200: okSchema },
        },
      },
      async (req) => svc.endCommitteePosition(deps, requireActor(req), req.params.id, req.params.positionId, req.body),
    );
  };
}
