// Routes of 一支部一品牌 and the honors registry (issue 4). HTTP ↔ contract only; the service does the work.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  brandClusterQuery,
  brandClusterResponse,
  brandDetailSchema,
  brandListQuery,
  brandListResponse,
  brandPanelRequest,
  brandReminderListResponse,
  brandShowcaseResponse,
  brandScoreRequest,
  brandTransitionRequest,
  createBrandRequest,
  createEvidenceRequest,
  createHonorRequest,
  createMilestoneRequest,
  createProgressReportRequest,
  DOCX_MIME,
  honorListQuery,
  honorListResponse,
  honorSchema,
  idSchema,
  okSchema,
  reviewerCandidatesResponse,
  updateBrandRequest,
  updateHonorRequest,
  updateMilestoneRequest,
  z,
} from '@zhibu/contracts';
import { requireActor } from '../../auth/auth-hook';
import type { Deps } from '../../deps';
import { attachmentHeader } from '../../lib/downloads';
import * as svc from './brands.service';
import * as honorsSvc from './honors.service';
import * as filesSvc from './brand-files.service';
import { decodeUploadName } from '../activities/attachments';
import { invalidField } from '../../errors';
import type { FastifyRequest } from 'fastify';
import { selectionRoutes } from './brand-selection.routes';

async function uploaded(req: FastifyRequest) {
  if (!req.isMultipart()) throw invalidField('file', '请以 multipart/form-data 上传文件（字段名 file）');
  const part = await req.file();
  if (!part || part.fieldname !== 'file') throw invalidField('file', '请选择要上传的文件');
  return { fileName: decodeUploadName(part.filename), content: await part.toBuffer() };
}

const tags = ['brands'];
const idParams = z.object({ id: idSchema });
const detail = { 200: brandDetailSchema };

