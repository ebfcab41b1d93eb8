import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createTransferRequest,
  decideTransferRequest,
  DOCX_MIME,
  idSchema,
  transferDestinationSchema,
  transferDestinationsQuery,
  transferListQuery,
  transferListResponse,
  transferSchema,
  z,
} from '@zhibu/contracts';
import { requireActor } from '../../auth/auth-hook';
import type { Deps } from '../../deps';
import { attachmentHeader } from '../../lib/downloads';
import * as svc from './transfers.service';

const tags = ['transfers'];
const idParams = z.object({ id: idSchema });

export function transferRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/transfers',
      { schema: { tags, summary: '组织关系转接：本支部转出（outbox）、转入本支部（inbox）或全部', querystring: transferListQuery, response: { 200: transferListResponse } } },
      async (req) => svc.listTransfers(deps, requireActor(req), req.query),
    );
    app.get(
      '/transfers/destinations',
      { schema: { tags, summary: '按名称查找平台内的接收党组织（任何法院，只含名称）', querystring: transferDestinationsQuery, response: { 200: z.object({ items: z.array(transferDestinationSchema), total: z.number().int() }) } } },
      async (req) => svc.listDestinations(deps, requireActor(req), req.query.q),
    );
    app.get('/transfers/:id', { schema: { tags, summary: '一次转接', params: idParams, response: { 200: transferSchema } } }, async (req) => svc.getTransfer(deps, requireActor(req), req.params.id));
    app.post(
      '/transfers',
      { schema: { tags, summary: '发起组织关系转接（开具介绍信）', body: createTransferRequest, response: { 200: transferSchema } } },
      async (req) => svc.sendTransfer(deps, requireActor(req), req.body),
    );
    app.post(
      '/transfers/:id/decide',
      { schema: { tags, summary: '接收、退回（须说明理由）、撤回或登记回执', params: idParams, body: decideTransferRequest, response: { 200: transferSchema } } },
      async (req) => svc.decideTransfer(deps, requireActor(req), req.params.id, req.body),
    );
    app.get('/transfers/:id/letter.docx', { schema: { tags, summary: '下载党员组织关系介绍信（.docx，含回执）', params: idParams } }, async (req, reply) => {
      const d = await svc.transferLetter(deps, requireActor(req), req.params.id);
      return reply.header('content-type', DOCX_MIME).header('content-disposition', attachmentHeader(d.fileName, d.asciiName)).header('cache-control', 'no-store').send(d.buffer);
    });
  };
}
