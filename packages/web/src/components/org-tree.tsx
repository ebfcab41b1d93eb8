// The org tree as antd tree data (Tree and TreeSelect), built with the domain's buildTree.
import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { ApartmentOutlined, BankOutlined, FlagOutlined, TeamOutlined, UsergroupAddOutlined, BookOutlined } from '@ant-design/icons';
import type { Org } from '@zhibu/contracts';
import { buildTree, orgTypeLabels, type OrgType, type TreeNode } from '@zhibu/domain';

export const orgTypeColors: Record<OrgType, string> = {
  leadingPartyGroup: 'magenta',
  organCommittee: 'red',
  primaryCommittee: 'red',
  generalBranch: 'volcano',
  branch: 'orange',
  partyGroup: 'gold',
  youthStudyGroup: 'cyan',
};

const orgTypeIcons: Record<OrgType, ReactNode> = {
  leadingPartyGroup: <FlagOutlined />,
  organCommittee: <BankOutlined />,
  primaryCommittee: <BankOutlined />,
  generalBranch: <ApartmentOutlined />,
  branch: <TeamOutlined />,
  partyGroup: <UsergroupAddOutlined />,
  youthStudyGroup: <BookOutlined />,
};

export function OrgTypeTag({ type }: { type: string }) {
  const t = type as OrgType;
  return (
    <Tag color={orgTypeColors[t] ?? 'default'} icon={orgTypeIcons[t]} style={{ marginInlineEnd: 0 }}>
      {orgTypeLabels[t] ?? type}
    </Tag>
  );
}

export type OrgTreeData = { key: string; value: string; title: ReactNode; label: string; children: OrgTreeData[]; org: Org; selectable?: boolean; disabled?: boolean };

export function toTreeData(orgs: readonly Org[], render?: (org: Org) => ReactNode, opts: { disable?: (org: Org) => boolean } = {}): OrgTreeData[] {
  const nodes = buildTree(orgs.map((o) => ({ ...o })));
  const convert = (n: TreeNode<Org>): OrgTreeData => ({
    key: n.id,
    value: n.id,
    title: render ? render(n) : n.name,
    label: n.name,
    org: n,
    disabled: opts.disable?.(n) ?? false,
    children: n.children.map(convert),
  });
  return nodes.map(convert);
}

/** Ids of every node down to `depth` levels (0 = roots), for a tree opened a little by default. */
export function keysToDepth(data: OrgTreeData[], depth: number): string[] {
  const out: string[] = [];
  const walk = (nodes: OrgTreeData[], level: number) => {
    for (const n of nodes) {
      if (level <= depth && n.children.length) {
        out.push(n.key);
        walk(n.children, level + 1);
      }
    }
  };
  walk(data, 0);
  return out;
}
