// Routes of 民主评议党员 (RULES.md §6): annual rounds per branch, self-assessment, anonymous peer
// evaluation, grades, feedback, the office's overview and the .xlsx exports. HTTP ↔ contract only.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  advanceEvaluationRoundRequest,
  castEvaluationBallotRequest,
  createEvaluationRoundRequest,
  enterPaperVotesRequest,
  enterSelfAssessmentRequest,
  evaluationOverviewQuery,
  evaluationOverviewSchema,
  evaluationRoundListQuery,
  evaluationRoundListResponse,
  evaluationRoundSchema,
  gradeEvaluationParticipantRequest,
  idSchema,
  myEvaluationSchema,
  myEvaluationsResponse,
  updateEvaluationParticipantRequest,
  writeMySelfAssessmentRequest,
  z,
} from '@zhibu/contracts';
import { requireActor } from '../../auth/auth-hook';
import type { Deps } from '../../deps';
import { attachmentHeader, XLSX_MIME } from '../../lib/downloads';
import * as svc from './evaluations.service';

const tags = ['evaluations'];
const idParams = z.object({ id: idSchema });

export function evaluationRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/evaluations/rounds', { schema: { tags, summary: '民主评议：本人管理或所在支委会的党支部的评议轮次', querystring: evaluationRoundListQuery, response: { 200: evaluationRoundListResponse } } }, async (req) =>
      svc.listRounds(deps, requireActor(req), req.query),
    );
    app.post('/evaluations/rounds', { schema: { tags, summary: '开启一个党支部的年度民主评议（参评人员取评议日期在册党员）', body: createEvaluationRoundRequest, response: { 200: evaluationRoundSchema } } }, async (req) =>
      svc.createRound(deps, requireActor(req), req.body),
    );
    app.get('/evaluations/rounds/:id', { schema: { tags, summary: '一轮民主评议：参评人员、自评、测评票数（不含投票人）、评定等次', params: idParams, response: { 200: evaluationRoundSchema } } }, async (req) =>
      svc.getRound(deps, requireActor(req), req.params.id),
    );
    app.post('/evaluations/rounds/:id/advance', { schema: { tags, summary: '进入下一步（支委会评定完成后才能反馈结果）', params: idParams, body: advanceEvaluationRoundRequest, response: { 200: evaluationRoundSchema } } }, async (req) =>
      svc.advanceRound(deps, requireActor(req), req.params.id, req.body.version),
    );
    app.get('/evaluations/rounds/:id/result.xlsx', { schema: { tags, summary: '导出党支部民主评议结果（.xlsx）', params: idParams } }, async (req, reply) => {
      const d = await svc.roundWorkbook(deps, requireActor(req), req.params.id);
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachmentHeader(d.fileName, d.asciiName)).header('cache-control', 'no-store').send(d.buffer);
    });
    app.put('/evaluations/participants/:id/exempt', { schema: { tags, summary: '标记不参加评议（年老体弱、长期患病等，须说明原因）或恢复参加', params: idParams, body: updateEvaluationParticipantRequest, response: { 200: evaluationRoundSchema } } }, async (req) =>
      svc.setExempt(deps, requireActor(req), req.params.id, req.body),
    );
    app.put('/evaluations/participants/:id/self-assessment', { schema: { tags, summary: '代为录入纸质个人自评', params: idParams, body: enterSelfAssessmentRequest, response: { 200: evaluationRoundSchema } } }, async (req) =>
      svc.enterSelfAssessment(deps, requireActor(req), req.params.id, req.body),
    );
    app.put('/evaluations/participants/:id/paper-votes', { schema: { tags, summary: '录入纸质民主测评的汇总票数', params: idParams, body: enterPaperVotesRequest, response: { 200: evaluationRoundSchema } } }, async (req) =>
      svc.enterPaperVotes(deps, requireActor(req), req.params.id, req.body),
    );
    app.put('/evaluations/participants/:id/grade', { schema: { tags, summary: '支委会评定等次（优秀不超过规定比例；基本合格、不合格须写明理由）', params: idParams, body: gradeEvaluationParticipantRequest, response: { 200: evaluationRoundSchema } } }, async (req) =>
      svc.gradeParticipant(deps, requireActor(req), req.params.id, req.body),
    );
    app.get('/evaluations/overview', { schema: { tags, summary: '机关党委：全院各党支部的民主评议进度、等次统计和优秀名单', querystring: evaluationOverviewQuery, response: { 200: evaluationOverviewSchema } } }, async (req) =>
      svc.overview(deps, requireActor(req), req.query.year),
    );
    app.get('/evaluations/overview.xlsx', { schema: { tags, summary: '导出全院民主评议汇总表（.xlsx）', querystring: evaluationOverviewQuery } }, async (req, reply) => {
      const d = await svc.overviewWorkbook(deps, requireActor(req), req.query.year);
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachmentHeader(d.fileName, d.asciiName)).header('cache-control', 'no-store').send(d.buffer);
    });
    app.get('/evaluations/me', { schema: { tags, summary: '我的民主评议：自评、测评、评议结果', response: { 200: myEvaluationsResponse } } }, async (req) => svc.myEvaluations(deps, requireActor(req)));
    app.put('/evaluations/me/:id/self-assessment', { schema: { tags, summary: '提交本人的个人自评（党性分析）', params: idParams, body: writeMySelfAssessmentRequest, response: { 200: myEvaluationSchema } } }, async (req) =>
      svc.writeMySelfAssessment(deps, requireActor(req), req.params.id, req.body),
    );
    app.post('/evaluations/me/:id/ballot', { schema: { tags, summary: '提交民主测评票（匿名，提交后不能修改）', params: idParams, body: castEvaluationBallotRequest, response: { 200: myEvaluationSchema } } }, async (req) =>
      svc.castBallot(deps, requireActor(req), req.params.id, req.body),
    );
    app.post('/evaluations/me/:id/acknowledge', { schema: { tags, summary: '确认已知悉本人的评议结果', params: idParams, response: { 200: myEvaluationSchema } } }, async (req) =>
      svc.acknowledgeResult(deps, requireActor(req), req.params.id),
    );
  };
}
