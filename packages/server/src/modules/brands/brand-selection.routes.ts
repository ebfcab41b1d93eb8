// Routes of 选树 rounds (issue 4, the fifth step): HTTP ↔ contract only; brand-selection.service does the work.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  brandScoreRequest,
  createSelectionRoundRequest,
  idSchema,
  nominateRequest,
  selectionDecisionRequest,
  selectionRoundDetailSchema,
  selectionRoundListQuery,
  selectionRoundListResponse,
  selectionRoundMoveRequest,
  updateSelectionRoundRequest,
  z,
} from '@zhibu/contracts';
import { requireActor } from '../../auth/auth-hook';
import type { Deps } from '../../deps';
import * as svc from './brand-selection.service';

const tags = ['brands'];
const idParams = z.object({ id: idSchema });
const detail = { 200: selectionRoundDetailSchema };

export function selectionRoutes(parent: FastifyInstance, deps: Deps) {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  app.get('/brand-selection-rounds', { schema: { tags, summary: '品牌选树（年度）列表', querystring: selectionRoundListQuery, response: { 200: selectionRoundListResponse } } }, async (req) => svc.listRounds(deps, requireActor(req), req.query));
  app.post('/brand-selection-rounds', { schema: { tags, summary: '党建办发起年度品牌选树（名额、截止日期、条件、权重、评审组）', body: createSelectionRoundRequest, response: detail } }, async (req) => svc.createRound(deps, requireActor(req), req.body));
  app.get('/brand-selection-rounds/:id', { schema: { tags, summary: '品牌选树详情（推荐、评分、结果）', params: idParams, response: detail } }, async (req) => svc.getRound(deps, requireActor(req), req.params.id));
  app.put('/brand-selection-rounds/:id', { schema: { tags, summary: '修改品牌选树（名额、截止日期、条件、权重、评审组）', params: idParams, body: updateSelectionRoundRequest, response: detail } }, async (req) => svc.updateRound(deps, requireActor(req), req.params.id, req.body));
  app.post('/brand-selection-rounds/:id/move', { schema: { tags, summary: '选树进入评审、公布结果', params: idParams, body: selectionRoundMoveRequest, response: detail } }, async (req) => svc.moveRound(deps, requireActor(req), req.params.id, req.body));
  app.post('/brand-selection-rounds/:id/nominations', { schema: { tags, summary: '推荐品牌参加选树（培育中、宣传推广的支部品牌）', params: idParams, body: nominateRequest, response: detail } }, async (req) => svc.nominate(deps, requireActor(req), req.params.id, req.body));
  app.delete('/brand-selection-nominations/:id', { schema: { tags, summary: '撤回选树推荐（征集阶段）', params: idParams, response: detail } }, async (req) => svc.withdraw(deps, requireActor(req), req.params.id));
  app.put('/brand-selection-nominations/:id/my-score', { schema: { tags, summary: '评审按四项标准为推荐品牌评分', params: idParams, body: brandScoreRequest, response: detail } }, async (req) => svc.score(deps, requireActor(req), req.params.id, req.body));
  app.post('/brand-selection-nominations/:id/decision', { schema: { tags, summary: '党建办决定选树或不选树（选树即记入荣誉库）', params: idParams, body: selectionDecisionRequest, response: detail } }, async (req) => svc.decide(deps, requireActor(req), req.params.id, req.body));
}
