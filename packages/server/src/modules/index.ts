import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../deps';
import { orgRoutes } from './orgs/orgs.routes';

/** Every module's routes, mounted under /api/v1. */
export function moduleRoutes(deps: Deps): FastifyPluginAsyncZod[] {
  return [orgRoutes(deps)];
}
