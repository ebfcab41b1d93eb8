// The party org tree and one org's detail: basic facts, 班子, 任期 with the 换届 date, and the
// structure findings (RULES.md §2) with the rule each one cites.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Col, Collapse, Descriptions, Empty, Grid, Input, Row, Skeleton, Space, Table, Tag, Tree, Typography } from 'antd';
import { CheckCircleFilled, EditOutlined, PlusOutlined, ReloadOutlined, SearchOutlined, TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { Finding, Org, OrgDetail } from '@zhibu/contracts';
import { allowedChildTypes, branchKindLabels, committeePostLabels, orgTypeLabels, type BranchKind } from '@zhibu/domain';
import { ApiError, api } from '../../api/client';
import { useOrgs } from '../../api/queries';
import { useCan, useMe } from '../../auth';
import { OrgTypeTag, keysToDepth, toTreeData, type OrgTreeData } from '../../components/org-tree';
import { showDate } from '../../lib/dates';
import { LoadError } from '../errors/ErrorPages';
import { CommitteeModal, EndPositionModal, OrgFormModal, TermModal } from './OrgModals';

const levelOrder: Finding['level'][] = ['critical', 'warning', 'info'];
const alertType = { critical: 'error', warning: 'warning', info: 'info' } as const;
const levelLabel = { critical: '严重', warning: '提示', info: '说明' } as const;

function filterTree(nodes: OrgTreeData[], text: string): OrgTreeData[] {
  if (!text) return nodes;
  const out: OrgTreeData[] = [];
  for (const n of nodes) {
    const children = filterTree(n.children, text);
    if (n.label.includes(text) || children.length) out.push({ ...n, children });
  }
  return out;
}

export default function OrgsPage() {
  const me = useMe();
  const canManage = useCan('orgs:manage');
  const orgs = useOrgs();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('org');
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [creatingRoot, setCreatingRoot] = useState(false);
  const screens = Grid.useBreakpoint();
  const detailRef = useRef<HTMLDivElement>(null);
  const client = useQueryClient();

  const totals = useMemo(() => countSubtreeMembers(orgs.data ?? []), [orgs.data]);
  const treeData = useMemo(
    () =>
      toTreeData(orgs.data ?? [], (o) => (
        <span style={{ display: 'inline-flex', gap: 6, alignItems: 'baseline', flexWrap: 'wrap' }} title={o.name}>
          <span style={{ wordBreak: 'break-all' }}>{o.shortName || o.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {orgTypeLabels[o.type]} · {totals.get(o.id) ?? o.memberCount}人
          </Typography.Text>
        </span>
      )),
    [orgs.data, totals],
  );
  const shown = useMemo(() => filterTree(treeData, search.trim()), [treeData, search]);

  // Without a selection, open the first top-level org so the page never starts blank.
  useEffect(() => {
    if (!selectedId && treeData[0]) setParams({ org: treeData[0].key }, { replace: true });
  }, [selectedId, treeData, setParams]);

  // Keep the selected org in sight when it was chosen from elsewhere (a 换届 reminder on the home page).
  useEffect(() => {
    const t = setTimeout(() => document.querySelector('.ant-tree-treenode-selected')?.scrollIntoView({ block: 'nearest' }), 100);
    return () => clearTimeout(t);
  }, [selectedId, orgs.data]);

  const select = (id: string) => {
    setParams({ org: id });
    if (screens.lg === false) setTimeout(() => detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
  };

  if (orgs.isLoading) return <Card><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  if (orgs.error) return <LoadError error={orgs.error} onRetry={() => void orgs.refetch()} />;

  const expandedKeys = expanded ?? (search ? allKeys(shown) : [...keysToDepth(treeData, 0), ...ancestorsOf(orgs.data ?? [], selectedId)]);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9} xl={8}>
        <Card
          title="党组织"
          extra={
            canManage && me.courtId ? (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setCreatingRoot(true)}>
                新建
              </Button>
            ) : null
          }
          styles={{ body: { padding: 12 } }}
        >
          {treeData.length === 0 ? (
            <Empty
              description={canManage ? '还没有党组织。点击右上角「新建」建立本院的机关党委或党总支，再在其下设立党支部。' : '您的范围内还没有党组织。'}
            />
          ) : (
            <>
              <Input
                allowClear
                prefix={<SearchOutlined />}
                placeholder="搜索组织名称"
                value={search}
                onChange={(e) => {
                  setSearch(e.target.value);
                  setExpanded(null);
                }}
                style={{ marginBottom: 8 }}
              />
              {shown.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有名称包含该关键字的组织" />
              ) : (
                <Tree
                  blockNode
                  showLine
                  treeData={shown}
                  selectedKeys={selectedId ? [selectedId] : []}
                  expandedKeys={expandedKeys}
                  onExpand={(keys) => setExpanded(keys as string[])}
                  onSelect={(keys) => keys[0] && select(String(keys[0]))}
                  style={{ maxHeight: screens.lg ? 'calc(100vh - 260px)' : 360, overflow: 'auto' }}
                />
              )}
            </>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={15} xl={16}>
        <div ref={detailRef}>
          {selectedId ? (
            <OrgDetailPanel
              id={selectedId}
              onChanged={(id) => {
                void client.invalidateQueries({ queryKey: ['orgs'] });
                void client.invalidateQueries({ queryKey: ['org', selectedId] });
                void client.invalidateQueries({ queryKey: ['dashboard'] });
                if (id && id !== selectedId) select(id);
              }}
            />
          ) : (
            <Card>
              <Empty description="在左侧选择一个党组织，查看班子、任期和组织设置提示。" />
            </Card>
          )}
        </div>
      </Col>
      <OrgFormModal
        open={creatingRoot}
        parent={null}
        editing={null}
        courtId={me.courtId}
        onClose={() => setCreatingRoot(false)}
        onSaved={(id) => {
          void client.invalidateQueries({ queryKey: ['orgs'] });
          if (id) select(id);
        }}
      />
    </Row>
  );
}

/** Members of each org with everything under it; 党小组/学习小组 are not added up (their members are the branch's). */
function countSubtreeMembers(orgs: readonly Org[]): Map<string, number> {
  const children = new Map<string, Org[]>();
  for (const o of orgs) if (o.parentId) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o]);
  const totals = new Map<string, number>();
  const total = (o: Org, seen: Set<string>): number => {
    if (seen.has(o.id)) return 0;
    seen.add(o.id);
    const below = (children.get(o.id) ?? []).filter((c) => c.type !== 'partyGroup' && c.type !== 'youthStudyGroup');
    const n = o.memberCount + below.reduce((sum, c) => sum + total(c, seen), 0);
    totals.set(o.id, n);
    return n;
  };
  for (const o of orgs) if (!totals.has(o.id)) total(o, new Set());
  return totals;
}

