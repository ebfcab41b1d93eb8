// Routes of 一支部一阵地: rooms, bookings, the room screen, shared materials (issue 4). HTTP ↔ contract only; the service does the work.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps';

export function baseRoutes(_deps: Deps): FastifyPluginAsyncZod {
  return async () => {};
}
