// Routes of 发展党员 (issue 5). HTTP ↔ contract only; the service does the work.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps';

export function developmentRoutes(_deps: Deps): FastifyPluginAsyncZod {
  return async () => {};
}
