// Who handles a transfer: the managers of the sending branch send it, withdraw it while it is in
// transit, record the 回执 of a letter out of the platform and download the 介绍信; the managers of
// the receiving branch accept or return it (RULES.md §5: 不得无故拒转拒接 — a return needs a reason).
// Nobody else sees it: it carries a member's personal data.
import type { Actor } from '../../policy/actor';
import { canManageOrg, type OrgTarget } from '../../policy/scope';

export const transfersPolicy = {
  send: (actor: Actor, from: OrgTarget) => canManageOrg(actor, from),
  isSender: (actor: Actor, from: OrgTarget) => canManageOrg(actor, from),
  isReceiver: (actor: Actor, to: OrgTarget | null | undefined) => !!to && canManageOrg(actor, to),
};
