// Routes of 关怀 (issue 5): visits and help for members in difficulty or long illness, visible only to those allowed. HTTP ↔ contract only; the service does the work.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps';

export function careRoutes(_deps: Deps): FastifyPluginAsyncZod {
  return async () => {};
}
