import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../deps';
import { auditRoutes } from './audit/audit.routes';
import { dashboardRoutes } from './dashboard/dashboard.routes';
import { orgRoutes } from './orgs/orgs.routes';
import { userRoutes } from './users/users.routes';

/** Every module's routes, mounted under /api/v1. */
export function moduleRoutes(deps: Deps): FastifyPluginAsyncZod[] {
  return [orgRoutes(deps), userRoutes(deps), auditRoutes(deps), dashboardRoutes(deps)];
}
