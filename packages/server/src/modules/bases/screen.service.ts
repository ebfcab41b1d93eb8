// The room's screen (1920×1080 display beside the door or on the wall): the branch's brand, its
// committee and members (names and posts only — no personal data on a wall), upcoming bookings and
// activities, this month's political-study points, recent photos and — while an activity in the
// room has sign-in open — the rotating sign-in QR of the existing QR sign-in (activities module).
// Read either by a signed-in reader of the room, or by the room's display token (unattended display).
import { and, asc, desc, eq, gt, inArray, like, lte, sql, isNull, or, gte } from 'drizzle-orm';
import type { RoomScreen } from '@zhibu/contracts';
import { committeePostLabels, isActiveMember, memberStatuses, shanghaiMonthOf, todayInShanghai, type CommitteePost } from '@zhibu/domain';
import { schema } from '@zhibu/db';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { found } from '../../lib/records';
import type { Actor } from '../../policy/actor';
import { makeSignInToken, stepEndsAt, timeStepOf } from '../activities/sign-in-token';
import * as repo from './bases.repository';
import { hashDisplayToken, loadReadableRoom } from './rooms.service';

const { activityRooms, roomBookings, members, committeePositions, activities, activityAttendance, files, studyPoints } = schema;
const activeStatuses = memberStatuses.filter((s) => isActiveMember(s));
const UPCOMING = 6;
const PHOTOS = 8;

/** The room a display token opens; null when none (revoked or never made). */
export async function roomOfDisplayToken(deps: Deps, token: string) {
  if (!token || token.length < 20 || token.length > 100) return undefined;
  const row = (await deps.db.select({ id: activityRooms.id }).from(activityRooms).where(eq(activityRooms.displayTokenHash, hashDisplayToken(token))))[0];
  return row ? repo.findRoom(deps.db, row.id) : undefined;
}

async function brandOf(deps: Deps, orgId: string): Promise<RoomScreen['brand']> {
  // 一支部一品牌 lives in the brands module's table; read it only when it exists (read-only SQL).
  try {
    const reg = (await deps.db.execute(sql`select to_regclass('public.brands') is not null as ok`)) as unknown as { rows: { ok: boolean }[] };
    if (!reg.rows[0]?.ok) return null;
    const res = (await deps.db.execute(sql`
      select name, slogan from brands
      where org_id = ${orgId} and state not in ('rejected', 'draft')
      order by case when state in ('recognized', 'cultivating', 'promoting', 'selected') then 0 else 1 end, updated_at desc
      limit 1`)) as unknown as { rows: { name: string; slogan: string | null }[] };
    const b = res.rows[0];
    return b ? { name: b.name, slogan: b.slogan ?? null } : null;
  } catch {
    return null;
  }
}

