// Authorization-matrix cases of 一支部一阵地: rooms, bookings, the room screen, study points and shared
// materials (issue 4): every route of the module, run by authorization-matrix.test.ts (see
// test-support/matrix.ts for the case shape). Rooms and the calendar are read court-wide; a room is
// managed by its branch's secretary and the court's party office; study points and the checklist
// items by the party office only; the display routes answer to the room's display token alone.
import type { LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { schema } from '@zhibu/db';
import type { TestApp } from '../../test-support/test-app';
import { ANSHUN_READERS, BRANCH_MANAGERS, nextSeq, pngUpload, unknownOrg, type Case, type Side, type Target } from '../../test-support/matrix';

const adminOf = (side: Side) => (side === 'own' ? 'anshun' : 'lukou');
const rooms = new WeakMap<TestApp, Map<string, string>>();
const lastIds = new Map<string, string>();

/** A room of the target's branch, made once per test app and side by that court's admin. */
async function roomOf(t: TestApp, x: Target, side: Side): Promise<string> {
  let m = rooms.get(t);
  if (!m) rooms.set(t, (m = new Map()));
  const known = m.get(x.courtId);
  if (known) return known;
  const res = await t.as(adminOf(side), 'POST', '/api/v1/rooms', { orgId: x.branchId, name: `矩阵测试活动室${nextSeq()}`, devices: ['大屏'] });
  if (res.statusCode !== 200) throw new Error(`room failed: ${res.body}`);
  m.set(x.courtId, res.json().id);
  lastIds.set(`room:${x.courtId}`, res.json().id);
  return res.json().id as string;
}

async function roomVersion(t: TestApp, id: string) {
  return (await t.deps.db.select({ version: schema.activityRooms.version }).from(schema.activityRooms).where(eq(schema.activityRooms.id, id)))[0]!.version;
}

/** A free two-hour slot in the future (each call a later one). */
function slot() {
  const start = Date.now() + 86400_000 + nextSeq() * 2 * 3600_000;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3600_000).toISOString() };
}

async function bookingOf(t: TestApp, x: Target, side: Side) {
  const res = await t.as(adminOf(side), 'POST', '/api/v1/bookings', { roomId: await roomOf(t, x, side), orgId: x.branchId, title: '矩阵测试预约', ...slot() });
  if (res.statusCode !== 200) throw new Error(`booking failed: ${res.body}`);
  lastIds.set(`booking:${x.courtId}`, res.json().id);
  return res.json() as { id: string; version: number; startsAt: string };
}

