// Browser flow of 民主评议党员 (RULES.md §6): 第一支部's secretary (anshun-zb1) opens this year's round;
// 小李 (anshun-dy1) writes his 自评 and casts his anonymous ballot on a phone; the secretary grades in
// the 支委会评定 step — one 优秀 beyond the court's limit is refused with the rule — and feeds the
// results back; 小李 reads and confirms his result; the party office sees every branch of the year.
// The court's ratio is set to 1/10 first (a [U] per-court setting), so 第一支部's ~30 graded members
// allow three 优秀 and the fourth is refused.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { schema } from '@zhibu/db';
import { freshPage, hasChromium, launchBrowser, login, poll, screenshot, type Browser } from './support/browser';
import { startServer, type E2EServer } from './support/server';

type P = { id: string; memberId: string; memberName: string; graded: boolean; exempt: boolean; grade: string | null; version: number };
type Round = { id: string; version: number; stage: string; maxExcellent: number; participants: P[] };

describe.skipIf(!hasChromium)('浏览器：民主评议党员', () => {
  let server: E2EServer;
  let browser: Browser;
  let page: Page;
  let branch1Id = '';
  let xiaoliId = '';
  let roundId = '';
  const year = new Date().getFullYear();

  const round = async () => (await server.apiAs('anshun-zb1', 'GET', `/api/v1/evaluations/rounds/${roundId}`)).body as Round;
  const advanceByApi = async () => {
    const r = await round();
    const res = await server.apiAs('anshun-zb1', 'POST', `/api/v1/evaluations/rounds/${roundId}/advance`, { version: r.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  const gradeByApi = async (p: P, grade: string, committeeComment?: string) => {
    const res = await server.apiAs('anshun-zb1', 'PUT', `/api/v1/evaluations/participants/${p.id}/grade`, { grade, committeeComment, version: p.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };

  /** 进入下一步: the button, its Popconfirm, and the toast that says it is done. */
  const advanceInBrowser = async () => {
    await page.getByTestId('advance').click();
    const ok = page.locator('.ant-popconfirm:visible').getByRole('button', { name: /确\s*定/ });
    await ok.waitFor();
    await ok.click();
    await page.getByText('已进入下一步').waitFor();
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const me = (await server.apiAs('anshun-zb1', 'GET', '/api/v1/auth/me')).body as { grants: { role: string; orgId: string | null; courtId: string | null }[] };
    const grant = me.grants.find((g) => g.role === 'branchSecretary')!;
    branch1Id = grant.orgId!;
    xiaoliId = ((await server.apiAs('anshun-dy1', 'GET', '/api/v1/auth/me')).body as { memberId: string }).memberId;
    // The demo's round of this year (in 个人自评) is removed, so that the secretary opens one here.
    const db = server.deps.db;
    const demoRounds = (await db.select({ id: schema.evaluationRounds.id }).from(schema.evaluationRounds).where(and(eq(schema.evaluationRounds.orgId, branch1Id), eq(schema.evaluationRounds.year, year)))).map((r) => r.id);
    if (demoRounds.length) {
      await db.delete(schema.evaluationParticipants).where(inArray(schema.evaluationParticipants.roundId, demoRounds));
      await db.delete(schema.evaluationRounds).where(inArray(schema.evaluationRounds.id, demoRounds));
    }
    // 安顺中院 sets its 优秀 ratio to 1/10 (the court's own rule, RULES.md §6 [U]).
    const cfg = (await server.apiAs('anshun', 'GET', `/api/v1/courts/${grant.courtId}/rule-config`)).body as { overrides: Record<string, unknown>; version: number };
    const put = await server.apiAs('anshun', 'PUT', `/api/v1/courts/${grant.courtId}/rule-config`, { overrides: { ...cfg.overrides, evaluation: { excellentRatio: { numerator: 1, denominator: 10 } } }, version: cfg.version });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('第一支部书记开启本年度民主评议，进入个人自评', async () => {
    page = await freshPage(browser);
    await login(page, server.baseUrl, 'anshun-zb1', server.password, `/evaluations?year=${year}`);
    await page.getByTestId('open-round').click();
    const dialog = page.getByRole('dialog', { name: `开启${year}年度民主评议` });
    // the secretary's only branch is chosen already
    await dialog.getByText('第一党支部').waitFor();
    await dialog.getByRole('button', { name: /开\s*启/ }).click();
    await page.getByTestId('participant').first().waitFor();
    roundId = new URL(page.url()).searchParams.get('round')!;
    expect(roundId).toBeTruthy();
    const r = await round();
    expect(r.stage).toBe('preparing');
    expect(r.participants.find((p) => p.memberId === xiaoliId)).toBeTruthy();
    await advanceInBrowser();
    await poll(async () => (await round()).stage).toBe('selfAssessment');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'evaluation-round-desktop');
  });

  test('小李在手机上写个人自评，并匿名提交民主测评票', async () => {
    page = await freshPage(browser, 'phone');
    await login(page, server.baseUrl, 'anshun-dy1', server.password, '/my-evaluation');
    const card = page.getByTestId('my-evaluation').filter({ hasText: `${year}年度` });
    await card.getByTestId('self-assessment').fill('对照合格党员标准和入党誓词，本人能认真学习习近平法治思想，按时参加组织生活。不足是调研撰写能力不强，今后将每季度完成一篇审判实务调研。');
    await card.getByTestId('submit-self').click();
    await card.getByText('我的个人自评（已提交）').waitFor();
    await screenshot(page, 'evaluation-self-phone');

    await advanceByApi(); // 互评与民主测评
    await page.reload();
    const ballot = page.getByTestId('my-evaluation').filter({ hasText: `${year}年度` }).getByTestId('ballot');
    await ballot.waitFor();
    const first = ballot.getByTestId('peer').first();
    await first.getByText('优秀', { exact: true }).click();
    await ballot.getByRole('button', { name: '未评的均选“合格”' }).click();
    await screenshot(page, 'evaluation-ballot-phone');
    await ballot.getByTestId('submit-ballot').click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('您已提交民主测评票').waitFor();
    const r = await round();
    expect(r.participants.find((p) => p.memberId === xiaoliId)).toMatchObject({ hasVoted: true });
  });

  test('支委会评定：第四名优秀超出本院比例被拒绝并说明依据，评定完成后反馈结果', async () => {
    await advanceByApi(); // 支委会评定
    let r = await round();
    const graded = r.participants.filter((p) => p.graded && !p.exempt);
    const xiaoli = graded.find((p) => p.memberId === xiaoliId);
    const four = graded.filter((p) => p.memberId !== xiaoliId).slice(0, 4);
    // the rest by the API (合格; 小李 with a comment), the four in the browser
    for (const p of graded.filter((x) => !four.includes(x))) await gradeByApi(p, 'qualified', p === xiaoli ? '工作踏实，调研能力还需提高，希望多写审判实务调研' : undefined);
    r = await round();
    expect(r.maxExcellent).toBeGreaterThanOrEqual(1);
    // fill up to one below the limit by the API when the limit is above 3
    const extra = r.participants.filter((p) => p.grade === 'qualified' && p.memberId !== xiaoliId).slice(0, Math.max(0, r.maxExcellent - 3));
    for (const p of extra) await gradeByApi(p, 'excellent', '办案质效突出');

    page = await freshPage(browser);
    await login(page, server.baseUrl, 'anshun-zb1', server.password, `/evaluations?round=${roundId}`);
    const gradeInBrowser = async (name: string, grade: string) => {
      await page.getByTestId('participant').filter({ has: page.getByText(name, { exact: true }) }).getByTestId('grade-button').click();
      const dialog = page.getByRole('dialog', { name: `评定等次：${name}` });
      await dialog.getByText(grade, { exact: true }).click();
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      return dialog;
    };
    const allowed = Math.min(3, r.maxExcellent);
    for (const p of four.slice(0, allowed)) {
      const dialog = await gradeInBrowser(p.memberName, '优秀');
      await dialog.waitFor({ state: 'hidden' });
    }
    const over = four[allowed]!;
    const refused = await gradeInBrowser(over.memberName, '优秀');
    await refused.getByText(/不能再评定为优秀。依据/).waitFor();
    expect(await refused.textContent()).toContain(`最多${r.maxExcellent}人`);
    await screenshot(page, 'evaluation-excellent-refused-desktop');
    expect((await round()).participants.find((p) => p.id === over.id)!.grade).toBeNull();
    await refused.getByText('合格', { exact: true }).click();
    await refused.getByRole('button', { name: /保\s*存/ }).click();
    await refused.waitFor({ state: 'hidden' });
    for (const p of four.slice(allowed + 1)) await (await gradeInBrowser(p.memberName, '合格')).waitFor({ state: 'hidden' });

    await advanceInBrowser();
    await poll(async () => (await round()).stage).toBe('feedback');
    const done = await round();
    expect(done.participants.filter((p) => p.grade === 'excellent')).toHaveLength(done.maxExcellent);
    await page.getByText('优秀名额').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'evaluation-graded-desktop');
  });

  test('小李在手机上看到本人的评议结果并确认，书记看到已确认', async () => {
    page = await freshPage(browser, 'phone');
    await login(page, server.baseUrl, 'anshun-dy1', server.password, '/my-evaluation');
    const result = page.getByTestId('my-evaluation').filter({ hasText: `${year}年度` }).getByTestId('my-result');
    await result.getByText('工作踏实，调研能力还需提高').waitFor();
    expect(await result.getByTestId('my-grade').textContent()).toBe('合格');
    await result.getByTestId('acknowledge').click();
    await result.getByText(/已于.*确认/).waitFor();
    await screenshot(page, 'evaluation-result-phone');
    expect((await round()).participants.find((p) => p.memberId === xiaoliId)).toMatchObject({ acknowledgedAt: expect.any(String) });
    // the secretary, on a phone, sees who has confirmed
    page = await freshPage(browser, 'phone');
    await login(page, server.baseUrl, 'anshun-zb1', server.password, `/evaluations?round=${roundId}`);
    const name = (await round()).participants.find((p) => p.memberId === xiaoliId)!.memberName;
    await page.getByTestId('participant').filter({ has: page.getByText(name, { exact: true }) }).getByText('已确认').waitFor();
    await screenshot(page, 'evaluation-round-phone');
    await advanceByApi(); // 已完成
  });

  test('机关党委看到全院各支部的评议进度、等次统计和优秀名单', async () => {
    page = await freshPage(browser);
    await login(page, server.baseUrl, 'anshun', server.password, `/evaluations?year=${year - 1}`);
    await page.getByTestId('evaluation-overview').waitFor();
    await page.getByTestId('excellent-list').locator('tbody tr').first().waitFor();
    await screenshot(page, 'evaluation-overview-desktop');
    await page.goto(`${server.baseUrl}/evaluations?year=${year}`);
    await page.getByTestId('evaluation-overview').getByText('已完成').first().waitFor();
    page = await freshPage(browser, 'phone');
    await login(page, server.baseUrl, 'anshun', server.password, `/evaluations?year=${year - 1}`);
    await page.getByTestId('evaluation-overview').waitFor();
    await screenshot(page, 'evaluation-overview-phone');
  });
});
