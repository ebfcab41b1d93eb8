// Routes of 一支部一品牌 and the honors registry (issue 4). HTTP ↔ contract only; the service does the work.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps';

export function brandRoutes(_deps: Deps): FastifyPluginAsyncZod {
  return async () => {};
}
