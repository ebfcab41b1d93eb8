// 民主评议党员 (RULES.md §6) through the API: a round of 第一支部 from opening to the member's receipt;
// the 测评 stays anonymous (counts only); 优秀 never exceeds the court's ratio; 基本合格/不合格 need a
// reason; 预备党员 take part without a grade; every write is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { newId, schema } from '@zhibu/db';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';

type P = { id: string; memberId: string; memberName: string; graded: boolean; version: number; grade: string | null; onlineVotes: Record<string, number>; hasVoted: boolean; acknowledgedAt: string | null };

describe.each(testEngines)('民主评议党员 (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => new Date('2026-12-03T09:00:00+08:00') });
  });
  afterAll(() => t.close());

  const open = (year: number) => t.as('anshun-zb1', 'POST', '/api/v1/evaluations/rounds', { orgId: t.fx.orgs.branch1.id, year, heldOn: `${year}-12-01` });
  const round = async (id: string) => (await t.as('anshun-zb1', 'GET', `/api/v1/evaluations/rounds/${id}`)).json() as { id: string; version: number; stage: string; participants: P[]; maxExcellent: number; advanceBlocker: string | null };
  const advance = async (id: string) => {
    const r = await round(id);
    return t.as('anshun-zb1', 'POST', `/api/v1/evaluations/rounds/${id}/advance`, { version: r.version });
  };
  const grade = async (id: string, memberName: string, body: Record<string, unknown>) => {
    const p = (await round(id)).participants.find((x) => x.memberName === memberName)!;
    return t.as('anshun-zb1', 'PUT', `/api/v1/evaluations/participants/${p.id}/grade`, { version: p.version, ...body });
  };

  it('一轮完整的民主评议：自评、匿名测评、支委会评定、结果反馈与本人确认', async () => {
    const opened = await open(2026);
    expect(opened.statusCode, opened.body).toBe(200);
    const r0 = opened.json();
    // the branch's members on the day: three 正式党员 graded, the 预备党员 takes part without a grade
    expect(r0.participants.map((p: P) => [p.memberName, p.graded])).toEqual([
      ['李明', true],
      ['王芳', true],
      ['张健', true],
      ['赵小雨', false],
    ]);
    expect(r0).toMatchObject({ stage: 'preparing', gradedCount: 3, maxExcellent: 1 });
    // one round per branch and year
    const again = await open(2026);
    expect(again.statusCode).toBe(400);
    expect(again.json().message).toContain('每个党支部每年一轮');

    // 个人自评: the member writes their own on /me; another member's participation is unknown to them
    expect((await advance(r0.id)).json().stage).toBe('selfAssessment');
    const mine = (await t.as('anshun-dy1', 'GET', '/api/v1/evaluations/me')).json().items[0];
    expect(mine).toMatchObject({ year: 2026, canWriteSelfAssessment: true, canVote: false, graded: false, grade: null });
    const wrote = await t.as('anshun-dy1', 'PUT', `/api/v1/evaluations/me/${mine.participantId}/self-assessment`, { selfAssessment: '对照党员标准和入党誓词，我在理论学习上还不够系统……', version: mine.version });
    expect(wrote.statusCode, wrote.body).toBe(200);
    const liMing = r0.participants.find((p: P) => p.memberName === '李明');
    expect((await t.as('anshun-dy1', 'PUT', `/api/v1/evaluations/me/${liMing.id}/self-assessment`, { selfAssessment: '代写', version: 1 })).statusCode).toBe(404);
    // the secretary enters a paper one
    const paper = await t.as('anshun-zb1', 'PUT', `/api/v1/evaluations/participants/${liMing.id}/self-assessment`, { selfAssessment: '（纸质）本人能按时参加组织生活……', version: liMing.version });
    expect(paper.statusCode, paper.body).toBe(200);
    expect(paper.json().participants.find((p: P) => p.memberName === '李明').selfAssessmentSource).toBe('secretary');

    // 民主测评: every participant rates the others; the round shows counts, never who voted how
    expect((await advance(r0.id)).json().stage).toBe('peerReview');
    const ballotOf = async (who: string, gradeFor: (name: string) => string) => {
      const me = (await t.as(who, 'GET', '/api/v1/evaluations/me')).json().items[0];
      const votes = me.peers.map((p: { participantId: string; memberName: string }) => ({ participantId: p.participantId, grade: gradeFor(p.memberName) }));
      return { me, res: await t.as(who, 'POST', `/api/v1/evaluations/me/${me.participantId}/ballot`, { votes }) };
    };
    const { me: dy1, res: cast } = await ballotOf('anshun-dy1', (n) => (n === '王芳' ? 'excellent' : 'qualified'));
    expect(cast.statusCode, cast.body).toBe(200);
    expect(dy1.peers.map((p: { memberName: string }) => p.memberName)).not.toContain('赵小雨');
    expect(cast.json()).toMatchObject({ hasVoted: true, canVote: false });
    // a second ballot is refused
    const twice = await t.as('anshun-dy1', 'POST', `/api/v1/evaluations/me/${dy1.participantId}/ballot`, { votes: dy1.peers.map((p: { participantId: string }) => ({ participantId: p.participantId, grade: 'qualified' })) });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().message).toContain('已提交测评票');
    // an incomplete ballot names who is missing
    const xz = (await t.as('anshun-xz1', 'GET', '/api/v1/evaluations/me')).json().items[0];
    const partial = await t.as('anshun-xz1', 'POST', `/api/v1/evaluations/me/${xz.participantId}/ballot`, { votes: [{ participantId: xz.peers[0].participantId, grade: 'qualified' }] });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().message).toMatch(/还有2名党员未评/);
    expect((await ballotOf('anshun-xz1', (n) => (n === '王芳' ? 'excellent' : 'qualified'))).res.statusCode).toBe(200);
    const counted = await round(r0.id);
    expect(counted.participants.find((p) => p.memberName === '王芳')!.onlineVotes).toEqual({ excellent: 2, qualified: 0, basicallyQualified: 0, unqualified: 0 });
    expect(counted.participants.filter((p) => p.hasVoted).map((p) => p.memberName).sort()).toEqual(['李明', '赵小雨']);
    // the stored votes carry no voter at all
    const voteColumns = Object.keys((await t.deps.db.select().from(schema.evaluationVotes).where(eq(schema.evaluationVotes.roundId, r0.id)))[0]!);
    expect(voteColumns.sort()).toEqual(['grade', 'id', 'roundId', 'targetParticipantId']);
    // the committee member reads the counts but cannot grade
    expect((await t.as('anshun-zw1', 'GET', `/api/v1/evaluations/rounds/${r0.id}`)).statusCode).toBe(200);

    // 支委会评定
    expect((await advance(r0.id)).json().stage).toBe('committeeReview');
    const wang = counted.participants.find((p) => p.memberName === '王芳')!;
    expect((await t.as('anshun-zw1', 'PUT', `/api/v1/evaluations/participants/${wang.id}/grade`, { grade: 'excellent', version: wang.version })).statusCode).toBe(403);
    expect((await grade(r0.id, '王芳', { grade: 'excellent', committeeComment: '办案质效突出，带头学习' })).statusCode).toBe(200);
    // 3 graded → at most 1 优秀: the second is refused, citing the rule
    const second = await grade(r0.id, '李明', { grade: 'excellent' });
    expect(second.statusCode).toBe(400);
    expect(second.json().message).toContain('不超过三分之一');
    expect(second.json().details[0].field).toBe('grade');
    // 基本合格 needs the gap named
    const noReason = await grade(r0.id, '李明', { grade: 'basicallyQualified' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details[0].field).toBe('gradeReason');
    expect((await grade(r0.id, '李明', { grade: 'basicallyQualified', gradeReason: '理论学习不够经常，请按月完成学习笔记', committeeComment: '希望加强学习' })).statusCode).toBe(200);
    // the 预备党员 gets no grade
    const probationary = await grade(r0.id, '赵小雨', { grade: 'qualified' });
    expect(probationary.statusCode).toBe(400);
    expect(probationary.json().message).toContain('预备党员');
    // not all graded yet: cannot feed back
    const early = await advance(r0.id);
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('还有1名参评正式党员未评定等次');
    // the member sees no grade before the feedback
    expect((await t.as('anshun-zw1', 'GET', '/api/v1/evaluations/me')).json().items[0].grade).toBeNull();
    expect((await grade(r0.id, '张健', { grade: 'qualified' })).statusCode).toBe(200);

    // 结果反馈: the member reads their grade and comment and confirms
    expect((await advance(r0.id)).json().stage).toBe('feedback');
    const result = (await t.as('anshun-zw1', 'GET', '/api/v1/evaluations/me')).json().items[0];
    expect(result).toMatchObject({ grade: 'excellent', gradeLabel: '优秀', gradeUse: '通报表扬', committeeComment: '办案质效突出，带头学习', acknowledgedAt: null });
    const ack = await t.as('anshun-zw1', 'POST', `/api/v1/evaluations/me/${result.participantId}/acknowledge`);
    expect(ack.statusCode, ack.body).toBe(200);
    expect((await round(r0.id)).participants.find((p) => p.memberName === '王芳')!.acknowledgedAt).not.toBeNull();
    expect((await advance(r0.id)).json().stage).toBe('completed');

    // the office's overview: counts per grade and the 优秀 list
    const ov = (await t.as('anshun', 'GET', '/api/v1/evaluations/overview?year=2026')).json();
    expect(ov.branches.find((b: { orgId: string }) => b.orgId === t.fx.orgs.branch1.id).round).toMatchObject({ stage: 'completed', gradeCounts: { excellent: 1, qualified: 1, basicallyQualified: 1, unqualified: 0 } });
    expect(ov.excellent.map((e: { memberName: string }) => e.memberName)).toEqual(['王芳']);
    // the branch's result table
    const xlsx = await t.as('anshun-zb1', 'GET', `/api/v1/evaluations/rounds/${r0.id}/result.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(decodeURIComponent(xlsx.headers['content-disposition'] as string)).toContain('2026年度民主评议党员结果.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = Array.from(wb.getWorksheet('民主评议结果')!.getSheetValues(), (r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(rows[2]).toEqual(expect.arrayContaining(['序号', '姓名', '评定等次']));
    expect(rows.find((r) => r[1] === '赵小雨')).toContain('不评定等次（预备党员）');
    expect(rows.find((r) => r[1] === '李明')).toContain('基本合格');

    // every write was audited, and the ballot's audit has no content
    const audits = await t.deps.db.select().from(schema.auditLog).where(like(schema.auditLog.action, 'evaluation.%'));
    expect(new Set(audits.map((a) => a.action))).toEqual(new Set(['evaluation.open', 'evaluation.advance', 'evaluation.selfAssessment', 'evaluation.ballot', 'evaluation.grade', 'evaluation.acknowledge']));
    for (const a of audits.filter((x) => x.action === 'evaluation.ballot')) expect(JSON.stringify(a.after)).not.toMatch(/excellent|qualified/);
  });

  it('优秀比例边界：参评12人最多4人优秀，第5人拒绝；不参加评议的不计入', async () => {
    const branch = t.fx.orgs.branch1;
    const template = (await t.deps.db.select().from(schema.members).where(eq(schema.members.id, t.fx.members.member2.id)))[0]!;
    const extra = Array.from({ length: 9 }, (_, i) => ({ ...template, id: newId(), name: `评议测试${i + 1}`, idNumberHash: `eval-${i}-${newId()}`, groupId: null, version: 1 }));
    await t.deps.db.insert(schema.members).values(extra);
    const r = (await open(2025)).json();
    expect(r).toMatchObject({ gradedCount: 12, maxExcellent: 4 });
    await t.deps.db.update(schema.evaluationRounds).set({ stage: 'committeeReview' }).where(eq(schema.evaluationRounds.id, r.id));
    for (const n of [1, 2, 3, 4]) expect((await grade(r.id, `评议测试${n}`, { grade: 'excellent' })).statusCode).toBe(200);
    const fifth = await grade(r.id, '评议测试5', { grade: 'excellent' });
    expect(fifth.statusCode).toBe(400);
    expect(fifth.json().message).toContain('最多4人');
    // an exempt member (年老体弱) leaves the graded count: 11 → at most 3
    const p9 = (await round(r.id)).participants.find((x) => x.memberName === '评议测试9')!;
    const ex = await t.as('anshun-zb1', 'PUT', `/api/v1/evaluations/participants/${p9.id}/exempt`, { exempt: true, version: p9.version });
    expect(ex.statusCode).toBe(400);
    expect(ex.json().details[0].field).toBe('exemptReason');
    const exempted = await t.as('anshun-zb1', 'PUT', `/api/v1/evaluations/participants/${p9.id}/exempt`, { exempt: true, exemptReason: '年老体弱，长期卧床', version: p9.version });
    expect(exempted.json()).toMatchObject({ gradedCount: 11, maxExcellent: 3, exemptCount: 1 });
    expect((await grade(r.id, '评议测试5', { grade: 'excellent' })).json().message).toContain('最多3人');
    await t.deps.db.delete(schema.evaluationParticipants).where(and(eq(schema.evaluationParticipants.roundId, r.id), inArray(schema.evaluationParticipants.memberId, extra.map((m) => m.id))));
    await t.deps.db.delete(schema.members).where(inArray(schema.members.id, extra.map((m) => m.id)));
    expect(branch.id).toBe(r.orgId);
  });

  it('两人同时评定最后一个优秀名额：只有一人成功，另一人被拒绝', async () => {
    const r = (await open(2024)).json();
    await t.deps.db.update(schema.evaluationRounds).set({ stage: 'committeeReview' }).where(eq(schema.evaluationRounds.id, r.id));
    // 3 graded → 1 优秀; two managers give it to two different members at the same moment
    const [a, b] = r.participants.filter((p: P) => p.graded);
    const both = await Promise.all([
      t.as('anshun-zb1', 'PUT', `/api/v1/evaluations/participants/${a.id}/grade`, { grade: 'excellent', version: a.version }),
      t.as('anshun', 'PUT', `/api/v1/evaluations/participants/${b.id}/grade`, { grade: 'excellent', version: b.version }),
    ]);
    expect(both.map((x) => x.statusCode).sort()).toEqual([200, 400]);
    expect((await round(r.id)).participants.filter((p) => p.grade === 'excellent')).toHaveLength(1);
  });

  it('其他法院、上级法院和普通党员看不到支部的评议', async () => {
    const r = (await t.as('anshun-zb1', 'GET', '/api/v1/evaluations/rounds?year=2026')).json().items[0];
    for (const who of ['lukou', 'guizhou', 'anshun-dy1', 'anshun-xz1']) expect((await t.as(who, 'GET', `/api/v1/evaluations/rounds/${r.id}`)).statusCode, who).toBe(404);
    expect((await t.as('guizhou', 'GET', '/api/v1/evaluations/overview?year=2026')).statusCode).toBe(403);
    expect((await t.as('lukou', 'GET', '/api/v1/evaluations/overview?year=2026')).json().branches.some((b: { round: unknown }) => b.round)).toBe(false);
  });
});
