// Routes of 一支部一阵地: rooms, bookings, the room screen, study points, shared materials (issue 4).
// HTTP ↔ contract only; the services do the work.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  bookingListQuery,
  bookingListResponse,
  bookingSchema,
  cancelBookingRequest,
  createBookingRequest,
  createMaterialRequest,
  createRoomRequest,
  displayTokenResponse,
  idSchema,
  materialListQuery,
  materialListResponse,
  materialSchema,
  okSchema,
  roomChecklistConfigSchema,
  roomListQuery,
  roomListResponse,
  roomSchema,
  roomScreenSchema,
  roomUsageQuery,
  roomUsageResponse,
  saveStudyPointsRequest,
  shareTargetListResponse,
  studyPointsQuery,
  studyPointsSchema,
  updateMaterialRequest,
  updateRoomChecklistRequest,
  updateRoomRequest,
  withdrawMaterialRequest,
  z,
} from '@zhibu/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireActor } from '../../auth/auth-hook';
import type { Deps } from '../../deps';
import { invalidField } from '../../errors';
import { ALLOWED_TYPES_MESSAGE, contentDisposition, decodeUploadName, detectAttachmentType } from '../activities/attachments';
import * as bookings from './bookings.service';
import * as materials from './materials.service';
import * as rooms from './rooms.service';
import * as screen from './screen.service';
import * as studyPoints from './study-points.service';

const tags = ['bases'];
const idParams = z.object({ id: idSchema });
const fileParams = z.object({ id: idSchema, fileId: idSchema });

function sendFile(reply: FastifyReply, f: { mimeType: string; fileName: string; size: number; content: Buffer }, cache = false) {
  return reply
    .header('content-type', f.mimeType)
    .header('content-disposition', contentDisposition(f.fileName))
    .header('content-length', String(f.size))
    .header('cache-control', cache ? 'private, max-age=3600' : 'private, no-cache')
    .send(Buffer.from(f.content));
}

/** One uploaded file (field `file`) with the text fields sent before it. */
async function readUpload(req: FastifyRequest) {
  if (!req.isMultipart()) throw invalidField('file', '请以 multipart/form-data 上传文件（字段名 file）');
  const part = await req.file();
  if (!part || part.fieldname !== 'file') throw invalidField('file', '请选择要上传的文件');
  const content = await part.toBuffer();
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(part.fields ?? {})) {
    const f = (Array.isArray(v) ? v[0] : v) as { type?: string; value?: unknown } | undefined;
    if (f && f.type === 'field' && typeof f.value === 'string') fields[k] = f.value;
  }
  const fileName = decodeUploadName(part.filename);
  if (!content.length) throw invalidField('file', '文件是空的');
  const mimeType = detectAttachmentType(fileName, content);
  return { fileName, content, mimeType, fields };
}

const uploadFields = z.object({
  orgId: idSchema,
  title: z.string().trim().min(1).max(100),
  description: z.string().trim().max(500).optional(),
  sharedOrgIds: z.array(idSchema).max(50),
});

