// Routes of 谈心谈话 (issue 5): talk records, 提醒谈话, yearly coverage of 支委↔支委, 支委↔党员, 党员↔党员. HTTP ↔ contract only; the service does the work.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps';

export function talkRoutes(_deps: Deps): FastifyPluginAsyncZod {
  return async () => {};
}
