// Authorization-matrix cases of 一支部一品牌 and the honors registry (issue 4): every route of the module, run by
// authorization-matrix.test.ts (see test-support/matrix.ts for the case shape). Brands are read by
// everyone of their court and by higher courts' viewers; the branch (secretary) and the party office
// (courtAdmin) edit; only the office forms panels; only panel members outside the branch score.
import type { LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { newId, schema } from '@zhibu/db';
import type { BrandState } from '@zhibu/domain';
import type { TestApp } from '../../test-support/test-app';
import { ANSHUN_READERS, nextSeq, pngUpload, unknownOrg, type Case, type Side, type Target } from '../../test-support/matrix';
import { selectionCases } from './brand-selection.matrix';

const EDITORS = ['anshun', 'anshun-zb1'] as const;

/** A brand of the target's branch in `state`, written straight to the table (the flow has its own tests). */
async function brandOf(t: TestApp, x: Target, state: BrandState = 'draft', withLogo = false) {
  const id = newId();
  const logoFileId = withLogo ? await fileOf(t, x, 'brandLogo', id) : null;
  await t.deps.db.insert(schema.brands).values({
    logoFileId,
    id,
    courtId: x.courtId,
    orgId: x.branchId,
    name: `矩阵品牌${nextSeq()}`,
    concept: '理念',
    substance: '内涵',
    distinctiveness: '特色',
    integration: '融合',
    state,
    round: state === 'draft' ? 0 : 1,
  });
  return { id, version: 1 };
}

async function milestoneOf(t: TestApp, x: Target, brandId: string, dueOn = '2099-12-31') {
  const id = newId();
  await t.deps.db.insert(schema.brandMilestones).values({ id, courtId: x.courtId, brandId, title: '培育节点', owner: '张健', dueOn });
  return { id, version: 1 };
}

/** A stored PNG owned by `ownerId`, for the download routes. */
async function fileOf(t: TestApp, x: Target, ownerType: string, ownerId: string) {
  const id = newId();
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  await t.deps.db.insert(schema.files).values({ id, courtId: x.courtId, ownerType, ownerId, fileName: 'logo.png', mimeType: 'image/png', size: png.length, sha256: 'x', content: png });
  return id;
}

async function honorOf(t: TestApp, x: Target, withCertificate = false) {
  const id = newId();
  const certificateFileId = withCertificate ? await fileOf(t, x, 'honorCertificate', id) : null;
  await t.deps.db.insert(schema.honors).values({ certificateFileId, id, courtId: x.courtId, kind: 'collective', name: `先进基层党组织${nextSeq()}`, level: 'city', issuer: '市直机关工委', awardedOn: '2026-07-01', orgId: x.branchId, recipientName: x.branchName });
  return { id, version: 1 };
}

const hasOrg = (key: 'items' | 'branches') => (res: LightMyRequestResponse, x: Target) => ((res.json() as Record<string, { orgId: string }[] | undefined>)[key] ?? []).some((i) => i.orgId === x.branchId);
const honor = (x: Target) => ({ kind: 'collective', name: '五好党支部', level: 'court', issuer: '机关党委', awardedOn: '2026-07-01', orgId: x.branchId });
/** "Not yours" answered as a 400 naming an org the caller cannot see (not the one-brand-per-branch rule). */
const unseenOrg = (res: LightMyRequestResponse) => unknownOrg(res) && String(res.json().details[0].message).includes('不在您的管理范围');
const otherAdmin = (side: Side) => (side === 'own' ? ['anshun'] : ['lukou']);

export const cases: Case[] = [
  { route: 'GET /api/v1/brands', own: ANSHUN_READERS, other: ['lukou'], visible: hasOrg('items'), make: async (t, x) => (await brandOf(t, x), { method: 'GET', url: '/api/v1/brands?pageSize=500' }) },
  {
    route: 'POST /api/v1/brands',
    own: EDITORS,
    other: ['lukou'],
    deniedWhen: unseenOrg,
    make: (_t, x) => ({ method: 'POST', url: '/api/v1/brands', payload: { orgId: x.branchId, name: `矩阵新品牌${nextSeq()}` } }),
  },
  { route: 'GET /api/v1/brands/:id', own: ANSHUN_READERS, other: ['lukou'], make: async (t, x) => ({ method: 'GET', url: `/api/v1/brands/${(await brandOf(t, x)).id}` }) },
  { route: 'PUT /api/v1/brands/:id', own: EDITORS, other: ['lukou'], make: async (t, x) => ({ method: 'PUT', url: `/api/v1/brands/${(await brandOf(t, x)).id}`, payload: { story: '品牌故事', version: 1 } }) },
  {
    // 申报: only the brand's own branch (secretary) — the office may not submit a branch's brand.
    route: 'POST /api/v1/brands/:id/transition',
    own: ['anshun-zb1'],
    other: [],
    make: async (t, x) => ({ method: 'POST', url: `/api/v1/brands/${(await brandOf(t, x)).id}/transition`, payload: { action: 'submit', version: 1 } }),
  },
  { route: 'GET /api/v1/brands/:id/reviewer-candidates', own: ['anshun'], other: ['lukou'], make: async (t, x) => ({ method: 'GET', url: `/api/v1/brands/${(await brandOf(t, x, 'submitted')).id}/reviewer-candidates` }) },
  {
    route: 'PUT /api/v1/brands/:id/panel',
    own: ['anshun'],
    other: ['lukou'],
    make: async (t, x, side) => {
      const b = await brandOf(t, x, 'submitted');
      const ids = otherAdmin(side).map((u) => t.fx.users[u]!.id);
      return { method: 'PUT', url: `/api/v1/brands/${b.id}/panel`, payload: { reviewerIds: [...ids, x.userId], weights: { theme: 25, substance: 25, distinctiveness: 25, integration: 25 }, version: 1 } };
    },
  },
  {
    // The caller is put on the panel: still only court staff outside 第一支部 may score.
    route: 'PUT /api/v1/brands/:id/my-score',
    own: ['anshun'],
    other: ['lukou'],
    make: async (t, x, _side, who) => {
      const b = await brandOf(t, x, 'submitted');
      await t.deps.db.insert(schema.brandReviewers).values({ id: newId(), courtId: x.courtId, brandId: b.id, round: 1, userId: t.fx.users[who]!.id });
      return { method: 'PUT', url: `/api/v1/brands/${b.id}/my-score`, payload: { theme: 80, substance: 80, distinctiveness: 80, integration: 80 } };
    },
  },
  { route: 'POST /api/v1/brands/:id/milestones', own: EDITORS, other: ['lukou'], make: async (t, x) => ({ method: 'POST', url: `/api/v1/brands/${(await brandOf(t, x, 'cultivating')).id}/milestones`, payload: { title: '建成示范岗', owner: '张健', dueOn: '2026-12-31' } }) },
  {
    route: 'PUT /api/v1/brand-milestones/:id',
    own: EDITORS,
    other: ['lukou'],
    make: async (t, x) => {
      const m = await milestoneOf(t, x, (await brandOf(t, x, 'cultivating')).id);
      return { method: 'PUT', url: `/api/v1/brand-milestones/${m.id}`, payload: { title: '培育节点', owner: '张健', dueOn: '2099-12-31', note: '推进中', version: 1 } };
    },
  },
  { route: 'POST /api/v1/brands/:id/progress-reports', own: EDITORS, other: ['lukou'], make: async (t, x) => ({ method: 'POST', url: `/api/v1/brands/${(await brandOf(t, x, 'cultivating')).id}/progress-reports`, payload: { period: '2026年第二季度', content: '建成党员示范岗2个' } }) },
  { route: 'POST /api/v1/brands/:id/evidence', own: EDITORS, other: ['lukou'], make: async (t, x) => ({ method: 'POST', url: `/api/v1/brands/${(await brandOf(t, x, 'cultivating')).id}/evidence`, payload: { kind: 'publicity', title: '媒体报道', occurredOn: '2026-05-01' } }) },
  {
    route: 'DELETE /api/v1/brand-evidence/:id',
    own: EDITORS,
    other: ['lukou'],
    make: async (t, x) => {
      const b = await brandOf(t, x, 'cultivating');
      const id = newId();
      await t.deps.db.insert(schema.brandEvidence).values({ id, courtId: x.courtId, brandId: b.id, kind: 'publicity', title: '报道', occurredOn: '2026-05-01' });
      return { method: 'DELETE', url: `/api/v1/brand-evidence/${id}` };
    },
  },
  {
    route: 'GET /api/v1/brand-reminders',
    own: EDITORS,
    other: ['lukou'],
    visible: (res, x) => ((res.json() as { items: { orgName: string }[] }).items ?? []).some((i) => i.orgName === x.branchName),
    make: async (t, x) => (await milestoneOf(t, x, (await brandOf(t, x, 'cultivating')).id, '2020-01-01'), { method: 'GET', url: '/api/v1/brand-reminders' }),
  },
  { route: 'GET /api/v1/brand-cluster', own: ANSHUN_READERS, other: ['lukou'], visible: hasOrg('branches'), make: async (t, x) => (await brandOf(t, x, 'recognized'), { method: 'GET', url: `/api/v1/brand-cluster?courtId=${x.courtId}` }) },
  { route: 'GET /api/v1/brands/:id/report.docx', own: ANSHUN_READERS, other: ['lukou'], make: async (t, x) => ({ method: 'GET', url: `/api/v1/brands/${(await brandOf(t, x, 'recognized')).id}/report.docx` }) },
  { route: 'GET /api/v1/honors', own: ANSHUN_READERS, other: ['lukou'], visible: hasOrg('items'), make: async (t, x) => (await honorOf(t, x), { method: 'GET', url: '/api/v1/honors?pageSize=500' }) },
  { route: 'POST /api/v1/honors', own: EDITORS, other: ['lukou'], deniedWhen: unknownOrg, make: (_t, x) => ({ method: 'POST', url: '/api/v1/honors', payload: honor(x) }) },
  { route: 'PUT /api/v1/honors/:id', own: EDITORS, other: ['lukou'], deniedWhen: unknownOrg, make: async (t, x) => ({ method: 'PUT', url: `/api/v1/honors/${(await honorOf(t, x)).id}`, payload: { ...honor(x), version: 1 } }) },
  { route: 'DELETE /api/v1/honors/:id', own: EDITORS, other: ['lukou'], make: async (t, x) => ({ method: 'DELETE', url: `/api/v1/honors/${(await honorOf(t, x)).id}` }) },
  { route: 'POST /api/v1/brands/:id/logo', own: EDITORS, other: ['lukou'], make: async (t, x) => ({ method: 'POST', url: `/api/v1/brands/${(await brandOf(t, x)).id}/logo`, ...pngUpload() }) },
  { route: 'GET /api/v1/brands/:id/logo', own: ANSHUN_READERS, other: ['lukou'], make: async (t, x) => ({ method: 'GET', url: `/api/v1/brands/${(await brandOf(t, x, 'recognized', true)).id}/logo` }) },
  { route: 'POST /api/v1/honors/:id/certificate', own: EDITORS, other: ['lukou'], make: async (t, x) => ({ method: 'POST', url: `/api/v1/honors/${(await honorOf(t, x)).id}/certificate`, ...pngUpload() }) },
  { route: 'GET /api/v1/honors/:id/certificate', own: ANSHUN_READERS, other: ['lukou'], make: async (t, x) => ({ method: 'GET', url: `/api/v1/honors/${(await honorOf(t, x, true)).id}/certificate` }) },
  // The public showcase: anyone (it is meant to need no login at all), only published brands.
  {
    route: 'GET /api/v1/public/brand-showcase/:courtId',
    own: 'all',
    other: 'all',
    make: async (t, x) => {
      const b = await brandOf(t, x, 'selected');
      await t.deps.db.update(schema.brands).set({ published: true }).where(eq(schema.brands.id, b.id));
      return { method: 'GET', url: `/api/v1/public/brand-showcase/${x.courtId}` };
    },
  },
  ...selectionCases,
];
