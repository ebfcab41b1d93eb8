// Bad input on the write routes of 一支部一阵地 (DESIGN.md § Quality bars): generated payloads get a
// 4xx with a code and a Chinese message — never a 500 — and a refused request leaves the tables
// exactly as they were (no half-written room, booking, study points or material).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as contracts from '@zhibu/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';
import { assertRejectsBadInputCleanly } from '../../test-support/fuzz';

const TABLES = ['activity_rooms', 'room_bookings', 'study_points', 'shared_materials', 'material_shares', 'files', 'settings', 'audit_log'];

describe.each(testEngines)('一支部一阵地写接口模糊测试 (%s)', (engine) => {
  let t: TestApp;
  let roomId = '';
  let bookingId = '';
  let materialId = '';
  const now = new Date('2026-12-03T09:00:00+08:00');

  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => now });
    roomId = (await t.as('anshun', 'POST', '/api/v1/rooms', { orgId: t.fx.orgs.branch1.id, name: '第一党支部党员活动室', shared: true })).json().id;
    bookingId = (await t.as('anshun-zb1', 'POST', '/api/v1/bookings', { roomId, orgId: t.fx.orgs.branch1.id, title: '支委会', startsAt: '2026-12-04T14:00:00+08:00', endsAt: '2026-12-04T16:00:00+08:00' })).json().id;
    materialId = (await t.as('anshun-zb1', 'POST', '/api/v1/materials', { orgId: t.fx.orgs.branch1.id, title: '学习纲要', url: 'https://www.12371.cn/' })).json().id;
  });
  afterAll(() => t.close());

  const values = () =>
    fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('', '2026-12-04T15:00:00+08:00', '2026-12-04T13:00:00+08:00', '2026-12-02T10:00:00+08:00', '2026-02-30T10:00:00+08:00', '2030-01-01T00:00:00Z', 'javascript:alert(1)', 'https://x.cn/', '2026-13'),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.uuid(),
      fc.constantFrom(t.fx.courts.anshun, t.fx.courts.lukou, t.fx.orgs.branch1.id, t.fx.orgs.branch2.id, t.fx.orgs.lukouBranch.id, roomId),
      fc.array(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(t.fx.orgs.lukouBranch.id, t.fx.orgs.branch2.id)), { maxLength: 4 }),
      fc.dictionary(fc.string({ maxLength: 10 }), fc.boolean(), { maxKeys: 3 }),
    );

  const routes = () => [
    { who: 'anshun-zb1', method: 'POST', url: () => '/api/v1/rooms', keys: Object.keys(contracts.createRoomRequest.shape) },
    { who: 'anshun', method: 'PATCH', url: () => `/api/v1/rooms/${roomId}`, keys: Object.keys(contracts.updateRoomRequest.shape) },
    { who: 'anshun', method: 'PUT', url: () => '/api/v1/room-checklist', keys: Object.keys(contracts.updateRoomChecklistRequest.shape) },
    { who: 'anshun-zb1', method: 'POST', url: () => '/api/v1/bookings', keys: Object.keys(contracts.createBookingRequest.shape) },
    { who: 'anshun-zb1', method: 'POST', url: () => `/api/v1/bookings/${bookingId}/cancel`, keys: Object.keys(contracts.cancelBookingRequest.shape) },
    { who: 'anshun', method: 'PUT', url: () => '/api/v1/study-points?month=2026-12', keys: Object.keys(contracts.saveStudyPointsRequest.shape) },
    { who: 'anshun-zb1', method: 'POST', url: () => '/api/v1/materials', keys: Object.keys(contracts.createMaterialRequest.shape) },
    { who: 'anshun-zb1', method: 'PATCH', url: () => `/api/v1/materials/${materialId}`, keys: Object.keys(contracts.updateMaterialRequest.shape) },
  ];

  for (const name of ['POST /rooms', 'PATCH /rooms/:id', 'PUT /room-checklist', 'POST /bookings', 'POST /bookings/:id/cancel', 'PUT /study-points', 'POST /materials', 'PATCH /materials/:id']) {
    it(`${name} 对任意输入不返回500，拒绝时不写入任何数据`, async () => {
      const route = routes().find((r) => `${r.method} ${r.url().replace('/api/v1', '').replace(/[0-9a-f-]{36}/, ':id').replace('?month=2026-12', '')}` === name)!;
      await assertRejectsBadInputCleanly(t, route, values(), TABLES, 40);
    });
  }

  it('查询参数有误时返回400而不是500', async () => {
    for (const url of [
      '/api/v1/bookings?from=2026-12-01&to=2026-12-02',
      `/api/v1/bookings?from=${encodeURIComponent('2026-01-01T00:00:00Z')}&to=${encodeURIComponent('2027-01-01T00:00:00Z')}`,
      '/api/v1/room-usage?year=abc',
      '/api/v1/study-points?month=2026-1',
      '/api/v1/rooms?courtId=x',
      '/api/v1/materials?pageSize=0',
    ]) {
      const res = await t.as('anshun', 'GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('上传：空文件、非图片的照片、缺少标题的资料被拒绝且不写入', async () => {
    const boundary = '----zhibuFuzz';
    const body = (fields: Record<string, string>, file: Buffer, name: string) =>
      Buffer.concat([
        ...Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        file,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
    const headers = { cookie: await t.cookieOf('anshun'), 'content-type': `multipart/form-data; boundary=${boundary}` };
    for (const [url, payload] of [
      [`/api/v1/rooms/${roomId}/photos`, body({}, Buffer.alloc(0), 'a.png')],
      [`/api/v1/rooms/${roomId}/photos`, body({}, Buffer.from('%PDF-1.4 x'), 'a.pdf')],
      ['/api/v1/materials/upload', body({ orgId: t.fx.orgs.branch1.id }, Buffer.from('%PDF-1.4 x'), 'a.pdf')],
      ['/api/v1/materials/upload', body({ orgId: 'x', title: '资料' }, Buffer.from('%PDF-1.4 x'), 'a.pdf')],
      ['/api/v1/materials/upload', body({ orgId: t.fx.orgs.branch1.id, title: '资料' }, Buffer.from('MZ....'), 'a.exe')],
    ] as const) {
      const before = (await t.deps.handle.query<{ n: number }>('select count(*)::int as n from files'))[0]!.n;
      const res = await t.app.inject({ method: 'POST', url, headers, payload });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
      expect((await t.deps.handle.query<{ n: number }>('select count(*)::int as n from files'))[0]!.n).toBe(before);
    }
  });
});
