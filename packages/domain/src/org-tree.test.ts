import { describe, expect, it } from 'vitest';
import { orgTypes, type OrgType } from './enums';
import { allowedChildTypes, buildOrgPath, buildTree, checkOrgParent, isInSubtree, splitOrgPath, type TreeNode } from './org-tree';

describe('allowedChildTypes / checkOrgParent', () => {
  it.each([
    ['leadingPartyGroup', []],
    ['organCommittee', ['generalBranch', 'branch', 'youthStudyGroup']],
    ['primaryCommittee', ['generalBranch', 'branch', 'youthStudyGroup']],
    ['generalBranch', ['branch', 'youthStudyGroup']],
    ['branch', ['partyGroup', 'youthStudyGroup']],
    ['partyGroup', []],
    ['youthStudyGroup', []],
  ] as const)('%s 下可设 %j', (parent, children) => {
    expect(allowedChildTypes(parent)).toEqual(children);
  });

  it.each([
    ['leadingPartyGroup', null],
    ['organCommittee', null],
    ['primaryCommittee', null],
    ['generalBranch', null],
    ['branch', '党支部不能作为顶级组织，请选择上级党组织'],
    ['partyGroup', '党小组不能作为顶级组织，请选择上级党组织'],
    ['youthStudyGroup', '青年理论学习小组不能作为顶级组织，请选择上级党组织'],
  ] as const)('%s 作为顶级组织：%j', (child, message) => {
    expect(checkOrgParent(child, null)).toBe(message);
  });

  it.each([
    ['branch', 'organCommittee', null],
    ['branch', 'generalBranch', null],
    ['partyGroup', 'branch', null],
    ['generalBranch', 'generalBranch', '党总支不能设在党总支下；党总支下可设：党支部、青年理论学习小组'],
    ['partyGroup', 'generalBranch', '党小组不能设在党总支下；党总支下可设：党支部、青年理论学习小组'],
    ['branch', 'leadingPartyGroup', '党组下不能设立下级组织'],
    ['partyGroup', 'partyGroup', '党小组下不能设立下级组织'],
  ] as const)('%s 设在 %s 下：%j', (child, parent, message) => {
    expect(checkOrgParent(child, parent)).toBe(message);
  });

  it('每种上级组织允许的下级都能通过检查', () => {
    for (const parent of orgTypes) {
      for (const child of orgTypes) {
        const allowed = (allowedChildTypes(parent) as readonly OrgType[]).includes(child);
        expect(checkOrgParent(child, parent) === null).toBe(allowed);
      }
    }
  });
});

describe('组织路径', () => {
  it.each([
    [null, 'a', '/a/'],
    ['/a/', 'b', '/a/b/'],
    ['/a/b/', 'c', '/a/b/c/'],
  ])('上级路径 %j 下的 %s 路径为 %s', (parent, id, path) => {
    expect(buildOrgPath(parent, id)).toBe(path);
    expect(splitOrgPath(path).at(-1)).toBe(id);
  });

  it.each([
    [null, ''],
    [null, 'a/b'],
    ['a/', 'b'],
    ['/a', 'b'],
    ['/', 'b'],
  ])('无效的上级路径 %j 或 ID %j 应当抛出错误', (parent, id) => {
    expect(() => buildOrgPath(parent, id)).toThrow(RangeError);
  });

  it.each([
    ['/a/b/c/', '/a/', true],
    ['/a/b/', '/a/b/', true],
    ['/a/bc/', '/a/b/', false],
    ['/a/', '/a/b/', false],
    ['/x/a/', '/a/', false],
    ['/a/b/', '/a', false],
  ])('%s 是否在 %s 的子树中：%s（包括自身）', (path, ancestor, inside) => {
    expect(isInSubtree(path, ancestor)).toBe(inside);
  });
});

describe('buildTree', () => {
  type Item = { id: string; parentId: string | null; name: string; sortOrder?: number | null };
  const summarize = (nodes: TreeNode<Item>[]): unknown => nodes.map((n) => (n.children.length ? { [n.id]: summarize(n.children) } : n.id));

  it('应当按排序号、名称（拼音）嵌套排列', () => {
    const items: Item[] = [
      { id: 'b2', parentId: 'root', name: '第二党支部', sortOrder: 2 },
      { id: 'root', parentId: null, name: '机关党委' },
      { id: 'b1', parentId: 'root', name: '第一党支部', sortOrder: 1 },
      { id: 'g1', parentId: 'b1', name: '审判团队党小组' },
      { id: 'y', parentId: 'root', name: '青年理论学习小组' },
      { id: 'x', parentId: 'root', name: '安保党支部' },
      { id: 'pg', parentId: null, name: '党组', sortOrder: 0 },
    ];
    expect(summarize(buildTree(items))).toEqual(['pg', { root: [{ b1: ['g1'] }, 'b2', 'x', 'y'] }]);
    expect(items[0]).not.toHaveProperty('children');
  });

  it('上级不在列表中的节点作为根（子树列表）', () => {
    const items: Item[] = [
      { id: 'g', parentId: 'b', name: '党小组' },
      { id: 'b', parentId: 'outside', name: '党支部' },
    ];
    expect(summarize(buildTree(items))).toEqual([{ b: ['g'] }]);
  });

  it('同名同序时按ID稳定排序', () => {
    const items: Item[] = [
      { id: '2', parentId: null, name: '党支部', sortOrder: 1 },
      { id: '1', parentId: null, name: '党支部', sortOrder: 1 },
    ];
    expect(summarize(buildTree(items))).toEqual(['1', '2']);
  });

  it('循环引用的节点不会丢失', () => {
    const items: Item[] = [
      { id: 'a', parentId: 'b', name: '甲' },
      { id: 'b', parentId: 'a', name: '乙' },
      { id: 's', parentId: 's', name: '自身' },
    ];
    const tree = buildTree(items);
    const count = (nodes: TreeNode<Item>[]): number => nodes.reduce((n, node) => n + 1 + count(node.children), 0);
    expect(count(tree)).toBe(3);
  });
});
