// Who may see and change a court's activity catalogue. The catalogue is rule data, not personal
// data: everyone with a role in the court (and higher-court viewers) may read it; only the court's
// admin (机关党委/党总支 管理员) changes the [U] rules it carries. @see RULES.md §1.1
import type { Actor } from '../../policy/actor';
import { canManageCourtStructure, readableCourtIds } from '../../policy/scope';

export const activityTypesPolicy = {
  read: (actor: Actor, courtId: string) => readableCourtIds(actor).includes(courtId),
  manage: (actor: Actor, courtId: string) => canManageCourtStructure(actor, courtId),
  /** The court a caller means when no courtId is given: their own. */
  defaultCourtId: (actor: Actor) => actor.courtId ?? readableCourtIds(actor)[0] ?? null,
};