export async function buildScreen(deps: Deps, room: repo.ListedRoom, photoUrl: (fileId: string) => string): Promise<RoomScreen> {
  const now = deps.now();
  const today = todayInShanghai(now);
  const branch = found(await repo.findOrg(deps.db, room.row.orgId));
  const court = found(await repo.findCourt(deps.db, room.row.courtId));

  const committee = await deps.db
    .select({ name: members.name, post: committeePositions.post })
    .from(committeePositions)
    .innerJoin(members, eq(members.id, committeePositions.memberId))
    .where(and(eq(committeePositions.orgId, branch.id), lte(committeePositions.startOn, today), or(isNull(committeePositions.endOn), gte(committeePositions.endOn, today))));
  const postOrder = Object.keys(committeePostLabels);
  committee.sort((a, b) => postOrder.indexOf(a.post) - postOrder.indexOf(b.post));

  const memberRows = await deps.db
    .select({ name: members.name })
    .from(members)
    .where(and(eq(members.orgId, branch.id), inArray(members.status, activeStatuses)))
    .orderBy(asc(members.name))
    .limit(300);

  const bookings = await repo.listBookings(deps.db, and(eq(roomBookings.roomId, room.row.id), eq(roomBookings.state, 'booked'), gt(roomBookings.endsAt, now), lte(roomBookings.startsAt, new Date(now.getTime() + 14 * 86400_000))), UPCOMING + 1);
  const current = bookings.find((b) => b.row.startsAt <= now && b.row.endsAt > now);

  // The branch's own planned activities elsewhere (or not booked) also belong on its screen.
  const planned = await deps.db
    .select({ id: activities.id, title: activities.title, startsAt: activities.startsAt, endsAt: activities.endsAt, place: activities.place })
    .from(activities)
    .where(and(eq(activities.orgId, branch.id), eq(activities.status, 'planned'), gt(activities.startsAt, now)))
    .orderBy(asc(activities.startsAt))
    .limit(UPCOMING);
  const booked = new Set(bookings.map((b) => b.row.activityId).filter(Boolean));
  const upcoming = [
    ...bookings.filter((b) => b !== current).map((b) => ({ id: b.row.id, title: b.row.title, startsAt: b.row.startsAt.toISOString(), endsAt: b.row.endsAt.toISOString(), orgName: b.orgName, place: room.row.name })),
    ...planned
      .filter((a) => !booked.has(a.id))
      .map((a) => ({ id: a.id, title: a.title, startsAt: a.startsAt.toISOString(), endsAt: (a.endsAt ?? new Date(a.startsAt.getTime() + 2 * 3600_000)).toISOString(), orgName: branch.label, place: a.place })),
  ]
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .slice(0, UPCOMING);

  const month = shanghaiMonthOf(now);
  const points = (await deps.db.select().from(studyPoints).where(and(eq(studyPoints.courtId, court.id), eq(studyPoints.month, month))))[0];

  // Recent photos: images attached to the branch's activities, then the room's own photos.
  const activityPhotos = await deps.db
    .select({ id: files.id, fileName: files.fileName, activityTitle: activities.title })
    .from(files)
    .innerJoin(activities, eq(activities.id, files.ownerId))
    .where(and(eq(files.ownerType, 'activity'), like(files.mimeType, 'image/%'), like(activities.orgPath, `${branch.path}%`), eq(activities.courtId, court.id)))
    .orderBy(desc(files.createdAt))
    .limit(PHOTOS);
  const roomPhotos = activityPhotos.length >= PHOTOS ? [] : (await repo.listRoomPhotos(deps.db, [room.row.id])).map((p) => ({ id: p.id, fileName: p.fileName, activityTitle: room.row.name }));
  const photos = [...activityPhotos, ...roomPhotos].slice(0, PHOTOS).map((p) => ({ ...p, url: photoUrl(p.id) }));

  let nowBlock: RoomScreen['now'] = null;
  if (current) {
    let signIn: NonNullable<RoomScreen['now']>['signIn'] = null;
    if (current.row.activityId) {
      const a = (await deps.db.select().from(activities).where(eq(activities.id, current.row.activityId)))[0];
      const open = !!a && a.status !== 'cancelled' && !!a.signInOpensAt && !!a.signInClosesAt && now >= a.signInOpensAt && now <= a.signInClosesAt;
      if (a && open) {
        const token = makeSignInToken(a.id, a.signInSecret, timeStepOf(now));
        const counts = (await deps.db
          .select({ expected: sql<number>`count(*) filter (where ${activityAttendance.role} = 'expected')::int`, signedIn: sql<number>`count(*) filter (where ${activityAttendance.role} = 'expected' and ${activityAttendance.signedInAt} is not null)::int` })
          .from(activityAttendance)
          .where(eq(activityAttendance.activityId, a.id)))[0];
        signIn = {
          activityId: a.id,
          url: `/sign-in?t=${encodeURIComponent(token)}`,
          code: a.signInCode,
          closesAt: a.signInClosesAt ? a.signInClosesAt.toISOString() : null,
          tokenRotatesAt: stepEndsAt(now).toISOString(),
          expected: Number(counts?.expected ?? 0),
          signedIn: Number(counts?.signedIn ?? 0),
        };
      }
    }
    nowBlock = { title: current.row.title, orgName: current.orgName, startsAt: current.row.startsAt.toISOString(), endsAt: current.row.endsAt.toISOString(), signIn };
  }

  return {
    room: { id: room.row.id, name: room.row.name, floor: room.row.floor, devices: room.row.devices ?? [] },
    court: { id: court.id, name: court.name },
    branch: { id: branch.id, name: branch.label, memberCount: memberRows.length },
    brand: await brandOf(deps, branch.id),
    committee: committee.map((c) => ({ name: c.name, post: committeePostLabels[c.post as CommitteePost] ?? c.post })),
    members: memberRows.map((m) => m.name),
    upcoming,
    studyPoints: points ? { month: points.month, items: points.items } : null,
    photos,
    now: nowBlock,
    serverTime: now.toISOString(),
  };
}

/** For a signed-in reader of the room (the secretary previewing, or a display kept signed in). */
export async function screenForReader(deps: Deps, actor: Actor, roomId: string) {
  const room = await loadReadableRoom(deps, actor, roomId);
  return buildScreen(deps, room, (fileId) => `/api/v1/rooms/${roomId}/screen/photos/${fileId}`);
}

/** For the unattended display: the token opens this one room's screen and nothing else. */
export async function screenForToken(deps: Deps, token: string) {
  const room = await roomOfDisplayToken(deps, token);
  if (!room) throw new AppError('NOT_FOUND', '大屏链接无效或已被收回，请联系支部书记重新生成');
  return buildScreen(deps, room, (fileId) => `/api/v1/room-screen/photos/${fileId}?t=${encodeURIComponent(token)}`);
}

/** A photo the screen shows: an image of the branch's activities or of the room itself. */
export async function screenPhoto(deps: Deps, room: repo.ListedRoom, fileId: string) {
  const f = found(await repo.findFile(deps.db, fileId));
  if (!f.mimeType.startsWith('image/') || f.courtId !== room.row.courtId) throw new AppError('NOT_FOUND');
  if (f.ownerType === repo.ROOM_PHOTO_OWNER && f.ownerId === room.row.id) return f;
  if (f.ownerType === 'activity') {
    const branch = found(await repo.findOrg(deps.db, room.row.orgId));
    const a = (await deps.db.select({ orgPath: activities.orgPath }).from(activities).where(eq(activities.id, f.ownerId)))[0];
    if (a && a.orgPath.startsWith(branch.path)) return f;
  }
  throw new AppError('NOT_FOUND');
}

export async function screenPhotoForReader(deps: Deps, actor: Actor, roomId: string, fileId: string) {
  return screenPhoto(deps, await loadReadableRoom(deps, actor, roomId), fileId);
}

export async function screenPhotoForToken(deps: Deps, token: string, fileId: string) {
  const room = await roomOfDisplayToken(deps, token);
  if (!room) throw new AppError('NOT_FOUND');
  return screenPhoto(deps, room, fileId);
}
