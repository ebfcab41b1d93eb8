// 活动室预约: the booking calendar of every branch (its own room and the court's shared rooms).
// No double booking, also under concurrent requests: inside one transaction the room row is locked
// (SELECT … FOR UPDATE, portable to PGlite which has no btree_gist for an exclusion constraint), then
// the overlap check runs and the booking is inserted. A clash names who holds the room.
import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Booking, cancelBookingRequest, createBookingRequest, z } from '@zhibu/contracts';
import { bookingHours, checkBookingSpan, describeBookingClash, findBookingClash } from '@zhibu/domain';
import { newId, schema, type DbOrTx } from '@zhibu/db';
import type { Deps } from '../../deps';
import { AppError, invalidField } from '../../errors';
import { appendAudit } from '../../lib/audit';
import { assertVersion, forbidIf, found } from '../../lib/records';
import { auditActorOf, type Actor } from '../../policy/actor';
import { basesPolicy as policy } from './bases.policy';
import * as repo from './bases.repository';
import { loadReadableRoom, targetOf } from './rooms.service';

const { roomBookings, activityRooms, activities, partyOrgs } = schema;

/** The longest span one calendar request may ask for. */
const MAX_RANGE_DAYS = 92;

function toView(actor: Actor, x: repo.ListedBooking): Booking {
  const room = { courtId: x.row.courtId, orgPath: x.roomOrgPath, shared: x.roomShared };
  return {
    id: x.row.id,
    roomId: x.row.roomId,
    roomName: x.roomName,
    orgId: x.row.orgId,
    orgName: x.orgName,
    activityId: x.row.activityId,
    activityTitle: x.activityTitle,
    title: x.row.title,
    startsAt: x.row.startsAt.toISOString(),
    endsAt: x.row.endsAt.toISOString(),
    state: x.row.state as Booking['state'],
    cancelReason: x.row.cancelReason,
    canCancel: x.row.state === 'booked' && policy.cancelBooking(actor, room, { courtId: x.row.courtId, path: x.orgPath }),
    version: x.row.version,
  };
}

async function viewById(db: DbOrTx, actor: Actor, id: string) {
  return toView(actor, found((await repo.listBookings(db, eq(roomBookings.id, id)))[0]));
}

export async function listBookings(deps: Deps, actor: Actor, q: { roomId?: string; orgId?: string; courtId?: string; from: string; to: string; includeCancelled?: 'true' | 'false' }) {
  const from = new Date(q.from);
  const to = new Date(q.to);
  if (to <= from) throw invalidField('to', '结束时间应晚于开始时间');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86400_000) throw invalidField('to', `一次最多查询${MAX_RANGE_DAYS}天`);
  let courtIds: string[];
  if (q.roomId) {
    const room = await loadReadableRoom(deps, actor, q.roomId);
    courtIds = [room.row.courtId];
  } else {
    const wanted = q.courtId ? [q.courtId] : [...new Set([actor.courtId, ...actor.grants.map((g) => g.courtId)].filter((c): c is string => !!c))];
    courtIds = wanted.filter((c) => policy.readCourt(actor, c));
  }
  if (!courtIds.length) return { items: [], total: 0 };
  const where = and(
    inArray(roomBookings.courtId, courtIds),
    q.roomId ? eq(roomBookings.roomId, q.roomId) : undefined,
    q.orgId ? eq(roomBookings.orgId, q.orgId) : undefined,
    lt(roomBookings.startsAt, to),
    sql`${roomBookings.endsAt} > ${from}`,
    q.includeCancelled === 'true' ? undefined : eq(roomBookings.state, 'booked'),
  ) as SQL;
  // Bookings are visible to whoever may read the room (everyone of the court sees the calendar).
  const rows = (await repo.listBookings(deps.db, where)).filter((x) => policy.readRoom(actor, { courtId: x.row.courtId, orgPath: x.roomOrgPath, shared: x.roomShared }));
  const items = rows.map((x) => toView(actor, x));
  return { items, total: items.length };
}