function ancestorsOf(orgs: readonly Org[], id: string | null): string[] {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const out: string[] = [];
  let current = id ? byId.get(id) : undefined;
  while (current?.parentId && !out.includes(current.parentId)) {
    out.push(current.parentId);
    current = byId.get(current.parentId);
  }
  return out;
}

function allKeys(nodes: OrgTreeData[]): string[] {
  return nodes.flatMap((n) => [n.key, ...allKeys(n.children)]);
}

function OrgDetailPanel({ id, onChanged }: { id: string; onChanged: (id?: string) => void }) {
  const canManage = useCan('orgs:manage');
  const canReadMembers = useCan('members:read');
  const detail = useQuery({ queryKey: ['org', id], queryFn: () => api.get<OrgDetail>(`/orgs/${id}`) });
  const [modal, setModal] = useState<'child' | 'edit' | 'term' | 'committee' | null>(null);
  const [ending, setEnding] = useState<OrgDetail['committee'][number] | null>(null);

  if (detail.isLoading) return <Card><Skeleton active paragraph={{ rows: 12 }} /></Card>;
  if (detail.error || !detail.data) {
    if (detail.error instanceof ApiError && detail.error.code === 'NOT_FOUND') {
      return <Card><Empty description="该党组织不存在或不在您的管理范围内，请在左侧重新选择。" /></Card>;
    }
    return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const org = detail.data;
  const canAddChild = allowedChildTypes(org.type).length > 0;
  const hasCommittee = org.type !== 'partyGroup' && org.type !== 'youthStudyGroup';
  const findings = org.findings.filter((f) => f.level !== 'ok').sort((a, b) => levelOrder.indexOf(a.level) - levelOrder.indexOf(b.level));
  const passed = org.findings.filter((f) => f.level === 'ok');
  const done = () => {
    onChanged();
    void detail.refetch();
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap size={[8, 4]} style={{ whiteSpace: 'normal' }}>
            <OrgTypeTag type={org.type} />
            {org.branchKind && org.branchKind !== 'regular' && <Tag>{branchKindLabels[org.branchKind as BranchKind]}</Tag>}
            <span style={{ wordBreak: 'break-all' }} data-testid="org-title">{org.name}</span>
          </Space>
        }
        extra={<Button type="text" icon={<ReloadOutlined />} aria-label="刷新" onClick={() => void detail.refetch()} />}
      >
        {canManage && (
          <Space wrap style={{ marginBottom: 16 }}>
            <Button icon={<EditOutlined />} onClick={() => setModal('edit')}>
              编辑
            </Button>
            {canAddChild && (
              <Button icon={<PlusOutlined />} onClick={() => setModal('child')}>
                新增下级组织
              </Button>
            )}
            {hasCommittee && (
              <>
                <Button icon={<TeamOutlined />} onClick={() => setModal('term')}>
                  登记换届
                </Button>
                <Button icon={<UserAddOutlined />} onClick={() => setModal('committee')}>
                  任命支委
                </Button>
              </>
            )}
          </Space>
        )}
        <Space orientation="vertical" size={8} style={{ width: '100%', marginBottom: findings.length ? 16 : 0 }} data-testid="org-findings">
          {findings.map((f) => (
            <Alert
              key={f.code}
              type={alertType[f.level as keyof typeof alertType]}
              showIcon
              title={
                <span>
                  <b>{levelLabel[f.level as keyof typeof levelLabel]}：</b>
                  {f.message}
                </span>
              }
              description={<Typography.Text type="secondary" style={{ fontSize: 12 }}>依据：{f.rule}</Typography.Text>}
            />
          ))}
        </Space>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          styles={{ label: { width: 112, whiteSpace: 'nowrap' } }}
          items={[
            { key: 'parent', label: '上级组织', children: org.parentName ?? '—（顶级组织）' },
            { key: 'type', label: '组织类型', children: orgTypeLabels[org.type] },
            ...(org.type === 'branch' ? [{ key: 'kind', label: '支部类别', children: org.branchKind ? branchKindLabels[org.branchKind as BranchKind] : '—' }] : []),
            { key: 'dept', label: org.type === 'partyGroup' ? '审判团队' : '对应庭室', children: org.departmentName ?? '—' },
            { key: 'est', label: '成立日期', children: showDate(org.establishedOn) },
            {
              key: 'count',
              label: '党员人数',
              children: (
                <span>
                  {org.memberCount}人（正式党员{org.fullMemberCount}人，预备党员{org.probationaryMemberCount}人）
                  {canReadMembers && org.memberCount > 0 && (
                    <Link to={`/members?orgId=${org.id}`} style={{ marginInlineStart: 8 }}>
                      查看名册
                    </Link>
                  )}
                </span>
              ),
            },
            ...(hasCommittee
              ? [
                  {
                    key: 'term',
                    label: '本届任期',
                    children: org.currentTerm ? `${showDate(org.currentTerm.termStart)} 至 ${showDate(org.currentTerm.termEnd)}` : <Typography.Text type="warning">未登记</Typography.Text>,
                  },
                  {
                    key: 'due',
                    label: '换届日期',
                    children: org.currentTerm ? <b>{showDate(org.currentTerm.termEnd)}</b> : '—',
                  },
                ]
              : []),
          ]}
        />
        {passed.length > 0 && (
          <Collapse
            ghost
            size="small"
            style={{ marginTop: 8 }}
            items={[
              {
                key: 'ok',
                label: <span style={{ color: '#389e0d' }}>已符合的组织设置要求（{passed.length}项）</span>,
                children: (
                  <Space orientation="vertical" size={4}>
                    {passed.map((f) => (
                      <span key={f.code}>
                        <CheckCircleFilled style={{ color: '#52c41a', marginInlineEnd: 6 }} />
                        {f.message}
                        <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                          （{f.rule}）
                        </Typography.Text>
                      </span>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>

      {hasCommittee && (
        <Card title="班子成员" size="small">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={org.committee}
            scroll={{ x: 480 }}
            locale={{ emptyText: canManage ? '尚未登记班子成员。点击上方「任命支委」登记书记、委员。' : '尚未登记班子成员。' }}
            columns={[
              { title: '职务', dataIndex: 'post', width: 110, render: (p: keyof typeof committeePostLabels) => committeePostLabels[p] ?? p },
              {
                title: '姓名',
                dataIndex: 'memberName',
                render: (name: string, row) => (canReadMembers ? <Link to={`/members/${row.memberId}`}>{name}</Link> : name),
              },
              { title: '任职日期', dataIndex: 'startOn', width: 140, render: showDate },
              ...(canManage
                ? [
                    {
                      title: '操作',
                      key: 'op',
                      width: 90,
                      render: (_: unknown, row: OrgDetail['committee'][number]) => (
                        <Button size="small" type="link" danger onClick={() => setEnding(row)}>
                          离任
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      )}

      {hasCommittee && (
        <Card title="历届任期" size="small">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={org.terms}
            scroll={{ x: 420 }}
            locale={{ emptyText: canManage ? '尚未登记任期。换届选举后点击「登记换届」，系统会据此提示下次换届。' : '尚未登记任期。' }}
            columns={[
              { title: '选举日期', dataIndex: 'electedOn', render: showDate },
              { title: '任期开始', dataIndex: 'termStart', render: showDate },
              { title: '任期届满', dataIndex: 'termEnd', render: showDate },
            ]}
          />
        </Card>
      )}

      <OrgFormModal open={modal === 'child'} parent={org} editing={null} courtId={org.courtId} onClose={() => setModal(null)} onSaved={(newId) => onChanged(newId)} />
      <OrgFormModal open={modal === 'edit'} parent={null} editing={org} courtId={org.courtId} onClose={() => setModal(null)} onSaved={done} />
      <TermModal org={org} open={modal === 'term'} onClose={() => setModal(null)} onSaved={done} />
      <CommitteeModal org={org} open={modal === 'committee'} onClose={() => setModal(null)} onSaved={done} />
      <EndPositionModal org={org} position={ending} onClose={() => setEnding(null)} onSaved={done} />
    </Space>
  );
}
