// Test helper: activities and attendance written straight to the tables (the activities module owns
// their API; these tests only need rows to compute from).
import { randomBytes } from 'node:crypto';
import { newId, schema, type Db } from '@zhibu/db';
import { TEST_PASSWORD } from '../../test-support/fixture';
import type { TestApp } from '../../test-support/test-app';

export type ActivitySeed = {
  org: { id: string; courtId: string; path: string };
  type: string;
  heldOn: string;
  status?: 'planned' | 'held' | 'cancelled';
  title?: string;
  lateEntry?: boolean;
  lateEntryReason?: string;
  time?: string;
  extra?: Partial<typeof schema.activities.$inferInsert>;
  attendance?: { memberId: string; status: string; reason?: string }[];
};

export async function insertActivity(db: Db, s: ActivitySeed): Promise<string> {
  const id = newId();
  await db.insert(schema.activities).values({
    id,
    courtId: s.org.courtId,
    orgId: s.org.id,
    orgPath: s.org.path,
    type: s.type,
    title: s.title ?? '学习贯彻党的二十届四中全会精神',
    status: s.status ?? 'held',
    heldOn: s.heldOn,
    startsAt: new Date(`${s.heldOn}T${s.time ?? '14:30'}:00+08:00`),
    lateEntry: s.lateEntry ?? false,
    lateEntryReason: s.lateEntryReason ?? null,
    signInSecret: randomBytes(16).toString('hex'),
    signInCode: '123456',
    ...s.extra,
  });
  if (s.attendance?.length) {
    await db.insert(schema.activityAttendance).values(
      s.attendance.map((a) => ({ id: newId(), courtId: s.org.courtId, activityId: id, memberId: a.memberId, role: 'expected', status: a.status, reason: a.reason ?? null })),
    );
  }
  return id;
}

/** A request with a fresh login: tests that move the injected clock by months outlive any session. */
export async function freshAs(t: TestApp, username: string, method: string, url: string, payload?: unknown) {
  const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: TEST_PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`login ${username} failed: ${login.body}`);
  const sid = login.cookies.find((c) => c.name === 'zhibu_sid')!.value;
  return t.app.inject({ method: method as never, url, headers: { cookie: `zhibu_sid=${sid}` }, ...(payload === undefined ? {} : { payload: payload as never }) });
}
