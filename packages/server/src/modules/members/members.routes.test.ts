import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import { makeIdNumber } from '@zhibu/domain';
import { schema } from '@zhibu/db';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { importMembers, streamOf } from './members.import';
import { systemActorFor } from './members.policy';
import { testEngines } from '../../test-support/engines';

const HEADERS = ['姓名', '性别', '民族', '出生日期', '身份证号', '手机号码', '学历', '所在党支部', '党小组', '部门', '岗位', '职务', '入党时间', '转正时间', '党员状态', '离退休', '备注'];

type Cell = string | number | boolean | Date | null;

async function xlsxOf(rows: Cell[][], headers: string[] = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员名册');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer);
}

async function readXlsx(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  // exceljs's Buffer typing clashes with @types/node's.
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

function multipart(file: Buffer, filename: string) {
  const boundary = `----zhibu${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
    'utf8',
  );
  return { payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

let seq = 300;
/** A fresh, valid 身份证号 (male when seq is odd). */
function nextId(birth = '1988-03-05') {
  return makeIdNumber('520402', birth, seq++);
}
/** A valid number whose check character is wrong. */
function badChecksum(id: string) {
  const last = id[17] === '0' ? '1' : '0';
  return id.slice(0, 17) + last;
}

describe.each(testEngines)('党员 (%s)', (engine) => {
  let t: TestApp;
  const branch1Name = '中共安顺市中级人民法院机关第一支部委员会';
  const branch2Name = '中共安顺市中级人民法院机关第二支部委员会';

  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  const names = (res: { json: () => { items: { name: string }[] } }) => res.json().items.map((m) => m.name);
  const upload = async (username: string, file: Buffer, query = '', filename = 'members.xlsx') => {
    const { payload, contentType } = multipart(file, filename);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/members/import${query}`,
      headers: { cookie: await t.cookieOf(username), 'content-type': contentType },
      payload,
    });
  };
  const countMembers = async () => (await t.deps.db.select({ id: schema.members.id }).from(schema.members)).length;
  const auditOf = async (action: string) => t.deps.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, action));
  const newMember = (extra: Record<string, unknown> = {}) => ({
    orgId: t.fx.orgs.branch2.id,
    name: '测试党员',
    idNumber: nextId(),
    phone: '13912345678',
    status: 'fullMember',
    joinedOn: '2012-07-01',
    fullMemberSince: '2013-07-01',
    ...extra,
  });

  // ---- scope ---------------------------------------------------------------------------------

  it('支部书记只看到本支部的党员', async () => {
    const res = await t.as('anshun-zb1', 'GET', '/api/v1/members?pageSize=100');
    expect(res.statusCode).toBe(200);
    expect(names(res).sort()).toEqual(['张健', '李明', '王芳', '赵小雨'].sort());
    expect(res.json().total).toBe(4);
  });

  it('党小组长只看到本小组的党员', async () => {
    const res = await t.as('anshun-xz1', 'GET', '/api/v1/members');
    expect(res.statusCode).toBe(200);
    expect(names(res).sort()).toEqual(['李明', '王芳'].sort());
  });

  it('普通党员只看到自己', async () => {
    const res = await t.as('anshun-dy1', 'GET', '/api/v1/members');
    expect(res.statusCode).toBe(200);
    expect(names(res)).toEqual(['赵小雨']);
    const other = await t.as('anshun-dy1', 'GET', `/api/v1/members/${t.fx.members.secretary.id}`);
    expect(other.statusCode).toBe(404);
  });

  it('渌口法院管理员看不到安顺中院的党员，按安顺的组织筛选也为空', async () => {
    const res = await t.as('lukou', 'GET', '/api/v1/members?pageSize=100');
    expect(names(res)).toEqual(['谢燕']);
    const filtered = await t.as('lukou', 'GET', `/api/v1/members?orgId=${t.fx.orgs.branch1.id}`);
    expect(filtered.json()).toEqual({ items: [], total: 0 });
    const profile = await t.as('lukou', 'GET', `/api/v1/members/${t.fx.members.member1.id}`);
    expect(profile.statusCode).toBe(404);
  });

  it('上级法院查看人员与三员不能查看党员名册', async () => {
    for (const u of ['guizhou', 'sysadmin', 'secofficer', 'auditor']) {
      const res = await t.as(u, 'GET', '/api/v1/members');
      expect(res.statusCode, u).toBe(403);
    }
  });

  it('按党支部筛选含党小组成员，按党小组筛选只含该小组成员', async () => {
    const byBranch = await t.as('anshun', 'GET', `/api/v1/members?orgId=${t.fx.orgs.branch1.id}&pageSize=100`);
    expect(names(byBranch)).toEqual(expect.arrayContaining(['张健', '李明', '王芳', '赵小雨']));
    expect(names(byBranch)).not.toContain('陈刚');
    const byGroup = await t.as('anshun', 'GET', `/api/v1/members?orgId=${t.fx.orgs.group1.id}`);
    expect(names(byGroup).sort()).toEqual(['李明', '王芳'].sort());
  });

  it('按姓名搜索时 % 和 _ 按字面匹配', async () => {
    const hit = await t.as('anshun', 'GET', `/api/v1/members?q=${encodeURIComponent('李')}`);
    expect(names(hit)).toEqual(['李明']);
    const pct = await t.as('anshun', 'GET', `/api/v1/members?q=${encodeURIComponent('%')}`);
    expect(pct.json().total).toBe(0);
    const underscore = await t.as('anshun', 'GET', `/api/v1/members?q=${encodeURIComponent('_')}`);
    expect(underscore.json().total).toBe(0);
  });

  // ---- masking and reveal --------------------------------------------------------------------

  it('名册与档案中的身份证号和手机号码都已脱敏', async () => {
    const full = t.fx.members.member1.idNumber;
    const list = await t.as('anshun', 'GET', '/api/v1/members?pageSize=100');
    expect(list.body).not.toContain(full);
    expect(list.body).not.toContain(t.fx.members.member1.phone);
    const m = list.json().items.find((x: { name: string }) => x.name === '李明');
    expect(m.idNumberMasked).toBe(`${full.slice(0, 6)}********${full.slice(14)}`);
    expect(m.phoneMasked).toMatch(/^138\*{4}\d{4}$/);
    const profile = await t.as('anshun-zb1', 'GET', `/api/v1/members/${t.fx.members.member1.id}`);
    expect(profile.statusCode).toBe(200);
    expect(profile.body).not.toContain(full);
    expect(profile.json()).toMatchObject({ canReveal: true, canEdit: true, partyStanding: expect.any(Number) });
  });

  it('支部书记说明原因后可查看完整身份证号，并留痕（记录原因，不记录号码）', async () => {
    const before = (await auditOf('member.reveal')).length;
    const res = await t.as('anshun-zb1', 'POST', `/api/v1/members/${t.fx.members.member1.id}/reveal`, { field: 'idNumber', reason: '核对党费基数' });
    expect(res.statusCode).toBe(200);
    expect(res.json().value).toBe(t.fx.members.member1.idNumber);
    const entries = await auditOf('member.reveal');
    expect(entries.length).toBe(before + 1);
    const last = entries[entries.length - 1]!;
    expect(last.after).toMatchObject({ field: 'idNumber', reason: '核对党费基数' });
    expect(JSON.stringify(last)).not.toContain(t.fx.members.member1.idNumber);
  });

  it('党小组长能看档案但不能查看完整号码；党员可查看自己的', async () => {
    const profile = await t.as('anshun-xz1', 'GET', `/api/v1/members/${t.fx.members.member2.id}`);
    expect(profile.json()).toMatchObject({ canReveal: false, canEdit: false });
    const denied = await t.as('anshun-xz1', 'POST', `/api/v1/members/${t.fx.members.member2.id}/reveal`, { field: 'phone', reason: '联系开会' });
    expect(denied.statusCode).toBe(403);
    expect((await auditOf('member.reveal.denied')).length).toBeGreaterThan(0);
    const self = await t.as('anshun-dy1', 'POST', `/api/v1/members/${t.fx.members.probationary.id}/reveal`, { field: 'phone', reason: '核对本人信息' });
    expect(self.statusCode).toBe(200);
    expect(self.json().value).toBe(t.fx.members.probationary.phone);
  });

  it('查看完整号码须说明原因', async () => {
    const res = await t.as('anshun', 'POST', `/api/v1/members/${t.fx.members.member1.id}/reveal`, { field: 'idNumber', reason: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('reason');
  });

  // ---- create / update rules -----------------------------------------------------------------

  it('新增党员：性别与出生日期由身份证号得出，号码加密存储，审计只记脱敏值', async () => {
    const input = newMember({ name: '周新' });
    const res = await t.as('anshun', 'POST', '/api/v1/members', input);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.gender).toBe(Number(input.idNumber[16]) % 2 === 1 ? 'male' : 'female');
    expect(body.birthDate).toBe('1988-03-05');
    expect(body.statusHistory).toEqual([]);
    expect(res.body).not.toContain(input.idNumber);
    const row = (await t.deps.db.select().from(schema.members).where(eq(schema.members.id, body.id)))[0]!;
    expect(row.idNumberEnc).not.toContain(input.idNumber);
    const audit = (await auditOf('member.create')).find((a) => a.entityId === body.id)!;
    expect(JSON.stringify(audit)).not.toContain(input.idNumber);
    expect(JSON.stringify(audit)).not.toContain('13912345678');
  });

  it('身份证号校验位错误返回400并指明身份证号', async () => {
    const res = await t.as('anshun', 'POST', '/api/v1/members', newMember({ idNumber: badChecksum(nextId()) }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('idNumber');
    expect(res.json().message).toContain('校验位');
  });

  it('性别与身份证号不一致返回400并指明性别', async () => {
    const id = nextId();
    const wrong = Number(id[16]) % 2 === 1 ? 'female' : 'male';
    const res = await t.as('anshun', 'POST', '/api/v1/members', newMember({ idNumber: id, gender: wrong }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('gender');
  });

  it('入党时间晚于今天返回400', async () => {
    const res = await t.as('anshun', 'POST', '/api/v1/members', newMember({ status: 'probationaryMember', joinedOn: '2099-07-01', fullMemberSince: null }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { field: string }) => d.field)).toContain('joinedOn');
  });

  it('转正时间不满入党后1年返回400（预备期1年）', async () => {
    const res = await t.as('anshun', 'POST', '/api/v1/members', newMember({ joinedOn: '2012-07-01', fullMemberSince: '2013-03-01' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('fullMemberSince');
  });

  it('入党时未满18周岁返回400', async () => {
    const res = await t.as('anshun', 'POST', '/api/v1/members', newMember({ idNumber: nextId('2000-01-01'), joinedOn: '2016-07-01', fullMemberSince: '2017-07-01' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('joinedOn');
  });

  it('本院已有该身份证号时返回409并指明身份证号', async () => {
    const res = await t.as('anshun', 'POST', '/api/v1/members', newMember({ idNumber: t.fx.members.secretary.idNumber }));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('DUPLICATE');
    expect(res.json().details[0].field).toBe('idNumber');
  });

  it('党员只能编入本人管理的党支部；党小组须在所在支部之下', async () => {
    const other = await t.as('anshun-zb1', 'POST', '/api/v1/members', newMember({ orgId: t.fx.orgs.branch2.id }));
    expect(other.statusCode).toBe(403);
    const group = await t.as('anshun', 'POST', '/api/v1/members', newMember({ orgId: t.fx.orgs.branch2.id, groupId: t.fx.orgs.group1.id }));
    expect(group.statusCode).toBe(400);
    expect(group.json().details[0].field).toBe('groupId');
    const lukou = await t.as('lukou', 'POST', '/api/v1/members', newMember({ orgId: t.fx.orgs.branch1.id }));
    expect(lukou.statusCode).toBe(400);
    expect(lukou.json().details[0].field).toBe('orgId');
  });

  it('修改时版本号过期返回冲突；状态变更记入变更记录', async () => {
    const created = (await t.as('anshun', 'POST', '/api/v1/members', newMember({ name: '钱进', status: 'probationaryMember', joinedOn: '2025-07-01', fullMemberSince: null }))).json();
    const ok = await t.as('anshun', 'PATCH', `/api/v1/members/${created.id}`, {
      version: created.version,
      status: 'fullMember',
      fullMemberSince: '2026-07-01',
      statusChangedOn: '2026-07-01',
      statusReason: '支部大会讨论通过，按期转正',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().statusHistory).toHaveLength(1);
    expect(ok.json().statusHistory[0]).toMatchObject({ fromStatus: 'probationaryMember', changedOn: '2026-07-01', reason: '支部大会讨论通过，按期转正' });
    const stale = await t.as('anshun', 'PATCH', `/api/v1/members/${created.id}`, { version: created.version, jobTitle: '旧版本' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });

  it('支部书记不能修改其他支部的党员，小组长不能修改', async () => {
    const m = t.fx.members.branch2Member;
    const res = await t.as('anshun-zb1', 'PATCH', `/api/v1/members/${m.id}`, { version: 1, jobTitle: '越权' });
    expect(res.statusCode).toBe(404);
    const leader = await t.as('anshun-xz1', 'PATCH', `/api/v1/members/${t.fx.members.member2.id}`, { version: 1, jobTitle: '越权' });
    expect(leader.statusCode).toBe(403);
  });

  it('乱填的新增请求只得到4xx，不会500，也不留下半条记录', async () => {
    const before = await countMembers();
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            orgId: fc.oneof(fc.constant(t.fx.orgs.branch2.id), fc.uuid(), fc.string()),
            groupId: fc.oneof(fc.constant(null), fc.constant(t.fx.orgs.group1.id), fc.uuid()),
            name: fc.string({ maxLength: 40 }),
            idNumber: fc.oneof(fc.string({ maxLength: 20 }), fc.constant(badChecksum(makeIdNumber('520402', '1990-01-01', 1)))),
            gender: fc.constantFrom('male', 'female', 'x'),
            birthDate: fc.oneof(fc.constant('1990-02-30'), fc.constant('2099-01-01'), fc.string()),
            phone: fc.oneof(fc.string({ maxLength: 22 }), fc.constant(null)),
            status: fc.constantFrom('fullMember', 'probationaryMember', 'applicant', 'nope'),
            joinedOn: fc.oneof(fc.constant('2099-01-01'), fc.constant('2012-02-29'), fc.string(), fc.constant(null)),
            fullMemberSince: fc.oneof(fc.constant('2012-03-01'), fc.constant(null), fc.string()),
            isRetired: fc.oneof(fc.boolean(), fc.string()),
          },
          { requiredKeys: [] },
        ),
        async (payload) => {
          const res = await t.as('anshun', 'POST', '/api/v1/members', payload);
          expect(res.statusCode).toBeGreaterThanOrEqual(400);
          expect(res.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 40 },
    );
    expect(await countMembers()).toBe(before);
  });

  it('乱填的修改请求只得到4xx或成功，不会500，失败时记录不变', async () => {
    const m = t.fx.members.branch2Member;
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            name: fc.string({ maxLength: 40 }),
            idNumber: fc.oneof(fc.string({ maxLength: 20 }), fc.constant(badChecksum(makeIdNumber('520402', '1990-01-01', 3)))),
            gender: fc.constantFrom('male', 'female', 'x'),
            phone: fc.oneof(fc.string({ maxLength: 22 }), fc.constant(null), fc.constant('13912345678')),
            status: fc.constantFrom('fullMember', 'probationaryMember', 'deceased', 'nope'),
            joinedOn: fc.oneof(fc.constant('2099-01-01'), fc.constant('2012-02-30'), fc.string(), fc.constant(null)),
            statusChangedOn: fc.oneof(fc.constant('2099-01-01'), fc.constant('2026-01-01'), fc.string()),
            orgId: fc.oneof(fc.uuid(), fc.constant(t.fx.orgs.group1.id), fc.constant(t.fx.orgs.lukouBranch.id)),
            groupId: fc.oneof(fc.constant(null), fc.uuid()),
          },
          { requiredKeys: [] },
        ),
        async (payload) => {
          const before = (await t.as('anshun', 'GET', `/api/v1/members/${m.id}`)).json();
          const res = await t.as('anshun', 'PATCH', `/api/v1/members/${m.id}`, { ...payload, version: before.version });
          expect(res.statusCode, res.body).not.toBeGreaterThanOrEqual(500);
          if (res.statusCode !== 200) {
            const after = (await t.as('anshun', 'GET', `/api/v1/members/${m.id}`)).json();
            expect(after.version).toBe(before.version);
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  // ---- Excel ---------------------------------------------------------------------------------

  const goodRow = (name: string, id: string, extra: Partial<Record<string, Cell>> = {}): Cell[] => {
    const r: Record<string, Cell> = {
      姓名: name,
      性别: null,
      民族: '汉族',
      出生日期: null,
      身份证号: id,
      手机号码: '13700001111',
      学历: '大学本科',
      所在党支部: branch2Name,
      党小组: null,
      部门: null,
      岗位: '法官助理',
      职务: null,
      入党时间: '2014/7/1',
      转正时间: '2015年7月1日',
      党员状态: '正式党员',
      离退休: '否',
      备注: null,
      ...extra,
    };
    return HEADERS.map((h) => r[h] ?? null);
  };

  it('导入：有一行出错则整个文件不写入，并按行、列给出原因', async () => {
    const before = await countMembers();
    const file = await xlsxOf([
      goodRow('导入甲', nextId()),
      goodRow('导入乙', badChecksum(nextId())),
      goodRow('导入丙', nextId(), { 入党时间: '2099-01-01', 转正时间: null }),
      goodRow('导入丁', nextId()),
    ]);
    const res = await upload('anshun', file, '', '党员名册.xlsx');
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('IMPORT_INVALID');
    expect(body.ok).toBe(false);
    expect(body.created).toBe(0);
    expect(body.problems).toEqual(
      expect.arrayContaining([
        { row: 3, column: '身份证号', message: expect.stringContaining('校验位') },
        { row: 4, column: '入党时间', message: expect.stringContaining('不能晚于今天') },
      ]),
    );
    expect(body.details.length).toBeGreaterThan(0);
    expect(await countMembers()).toBe(before);

    const report = await t.app.inject({ method: 'GET', url: `/api/v1/members/import-reports/${body.reportId}`, headers: { cookie: await t.cookieOf('anshun') } });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-disposition']).toContain("filename*=UTF-8''");
    const ws = (await readXlsx(report.rawPayload)).getWorksheet('导入问题')!;
    expect(ws.getRow(1).values).toEqual([undefined, '行号', '列', '问题']);
    expect(ws.getRow(2).getCell(1).value).toBe(3);
    // The report belongs to whoever imported.
    const other = await t.app.inject({ method: 'GET', url: `/api/v1/members/import-reports/${body.reportId}`, headers: { cookie: await t.cookieOf('anshun-zb1') } });
    expect(other.statusCode).toBe(404);
  });

  it('导入：同一文件导入两次，第二次为更新，人数不变', async () => {
    const ids = [nextId(), nextId(), nextId()];
    const rows = [
      goodRow('重复甲', ids[0]!, { 所在党支部: branch1Name, 党小组: '第一党小组' }),
      goodRow('重复乙', ids[1]!, { 入党时间: new Date(Date.UTC(2014, 6, 1)), 转正时间: new Date(Date.UTC(2015, 6, 1)) }),
      goodRow('重复丙', ids[2]!, { 党员状态: '预备党员', 入党时间: '2026-03-01', 转正时间: null }),
    ];
    const file = await xlsxOf(rows);
    const first = await upload('anshun', file, '', '二〇二六年党员名册.xlsx');
    expect(first.statusCode, first.body).toBe(200);
    const imported = await auditOf('member.import');
    expect(imported[imported.length - 1]!.after).toMatchObject({ fileName: '二〇二六年党员名册.xlsx', created: 3, updated: 0 });
    expect(JSON.stringify(imported[imported.length - 1])).not.toContain(ids[0]!);
    expect(first.json()).toMatchObject({ ok: true, created: 3, updated: 0 });
    const count = await countMembers();

    const second = await upload('anshun', file);
    expect(second.json()).toMatchObject({ ok: true, created: 0, updated: 3 });
    expect(await countMembers()).toBe(count);

    // A changed status on re-import is an update with its history.
    const changed = await xlsxOf([goodRow('重复丙', ids[2]!, { 党员状态: '已转出', 入党时间: '2026-03-01', 转正时间: null })]);
    const third = await upload('anshun', changed);
    expect(third.json()).toMatchObject({ ok: true, created: 0, updated: 1 });
    const list = await t.as('anshun', 'GET', `/api/v1/members?q=${encodeURIComponent('重复')}`);
    expect(list.json().total).toBe(3);
    const bing = list.json().items.find((m: { name: string }) => m.name === '重复丙');
    expect(bing.status).toBe('transferredOut');
    const profile = await t.as('anshun', 'GET', `/api/v1/members/${bing.id}`);
    expect(profile.json().statusHistory).toEqual([expect.objectContaining({ fromStatus: 'probationaryMember', toStatus: 'transferredOut', reason: '批量导入' })]);
    const jia = list.json().items.find((m: { name: string }) => m.name === '重复甲');
    expect(jia.groupName).toBe('第一党小组');
    expect((await auditOf('member.import')).length).toBeGreaterThanOrEqual(3);
  });

  it('导入：备注与职务中的引号、反斜杠、逗号、花括号和文字“NULL”原样保存，空格仍为空', async () => {
    const odd = ['他说"好"，路径 C:\\temp\\', '{甲,乙}', 'NULL', '  前后空格  ', ''];
    const rows = odd.map((note, i) => goodRow(`特殊字符${i}`, nextId(), { 备注: note || null, 职务: i === 2 ? 'NULL' : `审判员,"${i}"` }));
    // A column whose values are all plain (no quote, no null) and one left empty in every row.
    rows.push(goodRow('特殊字符5', nextId(), { 备注: '普通备注', 职务: '庭长' }));
    const res = await upload('anshun', await xlsxOf(rows));
    expect(res.json()).toMatchObject({ ok: true, created: 6 });
    const stored = await t.deps.db
      .select({ name: schema.members.name, note: schema.members.note, jobTitle: schema.members.jobTitle, departmentId: schema.members.departmentId })
      .from(schema.members)
      .where(sql`${schema.members.name} like '特殊字符%'`)
      .orderBy(schema.members.name);
    expect(stored).toEqual([
      { name: '特殊字符0', note: '他说"好"，路径 C:\\temp\\', jobTitle: '审判员,"0"', departmentId: null },
      { name: '特殊字符1', note: '{甲,乙}', jobTitle: '审判员,"1"', departmentId: null },
      { name: '特殊字符2', note: 'NULL', jobTitle: 'NULL', departmentId: null },
      { name: '特殊字符3', note: '前后空格', jobTitle: '审判员,"3"', departmentId: null },
      { name: '特殊字符4', note: null, jobTitle: '审判员,"4"', departmentId: null },
      { name: '特殊字符5', note: '普通备注', jobTitle: '庭长', departmentId: null },
    ]);
  });

  it('导入：支部书记不能导入到其他支部，也不能改动其他支部的党员', async () => {
    const file = await xlsxOf([
      goodRow('越权甲', nextId(), { 所在党支部: branch2Name }),
      goodRow('越权乙', t.fx.members.branch2Member.idNumber, { 所在党支部: branch1Name }),
    ]);
    const res = await upload('anshun-zb1', file);
    expect(res.statusCode).toBe(422);
    const problems = res.json().problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, column: '所在党支部' }),
        expect.objectContaining({ row: 3, column: '身份证号' }),
      ]),
    );
    const denied = await upload('anshun-xz1', file);
    expect(denied.statusCode).toBe(403);
  });

  it('导入：文件内身份证号重复、缺列、不是 Excel 文件都给出清楚的原因', async () => {
    const id = nextId();
    const dup = await upload('anshun', await xlsxOf([goodRow('同号甲', id), goodRow('同号乙', id)]));
    expect(dup.json().problems[0]).toMatchObject({ row: 3, column: '身份证号', message: '与第2行的身份证号重复' });
    const noCol = await upload('anshun', await xlsxOf([['某人', '正式党员']], ['姓名', '党员状态']));
    expect(noCol.statusCode).toBe(422);
    expect(noCol.json().problems.map((p: { column: string }) => p.column)).toContain('身份证号');
    const notXlsx = await upload('anshun', Buffer.from('这不是Excel文件'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().details[0].field).toBe('file');
  });

  it('导入：所在党支部为空时导入到选定的党组织', async () => {
    const res = await upload('anshun-zb1', await xlsxOf([goodRow('默认甲', nextId(), { 所在党支部: null })]), `?orgId=${t.fx.orgs.branch1.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const list = await t.as('anshun-zb1', 'GET', `/api/v1/members?q=${encodeURIComponent('默认甲')}`);
    expect(list.json().items[0].orgId).toBe(t.fx.orgs.branch1.id);
  });

  it('导入：大文件在工作线程中读取，结果与逐行校验相同（有错不写入，无错全部写入）', async () => {
    const actor = systemActorFor([t.fx.courts.anshun]);
    const audit = { userId: null, name: '命令行' };
    const before = await countMembers();
    const rows = Array.from({ length: 30 }, (_, i) => goodRow(`线程${i}`, nextId()));
    const bad = [...rows, goodRow('线程坏', nextId(), { 转正时间: '2014-12-01' })];
    const rejected = await importMembers(t.deps, actor, await xlsxOf(bad), { reader: 'worker', audit });
    expect(rejected.ok).toBe(false);
    expect(rejected.problems).toEqual([{ row: 32, column: '转正时间', message: expect.stringContaining('预备期满') }]);
    expect(await countMembers()).toBe(before);
    const ok = await importMembers(t.deps, actor, await xlsxOf(rows), { reader: 'worker', audit, fileName: 'big.xlsx' });
    expect(ok).toMatchObject({ ok: true, created: 30, updated: 0, rowCount: 30 });
    expect(await countMembers()).toBe(before + 30);
    const entries = await auditOf('member.import');
    expect(entries[entries.length - 1]!.actorName).toBe('命令行');
  });

  it('导入只校验（--dry-run）：读完并校验全部行，报告将新增、更新的人数与问题，名册和审计日志都不变', async () => {
    const actor = systemActorFor([t.fx.courts.anshun]);
    const audit = { userId: null, name: '命令行' };
    const before = await countMembers();
    const imports = (await auditOf('member.import')).length;
    const rows = Array.from({ length: 12 }, (_, i) => goodRow(`预检${i}`, nextId()));
    for (const reader of ['worker', 'inline'] as const) {
      const checked = await importMembers(t.deps, actor, await xlsxOf(rows), { reader, audit, dryRun: true });
      expect(checked, reader).toMatchObject({ ok: true, dryRun: true, created: 12, updated: 0, rowCount: 12, problemCount: 0 });
      const bad = await importMembers(t.deps, actor, await xlsxOf([...rows, goodRow('预检坏', nextId(), { 党员状态: '群众' })]), { reader, audit, dryRun: true });
      expect(bad, reader).toMatchObject({ ok: false, dryRun: true, problemCount: 1 });
      expect(bad.problems[0], reader).toMatchObject({ row: 14, column: '党员状态' });
    }
    expect(await countMembers()).toBe(before);
    expect(await auditOf('member.import')).toHaveLength(imports);
  });

  it('导入：工作线程在加载本院数据前就开始读文件；所选党组织不存在时报错并停止该线程，不写入', async () => {
    const actor = systemActorFor([t.fx.courts.anshun]);
    const before = await countMembers();
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    try {
      const file = await xlsxOf([goodRow('线程停', nextId())]);
      const err = await importMembers(t.deps, actor, file, { reader: 'worker', orgId: '01890000-0000-7000-8000-000000000000', audit: { userId: null, name: '命令行' } }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'orgId', message: '党组织不存在' }] });
      expect(terminate).toHaveBeenCalledTimes(1);
    } finally {
      terminate.mockRestore();
    }
    expect(await countMembers()).toBe(before);
  });

  it('导入模板有中文表头、示例行和可选值；原样导入时示例行被忽略', async () => {
    const res = await t.as('anshun', 'GET', '/api/v1/members/import-template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('党员导入模板.xlsx')}`);
    expect(res.headers['content-disposition']).toContain('filename="member-import-template.xlsx"');
    const wb = await readXlsx(res.rawPayload);
    const roster = wb.getWorksheet('党员名册')!;
    expect((roster.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(wb.getWorksheet('可选值')).toBeDefined();
    const asIs = await upload('anshun', res.rawPayload);
    expect(asIs.statusCode).toBe(422);
    expect(asIs.json().problems[0].message).toContain('没有党员数据');
  });

  it('名册之后的工作表（可选值、填写说明）也读完：exceljs 的临时文件不会在打开前被删除', async () => {
    // exceljs writes sheets stored before the shared strings to temp files and deletes each as soon
    // as the reader moves on. A slow open (a busy machine, here delayed on purpose) of a sheet left
    // unread then failed with an uncaught ENOENT, which CI once caught in this file. A path or
    // bytes are now read with the worksheets last (no temp files, xlsx-entry-order.test.ts); a
    // stream is read as it comes, through the temp files.
    const wb = new ExcelJS.Workbook();
    const roster = wb.addWorksheet('党员名册');
    roster.addRow(HEADERS);
    roster.addRow(goodRow('临时甲', nextId()));
    roster.addRow(goodRow('临时乙', nextId()));
    for (const name of ['可选值', '填写说明']) {
      const extra = wb.addWorksheet(name);
      for (let i = 0; i < 20; i++) extra.addRow([`${name}${i}`, '说明文字']);
    }
    const file = Buffer.from((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer);
    const openFs = fs.open;
    const tempOpens: string[] = [];
    const failures: string[] = [];
    const slowOpen = ((target: fs.PathLike, flags: unknown, ...rest: unknown[]) => {
      const done = rest[rest.length - 1] as (err: NodeJS.ErrnoException | null, fd?: number) => void;
      const args = rest.slice(0, -1);
      const isTemp = flags === 'r' && /[\\/]tmp-\d+-/.test(String(target));
      if (isTemp) tempOpens.push(String(target));
      const open = () =>
        (openFs as unknown as (...a: unknown[]) => void)(target, flags, ...args, (err: NodeJS.ErrnoException | null, fd?: number) => {
          if (err && isTemp) failures.push(err.code ?? err.message);
          done(err, fd);
        });
      if (isTemp) setTimeout(open, 30);
      else open();
    }) as unknown as typeof fs.open;
    fs.open = slowOpen;
    try {
      const actor = systemActorFor([t.fx.courts.anshun]);
      const result = await importMembers(t.deps, actor, () => streamOf(file), { reader: 'inline', audit: { userId: null, name: '命令行' } });
      expect(result).toMatchObject({ ok: true, created: 2 });
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      fs.open = openFs;
    }
    expect(tempOpens.length).toBeGreaterThanOrEqual(3);
    expect(failures).toEqual([]);
  });

  it('导出的名册始终脱敏，并留痕', async () => {
    const before = (await auditOf('member.export')).length;
    const res = await t.as('anshun', 'GET', '/api/v1/members/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/filename\*=UTF-8''%E5%85%9A%E5%91%98%E5%90%8D%E5%86%8C/);
    const ws = (await readXlsx(res.rawPayload)).getWorksheet('党员名册')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, HEADERS.length)).toEqual(HEADERS);
    const idCol = HEADERS.indexOf('身份证号') + 1;
    const phoneCol = HEADERS.indexOf('手机号码') + 1;
    const ids: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) ids.push(String(row.getCell(idCol).value));
    });
    expect(ids.length).toBeGreaterThanOrEqual(5);
    for (const id of ids) expect(id).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    ws.eachRow((row, n) => {
      if (n > 1 && row.getCell(phoneCol).value) expect(String(row.getCell(phoneCol).value)).toContain('****');
    });
    const text = res.rawPayload.toString('latin1');
    expect(text).not.toContain(t.fx.members.member1.idNumber);
    expect((await auditOf('member.export')).length).toBe(before + 1);
    // Scope holds in the file too: 渌口 exports only its own.
    const lukou = await t.as('lukou', 'GET', '/api/v1/members/export');
    const lws = (await readXlsx(lukou.rawPayload)).getWorksheet('党员名册')!;
    expect(lws.rowCount).toBe(2);
    expect(lws.getRow(2).getCell(1).value).toBe('谢燕');
  });

  it('普通党员不能导出名册', async () => {
    const res = await t.as('anshun-dy1', 'GET', '/api/v1/members/export');
    expect(res.statusCode).toBe(403);
  });
});
