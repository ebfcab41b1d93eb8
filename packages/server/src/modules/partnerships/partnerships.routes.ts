// Routes of 联建 / 四联 (issue 4). HTTP ↔ contract only; the service does the work.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps';

export function partnershipRoutes(_deps: Deps): FastifyPluginAsyncZod {
  return async () => {};
}