async function photoOf(t: TestApp, x: Target, side: Side) {
  const id = await roomOf(t, x, side);
  const up = pngUpload();
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/rooms/${id}/photos`, headers: { cookie: await t.cookieOf(adminOf(side)), ...up.headers }, payload: up.payload });
  if (res.statusCode !== 200) throw new Error(`photo failed: ${res.body}`);
  const photos = res.json().photos as { id: string }[];
  return { roomId: id, fileId: photos[photos.length - 1]!.id };
}

async function tokenOf(t: TestApp, x: Target, side: Side) {
  const id = await roomOf(t, x, side);
  const res = await t.as(adminOf(side), 'POST', `/api/v1/rooms/${id}/display-token`);
  if (res.statusCode !== 200) throw new Error(`token failed: ${res.body}`);
  return { roomId: id, token: res.json().token as string };
}

/** A multipart body with text fields first, then the file (as the web's FormData sends it). */
function multipartWithFields(fields: Record<string, string>, file: Buffer, filename: string, mimeType: string) {
  const boundary = `----zhibu${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${mimeType}\r\n\r\n`);
  return { payload: Buffer.concat([...parts, head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function materialOf(t: TestApp, x: Target, side: Side, kind: 'link' | 'file' = 'link') {
  let res: LightMyRequestResponse;
  if (kind === 'link') {
    res = await t.as(adminOf(side), 'POST', '/api/v1/materials', { orgId: x.branchId, title: `学习资料${nextSeq()}`, url: 'https://www.12371.cn/' });
  } else {
    const up = multipartWithFields({ orgId: x.branchId, title: `学习资料${nextSeq()}` }, PDF, '学习资料.pdf', 'application/pdf');
    res = await t.app.inject({ method: 'POST', url: '/api/v1/materials/upload', headers: { cookie: await t.cookieOf(adminOf(side)), ...up.headers }, payload: up.payload });
  }
  if (res.statusCode !== 200) throw new Error(`material failed: ${res.body}`);
  lastIds.set(`material:${x.courtId}`, res.json().id);
  return res.json() as { id: string; version: number };
}

const hasLast = (kind: string) => (res: LightMyRequestResponse, x: Target) => ((res.json() as { items?: { id: string }[] }).items ?? []).some((i) => i.id === lastIds.get(`${kind}:${x.courtId}`));
const deniedField = (field: string) => (res: LightMyRequestResponse) => res.statusCode === 400 && res.json().details?.[0]?.field === field;
const month = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86400_000).toISOString();
const MANAGERS_OTHER = ['lukou'] as const;

export const cases: Case[] = [
  // ── rooms ──
  { route: 'GET /api/v1/rooms', own: ANSHUN_READERS, other: ['lukou'], visible: hasLast('room'), make: async (t, x, side) => (await roomOf(t, x, side), { method: 'GET', url: `/api/v1/rooms?courtId=${x.courtId}` }) },
  {
    route: 'POST /api/v1/rooms',
    own: BRANCH_MANAGERS,
    other: MANAGERS_OTHER,
    deniedWhen: unknownOrg,
    make: (_t, x) => ({ method: 'POST', url: '/api/v1/rooms', payload: { orgId: x.branchId, name: `党员活动室${nextSeq()}`, floor: '三楼', capacity: 30 } }),
  },
  { route: 'GET /api/v1/rooms/:id', own: ANSHUN_READERS, other: ['lukou'], make: async (t, x, side) => ({ method: 'GET', url: `/api/v1/rooms/${await roomOf(t, x, side)}` }) },
  {
    route: 'PATCH /api/v1/rooms/:id',
    own: BRANCH_MANAGERS,
    other: MANAGERS_OTHER,
    make: async (t, x, side) => {
      const id = await roomOf(t, x, side);
      return { method: 'PATCH', url: `/api/v1/rooms/${id}`, payload: { notes: `备注${nextSeq()}`, version: await roomVersion(t, id) } };
    },
  },
  { route: 'POST /api/v1/rooms/:id/photos', own: BRANCH_MANAGERS, other: MANAGERS_OTHER, make: async (t, x, side) => ({ method: 'POST', url: `/api/v1/rooms/${await roomOf(t, x, side)}/photos`, ...pngUpload() }) },
  {
    route: 'GET /api/v1/rooms/:id/photos/:fileId',
    own: ANSHUN_READERS,
    other: ['lukou'],
    make: async (t, x, side) => {
      const p = await photoOf(t, x, side);
      return { method: 'GET', url: `/api/v1/rooms/${p.roomId}/photos/${p.fileId}` };
    },
  },
  { route: 'POST /api/v1/rooms/:id/display-token', own: BRANCH_MANAGERS, other: MANAGERS_OTHER, make: async (t, x, side) => ({ method: 'POST', url: `/api/v1/rooms/${await roomOf(t, x, side)}/display-token` }) },
  {
    route: 'DELETE /api/v1/rooms/:id/display-token',
    own: BRANCH_MANAGERS,
    other: MANAGERS_OTHER,
    make: async (t, x, side) => ({ method: 'DELETE', url: `/api/v1/rooms/${(await tokenOf(t, x, side)).roomId}/display-token` }),
  },
  { route: 'GET /api/v1/rooms/:id/screen', own: ANSHUN_READERS, other: ['lukou'], make: async (t, x, side) => ({ method: 'GET', url: `/api/v1/rooms/${await roomOf(t, x, side)}/screen` }) },
  {
    route: 'GET /api/v1/rooms/:id/screen/photos/:fileId',
    own: ANSHUN_READERS,
    other: ['lukou'],
    make: async (t, x, side) => {
      const p = await photoOf(t, x, side);
      return { method: 'GET', url: `/api/v1/rooms/${p.roomId}/screen/photos/${p.fileId}` };
    },
  },
  // The display's routes: the token is the credential, whoever (or no one) is signed in.
  {
    route: 'GET /api/v1/room-screen',
    own: 'all',
    other: 'all',
    make: async (t, x, side) => ({ method: 'GET', url: '/api/v1/room-screen', headers: { 'x-display-token': (await tokenOf(t, x, side)).token } }),
  },
  {
    route: 'GET /api/v1/room-screen/photos/:fileId',
    own: 'all',
    other: 'all',
    make: async (t, x, side) => {
      const p = await photoOf(t, x, side);
      const { token } = await tokenOf(t, x, side);
      return { method: 'GET', url: `/api/v1/room-screen/photos/${p.fileId}?t=${token}` };
    },
  },
  { route: 'GET /api/v1/room-checklist', own: ANSHUN_READERS, other: ['lukou'], make: (_t, x) => ({ method: 'GET', url: `/api/v1/room-checklist?courtId=${x.courtId}` }) },
  {
    route: 'PUT /api/v1/room-checklist',
    own: ['anshun'],
    other: ['lukou'],
    deniedWhen: deniedField('courtId'),
    make: async (t, x, side) => {
      const cur = (await t.as(adminOf(side), 'GET', `/api/v1/room-checklist?courtId=${x.courtId}`)).json();
      return { method: 'PUT', url: '/api/v1/room-checklist', payload: { courtId: x.courtId, items: cur.items, version: cur.version } };
    },
  },
  { route: 'GET /api/v1/room-usage', own: ANSHUN_READERS, other: ['lukou'], make: (_t, x) => ({ method: 'GET', url: `/api/v1/room-usage?courtId=${x.courtId}&year=2026` }) },
  // ── bookings ──
  {
    route: 'GET /api/v1/bookings',
    own: ANSHUN_READERS,
    other: ['lukou'],
    visible: hasLast('booking'),
    make: async (t, x, side) => {
      const b = await bookingOf(t, x, side);
      const from = new Date(new Date(b.startsAt).getTime() - 3600_000).toISOString();
      const to = new Date(new Date(b.startsAt).getTime() + 3600_000).toISOString();
      return { method: 'GET', url: `/api/v1/bookings?courtId=${x.courtId}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}` };
    },
  },
  {
    route: 'POST /api/v1/bookings',
    own: BRANCH_MANAGERS,
    other: MANAGERS_OTHER,
    deniedWhen: deniedField('roomId'),
    make: async (t, x, side) => ({ method: 'POST', url: '/api/v1/bookings', payload: { roomId: await roomOf(t, x, side), orgId: x.branchId, title: '支部委员会', ...slot() } }),
  },
  {
    route: 'POST /api/v1/bookings/:id/cancel',
    own: BRANCH_MANAGERS,
    other: MANAGERS_OTHER,
    make: async (t, x, side) => {
      const b = await bookingOf(t, x, side);
      return { method: 'POST', url: `/api/v1/bookings/${b.id}/cancel`, payload: { reason: '改期', version: b.version } };
    },
  },
  // ── 月度政治学习要点 ──
  { route: 'GET /api/v1/study-points', own: ANSHUN_READERS, other: ['lukou'], make: (_t, x) => ({ method: 'GET', url: `/api/v1/study-points?courtId=${x.courtId}&month=${month()}` }) },
  {
    route: 'PUT /api/v1/study-points',
    own: ['anshun'],
    other: ['lukou'],
    deniedWhen: deniedField('courtId'),
    make: async (t, x, side) => {
      const cur = (await t.as(adminOf(side), 'GET', `/api/v1/study-points?courtId=${x.courtId}&month=${month()}`)).json();
      return { method: 'PUT', url: `/api/v1/study-points?courtId=${x.courtId}&month=${month()}`, payload: { items: ['学习习近平法治思想'], version: cur.version } };
    },
  },
  // ── 共享学习资料 ──
  { route: 'GET /api/v1/materials', own: ANSHUN_READERS, other: ['lukou'], visible: hasLast('material'), make: async (t, x, side) => (await materialOf(t, x, side), { method: 'GET', url: '/api/v1/materials?pageSize=200' }) },
  {
    route: 'POST /api/v1/materials',
    own: BRANCH_MANAGERS,
    other: MANAGERS_OTHER,
    deniedWhen: unknownOrg,
    make: (_t, x) => ({ method: 'POST', url: '/api/v1/materials', payload: { orgId: x.branchId, title: `学习资料${nextSeq()}`, url: 'https://www.court.gov.cn/' } }),
  },
  {
    route: 'POST /api/v1/materials/upload',
    own: BRANCH_MANAGERS,
    other: MANAGERS_OTHER,
    deniedWhen: unknownOrg,
    make: (_t, x) => ({ method: 'POST', url: '/api/v1/materials/upload', ...multipartWithFields({ orgId: x.branchId, title: `学习资料${nextSeq()}` }, PDF, '学习资料.pdf', 'application/pdf') }),
  },
  {
    route: 'PATCH /api/v1/materials/:id',
    own: BRANCH_MANAGERS,
    other: MANAGERS_OTHER,
    make: async (t, x, side) => {
      const m = await materialOf(t, x, side);
      return { method: 'PATCH', url: `/api/v1/materials/${m.id}`, payload: { description: '供联建支部共学', version: m.version } };
    },
  },
  {
    route: 'POST /api/v1/materials/:id/withdraw',
    own: BRANCH_MANAGERS,
    other: MANAGERS_OTHER,
    make: async (t, x, side) => {
      const m = await materialOf(t, x, side);
      return { method: 'POST', url: `/api/v1/materials/${m.id}/withdraw`, payload: { version: m.version } };
    },
  },
  { route: 'GET /api/v1/materials/:id/file', own: ANSHUN_READERS, other: ['lukou'], make: async (t, x, side) => ({ method: 'GET', url: `/api/v1/materials/${(await materialOf(t, x, side, 'file')).id}/file` }) },
  { route: 'GET /api/v1/material-share-targets', own: 'all', other: 'all', make: () => ({ method: 'GET', url: `/api/v1/material-share-targets?q=${encodeURIComponent('支部')}&d=${day(0).slice(0, 10)}` }) },
];
