import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  activityCountsQuery,
  activityCountsResponse,
  calendarQuery,
  calendarResponse,
  memberReminderQuery,
  memberRemindersResponse,
  remindersQuery,
  remindersResponse,
} from '@zhibu/contracts';
import { requireActor } from '../../auth/auth-hook';
import type { Deps } from '../../deps';
import { sendMemoizedJson } from '../../lib/memoized-json';
import * as svc from './reminders.service';

export function reminderRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/reminders',
      { schema: { tags: ['reminders'], summary: '党建工作提示：各党组织红/黄/绿及原因、依据', querystring: remindersQuery, response: { 200: remindersResponse } } },
      // Sent as the memo's bytes, gzipped when the browser takes it (svc.listRemindersJson); the schema still documents it.
      async (req, reply) => sendMemoizedJson(req, reply, await svc.listRemindersJson(deps, requireActor(req), req.query)),
    );
    app.get(
      '/reminders/members',
      {
        schema: {
          tags: ['reminders'],
          summary: '党员连续未参加组织生活月数提示（党章第九条，由支部研究，不自动处理）',
          querystring: memberReminderQuery,
          response: { 200: memberRemindersResponse },
        },
      },
      async (req) => svc.listMemberReminders(deps, requireActor(req), req.query),
    );
    app.get(
      '/reports/activity-counts',
      { schema: { tags: ['reports'], summary: '年度活动次数（按类型、按党组织）', querystring: activityCountsQuery, response: { 200: activityCountsResponse } } },
      async (req) => svc.activityCounts(deps, requireActor(req), req.query),
    );
    app.get(
      '/calendar',
      { schema: { tags: ['activities'], summary: '活动日历', querystring: calendarQuery, response: { 200: calendarResponse } } },
      async (req) => svc.listCalendar(deps, requireActor(req), req.query),
    );
  };
}
