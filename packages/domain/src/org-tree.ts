// The party org tree of a court: which org may sit under which, materialized paths for subtree
// queries (policies grant rights on "this org and everything below"), and nesting a flat list.
// @see DESIGN.md §Capabilities (orgs), RULES.md §2
import { orgTypeLabels, type OrgType } from './enums';

// 党组 is the court's leadership group: a root of its own, beside the 机关党委, not above it.
// 机关党委/基层党委 → 党总支 or 党支部; 党总支 → 党支部; 党支部 → 党小组 ("党小组建在审判团队上").
// 青年理论学习小组 may hang under any level from the branch up.
const childTypesByParent: Record<OrgType, readonly OrgType[]> = {
  leadingPartyGroup: [],
  organCommittee: ['generalBranch', 'branch', 'youthStudyGroup'],
  primaryCommittee: ['generalBranch', 'branch', 'youthStudyGroup'],
  generalBranch: ['branch', 'youthStudyGroup'],
  branch: ['partyGroup', 'youthStudyGroup'],
  partyGroup: [],
  youthStudyGroup: [],
};

/** Org types that may be the top of a court's tree (a small court may have only a 党总支). */
export const rootOrgTypes: readonly OrgType[] = ['leadingPartyGroup', 'organCommittee', 'primaryCommittee', 'generalBranch'];

export function allowedChildTypes(parentType: OrgType): readonly OrgType[] {
  return childTypesByParent[parentType];
}

/** null when `childType` may sit under `parentType` (null parent = top level), else why not, in Chinese. */
export function checkOrgParent(childType: OrgType, parentType: OrgType | null): string | null {
  const child = orgTypeLabels[childType];
  if (parentType === null) {
    if (rootOrgTypes.includes(childType)) return null;
    return `${child}不能作为顶级组织，请选择上级党组织`;
  }
  const allowed = childTypesByParent[parentType];
  if (allowed.includes(childType)) return null;
  const parent = orgTypeLabels[parentType];
  if (allowed.length === 0) return `${parent}下不能设立下级组织`;
  return `${child}不能设在${parent}下；${parent}下可设：${allowed.map((t) => orgTypeLabels[t]).join('、')}`;
}

/** '/a/b/' style path of a node under `parentPath` (null for a root). Ids must not contain '/'. */
export function buildOrgPath(parentPath: string | null, id: string): string {
  if (id === '' || id.includes('/')) throw new RangeError(`组织ID不能为空或包含“/”：${id}`);
  if (parentPath !== null && !/^\/(?:[^/]+\/)+$/.test(parentPath)) throw new RangeError(`无效的组织路径：${parentPath}`);
  return `${parentPath ?? '/'}${id}/`;
}

/** The ids on a path, root first: '/a/b/' → ['a', 'b']. */
export function splitOrgPath(path: string): string[] {
  return path.split('/').filter((part) => part !== '');
}

/**
 * True when `path` is `ancestorPath` itself or below it. The trailing slash makes '/a/bc/' not match
 * '/a/b/'. A node counts as in its own subtree: a right on an org covers the org itself.
 */
export function isInSubtree(path: string, ancestorPath: string): boolean {
  return ancestorPath.endsWith('/') && path.startsWith(ancestorPath);
}

export type TreeItem = { id: string; parentId: string | null; name: string; sortOrder?: number | null };
export type TreeNode<T extends TreeItem> = T & { children: TreeNode<T>[] };

const nameCollator = new Intl.Collator('zh-Hans-CN');

// sortOrder first (missing ones last), then the name in 拼音 order, then the id so that equal names
// still come out in the same order every time.
function compareTreeItems(a: TreeItem, b: TreeItem): number {
  const orderA = a.sortOrder ?? Number.POSITIVE_INFINITY;
  const orderB = b.sortOrder ?? Number.POSITIVE_INFINITY;
  if (orderA !== orderB) return orderA < orderB ? -1 : 1;
  const byName = nameCollator.compare(a.name, b.name);
  if (byName !== 0) return byName;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Nests a flat list (copies; the input is not changed). Items whose parent is not in the list become
 * roots, so a subtree listing nests under its own top. Items caught in a parent cycle are not lost:
 * the cycle is cut and its first item becomes a root.
 */
export function buildTree<T extends TreeItem>(items: readonly T[]): TreeNode<T>[] {
  const sorted = [...items].sort(compareTreeItems);
  const ids = new Set(sorted.map((item) => item.id));
  const childrenOf = new Map<string, T[]>();
  for (const item of sorted) {
    if (item.parentId === null || !ids.has(item.parentId) || item.parentId === item.id) continue;
    const siblings = childrenOf.get(item.parentId) ?? [];
    siblings.push(item);
    childrenOf.set(item.parentId, siblings);
  }
  const visited = new Set<string>();
  const attach = (item: T): TreeNode<T> => {
    visited.add(item.id);
    const children = (childrenOf.get(item.id) ?? []).filter((child) => !visited.has(child.id)).map(attach);
    return { ...item, children };
  };
  const roots: TreeNode<T>[] = [];
  for (const item of sorted) {
    const isRoot = item.parentId === null || !ids.has(item.parentId) || item.parentId === item.id;
    if (isRoot && !visited.has(item.id)) roots.push(attach(item));
  }
  for (const item of sorted) {
    if (!visited.has(item.id)) roots.push(attach(item));
  }
  return roots;
}
