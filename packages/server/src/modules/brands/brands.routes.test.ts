// 一支部一品牌 through the API: 申报 by the branch, a two-reviewer panel scoring the four standards,
// 认定 by the party office (never by the branch itself), 退回 showing the low standards, 培育 with an
// overdue milestone as a reminder, 选树 with an honor, the cluster, the report, and scopes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { testEngines } from '../../test-support/engines';
import { addBranch2Reviewers } from './brands.test-support';
import { multipartFile } from '../../test-support/multipart';
import { pngUpload } from '../../test-support/matrix';

const content = {
  slogan: '立案为民 初心如磐',
  concept: '把群众满意作为立案工作的第一标准',
  substance: '以党建引领诉讼服务，推动“一站式”立案',
  distinctiveness: '党员示范岗、跨域立案“一次办”',
  integration: '服务立案和诉讼服务中心工作',
};

describe.each(testEngines)('党建品牌 (%s)', (engine) => {
  let t: TestApp;
  let reviewers: { zb2: string; zw2: string };
  let brandId = '';
  let version = 0;
  const now = new Date('2026-06-10T09:00:00+08:00');

  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => now });
    reviewers = await addBranch2Reviewers(t);
  });
  afterAll(() => t.close());

  const move = async (who: string, action: string, extra: Record<string, unknown> = {}) => {
    const res = await t.as(who, 'POST', `/api/v1/brands/${brandId}/transition`, { action, version, ...extra });
    if (res.statusCode === 200) version = res.json().version;
    return res;
  };

  it('支部书记创建并申报本支部品牌；缺少内涵时申报被拒绝并指出字段', async () => {
    const created = await t.as('anshun-zb1', 'POST', '/api/v1/brands', { orgId: t.fx.orgs.branch1.id, name: '初心铸魂 立案为民' });
    expect(created.statusCode, created.body).toBe(200);
    brandId = created.json().id;
    version = created.json().version;
    expect(created.json()).toMatchObject({ state: 'draft', stateLabel: '草稿', actions: ['submit'], canEditApplication: true });
    const early = await move('anshun-zb1', 'submit');
    expect(early.statusCode).toBe(400);
    expect(early.json().details[0].field).toBe('concept');
    const edited = await t.as('anshun-zb1', 'PUT', `/api/v1/brands/${brandId}`, { ...content, version });
    expect(edited.statusCode, edited.body).toBe(200);
    version = edited.json().version;
    const dup = await t.as('anshun', 'POST', '/api/v1/brands', { orgId: t.fx.orgs.branch1.id, name: '另一个品牌' });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().message).toContain('一个支部一个品牌');
    const sub = await move('anshun-zb1', 'submit');
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json()).toMatchObject({ state: 'submitted', round: 1 });
  });

  it('支部不能认定本支部的品牌；评审组未评完时党建办不能认定', async () => {
    const self = await move('anshun-zb1', 'recognize');
    expect(self.statusCode).toBe(403);
    const noPanel = await move('anshun', 'recognize');
    expect(noPanel.statusCode).toBe(400);
    expect(noPanel.json().message).toContain('评审组');
  });

  it('党建办组成评审组：本支部人员回避，权重合计须为100', async () => {
    const cands = await t.as('anshun', 'GET', `/api/v1/brands/${brandId}/reviewer-candidates`);
    const names = (cands.json().items as { name: string }[]).map((c) => c.name);
    expect(names).toContain('陈刚');
    expect(names).not.toContain('张健'); // 第一支部书记
    expect(names).not.toContain('李明'); // 第一党小组组长
    const own = await t.as('anshun', 'PUT', `/api/v1/brands/${brandId}/panel`, { reviewerIds: [reviewers.zb2, t.fx.users['anshun-zw1']!.id], weights: { theme: 25, substance: 25, distinctiveness: 25, integration: 25 }, version });
    expect(own.statusCode).toBe(400);
    expect(own.json().message).toContain('回避');
    const badWeights = await t.as('anshun', 'PUT', `/api/v1/brands/${brandId}/panel`, { reviewerIds: [reviewers.zb2, reviewers.zw2], weights: { theme: 30, substance: 25, distinctiveness: 25, integration: 25 }, version });
    expect(badWeights.statusCode).toBe(400);
    expect(badWeights.json().details[0].field).toBe('weights');
    const bySecretary = await t.as('anshun-zb1', 'PUT', `/api/v1/brands/${brandId}/panel`, { reviewerIds: [reviewers.zb2, reviewers.zw2], weights: { theme: 25, substance: 25, distinctiveness: 25, integration: 25 }, version });
    expect(bySecretary.statusCode).toBe(403);
    const ok = await t.as('anshun', 'PUT', `/api/v1/brands/${brandId}/panel`, { reviewerIds: [reviewers.zb2, reviewers.zw2], weights: { theme: 20, substance: 30, distinctiveness: 30, integration: 20 }, version });
    expect(ok.statusCode, ok.body).toBe(200);
    version = ok.json().version;
    expect(ok.json().review.panel.map((p: { name: string }) => p.name)).toEqual(['陈刚', '刘洋']);
  });

  it('评审组打分后，低于60分的标准显示给支部书记；党建办退回修改', async () => {
    const mine = await t.as('anshun-zb2', 'GET', '/api/v1/brands?reviewer=me');
    expect(mine.json().items[0]).toMatchObject({ id: brandId, awaitingMyScore: true });
    const notPanel = await t.as('anshun-zw1', 'PUT', `/api/v1/brands/${brandId}/my-score`, { theme: 80, substance: 80, distinctiveness: 80, integration: 80 });
    expect(notPanel.statusCode).toBe(403);
    const outOfRange = await t.as('anshun-zb2', 'PUT', `/api/v1/brands/${brandId}/my-score`, { theme: 101, substance: 80, distinctiveness: 80, integration: 80 });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json().details[0].field).toBe('theme');
    expect((await t.as('anshun-zb2', 'PUT', `/api/v1/brands/${brandId}/my-score`, { theme: 85, substance: 80, distinctiveness: 50, integration: 82, comment: '特色不够鲜明，与其他支部雷同' })).statusCode).toBe(200);
    // Blind review: the second reviewer and the branch do not see the first one's scores yet.
    const blindReviewer = (await t.as('anshun-zw2', 'GET', `/api/v1/brands/${brandId}`)).json().review;
    expect(blindReviewer.scores).toEqual([]);
    expect(blindReviewer.panel.find((p: { name: string }) => p.name === '陈刚').scored).toBe(true);
    expect((await t.as('anshun-zb1', 'GET', `/api/v1/brands/${brandId}`)).json().review.scores).toEqual([]);
    expect((await t.as('anshun', 'GET', `/api/v1/brands/${brandId}`)).json().review.scores).toHaveLength(1);
    const second = await t.as('anshun-zw2', 'PUT', `/api/v1/brands/${brandId}/my-score`, { theme: 88, substance: 78, distinctiveness: 55, integration: 80 });
    expect(second.statusCode).toBe(200);
    version = second.json().version;
    const ret = await move('anshun', 'return', { reason: '请突出立案工作特色后重新申报' });
    expect(ret.statusCode, ret.body).toBe(200);
    const seen = await t.as('anshun-zb1', 'GET', `/api/v1/brands/${brandId}`);
    expect(seen.json().state).toBe('returned');
    expect(seen.json().review).toMatchObject({ complete: true, lowStandards: ['distinctiveness'], lowStandardLabels: ['有特色'], recommendation: 'return' });
    expect(seen.json().review.means.distinctiveness).toBe(52.5);
    expect(seen.json().review.scores[0].comment).toContain('特色不够鲜明');
    // a plain member of the court sees the brand but not the scores or reviewers
    const member = await t.as('anshun-dy1', 'GET', `/api/v1/brands/${brandId}`);
    expect(member.statusCode).toBe(200);
    expect(member.json().review).toBeNull();
  });

  it('重新申报为新一轮评审，评审通过后党建办认定，记录评审组和理由', async () => {
    const edited = await t.as('anshun-zb1', 'PUT', `/api/v1/brands/${brandId}`, { distinctiveness: '“立案+调解”党员先锋岗，跨域立案“一次办”全市首创', version });
    version = edited.json().version;
    expect((await move('anshun-zb1', 'submit')).json()).toMatchObject({ round: 2, review: { scores: [], panel: [] } });
    version = (await t.as('anshun', 'PUT', `/api/v1/brands/${brandId}/panel`, { reviewerIds: [reviewers.zb2, reviewers.zw2], weights: { theme: 25, substance: 25, distinctiveness: 25, integration: 25 }, version })).json().version;
    await t.as('anshun-zb2', 'PUT', `/api/v1/brands/${brandId}/my-score`, { theme: 85, substance: 82, distinctiveness: 80, integration: 84 });
    version = (await t.as('anshun-zw2', 'PUT', `/api/v1/brands/${brandId}/my-score`, { theme: 90, substance: 80, distinctiveness: 78, integration: 86 })).json().version;
    const ok = await move('anshun', 'recognize', { reason: '四项标准均达到要求' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'recognized', decisionReason: '四项标准均达到要求' });
    const late = await t.as('anshun-zb2', 'PUT', `/api/v1/brands/${brandId}/my-score`, { theme: 10, substance: 10, distinctiveness: 10, integration: 10 });
    expect(late.statusCode).toBe(400);
    const fixed = await t.as('anshun-zb1', 'PUT', `/api/v1/brands/${brandId}`, { name: '改个名字', version });
    expect(fixed.statusCode).toBe(400);
    expect(fixed.json().details[0].field).toBe('name');
  });

  it('培育节点逾期后出现在提醒中，完成后消失；外院看不到', async () => {
    version = (await move('anshun', 'cultivate')).json().version;
    const m = await t.as('anshun-zb1', 'POST', `/api/v1/brands/${brandId}/milestones`, { title: '建成党员示范岗', owner: '张健', dueOn: '2026-06-09' });
    expect(m.statusCode, m.body).toBe(200);
    await t.as('anshun-zb1', 'POST', `/api/v1/brands/${brandId}/milestones`, { title: '形成品牌手册', owner: '王芳', dueOn: '2026-06-10' });
    const rem = await t.as('anshun-zb1', 'GET', '/api/v1/brand-reminders');
    expect(rem.json().items).toHaveLength(1);
    expect(rem.json().items[0]).toMatchObject({ title: '建成党员示范岗', daysOverdue: 1 });
    expect(rem.json().items[0].message).toContain('已逾期1天');
    expect((await t.as('anshun', 'GET', '/api/v1/brand-reminders')).json().total).toBe(1);
    expect((await t.as('lukou', 'GET', '/api/v1/brand-reminders')).json().total).toBe(0);
    const ms = m.json().milestones.find((x: { title: string }) => x.title === '建成党员示范岗');
    const future = await t.as('anshun-zb1', 'PUT', `/api/v1/brand-milestones/${ms.id}`, { title: ms.title, owner: ms.owner, dueOn: ms.dueOn, doneOn: '2026-06-11', version: ms.version });
    expect(future.statusCode).toBe(400);
    expect(future.json().details[0].field).toBe('doneOn');
    const done = await t.as('anshun-zb1', 'PUT', `/api/v1/brand-milestones/${ms.id}`, { title: ms.title, owner: ms.owner, dueOn: ms.dueOn, doneOn: '2026-06-10', version: ms.version });
    expect(done.statusCode, done.body).toBe(200);
    expect((await t.as('anshun-zb1', 'GET', '/api/v1/brand-reminders')).json().total).toBe(0);
  });

  it('佐证：关联本支部活动与宣传报道，按年度计数；其他支部的活动不能关联', async () => {
    const act = await t.as('anshun-zb1', 'POST', '/api/v1/activities', { orgId: t.fx.orgs.branch1.id, type: 'themedPartyDay', title: '“立案为民”主题党日', startsAt: '2026-06-20T15:00:00+08:00', firstAgendaItem: '学习习近平法治思想' });
    expect(act.statusCode, act.body).toBe(200);
    const linked = await t.as('anshun-zb1', 'POST', `/api/v1/brands/${brandId}/evidence`, { kind: 'activity', activityId: act.json().id });
    expect(linked.statusCode, linked.body).toBe(200);
    // The activity's photos show on the brand page, inside the court only.
    const up = pngUpload();
    const photo = await t.app.inject({ method: 'POST', url: `/api/v1/activities/${act.json().id}/attachments`, headers: { cookie: await t.cookieOf('anshun-zb1'), ...up.headers }, payload: up.payload });
    expect(photo.statusCode, photo.body).toBe(200);
    const withPhoto = (await t.as('anshun-dy1', 'GET', `/api/v1/brands/${brandId}`)).json();
    expect(withPhoto.photos).toHaveLength(1);
    expect(withPhoto.photos[0]).toMatchObject({ activityTitle: '“立案为民”主题党日', url: `/api/v1/attachments/${photo.json().id}` });
    expect((await t.as('guizhou', 'GET', `/api/v1/brands/${brandId}`)).json().photos).toEqual([]);
    const again = await t.as('anshun-zb1', 'POST', `/api/v1/brands/${brandId}/evidence`, { kind: 'activity', activityId: act.json().id });
    expect(again.statusCode).toBe(400);
    const pub = await t.as('anshun-zb1', 'POST', `/api/v1/brands/${brandId}/evidence`, { kind: 'publicity', title: '《贵州法治报》报道跨域立案', occurredOn: '2025-11-02' });
    expect(pub.json().evidenceByYear).toEqual([
      { year: 2026, activity: 1, publicity: 0, project: 0, total: 1 },
      { year: 2025, activity: 0, publicity: 1, project: 0, total: 1 },
    ]);
    const other = await t.as('anshun', 'POST', '/api/v1/activities', { orgId: t.fx.orgs.branch2.id, type: 'themedPartyDay', title: '第二支部主题党日', startsAt: '2026-06-21T15:00:00+08:00', firstAgendaItem: '学习' });
    const wrong = await t.as('anshun-zb1', 'POST', `/api/v1/brands/${brandId}/evidence`, { kind: 'activity', activityId: other.json().id });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details[0].field).toBe('activityId');
  });

  it('宣传推广后选树，同时登记荣誉；集群视图显示品牌与荣誉；上级法院可见但看不到人名', async () => {
    version = (await move('anshun', 'promote')).json().version;
    const sel = await move('anshun', 'select', { year: 2026, honor: { kind: 'collective', name: '安顺市直机关党建特色品牌', level: 'city', issuer: '中共安顺市直属机关工作委员会', awardedOn: '2026-06-01' } });
    expect(sel.statusCode, sel.body).toBe(200);
    expect(sel.json()).toMatchObject({ state: 'selected', selectedYear: 2026, honorCount: 1 });
    expect(sel.json().honors[0]).toMatchObject({ levelLabel: '市级', recipientName: t.fx.orgs.branch1.name });
    const ind = await t.as('anshun', 'POST', '/api/v1/honors', { kind: 'individual', name: '全省法院优秀共产党员', level: 'province', issuer: '中共贵州省高级人民法院党组', awardedOn: '2026-05-20', memberId: t.fx.members.member2.id });
    expect(ind.statusCode, ind.body).toBe(200);
    expect(ind.json().recipientName).toBe('王芳');
    const cl = await t.as('anshun-dy1', 'GET', '/api/v1/brand-cluster');
    expect(cl.statusCode).toBe(200);
    expect(cl.json().branches.map((b: { name: string }) => b.name)).toContain('初心铸魂 立案为民');
    const gz = await t.as('guizhou', 'GET', `/api/v1/brand-cluster?courtId=${t.fx.courts.anshun}`);
    expect(gz.statusCode).toBe(200);
    const gzBrand = await t.as('guizhou', 'GET', `/api/v1/brands/${brandId}`);
    expect(gzBrand.json()).toMatchObject({ team: null, review: null });
    const gzHonors = await t.as('guizhou', 'GET', '/api/v1/honors');
    expect(gzHonors.json().total).toBe(2);
    expect(gzHonors.json().items.find((h: { kind: string }) => h.kind === 'individual')).toMatchObject({ recipientName: '（个人）', memberId: null });
    expect((await t.as('lukou', 'GET', `/api/v1/brands/${brandId}`)).statusCode).toBe(404);
    expect((await t.as('lukou', 'GET', `/api/v1/brand-cluster?courtId=${t.fx.courts.anshun}`)).statusCode).toBe(404);
    expect((await t.as('lukou', 'GET', '/api/v1/honors')).json().total).toBe(0);
  });

  it('品牌报告为可在 Word/WPS 打开的 .docx；每次写操作都有审计记录', async () => {
    const res = await t.as('anshun-zb1', 'GET', `/api/v1/brands/${brandId}/report.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('officedocument.wordprocessingml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const audit = await t.deps.handle.query<{ action: string }>(`select action from audit_log where entity in ('brand', 'honor') order by seq`);
    const actions = audit.map((a) => a.action);
    for (const a of ['brand.create', 'brand.submit', 'brand.panel', 'brand.score', 'brand.return', 'brand.recognize', 'brand.select', 'honor.create']) expect(actions).toContain(a);
  });

  it('品牌标识只收JPG/PNG，证书可上传PDF；个人荣誉的证书外院看不到', async () => {
    const up = async (who: string, url: string, file: { headers: Record<string, string>; payload: unknown }) =>
      t.app.inject({ method: 'POST', url, headers: { cookie: await t.cookieOf(who), ...file.headers }, payload: file.payload as never });
    const bad = await up('anshun-zb1', `/api/v1/brands/${brandId}/logo`, multipartFile(Buffer.from('MZ not an image'), 'logo.png', 'image/png'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toMatchObject({ field: 'file', message: '品牌标识仅支持 JPG/PNG 图片' });
    expect((await up('anshun-zb1', `/api/v1/brands/${brandId}/logo`, pngUpload())).statusCode).toBe(200);
    const logo = await t.as('anshun-dy1', 'GET', `/api/v1/brands/${brandId}/logo`);
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['content-type']).toBe('image/png');
    expect((await t.as('anshun-dy1', 'GET', `/api/v1/brands/${brandId}`)).json().hasLogo).toBe(true);

    const honors = (await t.as('anshun', 'GET', '/api/v1/honors?kind=individual')).json().items as { id: string }[];
    const pdf = multipartFile(Buffer.from('%PDF-1.4\n%%EOF'), '证书.pdf', 'application/pdf');
    expect((await up('anshun', `/api/v1/honors/${honors[0]!.id}/certificate`, pdf)).statusCode).toBe(200);
    expect((await t.as('anshun-dy1', 'GET', `/api/v1/honors/${honors[0]!.id}/certificate`)).statusCode).toBe(200);
    expect((await t.as('guizhou', 'GET', `/api/v1/honors/${honors[0]!.id}/certificate`)).statusCode).toBe(404);
  });

  it('公开展示只含本院选择公开的已认定品牌，不含团队、评审和个人荣誉；只有党建办能设为公开', async () => {
    const before = (await t.as('anshun-dy1', 'GET', `/api/v1/public/brand-showcase/${t.fx.courts.anshun}`)).json();
    expect(before.brands).toEqual([]);
    const cur = (await t.as('anshun', 'GET', `/api/v1/brands/${brandId}`)).json();
    expect((await t.as('anshun-zb1', 'PUT', `/api/v1/brands/${brandId}`, { published: true, version: cur.version })).statusCode).toBe(403);
    const pub = await t.as('anshun', 'PUT', `/api/v1/brands/${brandId}`, { published: true, team: '张健、王芳', version: cur.version });
    expect(pub.statusCode, pub.body).toBe(200);
    const show = (await t.as('lukou', 'GET', `/api/v1/public/brand-showcase/${t.fx.courts.anshun}`)).json();
    expect(show.brands).toHaveLength(1);
    expect(show.brands[0]).toMatchObject({ name: '初心铸魂 立案为民', stateLabel: '已选树' });
    expect(show.brands[0].honors.map((h: { name: string }) => h.name)).toEqual(['安顺市直机关党建特色品牌']);
    expect(JSON.stringify(show)).not.toContain('张健');
    expect(JSON.stringify(show)).not.toContain('王芳');
  });

  it('过期版本号修改被拒绝（409）', async () => {
    const stale = await t.as('anshun-zb1', 'PUT', `/api/v1/brands/${brandId}`, { story: '故事', version: 1 });
    expect(stale.statusCode).toBe(409);
  });
});
