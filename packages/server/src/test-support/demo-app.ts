// The demo data on a fresh PGlite at a fixed "now", with the real app over it, for the tests that
// pin what the demo shows (demo/*.test.ts). `get` logs in as a demo account once and returns the
// JSON of a GET (asserting 200); `setNow` moves the clock (and signs everyone out).
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../app';
import { readConfig } from '../config';
import type { Deps } from '../deps';
import { DEMO_PASSWORD, loadDemoData } from '../demo/index';
import { createFieldCrypto } from '../lib/field-crypto';
import { openTestDatabase } from './engines';

export type DemoApp = {
  deps: Deps;
  app: FastifyInstance;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test reads of arbitrary JSON
  get: (username: string, url: string) => Promise<any>;
  setNow: (iso: string) => void;
  close: () => Promise<void>;
};

export async function openDemoApp(iso: string): Promise<DemoApp> {
  const handle = await openTestDatabase('pglite');
  let now = new Date(iso);
  const deps: Deps = { handle, db: handle.db, crypto: createFieldCrypto(Buffer.alloc(32, 5)), config: { ...readConfig({}), logLevel: 'silent' }, now: () => now };
  await loadDemoData(deps);
  const app = await buildApp(deps, { serveWeb: false });
  await app.ready();
  const cookies = new Map<string, string>();
  const get = async (username: string, url: string) => {
    if (!cookies.has(username)) {
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      expect(login.statusCode, login.body).toBe(200);
      cookies.set(username, `zhibu_sid=${login.cookies.find((c) => c.name === 'zhibu_sid')!.value}`);
    }
    const res = await app.inject({ method: 'GET', url, headers: { cookie: cookies.get(username)! } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  return {
    deps,
    app,
    get,
    setNow: (d) => {
      now = new Date(d);
      cookies.clear();
    },
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}
