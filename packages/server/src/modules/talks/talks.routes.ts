// Routes of 谈心谈话 (issue 5): talk records, 提醒谈话, yearly coverage of 支委↔支委, 支委↔党员, 党员↔党员. HTTP ↔ contract only; the service does the work.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createTalkRequest,
  deleteTalkQuery,
  idSchema,
  okSchema,
  talkCoverageQuery,
  talkCoverageResponse,
  talkCoverageSummaryQuery,
  talkCoverageSummaryResponse,
  talkLedgerQuery,
  talkListQuery,
  talkListResponse,
  talkSchema,
  updateTalkRequest,
  z,
} from '@zhibu/contracts';
import { requireActor } from '../../auth/auth-hook';
import type { Deps } from '../../deps';
import { attachmentHeader, XLSX_MIME } from '../../lib/downloads';
import * as svc from './talks.service';

const tags = ['talks'];
const idParams = z.object({ id: idSchema });

export function talkRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/talks', { schema: { tags, summary: '支部某年的谈心谈话记录（提醒谈话仅书记、党办和当事人可见）；不带 orgId 时为本人参加的谈话', querystring: talkListQuery, response: { 200: talkListResponse } } }, async (req) =>
      svc.listTalks(deps, requireActor(req), req.query),
    );
    app.get('/talks/coverage', { schema: { tags, summary: '支部年度谈心谈话覆盖情况（支委↔支委、支委↔党员、党员↔党员）与未开展的对（分页）', querystring: talkCoverageQuery, response: { 200: talkCoverageResponse } } }, async (req) =>
      svc.coverage(deps, requireActor(req), req.query),
    );
    app.get('/talks/coverage-summary', { schema: { tags, summary: '可见各支部的年度覆盖率与未开展对数（党办：本院全部支部）', querystring: talkCoverageSummaryQuery, response: { 200: talkCoverageSummaryResponse } } }, async (req) =>
      svc.coverageSummary(deps, requireActor(req), req.query),
    );
    app.get('/talks/ledger.xlsx', { schema: { tags, summary: '导出支部谈心谈话记录（.xlsx）', querystring: talkLedgerQuery } }, async (req, reply) => {
      const d = await svc.ledgerWorkbook(deps, requireActor(req), req.query);
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachmentHeader(d.fileName, d.asciiName)).header('cache-control', 'no-store').send(d.buffer);
    });
    app.get('/talks/:id', { schema: { tags, summary: '一次谈话', params: idParams, response: { 200: talkSchema } } }, async (req) => svc.getTalk(deps, requireActor(req), req.params.id));
    app.post('/talks', { schema: { tags, summary: '记录一次谈心谈话（或书记的提醒谈话）', body: createTalkRequest, response: { 200: talkSchema } } }, async (req) => svc.createTalk(deps, requireActor(req), req.body));
    app.put('/talks/:id', { schema: { tags, summary: '修改谈话记录（含跟进落实）', params: idParams, body: updateTalkRequest, response: { 200: talkSchema } } }, async (req) =>
      svc.updateTalk(deps, requireActor(req), req.params.id, req.body),
    );
    app.delete('/talks/:id', { schema: { tags, summary: '删除谈话记录', params: idParams, querystring: deleteTalkQuery, response: { 200: okSchema } } }, async (req) =>
      svc.deleteTalk(deps, requireActor(req), req.params.id, req.query.version),
    );
  };
}
