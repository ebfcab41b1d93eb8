import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { DOCX_MIME, idSchema, ledgerYearQuery, z } from '@zhibu/contracts';
import { requireActor } from '../../auth/auth-hook';
import type { Deps } from '../../deps';
import { attachmentHeader, XLSX_MIME } from '../../lib/downloads';
import * as svc from './ledgers.service';

const tags = ['ledgers'];

function send(reply: FastifyReply, d: svc.Download, mime: string) {
  return reply.header('content-type', mime).header('content-disposition', attachmentHeader(d.fileName, d.asciiName)).header('cache-control', 'no-store').send(d.buffer);
}

export function ledgerRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/activities/:id/ledger.docx',
      { schema: { tags, summary: '下载活动台账（一会一档，.docx）', params: z.object({ id: idSchema }) } },
      async (req, reply) => send(reply, await svc.activityLedger(deps, requireActor(req), req.params.id), DOCX_MIME),
    );
    app.get(
      '/ledgers/binder.docx',
      { schema: { tags, summary: '下载支部年度组织生活台账（.docx，含封面、目录）', querystring: ledgerYearQuery } },
      async (req, reply) => send(reply, await svc.binder(deps, requireActor(req), req.query), DOCX_MIME),
    );
    app.get(
      '/ledgers/summary.xlsx',
      { schema: { tags, summary: '下载年度活动台账汇总（.xlsx）', querystring: ledgerYearQuery } },
      async (req, reply) => send(reply, await svc.summary(deps, requireActor(req), req.query), XLSX_MIME),
    );
  };
}
