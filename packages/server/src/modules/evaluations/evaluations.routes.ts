// Routes of 民主评议党员 (issue 5): annual rounds per branch, self-assessment, peer evaluation, grades, feedback. HTTP ↔ contract only; the service does the work.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps';

export function evaluationRoutes(_deps: Deps): FastifyPluginAsyncZod {
  return async () => {};
}
