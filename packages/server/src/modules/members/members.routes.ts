import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createMemberRequest,
  idSchema,
  importInvalidSchema,
  importResultDetailSchema,
  memberExportQuery,
  memberImportQuery,
  memberListQuery,
  memberPageSchema,
  memberProfileSchema,
  revealRequest,
  revealResponse,
  updateMemberRequest,
  z,
  type ImportInvalidBody,
} from '@zhibu/contracts';
import { todayInShanghai } from '@zhibu/domain';
import { requireActor } from '../../auth/auth-hook';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { memberInvalidField } from './member-record';
import { buildImportTemplate } from './member-template';
import { attachmentHeader, XLSX_MIME } from '../../lib/downloads';
import { buildImportReport, exportMembersToBuffer } from './members.export';
import { findImportReport, importMembers, saveImportReport } from './members.import';
import * as svc from './members.service';

const idParams = z.object({ id: idSchema });
const tags = ['members'];

function sendXlsx(reply: FastifyReply, buffer: Buffer, fileName: string, asciiName: string) {
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', attachmentHeader(fileName, asciiName))
    .header('cache-control', 'no-store')
    .send(buffer);
}

/** Browsers send multipart file names as UTF-8 bytes that busboy reads as latin1. */
function decodeFileName(name: string | undefined): string {
  if (!name) return '未命名.xlsx';
  const latin1Only = [...name].every((c) => c.charCodeAt(0) <= 0xff);
  if (latin1Only && /[\x80-\xff]/.test(name)) {
    const utf8 = Buffer.from(name, 'latin1').toString('utf8');
    if (!utf8.includes('\uFFFD')) return utf8;
  }
  return name;
}

export function memberRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/members', { schema: { tags, summary: '党员名册（调用者范围内，身份证号与手机号码脱敏）', querystring: memberListQuery, response: { 200: memberPageSchema } } }, async (req) =>
      svc.listMembers(deps, requireActor(req), req.query),
    );

    app.get('/members/import-template', { schema: { tags, summary: '下载党员导入模板（.xlsx）' } }, async (req, reply) => {
      const buffer = await buildImportTemplate(deps, requireActor(req));
      return sendXlsx(reply, buffer, '党员导入模板.xlsx', 'member-import-template.xlsx');
    });

    app.get('/members/export', { schema: { tags, summary: '导出党员名册（.xlsx，始终脱敏，留痕）', querystring: memberExportQuery } }, async (req, reply) => {
      const { buffer } = await exportMembersToBuffer(deps, requireActor(req), req.query);
      const day = todayInShanghai(deps.now());
      return sendXlsx(reply, buffer, `党员名册-${day}.xlsx`, `members-${day}.xlsx`);
    });

    app.post(
      '/members/import',
      {
        schema: {
          tags,
          summary: '从 Excel 导入党员（先校验全部行，有误则不写入并给出问题清单）',
          consumes: ['multipart/form-data'],
          querystring: memberImportQuery,
          response: { 200: importResultDetailSchema, 422: importInvalidSchema },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        if (!req.isMultipart()) throw memberInvalidField('file', '请以 multipart/form-data 上传 .xlsx 文件（字段名 file）');
        const part = await req.file();
        if (!part || part.fieldname !== 'file') throw memberInvalidField('file', '请选择要导入的 .xlsx 文件');
        // Whole file first (bounded by the upload limit): a broken upload never reaches the parser half-read.
        const buffer = await part.toBuffer();
        if (!buffer.length) throw memberInvalidField('file', '文件是空的');
        const fileName = decodeFileName(part.filename);
        const outcome = await importMembers(deps, actor, buffer, { ...req.query, fileName });
        const { allProblems, ...result } = outcome;
        if (result.ok) return result;
        const reportId = saveImportReport(actor.userId, fileName, allProblems, result.problemCount ?? allProblems.length);
        const body: ImportInvalidBody = {
          code: 'IMPORT_INVALID',
          message: `导入文件有${result.problemCount}处错误，未写入任何数据`,
          details: result.problems.slice(0, 20).map((p) => ({ field: p.column, message: p.row ? `第${p.row}行：${p.message}` : p.message })),
          ...result,
          reportId,
        };
        return reply.status(422).send(body);
      },
    );

    app.get(
      '/members/import-reports/:reportId',
      { schema: { tags, summary: '下载导入问题清单（.xlsx）', params: z.object({ reportId: idSchema }) } },
      async (req, reply) => {
        const actor = requireActor(req);
        const report = findImportReport(actor.userId, req.params.reportId);
        if (!report) throw new AppError('NOT_FOUND', '问题清单不存在或已过期，请重新导入');
        return sendXlsx(reply, await buildImportReport(report), '导入问题清单.xlsx', 'import-problems.xlsx');
      },
    );

    app.get('/members/:id', { schema: { tags, summary: '党员档案：状态变更记录、可否查看完整信息与编辑', params: idParams, response: { 200: memberProfileSchema } } }, async (req) =>
      svc.getMemberProfile(deps, requireActor(req), req.params.id),
    );
    app.post('/members', { schema: { tags, summary: '新增党员', body: createMemberRequest, response: { 200: memberProfileSchema } } }, async (req) =>
      svc.createMember(deps, requireActor(req), req.body),
    );
    app.patch('/members/:id', { schema: { tags, summary: '修改党员（带版本号；状态变更记入变更记录）', params: idParams, body: updateMemberRequest, response: { 200: memberProfileSchema } } }, async (req) =>
      svc.updateMember(deps, requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/members/:id/reveal',
      { schema: { tags, summary: '查看完整身份证号或手机号码（须说明原因，留痕）', params: idParams, body: revealRequest, response: { 200: revealResponse } } },
      async (req) => svc.revealMemberField(deps, requireActor(req), req.params.id, req.body),
    );
  };
}
