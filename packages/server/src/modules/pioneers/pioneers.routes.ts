// Routes of 党员示范岗 / 党员先锋队 and 优秀党员 selection (issue 5): designations with period and review; selected members go to the honors registry. HTTP ↔ contract only; the service does the work.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps';

export function pioneerRoutes(_deps: Deps): FastifyPluginAsyncZod {
  return async () => {};
}
