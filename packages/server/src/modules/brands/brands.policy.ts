// Who does what with a brand (issue 4; DESIGN.md § Who uses it):
// - everyone of the court, and higher courts' viewers, read brands and honors: they are the court's
//   public face (readableCourtIds); outside the brand's court, no names (team, reviewers, individual honorees);
// - 'branch' — the brand's own branch applies and edits: a branch secretary whose org covers the
//   brand's org; for the court's master brand, the party office;
// - 'office' — the party office (courtAdmin of the brand's court) forms the panel and decides 认定,
//   培育, 宣传, 选树. A branch secretary is never 'office', so a branch never approves its own brand;
// - reviewers: users the office put on the panel of the current round (brand-review.ts conflict rule).
import type { BrandActorKind } from '@zhibu/domain';
import type { Actor } from '../../policy/actor';
import { canManageOrg, readableCourtIds } from '../../policy/scope';

export type BrandTarget = { courtId: string; orgPath: string; isMaster: boolean };

export function isOffice(actor: Actor, courtId: string): boolean {
  return actor.grants.some((g) => g.role === 'courtAdmin' && g.courtId === courtId);
}

function isOwnBranch(actor: Actor, b: BrandTarget): boolean {
  if (b.isMaster) return isOffice(actor, b.courtId);
  return actor.grants.some((g) => g.role === 'branchSecretary' && g.courtId === b.courtId && !!g.orgPath && b.orgPath.startsWith(g.orgPath));
}

/** Has a role inside this court (not merely a higher court's view of it): may see names. */
export function isInsider(actor: Actor, courtId: string): boolean {
  return actor.courtId === courtId && actor.grants.some((g) => g.role !== 'higherCourtViewer');
}

export const brandsPolicy = {
  read: (actor: Actor, b: BrandTarget) => readableCourtIds(actor).includes(b.courtId),
  kinds: (actor: Actor, b: BrandTarget): BrandActorKind[] => [...(isOwnBranch(actor, b) ? (['branch'] as const) : []), ...(isOffice(actor, b.courtId) ? (['office'] as const) : [])],
  /** Content, milestones, evidence, progress reports: the branch, and the office helping it. */
  edit: (actor: Actor, b: BrandTarget) => isOwnBranch(actor, b) || isOffice(actor, b.courtId),
  create: (actor: Actor, b: BrandTarget) => isOwnBranch(actor, b) || isOffice(actor, b.courtId),
  formPanel: (actor: Actor, b: BrandTarget) => isOffice(actor, b.courtId),
  /** Scores and reviewers' names: the office, the branch's managers and the panel. */
  seeReview: (actor: Actor, b: BrandTarget, onPanel: boolean) => onPanel || isOffice(actor, b.courtId) || canManageOrg(actor, { courtId: b.courtId, path: b.orgPath }),
};

export const honorsPolicy = {
  read: (actor: Actor, h: { courtId: string; orgPath: string }) => readableCourtIds(actor).includes(h.courtId),
  manage: (actor: Actor, h: { courtId: string; orgPath: string }) => canManageOrg(actor, { courtId: h.courtId, path: h.orgPath }),
};