export function brandRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/brands', { schema: { tags, summary: '党建品牌列表（本院及下级法院）', querystring: brandListQuery, response: { 200: brandListResponse } } }, async (req) => svc.listBrands(deps, requireActor(req), req.query));
    app.post('/brands', { schema: { tags, summary: '创建党建品牌（草稿）', body: createBrandRequest, response: detail } }, async (req) => svc.createBrand(deps, requireActor(req), req.body));
    app.get('/brands/:id', { schema: { tags, summary: '党建品牌详情（评审、培育、佐证、荣誉）', params: idParams, response: detail } }, async (req) => svc.getBrand(deps, requireActor(req), req.params.id));
    app.put('/brands/:id', { schema: { tags, summary: '修改党建品牌', params: idParams, body: updateBrandRequest, response: detail } }, async (req) => svc.updateBrand(deps, requireActor(req), req.params.id, req.body));
    app.post('/brands/:id/transition', { schema: { tags, summary: '申报、认定、退回、不予认定、培育、宣传、选树', params: idParams, body: brandTransitionRequest, response: detail } }, async (req) => svc.transitionBrand(deps, requireActor(req), req.params.id, req.body));
    app.get('/brands/:id/reviewer-candidates', { schema: { tags, summary: '可担任认定评审的本院人员（已排除本支部）', params: idParams, response: { 200: reviewerCandidatesResponse } } }, async (req) => svc.reviewerCandidates(deps, requireActor(req), req.params.id));
    app.put('/brands/:id/panel', { schema: { tags, summary: '党建办组成认定评审组并设定四项标准权重', params: idParams, body: brandPanelRequest, response: detail } }, async (req) => svc.setPanel(deps, requireActor(req), req.params.id, req.body));
    app.put('/brands/:id/my-score', { schema: { tags, summary: '评审按四项标准评分', params: idParams, body: brandScoreRequest, response: detail } }, async (req) => svc.scoreBrand(deps, requireActor(req), req.params.id, req.body));
    app.post('/brands/:id/milestones', { schema: { tags, summary: '添加培育计划节点', params: idParams, body: createMilestoneRequest, response: detail } }, async (req) => svc.addMilestone(deps, requireActor(req), req.params.id, req.body));
    app.put('/brand-milestones/:id', { schema: { tags, summary: '修改培育节点、登记完成', params: idParams, body: updateMilestoneRequest, response: detail } }, async (req) => svc.updateMilestone(deps, requireActor(req), req.params.id, req.body));
    app.post('/brands/:id/progress-reports', { schema: { tags, summary: '报送培育进展', params: idParams, body: createProgressReportRequest, response: detail } }, async (req) => svc.addProgressReport(deps, requireActor(req), req.params.id, req.body));
    app.post('/brands/:id/evidence', { schema: { tags, summary: '关联品牌佐证（活动、宣传报道、项目）', params: idParams, body: createEvidenceRequest, response: detail } }, async (req) => svc.addEvidence(deps, requireActor(req), req.params.id, req.body));
    app.delete('/brand-evidence/:id', { schema: { tags, summary: '取消关联品牌佐证', params: idParams, response: detail } }, async (req) => svc.removeEvidence(deps, requireActor(req), req.params.id));
    app.get('/brand-reminders', { schema: { tags, summary: '品牌培育节点逾期提醒', response: { 200: brandReminderListResponse } } }, async (req) => svc.listReminders(deps, requireActor(req)));
    app.get('/brand-cluster', { schema: { tags, summary: '法院党建品牌集群（1+N）', querystring: brandClusterQuery, response: { 200: brandClusterResponse } } }, async (req) => svc.cluster(deps, requireActor(req), req.query.courtId));
    app.get('/brands/:id/report.docx', { schema: { tags, summary: '下载党建品牌创建情况（.docx）', params: idParams } }, async (req, reply) => {
      const d = await svc.brandReport(deps, requireActor(req), req.params.id);
      return reply.header('content-type', DOCX_MIME).header('content-disposition', attachmentHeader(d.fileName, d.asciiName)).header('cache-control', 'no-store').send(d.buffer);
    });

    app.post('/brands/:id/logo', { schema: { tags, summary: '上传品牌标识（JPG/PNG，≤2MB，字段名 file）', consumes: ['multipart/form-data'], params: idParams, response: { 200: okSchema } } }, async (req) => {
      const actor = requireActor(req);
      return filesSvc.uploadLogo(deps, actor, req.params.id, await uploaded(req));
    });
    app.get('/brands/:id/logo', { schema: { tags, summary: '品牌标识图片', params: idParams } }, async (req, reply) => {
      const f = await filesSvc.getLogo(deps, requireActor(req), req.params.id);
      return reply.header('content-type', f.mimeType).header('cache-control', 'private, max-age=300').send(Buffer.from(f.content));
    });
    app.post('/honors/:id/certificate', { schema: { tags: ['honors'], summary: '上传荣誉证书（JPG/PNG/PDF，≤10MB，字段名 file）', consumes: ['multipart/form-data'], params: idParams, response: { 200: okSchema } } }, async (req) => {
      const actor = requireActor(req);
      return filesSvc.uploadCertificate(deps, actor, req.params.id, await uploaded(req));
    });
    app.get('/honors/:id/certificate', { schema: { tags: ['honors'], summary: '下载荣誉证书', params: idParams } }, async (req, reply) => {
      const f = await filesSvc.getCertificate(deps, requireActor(req), req.params.id);
      return reply.header('content-type', f.mimeType).header('content-disposition', attachmentHeader(f.fileName)).header('cache-control', 'no-store').send(Buffer.from(f.content));
    });

    // Public (no login; in the auth hook's PUBLIC set): it never reads the caller.
    app.get('/public/brand-showcase/:courtId', { schema: { tags, summary: '法院党建品牌集群公开展示（仅本院选择公开的内容，无个人信息）', params: z.object({ courtId: idSchema }), response: { 200: brandShowcaseResponse } } }, async (req) => svc.showcase(deps, req.params.courtId));

    app.get('/honors', { schema: { tags: ['honors'], summary: '荣誉（集体、个人）', querystring: honorListQuery, response: { 200: honorListResponse } } }, async (req) => honorsSvc.listHonors(deps, requireActor(req), req.query));
    app.post('/honors', { schema: { tags: ['honors'], summary: '登记荣誉', body: createHonorRequest, response: { 200: honorSchema } } }, async (req) => honorsSvc.createHonor(deps, requireActor(req), req.body));
    app.put('/honors/:id', { schema: { tags: ['honors'], summary: '修改荣誉', params: idParams, body: updateHonorRequest, response: { 200: honorSchema } } }, async (req) => honorsSvc.updateHonor(deps, requireActor(req), req.params.id, req.body));
    selectionRoutes(app, deps);
    app.delete('/honors/:id', { schema: { tags: ['honors'], summary: '删除荣誉', params: idParams, response: { 200: okSchema } } }, async (req) => honorsSvc.deleteHonor(deps, requireActor(req), req.params.id));
  };
}
