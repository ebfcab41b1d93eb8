import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../deps';
import { activityRoutes } from './activities/activities.routes';
import { auditRoutes } from './audit/audit.routes';
import { dashboardRoutes } from './dashboard/dashboard.routes';
import { memberRoutes } from './members/members.routes';
import { orgRoutes } from './orgs/orgs.routes';
import { userRoutes } from './users/users.routes';
import { activityTypeRoutes } from './activity-types/activity-types.routes';
import { reminderRoutes } from './reminders/reminders.routes';
import { microLectureRoutes } from './micro-lectures/micro-lectures.routes';
import { ledgerRoutes } from './ledgers/ledgers.routes';
import { quorumExclusionRoutes } from './quorum-exclusions/quorum-exclusions.routes';
import { brandRoutes } from './brands/brands.routes';
import { baseRoutes } from './bases/bases.routes';
import { partnershipRoutes } from './partnerships/partnerships.routes';
import { developmentRoutes } from './development/development.routes';
import { reminderNoticeRoutes } from './reminder-notices/reminder-notices.routes';
import { duesRoutes } from './dues/dues.routes';
import { transferRoutes } from './transfers/transfers.routes';
import { evaluationRoutes } from './evaluations/evaluations.routes';
import { talkRoutes } from './talks/talks.routes';
import { careRoutes } from './care/care.routes';
import { pioneerRoutes } from './pioneers/pioneers.routes';

/** Every module's routes, mounted under /api/v1. */
export function moduleRoutes(deps: Deps): FastifyPluginAsyncZod[] {
  return [
    orgRoutes(deps), memberRoutes(deps), userRoutes(deps), auditRoutes(deps), dashboardRoutes(deps),
    activityRoutes(deps),
    activityTypeRoutes(deps),
    reminderRoutes(deps),
    microLectureRoutes(deps),
    ledgerRoutes(deps),
    quorumExclusionRoutes(deps),
    brandRoutes(deps),
    baseRoutes(deps),
    partnershipRoutes(deps),
    developmentRoutes(deps),
    reminderNoticeRoutes(deps),
    duesRoutes(deps),
    transferRoutes(deps),
    evaluationRoutes(deps),
    talkRoutes(deps),
    careRoutes(deps),
    pioneerRoutes(deps),
  ];
}
