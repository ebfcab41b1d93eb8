// Authorization-matrix cases of 党建工作提示 sent and confirmed: the office of the higher-level org
// sends (the court admin to 第一支部; 第一支部's secretary to its 党小组), the managers of the org told
// confirm — never the sender.
import type { TestApp } from '../../test-support/test-app';
import type { Case, Side, Target } from '../../test-support/matrix';

/** A notice from the target court's admin to the target branch. */
async function noticeOf(t: TestApp, x: Target, side: Side) {
  const admin = side === 'own' ? 'anshun' : 'lukou';
  const res = await t.as(admin, 'POST', '/api/v1/reminder-notices', { orgId: x.branchId, title: '本月支委会尚未召开', body: '请于月底前召开支部委员会会议。' });
  if (res.statusCode !== 200) throw new Error(`notice failed: ${res.body}`);
  return res.json() as { id: string; version: number };
}

export const cases: Case[] = [
  {
    route: 'POST /api/v1/reminder-notices',
    own: ['anshun'],
    other: ['lukou'],
    // the branch's own secretary is told, never the sender: 403 (or 400 "unknown org" outside scope)
    deniedWhen: (res) => res.statusCode === 400 && res.json().details?.[0]?.field === 'orgId',
    make: (_t, x) => ({ method: 'POST', url: '/api/v1/reminder-notices', payload: { orgId: x.branchId, title: '本季度支部党员大会尚未召开', body: '请按《中国共产党支部工作条例》第十一条安排。' } }),
  },
  {
    route: 'GET /api/v1/reminder-notices',
    // the inbox of the branch told: its secretary (the sender, a court admin, does not see it there)
    own: ['anshun-zb1'],
    other: [],
    visible: (res, x) => ((res.json() as { items: { orgId: string }[] }).items ?? []).some((i) => i.orgId === x.branchId),
    make: async (t, x, side) => (await noticeOf(t, x, side), { method: 'GET', url: '/api/v1/reminder-notices?box=inbox&pageSize=500' }),
  },
  {
    route: 'POST /api/v1/reminder-notices/:id/acknowledge',
    own: ['anshun-zb1'],
    other: [],
    make: async (t, x, side) => {
      const n = await noticeOf(t, x, side);
      return { method: 'POST', url: `/api/v1/reminder-notices/${n.id}/acknowledge`, payload: { note: '已安排', version: n.version } };
    },
  },
];
