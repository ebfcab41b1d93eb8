// Routes of 党员示范岗 / 党员先锋队 and 优秀党员 selection (issue 5): designations with period and
// review; selected members go to the honors registry. HTTP ↔ contract only; the service does the work.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addAchievementRequest,
  closeExcellenceRoundRequest,
  createDesignationRequest,
  createExcellenceRoundRequest,
  createNominationRequest,
  decideDesignationRequest,
  decideNominationRequest,
  designationListQuery,
  designationListResponse,
  designationSchema,
  excellenceRoundListResponse,
  excellenceRoundSchema,
  idSchema,
  reviewDesignationRequest,
  z,
} from '@zhibu/contracts';
import { requireActor } from '../../auth/auth-hook';
import type { Deps } from '../../deps';
import { attachmentHeader, XLSX_MIME } from '../../lib/downloads';
import * as svc from './pioneers.service';

const tags = ['pioneers'];
const idParams = z.object({ id: idSchema });

export function pioneerRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/pioneers/designations',
      { schema: { tags, summary: '党员示范岗、党员先锋队（本支部的全部；本院挂牌中的公示名单）', querystring: designationListQuery, response: { 200: designationListResponse } } },
      async (req) => svc.listDesignations(deps, requireActor(req), req.query),
    );
    app.get('/pioneers/designations.xlsx', { schema: { tags, summary: '导出示范岗、先锋队名单（.xlsx）', querystring: designationListQuery.omit({ page: true, pageSize: true }) } }, async (req, reply) => {
      const d = await svc.designationsWorkbook(deps, requireActor(req), req.query);
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachmentHeader(d.fileName, d.asciiName)).header('cache-control', 'no-store').send(d.buffer);
    });
    app.get('/pioneers/designations/:id', { schema: { tags, summary: '一个示范岗或先锋队（考评、工作成效）', params: idParams, response: { 200: designationSchema } } }, async (req) =>
      svc.getDesignation(deps, requireActor(req), req.params.id),
    );
    app.post('/pioneers/designations', { schema: { tags, summary: '党支部申报示范岗或先锋队', body: createDesignationRequest, response: { 200: designationSchema } } }, async (req) =>
      svc.proposeDesignation(deps, requireActor(req), req.body),
    );
    app.post(
      '/pioneers/designations/:id/decide',
      { schema: { tags, summary: '机关党委批准挂牌、不予批准、撤销（须说明理由）；党支部撤回申报', params: idParams, body: decideDesignationRequest, response: { 200: designationSchema } } },
      async (req) => svc.decideDesignation(deps, requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/pioneers/designations/:id/reviews',
      { schema: { tags, summary: '机关党委年度考评（优秀/合格/不合格；不合格即摘牌）', params: idParams, body: reviewDesignationRequest, response: { 200: designationSchema } } },
      async (req) => svc.reviewDesignation(deps, requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/pioneers/designations/:id/achievements',
      { schema: { tags, summary: '记录工作成效（按日期）', params: idParams, body: addAchievementRequest, response: { 200: designationSchema } } },
      async (req) => svc.addAchievement(deps, requireActor(req), req.params.id, req.body),
    );
    app.get('/pioneers/rounds', { schema: { tags, summary: '优秀党员评选（按年度）', response: { 200: excellenceRoundListResponse } } }, async (req) => svc.listRounds(deps, requireActor(req)));
    app.get('/pioneers/rounds/:id', { schema: { tags, summary: '一次优秀党员评选及推荐', params: idParams, response: { 200: excellenceRoundSchema } } }, async (req) =>
      svc.getRound(deps, requireActor(req), req.params.id),
    );
    app.post('/pioneers/rounds', { schema: { tags, summary: '机关党委发起年度优秀党员评选（名额、推荐截止日期）', body: createExcellenceRoundRequest, response: { 200: excellenceRoundSchema } } }, async (req) =>
      svc.createRound(deps, requireActor(req), req.body),
    );
    app.post('/pioneers/rounds/:id/close', { schema: { tags, summary: '结束评选（全部推荐已决定）', params: idParams, body: closeExcellenceRoundRequest, response: { 200: excellenceRoundSchema } } }, async (req) =>
      svc.closeRound(deps, requireActor(req), req.params.id, req.body.version),
    );
    app.post('/pioneers/nominations', { schema: { tags, summary: '党支部推荐本支部正式党员（附主要事迹）', body: createNominationRequest, response: { 200: excellenceRoundSchema } } }, async (req) =>
      svc.nominate(deps, requireActor(req), req.body),
    );
    app.post(
      '/pioneers/nominations/:id/decide',
      { schema: { tags, summary: '机关党委决定当选（记入荣誉库）或未当选（须说明理由）；党支部撤回推荐', params: idParams, body: decideNominationRequest, response: { 200: excellenceRoundSchema } } },
      async (req) => svc.decideNomination(deps, requireActor(req), req.params.id, req.body),
    );
  };
}
