import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { generateMicroLecturesRequest, generateMicroLecturesResponse, microLecturesQuery, microLecturesResponse, saveMicroLecturesRequest } from '@zhibu/contracts';
import { requireActor } from '../../auth/auth-hook';
import type { Deps } from '../../deps';
import * as svc from './micro-lectures.service';

const tags = ['micro-lectures'];

export function microLectureRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/micro-lectures/generate',
      { schema: { tags, summary: '生成一刻钟微党课轮讲建议（不保存）', body: generateMicroLecturesRequest, response: { 200: generateMicroLecturesResponse } } },
      async (req) => svc.generate(deps, requireActor(req), req.body),
    );
    app.put(
      '/micro-lectures',
      { schema: { tags, summary: '保存一刻钟微党课排期（替换今天及以后的场次）', body: saveMicroLecturesRequest, response: { 200: microLecturesResponse } } },
      async (req) => svc.save(deps, requireActor(req), req.body),
    );
    app.get(
      '/micro-lectures',
      { schema: { tags, summary: '一刻钟微党课排期', querystring: microLecturesQuery, response: { 200: microLecturesResponse } } },
      async (req) => svc.list(deps, requireActor(req), req.query),
    );
  };
}
