// Builds the real app on a fresh test database with the fixture, and logs in as any fixture user.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Engine } from '@zhibu/db';
import { buildApp } from '../app';
import { readConfig } from '../config';
import type { Deps } from '../deps';
import { createFieldCrypto } from '../lib/field-crypto';
import { openTestDatabase } from './engines';
import { seedFixture, TEST_PASSWORD, type Fixture } from './fixture';

export type TestApp = {
  app: FastifyInstance;
  deps: Deps;
  fx: Fixture;
  /** Session cookie header for a fixture user (cached per user). */
  cookieOf: (username: string) => Promise<string>;
  as: (username: string, method: string, url: string, payload?: unknown) => Promise<LightMyRequestResponse>;
  close: () => Promise<void>;
};

export async function createTestApp(engine: Engine = 'pglite', opts: { now?: () => Date } = {}): Promise<TestApp> {
  const handle = await openTestDatabase(engine);
  const config = { ...readConfig({}), dataDir: '/nonexistent', logLevel: 'silent' };
  const crypto = createFieldCrypto(Buffer.alloc(32, 7));
  const deps: Deps = { handle, db: handle.db, crypto, config, now: opts.now ?? (() => new Date()) };
  const fx = await seedFixture(handle.db, crypto);
  const app = await buildApp(deps, { serveWeb: false });
  await app.ready();
  const cookies = new Map<string, string>();
  const cookieOf = async (username: string) => {
    const cached = cookies.get(username);
    if (cached) return cached;
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: TEST_PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const c = res.cookies.find((x) => x.name === 'zhibu_sid');
    const header = `zhibu_sid=${c!.value}`;
    cookies.set(username, header);
    return header;
  };
  return {
    app,
    deps,
    fx,
    cookieOf,
    as: async (username, method, url, payload) =>
      app.inject({ method: method as never, url, headers: { cookie: await cookieOf(username) }, ...(payload === undefined ? {} : { payload: payload as never }) }),
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}
