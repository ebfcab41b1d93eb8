import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  activityActionResponse,
  activityDetailSchema,
  activityListQuery,
  activityPageSchema,
  activityRevisionsResponse,
  attachmentSchema,
  cancelActivityRequest,
  createActivityRequest,
  createCaseReviewRequest,
  idSchema,
  markAttendanceRequest,
  recordActivityRequest,
  reviewActivityRequest,
  signInRequest,
  signInResponse,
  signInStateQuery,
  signInStateSchema,
  updateActivityRequest,
  updateCaseReviewRequest,
  z,
} from '@zhibu/contracts';
import { requireActor } from '../../auth/auth-hook';
import type { Deps } from '../../deps';
import { invalidField } from '../../errors';
import { contentDisposition, decodeUploadName } from './attachments';
import * as svc from './activities.service';
import { listActivityRevisions } from './activity-revisions';

const idParams = z.object({ id: idSchema });
const tags = ['activities'];

export function activityRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/activities', { schema: { tags, summary: '组织生活列表（调用者范围内）', querystring: activityListQuery, response: { 200: activityPageSchema } } }, async (req) =>
      svc.listActivities(deps, requireActor(req), req.query),
    );
    app.get('/activities/:id', { schema: { tags, summary: '活动详情：出席情况（仅姓名）、法定人数、修改记录数、附件、讲评案例', params: idParams, response: { 200: activityDetailSchema } } }, async (req) =>
      svc.getActivityDetail(deps, requireActor(req), req.params.id),
    );
    app.get(
      '/activities/:id/revisions',
      { schema: { tags, summary: '修改记录：已记录活动每次修改前后的内容、修改人、原因', params: idParams, response: { 200: activityRevisionsResponse } } },
      async (req) => listActivityRevisions(deps, requireActor(req), req.params.id),
    );
    app.post('/activities', { schema: { tags, summary: '计划一次活动（早于今天的为补录，须填写补录原因）', body: createActivityRequest, response: { 200: activityDetailSchema } } }, async (req) =>
      svc.createActivity(deps, requireActor(req), req.body),
    );
    app.patch(
      '/activities/:id',
      { schema: { tags, summary: '修改活动（带版本号；已记录的活动须填写修改原因，修改前内容留存）', params: idParams, body: updateActivityRequest, response: { 200: activityDetailSchema } } },
      async (req) => svc.updateActivity(deps, requireActor(req), req.params.id, req.body),
    );
    app.post('/activities/:id/notify', { schema: { tags, summary: '标记已通知应到人员', params: idParams, response: { 200: activityActionResponse } } }, async (req) =>
      svc.notifyActivity(deps, requireActor(req), req.params.id),
    );
    app.post(
      '/activities/:id/record',
      { schema: { tags, summary: '记录活动：会议记录、决议、第一议题、出席与列席', params: idParams, body: recordActivityRequest, response: { 200: activityDetailSchema } } },
      async (req) => svc.recordActivity(deps, requireActor(req), req.params.id, req.body),
    );
    app.post('/activities/:id/cancel', { schema: { tags, summary: '取消活动（须填写原因，记录保留）', params: idParams, body: cancelActivityRequest, response: { 200: activityActionResponse } } }, async (req) =>
      svc.cancelActivity(deps, requireActor(req), req.params.id, req.body),
    );
    app.post('/activities/:id/submit', { schema: { tags, summary: '报送上级党组织审核', params: idParams, response: { 200: activityActionResponse } } }, async (req) =>
      svc.submitActivity(deps, requireActor(req), req.params.id),
    );
    app.post('/activities/:id/review', { schema: { tags, summary: '上级党组织审核（通过或退回）', params: idParams, body: reviewActivityRequest, response: { 200: activityActionResponse } } }, async (req) =>
      svc.reviewActivity(deps, requireActor(req), req.params.id, req.body),
    );
    app.post('/activities/:id/attendance', { schema: { tags, summary: '书记手工登记出席情况', params: idParams, body: markAttendanceRequest, response: { 200: activityDetailSchema } } }, async (req) =>
      svc.markAttendance(deps, requireActor(req), req.params.id, req.body),
    );

    app.get(
      '/activities/:id/sign-in',
      { schema: { tags, summary: '签到二维码（每30秒轮换）与签到码；open=true 时开启签到', params: idParams, querystring: signInStateQuery, response: { 200: signInStateSchema } } },
      async (req) => svc.getSignIn(deps, requireActor(req), req.params.id, req.query.open === 'true'),
    );
    app.post(
      '/activities/:id/sign-in/open',
      {
        schema: {
          tags,
          summary: '开启签到（minutes：签到时长，默认30分钟，最长240分钟）',
          params: idParams,
          // `minutes` is checked by the service: its label here is 签到时长, not 会议记录.
          body: z.object({ minutes: z.unknown().optional() }).optional(),
          response: { 200: signInStateSchema },
        },
      },
      async (req) => svc.openSignIn(deps, requireActor(req), req.params.id, req.body?.minutes),
    );
    app.post('/activities/:id/sign-in/close', { schema: { tags, summary: '结束签到（此后扫码、签到码均被拒绝）', params: idParams, response: { 200: signInStateSchema } } }, async (req) =>
      svc.closeSignIn(deps, requireActor(req), req.params.id),
    );
    app.post(
      '/sign-in',
      {
        schema: { tags, summary: '党员扫码或输入签到码签到', body: signInRequest, response: { 200: signInResponse } },
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      },
      async (req) => svc.signIn(deps, requireActor(req), req.body),
    );

    app.post(
      '/activities/:id/case-reviews',
      { schema: { tags, summary: '案例讲评会：登记讲评案例', params: idParams, body: createCaseReviewRequest, response: { 200: activityDetailSchema } } },
      async (req) => svc.addCaseReview(deps, requireActor(req), req.params.id, req.body),
    );
    app.patch(
      '/activities/:id/case-reviews/:reviewId',
      {
        schema: { tags, summary: '案例讲评会：修改讲评案例（带版本号）', params: z.object({ id: idSchema, reviewId: idSchema }), body: updateCaseReviewRequest, response: { 200: activityDetailSchema } },
      },
      async (req) => svc.updateCaseReview(deps, requireActor(req), req.params.id, req.params.reviewId, req.body),
    );

    app.post(
      '/activities/:id/attachments',
      { schema: { tags, summary: '上传附件（JPG/PNG/PDF/Word/Excel，≤20MB，字段名 file）', consumes: ['multipart/form-data'], params: idParams, response: { 200: attachmentSchema } } },
      async (req) => {
        const actor = requireActor(req);
        if (!req.isMultipart()) throw invalidField('file', '请以 multipart/form-data 上传文件（字段名 file）');
        const part = await req.file();
        if (!part || part.fieldname !== 'file') throw invalidField('file', '请选择要上传的文件');
        const content = await part.toBuffer();
        return svc.addAttachment(deps, actor, req.params.id, { fileName: decodeUploadName(part.filename), content });
      },
    );
    app.get('/attachments/:fileId', { schema: { tags, summary: '下载附件', params: z.object({ fileId: idSchema }) } }, async (req, reply) => {
      const f = await svc.getAttachment(deps, requireActor(req), req.params.fileId);
      return reply
        .header('content-type', f.mimeType)
        .header('content-disposition', contentDisposition(f.fileName))
        .header('content-length', String(f.size))
        .send(Buffer.from(f.content));
    });
  };
}
