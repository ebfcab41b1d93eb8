// Starts the real app in this process for browser tests: in-memory PGlite, migrations, demo data,
// the built web app from packages/web/dist, listening on a free port of 127.0.0.1.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { openDatabase } from '@zhibu/db';
import { buildApp } from '../../packages/server/src/app';
import { readConfig } from '../../packages/server/src/config';
import { createDeps } from '../../packages/server/src/create-deps';
import type { Deps } from '../../packages/server/src/deps';
import { DEMO_PASSWORD, seedDemoData } from '../../packages/server/src/demo/index';

// ZHIBU_WEB_DIST lets parallel work build the web app into its own directory
// (`vite build packages/web --outDir /tmp/web-x`) and test against it.
export const webDist = process.env.ZHIBU_WEB_DIST ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../packages/web/dist');

export type E2EServer = {
  baseUrl: string;
  deps: Deps;
  app: FastifyInstance;
  password: string;
  /** Calls the API as a user (cookie session), for setup and for checks that nothing was written. */
  apiAs: (username: string, method: string, url: string, body?: unknown) => Promise<{ status: number; body: unknown; headers: Headers }>;
  close: () => Promise<void>;
};

export async function startServer(): Promise<E2EServer> {
  if (!existsSync(path.join(webDist, 'index.html'))) {
    throw new Error(`找不到 ${webDist}/index.html：浏览器测试需要先构建前端（npm run build:web）`);
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'zhibu-e2e-'));
  const config = {
    ...readConfig({}),
    dataDir,
    secretKey: randomBytes(32).toString('hex'),
    secretKeyFile: path.join(dataDir, 'secret.key'),
    webDistDir: webDist,
    logLevel: 'silent',
  };
  const deps = await createDeps(config, { handle: await openDatabase() });
  await seedDemoData(deps);
  const app = await buildApp(deps);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not bind a TCP port');
  const baseUrl = `http://127.0.0.1:${address.port}`;

  const cookies = new Map<string, string>();
  const cookieOf = async (username: string) => {
    const cached = cookies.get(username);
    if (cached) return cached;
    const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    cookies.set(username, cookie);
    return cookie;
  };

  return {
    baseUrl,
    deps,
    app,
    password: DEMO_PASSWORD,
    apiAs: async (username, method, url, body) => {
      const res = await fetch(`${baseUrl}${url}`, {
        method,
        headers: { cookie: await cookieOf(username), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const type = res.headers.get('content-type') ?? '';
      return { status: res.status, headers: res.headers, body: type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer()) };
    },
    close: async () => {
      await app.close();
      await deps.handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
