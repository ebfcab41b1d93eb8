// Authorization-matrix cases of 谈心谈话 (issue 5): every route of the module, run by
// authorization-matrix.test.ts (see test-support/matrix.ts for the case shape). The branch committee
// and the party office read; the secretary and the office record (a committee member only talks they
// took part in); 提醒谈话 only the secretary, the office and the member concerned see.
import type { LightMyRequestResponse } from 'fastify';
import { newId, schema } from '@zhibu/db';
import type { TalkKind } from '@zhibu/domain';
import type { TestApp } from '../../test-support/test-app';
import { unknownOrg, type Case, type Side, type Target } from '../../test-support/matrix';

const READERS = ['anshun', 'anshun-zb1', 'anshun-zw1'] as const;
const MANAGERS = ['anshun', 'anshun-zb1'] as const;

/** A talk of the target's branch between the target member (李明 = anshun-xz1) and, own side, 王芳 (anshun-zw1) or the secretary. */
async function talkOf(t: TestApp, x: Target, side: Side, kind: TalkKind = 'talk') {
  const id = newId();
  const other = side === 'own' ? (kind === 'talk' ? t.fx.members.member2 : t.fx.members.secretary) : null;
  await t.deps.db.insert(schema.talks).values({ id, courtId: x.courtId, orgId: x.branchId, talkedOn: '2026-03-02', kind, topic: '矩阵测试谈话', summary: '谈话要点', createdByName: '测试' });
  const parts = [{ id: newId(), courtId: x.courtId, talkId: id, memberId: x.memberId, memberName: x.memberName, isInitiator: !other }];
  if (other) parts.push({ id: newId(), courtId: x.courtId, talkId: id, memberId: other.id, memberName: other.name, isInitiator: true });
  await t.deps.db.insert(schema.talkParticipants).values(parts);
  return id;
}

const hasTalkIn = (res: LightMyRequestResponse, x: Target) => ((res.json() as { items?: { orgId: string }[] }).items ?? []).some((i) => i.orgId === x.branchId);
const payload = (x: Target) => ({ talkedOn: '2026-03-02', topic: '谈思想、谈工作', participantIds: [x.memberId, x.fullMemberId], initiatorId: x.fullMemberId });

export const cases: Case[] = [
  { route: 'GET /api/v1/talks', own: READERS, other: ['lukou'], visible: hasTalkIn, make: async (t, x, side) => (await talkOf(t, x, side), { method: 'GET', url: `/api/v1/talks?orgId=${x.branchId}&year=2026` }) },
  // A 谈心谈话 between 李明 (anshun-xz1) and 王芳 (anshun-zw1): the participants see it too.
  { route: 'GET /api/v1/talks/:id', own: [...READERS, 'anshun-xz1'], other: ['lukou'], make: async (t, x, side) => ({ method: 'GET', url: `/api/v1/talks/${await talkOf(t, x, side)}` }) },
  // A 提醒谈话 of the secretary with 李明: not the committee member 王芳 (anshun-zw1).
  { route: 'GET /api/v1/talks/:id', own: [...MANAGERS, 'anshun-xz1'], other: ['lukou'], make: async (t, x, side) => ({ method: 'GET', url: `/api/v1/talks/${await talkOf(t, x, side, 'remindingTalk')}` }) },
  // 王芳 (anshun-zw1) records a talk she took part in; 李明 is a group leader, not on the committee.
  { route: 'POST /api/v1/talks', own: READERS, other: ['lukou'], deniedWhen: unknownOrg, make: (_t, x) => ({ method: 'POST', url: '/api/v1/talks', payload: { orgId: x.branchId, ...payload(x) } }) },
  { route: 'PUT /api/v1/talks/:id', own: MANAGERS, other: ['lukou'], make: async (t, x, side) => ({ method: 'PUT', url: `/api/v1/talks/${await talkOf(t, x, side)}`, payload: { ...payload(x), followUpState: 'pending', followUpNote: '帮助解决子女入学', version: 1 } }) },
  { route: 'DELETE /api/v1/talks/:id', own: MANAGERS, other: ['lukou'], make: async (t, x, side) => ({ method: 'DELETE', url: `/api/v1/talks/${await talkOf(t, x, side)}?version=1` }) },
  { route: 'GET /api/v1/talks/coverage', own: READERS, other: ['lukou'], make: (_t, x) => ({ method: 'GET', url: `/api/v1/talks/coverage?orgId=${x.branchId}&year=2026` }) },
  {
    route: 'GET /api/v1/talks/coverage-summary',
    own: READERS,
    other: ['lukou'],
    visible: (res, x) => ((res.json() as { items?: { orgId: string }[] }).items ?? []).some((i) => i.orgId === x.branchId),
    make: () => ({ method: 'GET', url: '/api/v1/talks/coverage-summary?year=2026' }),
  },
  { route: 'GET /api/v1/talks/ledger.xlsx', own: READERS, other: ['lukou'], make: (_t, x) => ({ method: 'GET', url: `/api/v1/talks/ledger.xlsx?orgId=${x.branchId}&year=2026` }) },
];
