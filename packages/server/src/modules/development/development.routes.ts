// Routes of 发展党员 (issue 5). HTTP ↔ contract only; the service does the work.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createDevelopmentCaseRequest,
  developmentCaseListResponse,
  developmentCaseSchema,
  developmentDocumentKinds,
  developmentDocumentLabels,
  developmentListQuery,
  developmentReminderListResponse,
  idSchema,
  recordDevelopmentStepRequest,
  z,
} from '@zhibu/contracts';
import { requireActor } from '../../auth/auth-hook';
import type { Deps } from '../../deps';
import { invalidField } from '../../errors';
import { attachmentHeader } from '../../lib/downloads';
import { decodeUploadName } from '../activities/attachments';
import { renderRegister, renderSummary, renderTalkRecord } from './development-docx';
import * as svc from './development.service';

const tags = ['development'];
const idParams = z.object({ id: idSchema });
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function developmentRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/development/cases',
      { schema: { tags, summary: '发展党员看板：范围内的发展档案（按党组织、阶段筛选），含下一步骤和期限', querystring: developmentListQuery, response: { 200: developmentCaseListResponse } } },
      async (req) => svc.listCases(deps, requireActor(req), req.query),
    );
    app.post(
      '/development/cases',
      { schema: { tags, summary: '建立发展档案（第1步：递交入党申请书）', body: createDevelopmentCaseRequest, response: { 200: developmentCaseSchema } } },
      async (req) => svc.createCase(deps, requireActor(req), req.body),
    );
    app.get(
      '/development/cases/:id',
      { schema: { tags, summary: '发展档案详情：各步骤、日期、培养联系人、入党介绍人、材料', params: idParams, response: { 200: developmentCaseSchema } } },
      async (req) => svc.getCase(deps, requireActor(req), req.params.id),
    );
    app.post(
      '/development/cases/:id/steps',
      { schema: { tags, summary: '办理下一步骤（逐项检查 RULES.md §3.2 的条件；软性条件须说明理由）', params: idParams, body: recordDevelopmentStepRequest, response: { 200: developmentCaseSchema } } },
      async (req) => svc.recordStep(deps, requireActor(req), req.params.id, req.body),
    );
    app.get(
      '/development/reminders',
      { schema: { tags, summary: '发展党员期限提醒（谈话、半年考察、审批、预备期满）', querystring: z.object({ orgId: idSchema.optional() }), response: { 200: developmentReminderListResponse } } },
      async (req) => svc.listReminders(deps, requireActor(req), req.query),
    );
    app.post(
      '/development/cases/:id/steps/:stepId/files',
      { schema: { tags, summary: '上传步骤材料（JPG/PNG/PDF/Word/Excel，≤20MB，字段名 file）', consumes: ['multipart/form-data'], params: z.object({ id: idSchema, stepId: idSchema }) } },
      async (req) => {
        const actor = requireActor(req);
        if (!req.isMultipart()) throw invalidField('file', '请以 multipart/form-data 上传文件（字段名 file）');
        const part = await req.file();
        if (!part || part.fieldname !== 'file') throw invalidField('file', '请选择要上传的文件');
        const content = await part.toBuffer();
        return svc.addStepFile(deps, actor, req.params.id, req.params.stepId, { fileName: decodeUploadName(part.filename), content });
      },
    );
    app.get('/development/files/:fileId', { schema: { tags, summary: '下载步骤材料', params: z.object({ fileId: idSchema }) } }, async (req, reply) => {
      const f = await svc.getStepFile(deps, requireActor(req), req.params.fileId);
      return reply.header('content-type', f.mimeType).header('content-disposition', attachmentHeader(f.fileName)).header('content-length', String(f.size)).send(Buffer.from(f.content));
    });
    app.get(
      '/development/cases/:id/documents/:kind',
      { schema: { tags, summary: '由发展档案生成 Word 文书：谈话记录(talk)、考察登记表(register)、转正情况汇总(summary)', params: z.object({ id: idSchema, kind: z.enum(developmentDocumentKinds) }) } },
      async (req, reply) => {
        const c = await svc.getCase(deps, requireActor(req), req.params.id);
        const render = { talk: renderTalkRecord, register: renderRegister, summary: renderSummary }[req.params.kind];
        const buf = await render(c);
        return reply.header('content-type', DOCX_MIME).header('content-disposition', attachmentHeader(`${c.memberName}${developmentDocumentLabels[req.params.kind]}.docx`, 'development.docx')).send(buf);
      },
    );
  };
}