export function baseRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    // ── rooms ──
    app.get('/rooms', { schema: { tags, summary: '党员活动室（调用者所在法院）', querystring: roomListQuery, response: { 200: roomListResponse } } }, async (req) =>
      rooms.listRooms(deps, requireActor(req), req.query),
    );
    app.post('/rooms', { schema: { tags, summary: '登记支部的党员活动室（设为全院共享须机关党委）', body: createRoomRequest, response: { 200: roomSchema } } }, async (req) =>
      rooms.createRoom(deps, requireActor(req), req.body),
    );
    app.get('/rooms/:id', { schema: { tags, summary: '活动室详情：设备、照片、标准化建设清单', params: idParams, response: { 200: roomSchema } } }, async (req) =>
      rooms.getRoom(deps, requireActor(req), req.params.id),
    );
    app.patch('/rooms/:id', { schema: { tags, summary: '修改活动室（带版本号）；清单项勾选；全院共享仅机关党委可设', params: idParams, body: updateRoomRequest, response: { 200: roomSchema } } }, async (req) =>
      rooms.updateRoom(deps, requireActor(req), req.params.id, req.body),
    );
    app.post('/rooms/:id/photos', { schema: { tags, summary: '上传活动室照片（JPG/PNG，字段名 file）', consumes: ['multipart/form-data'], params: idParams, response: { 200: roomSchema } } }, async (req) => {
      const actor = requireActor(req);
      const f = await readUpload(req);
      return rooms.addRoomPhoto(deps, actor, req.params.id, f);
    });
    app.get('/rooms/:id/photos/:fileId', { schema: { tags, summary: '活动室照片', params: fileParams } }, async (req, reply) =>
      sendFile(reply, await rooms.getRoomPhoto(deps, requireActor(req), req.params.id, req.params.fileId), true),
    );
    app.post('/rooms/:id/display-token', { schema: { tags, summary: '生成活动室大屏链接（旧链接随即失效；令牌只显示这一次）', params: idParams, response: { 200: displayTokenResponse } } }, async (req) =>
      rooms.createDisplayToken(deps, requireActor(req), req.params.id),
    );
    app.delete('/rooms/:id/display-token', { schema: { tags, summary: '收回活动室大屏链接', params: idParams, response: { 200: roomSchema } } }, async (req) =>
      rooms.revokeDisplayToken(deps, requireActor(req), req.params.id),
    );
    app.get('/rooms/:id/screen', { schema: { tags, summary: '活动室大屏内容（已登录的本院人员预览）', params: idParams, response: { 200: roomScreenSchema } } }, async (req) =>
      screen.screenForReader(deps, requireActor(req), req.params.id),
    );
    app.get('/rooms/:id/screen/photos/:fileId', { schema: { tags, summary: '大屏照片', params: fileParams } }, async (req, reply) =>
      sendFile(reply, await screen.screenPhotoForReader(deps, requireActor(req), req.params.id, req.params.fileId), true),
    );
    // The unattended display: no session; the room's display token (header X-Display-Token, or t=)
    // opens that one room's screen and nothing else (auth-hook lists these two routes as public).
    // Rate limits per IP leave room for a court's displays behind one NAT address (each polls ≤ 20/min).
    app.get(
      '/room-screen',
      { schema: { tags, summary: '活动室大屏内容（凭大屏令牌，无需登录）', querystring: z.object({ t: z.string().max(200).optional() }), response: { 200: roomScreenSchema } }, config: { rateLimit: { max: 600, timeWindow: '1 minute' } } },
      async (req) => screen.screenForToken(deps, String(req.headers['x-display-token'] ?? req.query.t ?? '')),
    );
    app.get(
      '/room-screen/photos/:fileId',
      { schema: { tags, summary: '大屏照片（凭大屏令牌）', params: z.object({ fileId: idSchema }), querystring: z.object({ t: z.string().max(200) }) }, config: { rateLimit: { max: 1200, timeWindow: '1 minute' } } },
      async (req, reply) => sendFile(reply, await screen.screenPhotoForToken(deps, req.query.t, req.params.fileId), true),
    );
    app.get('/room-checklist', { schema: { tags, summary: '本院活动室标准化建设清单项目（可配置）', querystring: z.object({ courtId: idSchema.optional() }), response: { 200: roomChecklistConfigSchema } } }, async (req) =>
      rooms.getChecklistConfig(deps, requireActor(req), req.query.courtId),
    );
    app.put('/room-checklist', { schema: { tags, summary: '机关党委配置本院活动室标准化建设清单项目', body: updateRoomChecklistRequest, response: { 200: roomChecklistConfigSchema } } }, async (req) =>
      rooms.saveChecklistConfig(deps, requireActor(req), req.body),
    );
    app.get('/room-usage', { schema: { tags, summary: '活动室使用统计（按活动室、月份）', querystring: roomUsageQuery, response: { 200: roomUsageResponse } } }, async (req) =>
      bookings.roomUsage(deps, requireActor(req), req.query),
    );

    // ── bookings ──
    app.get('/bookings', { schema: { tags, summary: '活动室预约日历（from/to 为时间段，最长92天）', querystring: bookingListQuery, response: { 200: bookingListResponse } } }, async (req) =>
      bookings.listBookings(deps, requireActor(req), req.query),
    );
    app.post('/bookings', { schema: { tags, summary: '预约活动室（时段冲突时拒绝并说明被哪个支部占用）', body: createBookingRequest, response: { 200: bookingSchema } } }, async (req) =>
      bookings.createBooking(deps, requireActor(req), req.body),
    );
    app.post('/bookings/:id/cancel', { schema: { tags, summary: '取消预约（记录保留）', params: idParams, body: cancelBookingRequest, response: { 200: bookingSchema } } }, async (req) =>
      bookings.cancelBooking(deps, requireActor(req), req.params.id, req.body),
    );

    // ── 月度政治学习要点 ──
    app.get('/study-points', { schema: { tags, summary: '本院月度政治学习要点', querystring: studyPointsQuery, response: { 200: studyPointsSchema } } }, async (req) =>
      studyPoints.getStudyPoints(deps, requireActor(req), req.query),
    );
    app.put('/study-points', { schema: { tags, summary: '机关党委发布或修改月度政治学习要点（带版本号，首次为0）', querystring: studyPointsQuery, body: saveStudyPointsRequest, response: { 200: studyPointsSchema } } }, async (req) =>
      studyPoints.saveStudyPoints(deps, requireActor(req), req.query, req.body),
    );

    // ── 共享学习资料 ──
    app.get('/materials', { schema: { tags, summary: '学习资料库：本院的和其他法院共享给本支部的', querystring: materialListQuery, response: { 200: materialListResponse } } }, async (req) =>
      materials.listMaterials(deps, requireActor(req), req.query),
    );
    app.post('/materials', { schema: { tags, summary: '添加链接类学习资料，并共享给选定的党组织', body: createMaterialRequest, response: { 200: materialSchema } } }, async (req) =>
      materials.createLinkMaterial(deps, requireActor(req), req.body),
    );
    app.post('/materials/upload', { schema: { tags, summary: '上传文件类学习资料（先发 orgId、title、description、sharedOrgIds 字段，再发 file）', consumes: ['multipart/form-data'], response: { 200: materialSchema } } }, async (req) => {
      const actor = requireActor(req);
      const f = await readUpload(req);
      if (!f.mimeType) throw invalidField('file', ALLOWED_TYPES_MESSAGE);
      const parsed = uploadFields.safeParse({ ...f.fields, sharedOrgIds: f.fields.sharedOrgIds ? f.fields.sharedOrgIds.split(',').filter(Boolean) : [] });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const field = String(issue.path[0] ?? 'title');
        throw invalidField(field, field === 'title' ? '请填写标题（100字以内）' : field === 'orgId' ? '请选择所属党组织' : '格式不正确');
      }
      return materials.createFileMaterial(deps, actor, parsed.data, { fileName: f.fileName, content: f.content, mimeType: f.mimeType });
    });
    app.patch('/materials/:id', { schema: { tags, summary: '修改学习资料或共享对象（带版本号）', params: idParams, body: updateMaterialRequest, response: { 200: materialSchema } } }, async (req) =>
      materials.updateMaterial(deps, requireActor(req), req.params.id, req.body),
    );
    app.post('/materials/:id/withdraw', { schema: { tags, summary: '撤回学习资料（共享方不再可见）', params: idParams, body: withdrawMaterialRequest, response: { 200: okSchema } } }, async (req) =>
      materials.withdrawMaterial(deps, requireActor(req), req.params.id, req.body),
    );
    app.get('/materials/:id/file', { schema: { tags, summary: '下载学习资料文件', params: idParams } }, async (req, reply) =>
      sendFile(reply, await materials.getMaterialFile(deps, requireActor(req), req.params.id)),
    );
    app.get('/material-share-targets', { schema: { tags, summary: '可共享的党组织（各法院的党支部、党总支、党委，仅名称）', querystring: z.object({ q: z.string().trim().max(40).optional() }), response: { 200: shareTargetListResponse } } }, async (req) => {
      requireActor(req);
      return materials.listShareTargets(deps, req.query);
    });
  };
}
