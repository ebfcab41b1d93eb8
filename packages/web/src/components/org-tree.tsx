// The org tree as antd tree data (Tree and TreeSelect), built with the domain's buildTree.
import { useMemo, type ReactNode } from 'react';
import { Tag, TreeSelect } from 'antd';
import { ApartmentOutlined, BankOutlined, FlagOutlined, TeamOutlined, UsergroupAddOutlined, BookOutlined } from '@ant-design/icons';
import type { Org } from '@zhibu/contracts';
import { buildTree, orgTypeLabels, type OrgType, type TreeNode } from '@zhibu/domain';
import { useOrgs } from '../api/queries';

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

/**
 * The lists' 党组织 filter (members, activities, reminders): every org the caller may see as a
 * searchable tree, opened when small; clearing it means "all, with sub-orgs".
 */
export function OrgFilterSelect({ value, onChange, ariaLabel = '党组织' }: { value: string | undefined; onChange: (orgId: string | undefined) => void; ariaLabel?: string }) {
  const orgs = useOrgs();
  const treeData = useMemo(() => toTreeData(orgs.data ?? []), [orgs.data]);
  return (
    <TreeSelect
      style={{ width: '100%' }}
      allowClear
      showSearch={{ treeNodeFilterProp: 'label' }}
      treeNodeLabelProp="label"
      placeholder="全部党组织（含下级）"
      treeData={treeData}
      value={value}
      onChange={(v?: string) => onChange(v)}
      treeDefaultExpandAll={treeData.length < 40}
      loading={orgs.isLoading}
      aria-label={ariaLabel}
    />
  );
}
