// Who may do what with courts, departments and the party-org tree.
// Structure (names, types, counts, committees) is not personal data: everyone with a role in a
// court sees its tree; higher-court viewers see the courts below theirs. Changes need a managing
// role over the org's subtree; new top-level nodes and departments need the court admin.
import type { Actor } from '../../policy/actor';
import { hasRole } from '../../policy/actor';
import { canManageCourtStructure, canManageOrg, readableCourtIds, type OrgTarget } from '../../policy/scope';

export const orgsPolicy = {
  readCourt: (actor: Actor, courtId: string) => readableCourtIds(actor).includes(courtId),
  manageCourts: (actor: Actor) => hasRole(actor, 'sysAdmin'),
  readOrg: (actor: Actor, t: OrgTarget) => readableCourtIds(actor).includes(t.courtId),
  manageOrg: (actor: Actor, t: OrgTarget) => canManageOrg(actor, t),
  createRootOrg: (actor: Actor, courtId: string) => canManageCourtStructure(actor, courtId),
  manageDepartments: (actor: Actor, courtId: string) => canManageCourtStructure(actor, courtId),
  /** A court's structure-rule overrides ([U] rules) are the court admin's. */
  manageRules: (actor: Actor, courtId: string) => canManageCourtStructure(actor, courtId),
  readableCourtIds,
};
