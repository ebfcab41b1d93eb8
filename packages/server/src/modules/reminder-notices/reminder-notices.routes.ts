import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  acknowledgeReminderNoticeRequest,
  idSchema,
  reminderNoticeListQuery,
  reminderNoticeListResponse,
  reminderNoticeSchema,
  sendReminderNoticeRequest,
  z,
} from '@zhibu/contracts';
import { requireActor } from '../../auth/auth-hook';
import type { Deps } from '../../deps';
import * as svc from './reminder-notices.service';

const tags = ['reminder-notices'];

export function reminderNoticeRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/reminder-notices',
      { schema: { tags, summary: '收到的（inbox）或已发出的（sent）党建工作提示', querystring: reminderNoticeListQuery, response: { 200: reminderNoticeListResponse } } },
      async (req) => svc.listNotices(deps, requireActor(req), req.query),
    );
    app.post(
      '/reminder-notices',
      { schema: { tags, summary: '上级党组织向党组织发送党建工作提示', body: sendReminderNoticeRequest, response: { 200: reminderNoticeSchema } } },
      async (req) => svc.sendNotice(deps, requireActor(req), req.body),
    );
    app.post(
      '/reminder-notices/:id/acknowledge',
      { schema: { tags, summary: '被提示的党组织确认收到', params: z.object({ id: idSchema }), body: acknowledgeReminderNoticeRequest, response: { 200: reminderNoticeSchema } } },
      async (req) => svc.acknowledgeNotice(deps, requireActor(req), req.params.id, req.body),
    );
  };
}
