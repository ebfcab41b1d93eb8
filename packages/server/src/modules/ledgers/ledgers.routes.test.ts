import { deflateSync, crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { newId, schema } from '@zhibu/db';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';
import { insertActivity } from '../reminders/reminders.test-support';
import { readImageSize } from './ledger-docx';

/** A solid-colour RGB PNG, so the test needs no fixture file. */
function makePng(width: number, height: number, rgb: [number, number, number] = [200, 30, 30]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => rgb[i % 3]!)]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

describe.each(testEngines)('台账下载 (%s)', (engine) => {
  let t: TestApp;
  let activityId: string;
  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => new Date('2025-12-20T10:00:00+08:00') });
    const m = t.fx.members;
    activityId = await insertActivity(t.deps.db, {
      org: t.fx.orgs.branch1,
      type: 'branchAssembly',
      heldOn: '2025-03-01',
      title: '学习贯彻全国两会精神',
      lateEntry: true,
      lateEntryReason: '系统上线前召开，依纸质记录补录',
      extra: { place: '四楼党员活动室', hostMemberId: m.secretary.id, recorderMemberId: m.member2.id, firstAgendaItem: '学习习近平总书记重要讲话精神', agenda: '一、第一议题\n二、讨论发展对象', minutes: '张健传达会议精神。\n李明发言。', resolutions: '同意列为发展对象。' },
      attendance: [
        { memberId: m.secretary.id, status: 'present' },
        { memberId: m.member1.id, status: 'present' },
        { memberId: m.member2.id, status: 'onLeave', reason: '出差' },
        { memberId: m.probationary.id, status: 'absent' },
      ],
    });
    const png = makePng(320, 200);
    await t.deps.db.insert(schema.files).values({ id: newId(), courtId: t.fx.courts.anshun, ownerType: 'activity', ownerId: activityId, fileName: '会议现场.png', mimeType: 'image/png', size: png.length, sha256: createHash('sha256').update(png).digest('hex'), content: png });
    await insertActivity(t.deps.db, { org: t.fx.orgs.branch1, type: 'themedPartyDay', heldOn: '2025-05-10' });
    await insertActivity(t.deps.db, { org: t.fx.orgs.branch1, type: 'themedPartyDay', heldOn: '2025-06-10', status: 'cancelled' });
  });
  afterAll(() => t.close());

  it('一会一档 .docx：有效的 zip，中文文件名（RFC 5987）与 ASCII 备用名', async () => {
    const res = await t.as('anshun-zb1', 'GET', `/api/v1/activities/${activityId}/ledger.docx`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.rawPayload.subarray(0, 2).toString('ascii')).toBe('PK');
    expect(res.rawPayload.includes(Buffer.from('word/document.xml'))).toBe(true);
    expect(res.rawPayload.includes(Buffer.from('word/media/'))).toBe(true); // the photo is embedded
    const cd = String(res.headers['content-disposition']);
    expect(cd).toContain(`filename*=UTF-8''${encodeURIComponent('中共安顺市中级人民法院机关第一支部委员会2025年3月1日支部党员大会台账.docx')}`);
    expect(cd).toContain('filename="activity-ledger-2025-03-01.docx"');
  });

  it('读者：本支部党员可看；其他法院、上级法院看不到', async () => {
    expect((await t.as('anshun-dy1', 'GET', `/api/v1/activities/${activityId}/ledger.docx`)).statusCode).toBe(200);
    expect((await t.as('lukou', 'GET', `/api/v1/activities/${activityId}/ledger.docx`)).statusCode).toBe(404);
    expect((await t.as('guizhou', 'GET', `/api/v1/activities/${activityId}/ledger.docx`)).statusCode).toBe(404);
    expect((await t.as('anshun', 'GET', `/api/v1/activities/${newId()}/ledger.docx`)).statusCode).toBe(404);
  });

  it('年度台账合订本 .docx 与汇总 .xlsx', async () => {
    const binder = await t.as('anshun', 'GET', `/api/v1/ledgers/binder.docx?orgId=${t.fx.orgs.branch1.id}&year=2025`);
    expect(binder.statusCode, binder.body.slice(0, 200)).toBe(200);
    expect(binder.rawPayload.subarray(0, 2).toString('ascii')).toBe('PK');
    expect(String(binder.headers['content-disposition'])).toContain(encodeURIComponent('中共安顺市中级人民法院机关第一支部委员会2025年度组织生活台账.docx'));
    const xlsx = await t.as('anshun-zb1', 'GET', `/api/v1/ledgers/summary.xlsx?orgId=${t.fx.orgs.branch1.id}&year=2025`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString('ascii')).toBe('PK');
    expect((await t.as('lukou', 'GET', `/api/v1/ledgers/binder.docx?orgId=${t.fx.orgs.branch1.id}&year=2025`)).statusCode).toBe(404);
    const bad = await t.as('anshun', 'GET', `/api/v1/ledgers/binder.docx?orgId=${t.fx.orgs.branch1.id}&year=20x5`);
    expect(bad.statusCode).toBe(400);
  });

  it('读取图片尺寸（PNG）', () => {
    expect(readImageSize(makePng(7, 5))).toEqual({ width: 7, height: 5, type: 'png' });
    expect(readImageSize(Buffer.from('not an image'))).toBeNull();
  });
});
