import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { activityCatalogueQuery, activityCatalogueResponse, updateActivityCatalogueRequest } from '@zhibu/contracts';
import type { ActivityCatalogueOverrides } from '@zhibu/domain';
import { requireActor } from '../../auth/auth-hook';
import type { Deps } from '../../deps';
import * as svc from './activity-types.service';

const tags = ['activity-types'];

export function activityTypeRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/activity-types',
      { schema: { tags, summary: '本院活动类型目录（默认值与本院调整合并后）', querystring: activityCatalogueQuery, response: { 200: activityCatalogueResponse } } },
      async (req) => svc.getCatalogue(deps, requireActor(req), req.query.courtId),
    );
    app.put(
      '/activity-types',
      { schema: { tags, summary: '调整本院活动类型目录（仅机关党委管理员）', body: updateActivityCatalogueRequest, response: { 200: activityCatalogueResponse } } },
      async (req) => svc.updateCatalogue(deps, requireActor(req), { ...req.body, overrides: req.body.overrides as ActivityCatalogueOverrides }),
    );
  };
}
