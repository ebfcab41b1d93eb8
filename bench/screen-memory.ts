// The room screen left running for days (issue 4: "runs unattended for days — no memory growth,
// reconnects after the server restarts"), compressed into minutes:
//
//   npm run build:web            # or ZHIBU_WEB_DIST=/tmp/web-x after `vite build --outDir /tmp/web-x`
//   npx tsx bench/screen-memory.ts [--rotations 20000] [--outages 8] [--no-write] [--diff]
//
// The demo server (in-memory PGlite + demo data, as the browser tests start it) serves the public
// display page /room-screen?t=… of 第八党支部党员活动室 to headless Chromium at 1920×1080. Playwright's
// fake clock (page.clock) drives the page's timers: every step runs the page 15 s (one slide
// rotation, fifteen clock ticks, a data poll) while the page's wall clock is kept at real time, so the
// server's sign-in QR deadlines mean what they do on a real display. Every poll is a real request
// to the real server. The run alternates an activity with sign-in open (the rotating QR on screen)
// and none, and cuts the server off a few times (requests refused for a simulated hour: offline
// banner, backoff, reconnect). After warm-up and at the end the heap is measured after forced GC
// (CDP HeapProfiler.collectGarbage, Runtime.getHeapUsage) with the DOM counters
// (Memory.getDOMCounters: nodes, JS event listeners). Writes the section "## Room screen" of
// docs/BENCHMARKS.md (bench/run.ts keeps it when it rewrites the file). Not part of `npm test`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { startServer, webDist, type E2EServer } from '../e2e/support/server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SLIDE_MS = 15_000; // RoomScreen.tsx
const targets = { heapRatio: 1.2 };
export const screenSectionTitle = '## Room screen';

export type ScreenMemoryOptions = { rotations?: number; outages?: number; write?: boolean; log?: (line: string) => void; /** Print what grew between warm-up and end (heap snapshots). */ diff?: boolean };

type HeapCensus = Map<string, { count: number; size: number }>;

/** Objects in the page's heap by type and constructor name (a heap snapshot, counted). */
async function heapCensus(cdp: CDPSession): Promise<HeapCensus> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
  const f = snap.snapshot.meta.node_fields;
  const [iType, iName, iSize] = [f.indexOf('type'), f.indexOf('name'), f.indexOf('self_size')];
  const types = snap.snapshot.meta.node_types[0];
  const out: HeapCensus = new Map();
  for (let i = 0; i < snap.nodes.length; i += f.length) {
    const key = `${types[snap.nodes[i + iType]!]}:${snap.strings[snap.nodes[i + iName]!]!.slice(0, 80)}`;
    const e = out.get(key) ?? { count: 0, size: 0 };
    e.count++;
    e.size += snap.nodes[i + iSize]!;
    out.set(key, e);
  }
  return out;
}

function censusGrowth(a: HeapCensus, b: HeapCensus, top = 15): string[] {
  return [...b.entries()]
    .map(([k, v]) => ({ k, dc: v.count - (a.get(k)?.count ?? 0), ds: v.size - (a.get(k)?.size ?? 0) }))
    .filter((x) => x.ds > 0)
    .sort((x, y) => y.ds - x.ds)
    .slice(0, top)
    .map((x) => `    +${x.ds} B, +${x.dc} × ${x.k}`);
}

type Snapshot = { step: number; simulatedHours: number; heapUsed: number; heapTotal: number; nodes: number; listeners: number; documents: number };

export type ScreenMemoryResult = {
  rotations: number;
  simulatedDays: number;
  polls: { ok: number; failed: number; refused: number };
  outages: number;
  signInSteps: number;
  qrChanges: number;
  offlineShown: number;
  reconnects: number;
  warmup: Snapshot;
  end: Snapshot;
  samples: Snapshot[];
  maxHeapUsed: number;
  realSeconds: number;
  loadAtStart: number;
  loadAtEnd: number;
  /** With --diff: what grew most from warm-up to end (heap snapshots; V8 and Blink objects). */
  growth: string[];
};

