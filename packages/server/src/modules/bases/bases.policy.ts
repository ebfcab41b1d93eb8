// Who may do what with rooms, bookings, study points and shared materials (一支部一阵地).
// A secretary manages only their branch's room and bookings; a court admin (机关党委/党办) manages
// every room of the court and alone marks a room shared. Any branch of the court may book a shared
// room; a branch books for itself (its secretary), never in another branch's name.
import type { Actor } from '../../policy/actor';
import { canManageCourtStructure, canManageOrg, readableCourtIds, type OrgTarget } from '../../policy/scope';

export type RoomTarget = { courtId: string; orgPath: string; shared: boolean };

export const basesPolicy = {
  /** Rooms and their calendar are the court's: everyone of the court (and the courts above) sees them. */
  readRoom: (actor: Actor, room: RoomTarget) => readableCourtIds(actor).includes(room.courtId),
  manageRoom: (actor: Actor, room: RoomTarget) => canManageOrg(actor, { courtId: room.courtId, path: room.orgPath }),
  /** Marking a room shared opens it to every branch of the court: the court's party office decides. */
  setShared: (actor: Actor, courtId: string) => canManageCourtStructure(actor, courtId),
  /** Book `room` for branch `org`: manage the branch, same court, and the room is the branch's own (or above it), shared, or managed by the caller. */
  book: (actor: Actor, room: RoomTarget, org: OrgTarget) =>
    canManageOrg(actor, org) && org.courtId === room.courtId && (room.shared || org.path.startsWith(room.orgPath) || canManageOrg(actor, { courtId: room.courtId, path: room.orgPath })),
  cancelBooking: (actor: Actor, room: RoomTarget, org: OrgTarget) => canManageOrg(actor, org) || canManageOrg(actor, { courtId: room.courtId, path: room.orgPath }),
  readCourt: (actor: Actor, courtId: string) => readableCourtIds(actor).includes(courtId),
  /** 月度政治学习要点 and the court's checklist items: the court's party office. */
  manageCourt: (actor: Actor, courtId: string) => canManageCourtStructure(actor, courtId),
  manageMaterial: (actor: Actor, owner: OrgTarget) => canManageOrg(actor, owner),
};
