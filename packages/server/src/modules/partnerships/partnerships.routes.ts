// Routes of 联建 / 四联 (issue 4). HTTP ↔ contract only; the service does the work.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  counterpartListResponse,
  counterpartQuery,
  createPartnershipRequest,
  decidePartnershipRequest,
  endPartnershipRequest,
  idSchema,
  jointActivityPageSchema,
  networkQuery,
  partnershipListQuery,
  partnershipNetworkSchema,
  partnershipPageSchema,
  partnershipSchema,
  updatePartnershipRequest,
  z,
} from '@zhibu/contracts';
import { requireActor } from '../../auth/auth-hook';
import type { Deps } from '../../deps';
import * as svc from './partnerships.service';

const tags = ['partnerships'];
const idParams = z.object({ id: idSchema });

export function partnershipRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/partnerships',
      { schema: { tags, summary: '联建关系（本人管理或可查看范围内，双方均可见）', querystring: partnershipListQuery, response: { 200: partnershipPageSchema } } },
      async (req) => svc.listPartnerships(deps, requireActor(req), req.query),
    );
    app.post(
      '/partnerships',
      { schema: { tags, summary: '登记联建：与外单位或本人管理的支部即时生效，与其他支部待对方确认', body: createPartnershipRequest, response: { 200: partnershipSchema } } },
      async (req) => svc.createPartnership(deps, requireActor(req), req.body),
    );
    app.get(
      '/partnerships/network',
      { schema: { tags, summary: '联建网络：各支部联建关系、按支部和“四联”类别的年度活动数', querystring: networkQuery, response: { 200: partnershipNetworkSchema } } },
      async (req) => svc.network(deps, requireActor(req), req.query),
    );
    app.get(
      '/partnerships/counterparts',
      { schema: { tags, summary: '可选的对口党支部（平台上各法院的党支部，仅名称）', querystring: counterpartQuery, response: { 200: counterpartListResponse } } },
      async (req) => svc.listCounterparts(deps, requireActor(req), req.query),
    );
    app.get(
      '/partnerships/:id',
      { schema: { tags, summary: '联建关系详情', params: idParams, response: { 200: partnershipSchema } } },
      async (req) => svc.getPartnership(deps, requireActor(req), req.params.id),
    );
    app.patch(
      '/partnerships/:id',
      { schema: { tags, summary: '修改联建协议（目标、方向、期限、联系人）', params: idParams, body: updatePartnershipRequest, response: { 200: partnershipSchema } } },
      async (req) => svc.updatePartnership(deps, requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/partnerships/:id/decide',
      { schema: { tags, summary: '对方支部确认：同意或不同意联建', params: idParams, body: decidePartnershipRequest, response: { 200: partnershipSchema } } },
      async (req) => svc.decidePartnership(deps, requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/partnerships/:id/end',
      { schema: { tags, summary: '结束联建', params: idParams, body: endPartnershipRequest, response: { 200: partnershipSchema } } },
      async (req) => svc.endPartnership(deps, requireActor(req), req.params.id, req.body),
    );
    app.get(
      '/partnerships/:id/activities',
      { schema: { tags, summary: '该联建下的联建活动（在组织生活中以 partnershipId 策划）', params: idParams, response: { 200: jointActivityPageSchema } } },
      async (req) => svc.listJointActivities(deps, requireActor(req), req.params.id),
    );
  };
}
