// Routes of 关怀 (issue 5): visits and help for members in difficulty or long illness, visible only to those allowed. HTTP ↔ contract only; the service does the work.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addCareVisitRequest,
  careListQuery,
  careMoneyQuery,
  careMoneyResponse,
  careRecordListResponse,
  careRecordSchema,
  createCareRecordRequest,
  deleteCareVisitQuery,
  idSchema,
  okSchema,
  updateCareRecordRequest,
  z,
} from '@zhibu/contracts';
import { requireActor } from '../../auth/auth-hook';
import type { Deps } from '../../deps';
import * as svc from './care.service';

const tags = ['care'];
const idParams = z.object({ id: idSchema });

export function careRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/care/records', { schema: { tags, summary: '关怀对象名单（支部书记、机关党委；不含困难情况）', querystring: careListQuery, response: { 200: careRecordListResponse } } }, async (req) =>
      svc.listRecords(deps, requireActor(req), req.query),
    );
    app.get('/care/records/:id', { schema: { tags, summary: '关怀记录详情（困难情况、走访；每次查看记入审计日志）', params: idParams, response: { 200: careRecordSchema } } }, async (req) =>
      svc.getRecord(deps, requireActor(req), req.params.id),
    );
    app.post('/care/records', { schema: { tags, summary: '登记关怀对象', body: createCareRecordRequest, response: { 200: careRecordSchema } } }, async (req) => svc.createRecord(deps, requireActor(req), req.body));
    app.put('/care/records/:id', { schema: { tags, summary: '修改关怀记录（复核、移出名单）', params: idParams, body: updateCareRecordRequest, response: { 200: careRecordSchema } } }, async (req) =>
      svc.updateRecord(deps, requireActor(req), req.params.id, req.body),
    );
    app.post('/care/records/:id/visits', { schema: { tags, summary: '登记一次走访（慰问金、送学上门等）', params: idParams, body: addCareVisitRequest, response: { 200: careRecordSchema } } }, async (req) =>
      svc.addVisit(deps, requireActor(req), req.params.id, req.body),
    );
    app.delete('/care/visits/:id', { schema: { tags, summary: '删除一次走访登记', params: idParams, querystring: deleteCareVisitQuery, response: { 200: okSchema } } }, async (req) =>
      svc.deleteVisit(deps, requireActor(req), req.params.id, req.query.version),
    );
    app.get('/care/money', { schema: { tags, summary: '年度慰问金合计（按支部）', querystring: careMoneyQuery, response: { 200: careMoneyResponse } } }, async (req) => svc.moneyTotals(deps, requireActor(req), req.query));
  };
}