export async function createBooking(deps: Deps, actor: Actor, input: z.infer<typeof createBookingRequest>) {
  const room = await repo.findRoom(deps.db, input.roomId);
  if (!room || !policy.readRoom(actor, targetOf(room))) throw invalidField('roomId', '活动室不存在或不在您的范围内');
  const org = await repo.findOrg(deps.db, input.orgId);
  if (!org || org.courtId !== room.row.courtId) throw invalidField('orgId', '只能为本院的党组织预约本院的活动室');
  if (!policy.book(actor, targetOf(room), { courtId: org.courtId, path: org.path })) {
    if (!room.row.shared && !org.path.startsWith(room.orgPath)) throw new AppError('FORBIDDEN', `${room.row.name}是${room.orgName}的活动室，未设为全院共享，其他支部不能预约`);
    throw new AppError('FORBIDDEN', `您不能以${org.label}的名义预约`);
  }
  const span = { startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) };
  const problem = checkBookingSpan(span, deps.now())[0];
  if (problem) throw invalidField(problem.field, problem.message);
  let activityTitle: string | null = null;
  if (input.activityId) {
    const a = (await deps.db.select({ id: activities.id, courtId: activities.courtId, orgPath: activities.orgPath, status: activities.status, title: activities.title }).from(activities).where(eq(activities.id, input.activityId)))[0];
    if (!a || a.courtId !== org.courtId || !a.orgPath.startsWith(org.path)) throw invalidField('activityId', `所选活动不存在或不是${org.label}的活动`);
    if (a.status === 'cancelled') throw invalidField('activityId', '该活动已取消，不能为其预约活动室');
    activityTitle = a.title;
  }
  return deps.db.transaction(async (tx) => {
    // Serialize bookings of this room: a concurrent request waits here, then sees ours.
    found(await repo.lockRoom(tx, room.row.id));
    const clash = findBookingClash(span, await repo.overlappingBookings(tx, room.row.id, span.startsAt, span.endsAt));
    if (clash) throw new AppError('DUPLICATE', describeBookingClash(clash.orgName, clash, span), [{ field: 'startsAt', message: describeBookingClash(clash.orgName, clash, span) }]);
    const row = {
      id: newId(),
      courtId: room.row.courtId,
      roomId: room.row.id,
      orgId: org.id,
      activityId: input.activityId ?? null,
      title: input.title,
      startsAt: span.startsAt,
      endsAt: span.endsAt,
      state: 'booked',
      bookedBy: actor.userId,
    };
    await tx.insert(roomBookings).values(row);
    await appendAudit(tx, auditActorOf(actor), { action: 'room.booking.create', entity: 'roomBooking', entityId: row.id, courtId: row.courtId, after: { ...row, roomName: room.row.name, orgName: org.name, activityTitle } });
    return viewById(tx, actor, row.id);
  });
}

export async function cancelBooking(deps: Deps, actor: Actor, id: string, input: z.infer<typeof cancelBookingRequest>) {
  const x = found((await repo.listBookings(deps.db, eq(roomBookings.id, id)))[0]);
  const room = { courtId: x.row.courtId, orgPath: x.roomOrgPath, shared: x.roomShared };
  if (!policy.readRoom(actor, room)) throw new AppError('NOT_FOUND');
  forbidIf(!policy.cancelBooking(actor, room, { courtId: x.row.courtId, path: x.orgPath }));
  return deps.db.transaction(async (tx) => {
    const current = found((await tx.select().from(roomBookings).where(eq(roomBookings.id, id)))[0]);
    assertVersion(current.version, input.version);
    if (current.state !== 'booked') throw new AppError('VALIDATION_FAILED', '该预约已取消');
    await tx.update(roomBookings).set({ state: 'cancelled', cancelReason: input.reason ?? null, version: current.version + 1, updatedAt: deps.now() }).where(eq(roomBookings.id, id));
    await appendAudit(tx, auditActorOf(actor), { action: 'room.booking.cancel', entity: 'roomBooking', entityId: id, courtId: current.courtId, before: { state: 'booked' }, after: { state: 'cancelled', cancelReason: input.reason ?? null, roomName: x.roomName, orgName: x.orgName } });
    return viewById(tx, actor, id);
  });
}

/** Usage per room and month of a year (Asia/Shanghai months): bookings, hours, how many for an activity. One query. */
export async function roomUsage(deps: Deps, actor: Actor, q: { courtId?: string; year: number }) {
  const courtId = q.courtId ?? actor.courtId;
  if (!courtId || !policy.readCourt(actor, courtId)) throw new AppError('NOT_FOUND');
  const from = new Date(`${q.year}-01-01T00:00:00+08:00`);
  const to = new Date(`${q.year + 1}-01-01T00:00:00+08:00`);
  const month = sql<string>`to_char(${roomBookings.startsAt} at time zone 'Asia/Shanghai', 'YYYY-MM')`;
  const rows = await deps.db
    .select({
      roomId: roomBookings.roomId,
      roomName: activityRooms.name,
      orgName: repo.orgLabel,
      orgPath: partyOrgs.path,
      shared: activityRooms.shared,
      month,
      bookings: sql<number>`count(*)::int`,
      seconds: sql<number>`sum(extract(epoch from ${roomBookings.endsAt} - ${roomBookings.startsAt}))::float8`,
      withActivity: sql<number>`count(${roomBookings.activityId})::int`,
    })
    .from(roomBookings)
    .innerJoin(activityRooms, eq(activityRooms.id, roomBookings.roomId))
    .innerJoin(partyOrgs, eq(partyOrgs.id, activityRooms.orgId))
    .where(and(eq(roomBookings.courtId, courtId), eq(roomBookings.state, 'booked'), gte(roomBookings.startsAt, from), lt(roomBookings.startsAt, to)))
    .groupBy(roomBookings.roomId, activityRooms.name, partyOrgs.name, partyOrgs.shortName, partyOrgs.sortOrder, partyOrgs.path, activityRooms.shared, month)
    .orderBy(partyOrgs.sortOrder, activityRooms.name, month);
  const items = rows
    .filter((r) => policy.readRoom(actor, { courtId, orgPath: r.orgPath, shared: r.shared }))
    .map((r) => ({
      roomId: r.roomId,
      roomName: r.roomName,
      orgName: r.orgName,
      month: r.month,
      bookings: Number(r.bookings),
      hours: bookingHours({ startsAt: new Date(0), endsAt: new Date(Number(r.seconds) * 1000) }),
      withActivity: Number(r.withActivity),
    }));
  return { items, total: items.length };
}
