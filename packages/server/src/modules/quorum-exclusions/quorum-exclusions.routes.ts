import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createQuorumExclusionRequest,
  decideQuorumExclusionRequest,
  endQuorumExclusionRequest,
  idSchema,
  quorumExclusionListResponse,
  quorumExclusionSchema,
  z,
} from '@zhibu/contracts';
import { quorumExclusionStates } from '@zhibu/domain';
import { requireActor } from '../../auth/auth-hook';
import type { Deps } from '../../deps';
import * as svc from './quorum-exclusions.service';

const tags = ['quorum-exclusions'];
const idParams = z.object({ id: idSchema });

export function quorumExclusionRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/members/:id/quorum-exclusions',
      { schema: { tags, summary: '党员不计入应到会人数的登记（本人、支部、上级党组织可见）', params: idParams, response: { 200: quorumExclusionListResponse } } },
      async (req) => svc.listForMember(deps, requireActor(req), req.params.id),
    );
    app.post(
      '/members/:id/quorum-exclusions',
      { schema: { tags, summary: '支部申请：党员不计入应到会人数（须上级党组织批准）', params: idParams, body: createQuorumExclusionRequest, response: { 200: quorumExclusionSchema } } },
      async (req) => svc.requestExclusion(deps, requireActor(req), req.params.id, req.body),
    );
    app.get(
      '/quorum-exclusions',
      { schema: { tags, summary: '待本组织审批（或各状态）的不计入应到会人数申请', querystring: z.object({ state: z.enum(quorumExclusionStates).optional() }), response: { 200: quorumExclusionListResponse } } },
      async (req) => svc.listForApprover(deps, requireActor(req), req.query),
    );
    app.post(
      '/quorum-exclusions/:id/decide',
      { schema: { tags, summary: '上级党组织审批（批准或不予批准）', params: idParams, body: decideQuorumExclusionRequest, response: { 200: quorumExclusionSchema } } },
      async (req) => svc.decideExclusion(deps, requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/quorum-exclusions/:id/end',
      { schema: { tags, summary: '情形消失，终止不计入应到会人数', params: idParams, body: endQuorumExclusionRequest, response: { 200: quorumExclusionSchema } } },
      async (req) => svc.endExclusion(deps, requireActor(req), req.params.id, req.body),
    );
  };
}
