// The embedded database keeps every acknowledged write through a `kill -9` of the server, and a
// second process on the same data dir is refused with a clear message (DESIGN.md § Stack notes:
// two PGlite openers lose writes silently). Runs the real CLI: `zhibu serve --no-demo`.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/zhibu.mjs');
const dataDir = mkdtempSync(path.join(tmpdir(), 'zhibu-durability-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

type Proc = { child: ChildProcess; output: () => string; waitFor: (re: RegExp, ms?: number) => Promise<RegExpMatchArray>; exited: Promise<{ code: number | null; signal: string | null }> };

function startServe(port: number): Proc {
  const env: NodeJS.ProcessEnv = { ...process.env, ZHIBU_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.ZHIBU_SECRET_KEY;
  const child = spawn(process.execPath, [bin, 'serve', '--no-demo'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  const waiters: { re: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  const onData = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    for (const w of [...waiters]) {
      const m = out.match(w.re);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    output: () => out,
    exited,
    waitFor: (re, ms = 60_000) =>
      new Promise((resolve, reject) => {
        const m = out.match(re);
        if (m) return resolve(m);
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${re}; output so far:\n${out}`)), ms);
        waiters.push({ re, resolve: (x) => (clearTimeout(timer), resolve(x)) });
        void exited.then(() => setTimeout(() => reject(new Error(`process exited before ${re}; output:\n${out}`)), 50));
      }),
  };
}

async function api(port: number, method: string, url: string, body?: unknown, cookie?: string) {
  const res = await fetch(`http://127.0.0.1:${port}${url}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(cookie ? { cookie } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {}, setCookie: res.headers.get('set-cookie') };
}

async function login(port: number, username: string, password: string): Promise<string> {
  const res = await api(port, 'POST', '/api/v1/auth/login', { username, password });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  const sid = /zhibu_sid=([^;]+)/.exec(res.setCookie ?? '')?.[1];
  expect(sid).toBeTruthy();
  return `zhibu_sid=${sid}`;
}

describe('serve on PGlite', () => {
  it('keeps every acknowledged write through kill -9, and refuses a second process on the data dir', { timeout: 180_000 }, async () => {
    // First start, no demo: the 三员 accounts with one-time passwords, printed once.
    const port = await freePort();
    const first = startServe(port);
    const pw = (await first.waitFor(/账号 admin\s+角色 \S+\s+一次性密码 (\S+)/))[1]!;
    await first.waitFor(/zhibu 已启动/);
    expect(first.output()).toMatch(/账号 secadmin\s+角色 安全保密员\s+一次性密码 \S{16}/);
    expect(first.output()).toMatch(/账号 auditor\s+角色 安全审计员\s+一次性密码 \S{16}/);
    expect((await api(port, 'GET', '/api/health')).status).toBe(200);

    let cookie = await login(port, 'admin', pw);
    // Held to the password page until the one-time password is changed.
    expect((await api(port, 'POST', '/api/v1/courts', { name: '测试法院', shortName: '测试', level: 'basic' }, cookie)).status).toBe(403);
    const newPassword = 'Durable#2025x';
    expect((await api(port, 'POST', '/api/v1/auth/password', { oldPassword: pw, newPassword }, cookie)).status).toBe(200);
    cookie = await login(port, 'admin', newPassword);

    // A second process on the same data dir is refused, in Chinese, and touches nothing.
    const second = startServe(await freePort());
    const refused = await second.exited;
    expect(refused.code).not.toBe(0);
    expect(second.output()).toMatch(/数据目录 .* 正被另一个 zhibu 进程（pid \d+）使用/);

    // Acknowledged writes: some one by one, then a burst still in flight when the server is killed.
    const acked: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const name = `耐久测试人民法院${i}`;
      const res = await api(port, 'POST', '/api/v1/courts', { name, shortName: `耐久${i}`, level: 'basic' }, cookie);
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      acked.push(name);
    }
    const burst = Array.from({ length: 30 }, (_, i) => `耐久测试人民法院B${i}`);
    let killedAfter = 0;
    await Promise.all(
      burst.map(async (name, i) => {
        await new Promise((r) => setTimeout(r, i * 15));
        try {
          const res = await api(port, 'POST', '/api/v1/courts', { name, shortName: name.slice(-3), level: 'basic' }, cookie);
          if (res.status === 200) {
            acked.push(name);
            if (acked.length === 15) {
              killedAfter = acked.length;
              first.child.kill('SIGKILL');
            }
          }
        } catch {
          // connection cut by the kill: not acknowledged, no claim about it
        }
      }),
    );
    if (!killedAfter) first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    expect(existsSync(path.join(dataDir, 'zhibu.lock'))).toBe(true); // left behind by the killed process

    // Restart on the same dir: the stale lock is recognized, every acknowledged court is there.
    const port2 = await freePort();
    const again = startServe(port2);
    await again.waitFor(/zhibu 已启动/);
    expect(again.output()).not.toMatch(/一次性密码/); // not a new database
    const cookie2 = await login(port2, 'admin', newPassword);
    const list = await api(port2, 'GET', '/api/v1/courts', undefined, cookie2);
    expect(list.status).toBe(200);
    const names = new Set((list.json.items as { name: string }[]).map((c) => c.name));
    const missing = acked.filter((n) => !names.has(n));
    expect(missing, `acknowledged but lost after kill -9: ${missing.join(', ')}`).toEqual([]);
    expect(acked.length).toBeGreaterThanOrEqual(15);

    // Graceful stop closes the database and releases the lock.
    again.child.kill('SIGTERM');
    expect((await again.exited).code).toBe(0);
    expect(existsSync(path.join(dataDir, 'zhibu.lock'))).toBe(false);
  });
});
