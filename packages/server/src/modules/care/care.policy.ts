// 关怀 records are sensitive personal data (illness, hardship, money given): only the secretary of the
// member's branch and the court's party office (机关党委/党办) see or write them — not the committee
// members, not group leaders, not the member list, not other courts, not the higher court. Every read
// of a record's details is audited by the service.
import type { Actor } from '../../policy/actor';
import type { OrgTarget } from '../../policy/scope';

/** The member's current branch decides (a member moving within the court takes the records along). */
function holdsCare(actor: Actor, t: OrgTarget): boolean {
  return actor.grants.some(
    (g) => g.courtId === t.courtId && (g.role === 'courtAdmin' || (g.role === 'branchSecretary' && !!g.orgPath && t.path.startsWith(g.orgPath))),
  );
}

export const carePolicy = {
  read: holdsCare,
  manage: holdsCare,
  /** A SQL-ready scope: court ids (office) and org path prefixes (secretaries). */
  scopeOf(actor: Actor) {
    const courtIds: string[] = [];
    const paths: { courtId: string; path: string }[] = [];
    for (const g of actor.grants) {
      if (g.role === 'courtAdmin' && g.courtId) courtIds.push(g.courtId);
      else if (g.role === 'branchSecretary' && g.courtId && g.orgPath) paths.push({ courtId: g.courtId, path: g.orgPath });
    }
    return { courtIds, paths };
  },
};
