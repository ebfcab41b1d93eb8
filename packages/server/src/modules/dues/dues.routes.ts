// Routes of 党费 (issue 5): ledgers, payments, bases, 少交/免交, own dues, 收缴情况公布. HTTP ↔ contract
// only; the service does the work.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createDuesAdjustmentRequest,
  decideDuesAdjustmentRequest,
  deleteDuesPaymentQuery,
  duesAdjustmentListQuery,
  duesAdjustmentListResponse,
  duesAdjustmentSchema,
  duesBaseListResponse,
  duesBaseSchema,
  duesComponentListSchema,
  duesComponentsQuery,
  saveDuesComponentsRequest,
  duesLedgerQuery,
  duesLedgerResponse,
  duesPaymentSchema,
  duesReportQuery,
  duesReportResponse,
  idSchema,
  myDuesResponse,
  okSchema,
  recordDuesPaymentRequest,
  saveDuesBaseRequest,
  z,
} from '@zhibu/contracts';
import { requireActor } from '../../auth/auth-hook';
import type { Deps } from '../../deps';
import { attachmentHeader, XLSX_MIME } from '../../lib/downloads';
import * as svc from './dues.service';

const tags = ['dues'];
const idParams = z.object({ id: idSchema });

export function duesRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/dues/ledger', { schema: { tags, summary: '支部党费台账（按月应交、已交、代交、补交、连续未交）', querystring: duesLedgerQuery, response: { 200: duesLedgerResponse } } }, async (req) =>
      svc.ledger(deps, requireActor(req), req.query),
    );
    app.post('/dues/payments', { schema: { tags, summary: '登记交纳（含代交、补交；补交不超过6个月）', body: recordDuesPaymentRequest, response: { 200: duesPaymentSchema } } }, async (req) =>
      svc.recordPayment(deps, requireActor(req), req.body),
    );
    app.delete('/dues/payments/:id', { schema: { tags, summary: '撤销一笔交纳登记', params: idParams, querystring: deleteDuesPaymentQuery, response: { 200: okSchema } } }, async (req) =>
      svc.deletePayment(deps, requireActor(req), req.params.id, req.query.version),
    );
    app.get('/dues/members/:id/bases', { schema: { tags, summary: '党员的党费基数（按起始月份）', params: idParams, response: { 200: duesBaseListResponse } } }, async (req) =>
      svc.listBases(deps, requireActor(req), req.params.id),
    );
    app.put('/dues/members/:id/bases', { schema: { tags, summary: '设定党员自某月起的党费基数（年初核定；工资变化从当月起）', params: idParams, body: saveDuesBaseRequest, response: { 200: duesBaseSchema } } }, async (req) =>
      svc.saveBase(deps, requireActor(req), req.params.id, req.body),
    );
    app.get('/dues/adjustments', { schema: { tags, summary: '少交/免交申请（本支部的，或待本组织审批的）', querystring: duesAdjustmentListQuery, response: { 200: duesAdjustmentListResponse } } }, async (req) =>
      svc.listAdjustments(deps, requireActor(req), req.query),
    );
    app.post('/dues/adjustments', { schema: { tags, summary: '支部申请少交或免交（报上一级党委批准）', body: createDuesAdjustmentRequest, response: { 200: duesAdjustmentSchema } } }, async (req) =>
      svc.requestAdjustment(deps, requireActor(req), req.body),
    );
    app.post('/dues/adjustments/:id/decide', { schema: { tags, summary: '上一级党委审批少交/免交', params: idParams, body: decideDuesAdjustmentRequest, response: { 200: duesAdjustmentSchema } } }, async (req) =>
      svc.decideAdjustment(deps, requireActor(req), req.params.id, req.body),
    );
    app.get('/dues/components', { schema: { tags, summary: '本院党费基数构成项目（未设定时为机关默认）', querystring: duesComponentsQuery, response: { 200: duesComponentListSchema } } }, async (req) =>
      svc.getComponents(deps, requireActor(req), req.query.courtId),
    );
    app.put('/dues/components', { schema: { tags, summary: '设定本院党费基数构成项目及扣除项（机关党委）', body: saveDuesComponentsRequest, response: { 200: duesComponentListSchema } } }, async (req) =>
      svc.saveComponents(deps, requireActor(req), req.body),
    );
    app.get('/dues/mine', { schema: { tags, summary: '本人本月党费及是否已交', response: { 200: myDuesResponse } } }, async (req) => svc.mine(deps, requireActor(req)));
    app.get('/dues/report', { schema: { tags, summary: '党费收缴情况公布（按支部、按月合计，不含个人金额）', querystring: duesReportQuery, response: { 200: duesReportResponse } } }, async (req) => {
      const { org: _org, ...r } = await svc.report(deps, requireActor(req), req.query);
      return r;
    });
    app.get('/dues/report.xlsx', { schema: { tags, summary: '导出党费收缴情况（.xlsx）', querystring: duesReportQuery } }, async (req, reply) => {
      const d = await svc.reportWorkbook(deps, requireActor(req), req.query);
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachmentHeader(d.fileName, d.asciiName)).header('cache-control', 'no-store').send(d.buffer);
    });
  };
}