async function measure(page: Page, cdp: CDPSession, step: number): Promise<Snapshot> {
  await settle(page);
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  return { step, simulatedHours: (step * SLIDE_MS) / 3_600_000, heapUsed: heap.usedSize, heapTotal: heap.totalSize, nodes: dom.nodes, listeners: dom.jsEventListeners, documents: dom.documents };
}

/** Lets React and the page's message-channel tasks run (the fake clock leaves MessageChannel real). */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let n = 0;
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          if (++n < 3) return ch.port2.postMessage(0);
          // An open port with a listener is never collected: close it, or the probe itself leaks.
          ch.port1.close();
          resolve();
        };
        ch.port2.postMessage(0);
      }),
  );
}

export async function runScreenMemoryBench(opts: ScreenMemoryOptions = {}): Promise<ScreenMemoryResult> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const rotations = opts.rotations ?? 20_000;
  const outages = opts.outages ?? 8;
  if (!existsSync(path.join(webDist, 'index.html'))) throw new Error(`找不到 ${webDist}/index.html：请先构建前端（npm run build:web，或 ZHIBU_WEB_DIST 指向 vite build --outDir 的目录）`);
  const loadAtStart = os.loadavg()[0]!;
  const started = performance.now();
  const server: E2EServer = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.ZHIBU_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    // 第八党支部's own room, its display link, and an activity in it for the sign-in phases.
    const zb8 = 'anshun-zb8';
    const me = (await server.apiAs(zb8, 'GET', '/api/v1/auth/me')).body as { grants: { orgId: string }[] };
    const orgId = me.grants[0]!.orgId;
    const rooms = (await server.apiAs(zb8, 'GET', '/api/v1/rooms')).body as { items: { id: string; name: string; orgId: string | null }[] };
    const room = rooms.items.find((r) => r.name === '第八党支部党员活动室') ?? rooms.items.find((r) => r.orgId === orgId);
    if (!room) throw new Error('演示数据中没有第八党支部的活动室');
    const start = new Date(Math.floor((Date.now() - 10 * 60_000) / 60_000) * 60_000);
    const act = await server.apiAs(zb8, 'POST', '/api/v1/activities', { orgId, type: 'themedPartyDay', title: '主题党日：学习贯彻党的二十届四中全会精神', startsAt: start.toISOString(), lateEntryReason: '会议开始后登记' });
    if (act.status !== 200) throw new Error(`activity: ${JSON.stringify(act.body)}`);
    const activityId = (act.body as { id: string }).id;
    const book = await server.apiAs(zb8, 'POST', '/api/v1/bookings', { roomId: room.id, orgId, title: '主题党日：学习贯彻党的二十届四中全会精神', activityId, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 8 * 3600_000).toISOString() });
    if (book.status !== 200) throw new Error(`booking: ${JSON.stringify(book.body)}`);
    const setSignIn = async (open: boolean) => {
      const res = await server.apiAs(zb8, 'POST', `/api/v1/activities/${activityId}/sign-in/${open ? 'open' : 'close'}`, open ? { minutes: 120 } : undefined);
      // Closing a window that already ended on its own is refused (签到未开启或已结束): nothing to do.
      if (res.status !== 200 && !(!open && (res.body as { message?: string }).message === '签到未开启或已结束')) throw new Error(`sign-in ${open ? 'open' : 'close'}: ${JSON.stringify(res.body)}`);
    };
    const token = ((await server.apiAs(zb8, 'POST', `/api/v1/rooms/${room.id}/display-token`)).body as { token: string }).token;
    const url = `${server.baseUrl}/room-screen?t=${encodeURIComponent(token)}`;

    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const cdp = await page.context().newCDPSession(page);
    // Every poll is counted; the per-address rate limit of the display route (600/min) is meant for
    // a court's displays behind one address, not for days compressed into minutes: the bench
    // presents a new (loopback) forwarded address every 400 polls.
    const polls = { ok: 0, failed: 0, refused: 0 };
    let inFlight = 0;
    let requests = 0;
    const isPoll = (u: string) => new URL(u).pathname === '/api/v1/room-screen';
    page.on('request', (r) => {
      if (!isPoll(r.url())) return;
      inFlight++;
      requests++;
    });
    page.on('response', (res) => {
      if (!isPoll(res.url())) return;
      if (res.status() === 200) polls.ok++;
      else polls.failed++;
    });
    page.on('requestfinished', (r) => {
      if (isPoll(r.url())) inFlight--;
    });
    page.on('requestfailed', (r) => {
      if (!isPoll(r.url())) return;
      polls.refused++;
      inFlight--;
    });
    let forwardedBlock = -1;
    const forwardFor = async () => {
      const block = Math.floor(requests / 400);
      if (block !== forwardedBlock) {
        forwardedBlock = block;
        await page.setExtraHTTPHeaders({ 'X-Forwarded-For': `127.0.${Math.floor(block / 250) % 250}.${(block % 250) + 1}` });
      }
    };
    await forwardFor();
    await page.clock.install();
    await page.goto(url);
    await page.getByTestId('room-screen').waitFor();

    let step = 0;
    let qrChanges = 0;
    let lastQr = '';
    let offlineShown = 0;
    let reconnects = 0;
    let signInSteps = 0;
    let wasOffline = false;
    const oneStep = async () => {
      // Keep the wall clock real (QR deadlines come from the server), run the page's timers 15 s.
      await page.clock.setSystemTime(new Date());
      await page.clock.runFor(SLIDE_MS);
      step++;
      const deadline = Date.now() + 10_000;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
      await forwardFor();
      if (step % 20 === 0) {
        const state = await page.evaluate(() => ({
          offline: !!document.querySelector('[data-testid="screen-offline"]'),
          signIn: !!document.querySelector('[data-testid="screen-sign-in"] canvas, [data-testid="screen-sign-in"] svg'),
          code: document.querySelector('[data-testid="screen-sign-in"]')?.textContent ?? '',
        }));
        if (state.offline && !wasOffline) offlineShown++;
        if (!state.offline && wasOffline) reconnects++;
        wasOffline = state.offline;
        if (state.signIn && state.code !== lastQr) {
          qrChanges++;
          lastQr = state.code;
        }
      }
    };
    const runSteps = async (n: number, signIn: boolean) => {
      await setSignIn(signIn);
      for (let i = 0; i < n; i++) {
        await oneStep();
        if (signIn) signInSteps++;
      }
    };
    const outage = async (steps: number) => {
      await page.route('**/api/v1/room-screen', (r) => r.abort('connectionrefused'));
      for (let i = 0; i < steps; i++) await oneStep();
      await page.unroute('**/api/v1/room-screen');
    };

    // Every measurement on the same screen: no sign-in, online, the first slide (支部委员会与党员).
    const snapshot = async () => {
      for (let i = 0; i < 8; i++) {
        await settle(page);
        if (await page.getByTestId('screen-slide-branch').count()) break;
        await oneStep();
      }
      return measure(page, cdp, step);
    };

    // Warm-up: every kind of screen once (sign-in QR, next activity, offline, reconnect).
    log('预热：签到二维码、下一项活动、断线与重连各一轮');
    await runSteps(60, true);
    await runSteps(60, false);
    await outage(240);
    await runSteps(60, false);
    const warmup = await snapshot();
    const warmStep = step;
    const censusAtWarmup = opts.diff ? await heapCensus(cdp) : null;
    log(`  预热后（强制 GC）：JS 堆 ${(warmup.heapUsed / 1024 / 1024).toFixed(2)} MB，DOM 节点 ${warmup.nodes}，事件监听 ${warmup.listeners}`);

    // The main run: `outages` segments, each sign-in open, an outage of a simulated hour, sign-in closed.
    const samples: Snapshot[] = [warmup];
    const perSegment = Math.ceil(rotations / outages);
    const outageSteps = 240; // one simulated hour
    for (let s = 0; s < outages; s++) {
      const rest = perSegment - outageSteps;
      await runSteps(Math.floor(rest / 2), true);
      await outage(outageSteps);
      await runSteps(rest - Math.floor(rest / 2), false);
      const snap = await snapshot();
      samples.push(snap);
      log(`  第 ${s + 1}/${outages} 段，模拟 ${(((step - warmStep) * SLIDE_MS) / 86_400_000).toFixed(2)} 天：JS 堆 ${(snap.heapUsed / 1024 / 1024).toFixed(2)} MB，DOM 节点 ${snap.nodes}，事件监听 ${snap.listeners}；请求成功 ${polls.ok}，被拒 ${polls.refused}（用时 ${((performance.now() - started) / 1000).toFixed(0)} 秒）`);
    }
    let growth: string[] = [];
    if (censusAtWarmup) {
      await measure(page, cdp, step);
      growth = censusGrowth(censusAtWarmup, await heapCensus(cdp));
      log('预热后到结束增长最多的对象（堆快照）：');
      for (const line of growth) log(line);
    }
    if (polls.failed) throw new Error(`${polls.failed} 次轮询得到错误响应（限流或服务器错误），结果无效`);
    // Still showing the room and reconnected at the end.
    const text = await page.getByTestId('room-screen').innerText();
    if (!text.includes('第八党支部党员活动室')) throw new Error('大屏在测试结束时未显示活动室');
    if (await page.getByTestId('screen-offline').count()) throw new Error('大屏在测试结束时仍显示连接中断');
    const end = samples.at(-1)!;
    return {
      rotations: step - warmStep,
      simulatedDays: ((step - warmStep) * SLIDE_MS) / 86_400_000,
      polls,
      outages,
      signInSteps,
      qrChanges,
      offlineShown,
      reconnects,
      warmup,
      end,
      samples,
      maxHeapUsed: Math.max(...samples.map((x) => x.heapUsed)),
      realSeconds: (performance.now() - started) / 1000,
      loadAtStart,
      loadAtEnd: os.loadavg()[0]!,
      growth,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
const f0 = (n: number) => Math.round(n).toLocaleString('en-US');

export function renderScreenSection(r: ScreenMemoryResult, command: string, chromiumVersion: string): string[] {
  const ratio = r.end.heapUsed / r.warmup.heapUsed;
  const ok = ratio <= targets.heapRatio && r.end.nodes <= r.warmup.nodes && r.end.listeners <= r.warmup.listeners;
  const md: string[] = [];
  md.push(`${screenSectionTitle} (活动室大屏) left running for days: memory`);
  md.push('');
  md.push(`Measured on ${new Date().toISOString().slice(0, 10)} by \`${command}\` (its own script, not part of \`npm run bench\` nor \`npm test\`; \`bench/run.ts\` keeps this section). Chromium ${chromiumVersion}, headless, 1920×1080; load average (1 min) ${r.loadAtStart.toFixed(1)} at start, ${r.loadAtEnd.toFixed(1)} at end; ${f0(r.realSeconds)} s of real time.`);
  md.push('');
  md.push(
    `The demo server (PGlite, demo data) serves the public display page \`/room-screen?t=…\` of 第八党支部党员活动室. Playwright's fake clock (\`page.clock\`) runs the page's timers in 15 s steps — one slide rotation, fifteen clock ticks and a data poll each — while the page's wall clock stays real (the server's QR deadlines keep their meaning); every poll is a real request to the server. After a warm-up that shows every kind of screen once, the run is ${r.outages} segments, each: an activity in the room with sign-in open (the rotating QR on screen), then the server unreachable for a simulated hour (requests refused: offline banner, backoff up to a minute, reconnect), then no activity on. Heap after forced GC (CDP \`HeapProfiler.collectGarbage\` ×3, \`Runtime.getHeapUsage\`) and DOM counters (\`Memory.getDOMCounters\`) after the warm-up and after each segment.`,
  );
  md.push('');
  md.push('| what | figure |');
  md.push('|---|---:|');
  md.push(`| slide rotations after warm-up | ${f0(r.rotations)} (${r.simulatedDays.toFixed(1)} simulated days) |`);
  md.push(`| data polls answered / refused during outages | ${f0(r.polls.ok)} / ${f0(r.polls.refused)} |`);
  md.push(`| outages shown and reconnected | ${r.offlineShown} / ${r.reconnects} (of ${r.outages + 1} incl. warm-up) |`);
  md.push(`| steps with the sign-in QR on screen; QR codes seen | ${f0(r.signInSteps)}; ${f0(r.qrChanges)} |`);
  md.push('');
  md.push('| after | simulated hours | JS heap used (after GC) | DOM nodes | JS event listeners |');
  md.push('|---|---:|---:|---:|---:|');
  r.samples.forEach((s, i) => md.push(`| ${i === 0 ? 'warm-up' : `segment ${i}`} | ${s.simulatedHours.toFixed(0)} | ${mb(s.heapUsed)} | ${f0(s.nodes)} | ${f0(s.listeners)} |`));
  md.push('');
  md.push('| end / warm-up | heap | DOM nodes | listeners | target: heap ≤ 1.2×, nodes and listeners not growing |');
  md.push('|---|---:|---:|---:|:---:|');
  md.push(`| | ${ratio.toFixed(3)}× | ${(r.end.nodes / r.warmup.nodes).toFixed(3)}× | ${(r.end.listeners / r.warmup.listeners).toFixed(3)}× | ${ok ? '✓' : '✗'} |`);
  md.push('');
  if (r.growth.length) {
    md.push('What grew most from warm-up to end (`--diff`: two heap snapshots, objects by type and name, self size):');
    md.push('');
    md.push('```');
    md.push(...r.growth.map((l) => l.trim()));
    md.push('```');
    md.push('');
  }
  return md;
}

/** Replaces (or appends) the room-screen section of docs/BENCHMARKS.md. */
export function writeScreenSection(section: string[]): string {
  const out = path.join(root, 'docs', 'BENCHMARKS.md');
  const lines = existsSync(out) ? readFileSync(out, 'utf8').split('\n') : ['# Benchmarks', ''];
  const start = lines.findIndex((l) => l.startsWith(screenSectionTitle));
  if (start < 0) {
    while (lines.length && lines.at(-1) === '') lines.pop();
    lines.push('', ...section);
  } else {
    let end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
    if (end < 0) end = lines.length;
    lines.splice(start, end - start, ...section);
  }
  writeFileSync(out, `${lines.join('\n').replace(/\n+$/, '')}\n`);
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { rotations: { type: 'string' }, outages: { type: 'string' }, 'no-write': { type: 'boolean' }, diff: { type: 'boolean' } } });
  const rotations = values.rotations ? Number(values.rotations) : undefined;
  const outages = values.outages ? Number(values.outages) : undefined;
  const result = await runScreenMemoryBench({ rotations, outages, diff: values.diff });
  const argv = process.argv.slice(2).join(' ');
  const b = await chromium.launch({ executablePath: process.env.ZHIBU_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
  const version = b.version();
  await b.close();
  const section = renderScreenSection(result, `npx tsx bench/screen-memory.ts${argv ? ` ${argv}` : ''}`, version);
  console.log(`\n${section.join('\n')}`);
  if (!values['no-write']) console.log(`结果已写入 ${path.relative(process.cwd(), writeScreenSection(section))}`);
  const ratio = result.end.heapUsed / result.warmup.heapUsed;
  process.exit(ratio <= targets.heapRatio && result.end.nodes <= result.warmup.nodes && result.end.listeners <= result.warmup.listeners ? 0 : 1);
}
