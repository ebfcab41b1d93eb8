// Routes of 党费 (issue 5): ledgers, payments, arrears. HTTP ↔ contract only; the service does the work.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps';

export function duesRoutes(_deps: Deps): FastifyPluginAsyncZod {
  return async () => {};
}
