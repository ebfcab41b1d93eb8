// Authorization-matrix cases of 选树 rounds (part of the brands module's cases): everyone of the
// court (and higher courts' viewers) reads rounds; only the party office (courtAdmin) opens, edits,
// moves and decides; the brand's branch (secretary) or the office nominates and withdraws; only panel
// members outside the brand's branch line score.
import type { LightMyRequestResponse } from 'fastify';
import { newId, schema } from '@zhibu/db';
import type { BrandState } from '@zhibu/domain';
import type { TestApp } from '../../test-support/test-app';
import { ANSHUN_READERS, nextSeq, type Case, type Target } from '../../test-support/matrix';

const weights = { theme: 25, substance: 25, distinctiveness: 25, integration: 25 };

async function brandIn(t: TestApp, x: Target, state: BrandState = 'cultivating') {
  const id = newId();
  await t.deps.db.insert(schema.brands).values({ id, courtId: x.courtId, orgId: x.branchId, name: `选树矩阵品牌${nextSeq()}`, concept: '理念', substance: '内涵', distinctiveness: '特色', integration: '融合', state, round: 1 });
  return id;
}

async function roundIn(t: TestApp, x: Target, status: 'collecting' | 'reviewing' | 'published' = 'collecting') {
  const id = newId();
  await t.deps.db.insert(schema.brandSelectionRounds).values({
    id,
    courtId: x.courtId,
    year: 2026,
    name: `2026年度品牌选树（矩阵${nextSeq()}）`,
    quota: 3,
    deadline: '2099-12-31',
    status,
    weights,
    honorName: '2026年度示范党建品牌',
    honorLevel: 'court',
    honorIssuer: '机关党委',
  });
  return id;
}

async function nominationIn(t: TestApp, x: Target, roundId: string) {
  const id = newId();
  await t.deps.db.insert(schema.brandSelectionNominations).values({
    id,
    courtId: x.courtId,
    roundId,
    brandId: await brandIn(t, x),
    statement: '推荐理由',
    evidence: { activity: 2, publicity: 1, project: 0, total: 3 },
    nominatedByName: '支部书记',
    nominatedAt: new Date('2026-09-01T10:00:00+08:00'),
  });
  return id;
}

const sees = (res: LightMyRequestResponse, x: Target) => ((res.json() as { items?: { courtId: string }[] }).items ?? []).some((i) => i.courtId === x.courtId);
const field = (name: string) => (res: LightMyRequestResponse) => res.statusCode === 400 && res.json().details?.[0]?.field === name && String(res.json().details[0].message).includes('不');

export const selectionCases: Case[] = [
  { route: 'GET /api/v1/brand-selection-rounds', own: ANSHUN_READERS, other: ['lukou'], visible: sees, make: async (t, x) => (await roundIn(t, x), { method: 'GET', url: '/api/v1/brand-selection-rounds' }) },
  {
    route: 'POST /api/v1/brand-selection-rounds',
    own: ['anshun'],
    other: ['lukou'],
    deniedWhen: field('courtId'),
    make: (_t, x) => ({ method: 'POST', url: '/api/v1/brand-selection-rounds', payload: { courtId: x.courtId, year: 2026, name: `2026年度品牌选树（矩阵新${nextSeq()}）`, quota: 2, deadline: '2099-12-31' } }),
  },
  { route: 'GET /api/v1/brand-selection-rounds/:id', own: ANSHUN_READERS, other: ['lukou'], make: async (t, x) => ({ method: 'GET', url: `/api/v1/brand-selection-rounds/${await roundIn(t, x)}` }) },
  {
    route: 'PUT /api/v1/brand-selection-rounds/:id',
    own: ['anshun'],
    other: ['lukou'],
    make: async (t, x) => ({ method: 'PUT', url: `/api/v1/brand-selection-rounds/${await roundIn(t, x)}`, payload: { name: `2026年度品牌选树（矩阵改${nextSeq()}）`, quota: 4, deadline: '2099-12-30', version: 1 } }),
  },
  {
    // 评审 → 已公布 with nothing pending.
    route: 'POST /api/v1/brand-selection-rounds/:id/move',
    own: ['anshun'],
    other: ['lukou'],
    make: async (t, x) => ({ method: 'POST', url: `/api/v1/brand-selection-rounds/${await roundIn(t, x, 'reviewing')}/move`, payload: { move: 'publish', version: 1 } }),
  },
  {
    route: 'POST /api/v1/brand-selection-rounds/:id/nominations',
    own: ['anshun', 'anshun-zb1'],
    other: ['lukou'],
    deniedWhen: field('brandId'),
    make: async (t, x) => ({ method: 'POST', url: `/api/v1/brand-selection-rounds/${await roundIn(t, x)}/nominations`, payload: { brandId: await brandIn(t, x), statement: '品牌培育成效明显' } }),
  },
  {
    route: 'DELETE /api/v1/brand-selection-nominations/:id',
    own: ['anshun', 'anshun-zb1'],
    other: ['lukou'],
    make: async (t, x) => ({ method: 'DELETE', url: `/api/v1/brand-selection-nominations/${await nominationIn(t, x, await roundIn(t, x))}` }),
  },
  {
    // The caller is put on the panel: still only court staff outside 第一支部's line may score.
    route: 'PUT /api/v1/brand-selection-nominations/:id/my-score',
    own: ['anshun'],
    other: ['lukou'],
    make: async (t, x, _side, who) => {
      const roundId = await roundIn(t, x, 'reviewing');
      const id = await nominationIn(t, x, roundId);
      await t.deps.db.insert(schema.brandSelectionReviewers).values({ id: newId(), courtId: x.courtId, roundId, userId: t.fx.users[who]!.id });
      return { method: 'PUT', url: `/api/v1/brand-selection-nominations/${id}/my-score`, payload: { theme: 80, substance: 80, distinctiveness: 80, integration: 80 } };
    },
  },
  {
    // A fully scored nomination: only the office decides (and selecting records the honor).
    route: 'POST /api/v1/brand-selection-nominations/:id/decision',
    own: ['anshun'],
    other: ['lukou'],
    make: async (t, x) => {
      const roundId = await roundIn(t, x, 'reviewing');
      const id = await nominationIn(t, x, roundId);
      for (const u of ['sysadmin', 'auditor']) {
        const userId = t.fx.users[u]!.id;
        await t.deps.db.insert(schema.brandSelectionReviewers).values({ id: newId(), courtId: x.courtId, roundId, userId });
        await t.deps.db.insert(schema.brandSelectionScores).values({ id: newId(), courtId: x.courtId, nominationId: id, reviewerId: userId, theme: 90, substance: 88, distinctiveness: 86, integration: 90 });
      }
      return { method: 'POST', url: `/api/v1/brand-selection-nominations/${id}/decision`, payload: { result: 'selected', version: 1 } };
    },
  },
];
