// 党费 is personal money data: the ledger is for the branch committee (secretary, committee members)
// and the party office; the branch and the office record; the higher-level org approves 少交/免交
// (第七条 — the branch never approves its own); members see their own dues and the yearly
// 收缴情况公布 (totals only). @see RULES.md §4.1
import type { Role } from '@zhibu/domain';
import type { Actor } from '../../policy/actor';
import { canManageOrg, canReadOrg, type OrgTarget } from '../../policy/scope';

const ledgerRoles: Role[] = ['courtAdmin', 'branchSecretary', 'committeeMember'];

export const duesPolicy = {
  readLedger: (actor: Actor, org: OrgTarget) =>
    actor.grants.some((g) => ledgerRoles.includes(g.role) && g.courtId === org.courtId && (g.role === 'courtAdmin' || (!!g.orgPath && org.path.startsWith(g.orgPath)))),
  manage: (actor: Actor, org: OrgTarget) => canManageOrg(actor, org),
  decide: (actor: Actor, parent: OrgTarget | null | undefined) => !!parent && canManageOrg(actor, parent),
  /** The publication: totals per branch and month, for everyone who may see the org and every Party member of the court. */
  readReport: (actor: Actor, org: OrgTarget) => canReadOrg(actor, org) || (!!actor.memberId && actor.courtId === org.courtId),
};
