// 党建工作提示 (GET /api/v1/reminders, /reminders/members): every org in the caller's scope as
// red/amber/green with the reason and the rule it cites, worst first; click an org for its items by
// type with a link to plan the missing activity. The levels are computed by the server on every
// request from the recorded activities, so a reload after recording shows the item done.
// A second tab lists members by months without organizational life (党章第九条): a reminder for the
// branch, never an automatic action. Higher-court viewers see levels only (no member names).
// @see RULES.md §1.1, §4.1
import { useMemo, type HTMLAttributes, type ReactNode } from 'react';
import { Alert, Button, Card, Col, Drawer, Empty, List, Row, Select, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { OrgReminder, memberRemindersResponse, remindersResponse, z } from '@zhibu/contracts';
import { api } from '../../api/client';
import { useOrgs } from '../../api/queries';
import { useCan, useMe } from '../../auth';
import { PageCard, useIsPhone } from '../../components/PageCard';
import { OrgFilterSelect, OrgTypeTag } from '../../components/org-tree';
import { orgTypeLabels, type OrgType } from '@zhibu/domain';
import { showDate } from '../../lib/dates';
import { useUrlFilters } from '../../lib/url-filters';
import { LoadError } from '../errors/ErrorPages';
import { countStates, describeMissed, indexTreeOrder, LevelTag, levels, levelStyles, mostUrgentCurrent, type Level } from './compliance-ui';
import { OrgItems } from './OrgItems';

type RemindersData = z.infer<typeof remindersResponse>;
type MemberRemindersData = z.infer<typeof memberRemindersResponse>;
type MemberReminder = MemberRemindersData['items'][number];

const managingRoles = new Set(['courtAdmin', 'branchSecretary', 'committeeMember', 'groupLeader']);
const sorts = [
  { value: 'level', label: '按状态（红→黄→绿）' },
  { value: 'missed', label: '按逾期项数' },
] as const;

export default function RemindersPage() {
  const me = useMe();
  const [params, update] = useUrlFilters();
  // 党员 names are the branch's business: the member tab is for managers, not the higher court.
  const canSeeMembers = me.grants.some((g) => managingRoles.has(g.role));
  const tab = canSeeMembers && params.get('tab') === 'members' ? 'members' : 'orgs';
  const orgs = useOrgs();
  const treeOrder = useMemo(() => indexTreeOrder(orgs.data ?? []), [orgs.data]);
  const orgId = params.get('orgId') ?? undefined;

  const orgFilter = (
    <OrgFilterSelect value={orgId} onChange={(v) => update({ orgId: v, org: undefined })} ariaLabel="党组织范围" />
  );

  return (
    <PageCard title="党建工作提示">
      <Tabs
        activeKey={tab}
        onChange={(key) => update({ tab: key === 'orgs' ? undefined : key, org: undefined })}
        items={[
          { key: 'orgs', label: '党组织提示', children: <OrgReminders orgFilter={orgFilter} orgId={orgId} treeOrder={treeOrder} /> },
          ...(canSeeMembers ? [{ key: 'members', label: '党员组织生活提示', children: <MemberReminders orgFilter={orgFilter} orgId={orgId} /> }] : []),
        ]}
      />
    </PageCard>
  );
}

function OrgReminders({ orgFilter, orgId, treeOrder }: { orgFilter: ReactNode; orgId: string | undefined; treeOrder: Map<string, { index: number; depth: number }> }) {
  const [params, update] = useUrlFilters();
  const isPhone = useIsPhone();
  const canPlan = useCan('activities:manage');
  const me = useMe();
  const level = (levels as string[]).includes(params.get('level') ?? '') ? (params.get('level') as Level) : undefined;
  const sort = params.get('sort') === 'missed' ? 'missed' : 'level';
  const orgType = params.get('orgType') ?? undefined;
  const openOrgId = params.get('org') ?? undefined;

  const query = useQuery({
    queryKey: ['reminders', { orgId }],
    queryFn: () => api.get<RemindersData>('/reminders', { orgId }),
    placeholderData: keepPreviousData,
    // Recording an activity elsewhere resolves items: look again when the user comes back.
    refetchOnWindowFocus: true,
  });

  const rows = useMemo(() => {
    const all = (query.data?.items ?? []).map((o) => ({ ...o, counts: countStates(o.items) }));
    const filtered = all.filter((o) => (!level || o.level === level) && (!orgType || o.orgType === orgType));
    // Worst first; within a level, the org tree's order (a branch, then its 党小组).
    const rank = { red: 0, amber: 1, green: 2 } as const;
    const pos = (id: string) => treeOrder.get(id)?.index ?? Number.MAX_SAFE_INTEGER;
    return [...filtered].sort((a, b) =>
      sort === 'missed'
        ? b.counts.missed - a.counts.missed || b.counts.dueSoon - a.counts.dueSoon || pos(a.orgId) - pos(b.orgId)
        : rank[a.level] - rank[b.level] || pos(a.orgId) - pos(b.orgId),
    );
  }, [query.data, level, sort, orgType, treeOrder]);
  const typeChoices = useMemo(() => [...new Set((query.data?.items ?? []).map((o) => o.orgType))], [query.data]);

  if (query.isLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.error || !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  // The higher court reads the lower courts' orgs: always say which court.
  const multiCourt = new Set(data.items.map((o) => o.courtId)).size > 1 || me.grants.some((g) => g.role === 'higherCourtViewer');
  const open = data.items.find((o) => o.orgId === openOrgId) ?? null;
  type Row = (typeof rows)[number];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Summary data={data} level={level} onLevel={(l) => update({ level: l === level ? undefined : l })} onRefresh={() => void query.refetch()} refreshing={query.isFetching} />
      <Row gutter={[12, 12]}>
        <Col xs={24} md={24} xl={9}>
          {orgFilter}
        </Col>
        <Col xs={12} md={8} xl={5}>
          <Select
            style={{ width: '100%' }}
            allowClear
            placeholder="全部状态"
            value={level}
            onChange={(v?: string) => update({ level: v })}
            options={levels.map((l) => ({ value: l, label: `${levelStyles[l].short} · ${levelStyles[l].label}` }))}
            aria-label="状态"
          />
        </Col>
        <Col xs={12} md={8} xl={5}>
          <Select
            style={{ width: '100%' }}
            allowClear
            placeholder="全部组织类型"
            value={orgType}
            onChange={(v?: string) => update({ orgType: v })}
            options={typeChoices.map((t) => ({ value: t, label: orgTypeLabels[t as OrgType] ?? t }))}
            aria-label="组织类型"
          />
        </Col>
        <Col xs={24} md={8} xl={5}>
          <Select style={{ width: '100%' }} value={sort} onChange={(v: string) => update({ sort: v === 'level' ? undefined : v })} options={[...sorts]} aria-label="排序" />
        </Col>
      </Row>
      {rows.length === 0 ? (
        <Empty description={level || orgType ? '没有符合条件的党组织。请调整或清除筛选条件后再试。' : '范围内没有需要按频次开展组织生活的党组织。'} />
      ) : isPhone ? (
        <List
          dataSource={rows}
          split={false}
          renderItem={(o: Row) => (
            <List.Item key={o.orgId} style={{ padding: '0 0 12px' }}>
              <OrgCard org={o} multiCourt={multiCourt} onOpen={() => update({ org: o.orgId })} />
            </List.Item>
          )}
        />
      ) : (
        <Table<Row>
          rowKey="orgId"
          size="middle"
          pagination={rows.length > 50 ? { pageSize: 50, showTotal: (t) => `共 ${t} 个党组织` } : false}
          dataSource={rows}
          onRow={(o) => ({ 'data-testid': 'org-reminder', 'data-level': o.level, 'data-org-id': o.orgId }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: '状态', dataIndex: 'level', width: 120, render: (l: Level) => <LevelTag level={l} /> },
            {
              title: '党组织',
              dataIndex: 'orgName',
              render: (name: string, o) => (
                <Space orientation="vertical" size={2}>
                  <Space size={6} wrap>
                    <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left', fontWeight: 500, color: 'rgba(0, 0, 0, 0.88)' }} onClick={() => update({ org: o.orgId })}>
                      {name}
                    </Button>
                    <OrgTypeTag type={o.orgType} />
                  </Space>
                  {multiCourt && <Typography.Text type="secondary">{o.courtName}</Typography.Text>}
                </Space>
              ),
            },
            { title: '逾期', width: 72, align: 'right', render: (_: unknown, o) => <CountCell n={o.counts.missed} color={levelStyles.red.color} /> },
            { title: '即将到期', width: 92, align: 'right', render: (_: unknown, o) => <CountCell n={o.counts.dueSoon} color={levelStyles.amber.color} /> },
            { title: '本期待办', width: 92, align: 'right', render: (_: unknown, o) => <CountCell n={o.counts.pending} /> },
            { title: '原因', render: (_: unknown, o) => <Reason org={o} /> },
            {
              title: '操作',
              width: 90,
              render: (_: unknown, o) => (
                <Button size="small" onClick={() => update({ org: o.orgId })}>
                  查看明细
                </Button>
              ),
            },
          ]}
        />
      )}
      <Drawer
        open={!!open}
        onClose={() => update({ org: undefined })}
        size={isPhone ? '100%' : 760}
        title={
          open && (
            <Space size={8} wrap>
              <LevelTag level={open.level} />
              <span data-testid="drawer-org-name">{open.orgName}</span>
            </Space>
          )
        }
        destroyOnHidden
      >
        {open && <OrgItems org={open} today={data.today} canPlan={canPlan} />}
      </Drawer>
    </Space>
  );
}

function CountCell({ n, color }: { n: number; color?: string }) {
  return n > 0 ? <b style={{ color }}>{n}</b> : <Typography.Text type="secondary">0</Typography.Text>;
}

function Reason({ org }: { org: OrgReminder }) {
  const missed = describeMissed(org.items);
  const urgent = mostUrgentCurrent(org.items);
  if (!missed && !urgent) return <Typography.Text style={{ color: levelStyles.green.color }}>本期各项组织生活均已按要求开展</Typography.Text>;
  return (
    <Space orientation="vertical" size={2}>
      {missed && <Typography.Text style={{ color: levelStyles.red.color }}>逾期未开展：{missed}</Typography.Text>}
      {urgent && (
        <Typography.Text style={{ color: urgent.state === 'dueSoon' ? '#ad6800' : undefined }} type={urgent.state === 'dueSoon' ? undefined : 'secondary'}>
          {urgent.message}
        </Typography.Text>
      )}
    </Space>
  );
}

function OrgCard({ org, multiCourt, onOpen }: { org: OrgReminder & { counts: ReturnType<typeof countStates> }; multiCourt: boolean; onOpen: () => void }) {
  const s = levelStyles[org.level];
  return (
    <Card
      size="small"
      style={{ width: '100%', borderInlineStart: `4px solid ${s.color}` }}
      hoverable
      onClick={onOpen}
      data-testid="org-reminder"
      data-level={org.level}
      data-org-id={org.orgId}
    >
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <Space size={6} wrap>
          <LevelTag level={org.level} />
          <OrgTypeTag type={org.orgType} />
        </Space>
        <Typography.Text strong style={{ wordBreak: 'break-all' }}>
          {org.orgName}
        </Typography.Text>
        {multiCourt && <Typography.Text type="secondary">{org.courtName}</Typography.Text>}
        <Space size={12} wrap>
          <span>
            逾期 <CountCell n={org.counts.missed} color={levelStyles.red.color} /> 项
          </span>
          <span>
            即将到期 <CountCell n={org.counts.dueSoon} color={levelStyles.amber.color} /> 项
          </span>
          <span>
            本期待办 <CountCell n={org.counts.pending} /> 项
          </span>
        </Space>
        <Reason org={org} />
        <Typography.Link>查看明细 ›</Typography.Link>
      </Space>
    </Card>
  );
}

function Summary({
  data,
  level,
  onLevel,
  onRefresh,
  refreshing,
}: {
  data: RemindersData;
  level: Level | undefined;
  onLevel: (l: Level) => void;
  onRefresh: () => void;
  refreshing: boolean;
}) {
  return (
    <Row gutter={[12, 12]} align="middle" data-testid="reminder-summary">
      <Col flex="auto">
        <Space size={8} wrap>
          {levels.map((l) => {
            const s = levelStyles[l];
            const active = level === l;
            return (
              <Button
                key={l}
                onClick={() => onLevel(l)}
                aria-pressed={active}
                style={{ color: s.color, background: active ? s.background : undefined, borderColor: active ? s.color : s.border, fontWeight: 500 }}
                icon={s.icon}
              >
                {s.short} {data.counts[l]}
              </Button>
            );
          })}
          <Typography.Text type="secondary">
            共 {data.total} 个党组织 · 截至 {showDate(data.today)}
          </Typography.Text>
        </Space>
      </Col>
      <Col>
        <Button icon={<ReloadOutlined />} loading={refreshing} onClick={onRefresh}>
          刷新
        </Button>
      </Col>
    </Row>
  );
}

// ——— 党员组织生活提示 (党章第九条) ———

const memberLevelStyles = {
  critical: { color: '#cf1322', background: '#fff1f0', border: '#ffa39e', label: '满6个月' },
  warning: { color: '#d48806', background: '#fffbe6', border: '#ffe58f', label: '满3个月' },
} as const;

function MemberLevelTag({ item }: { item: MemberReminder }) {
  const s = memberLevelStyles[item.level];
  const label = item.months === null ? '无法计算' : item.level === 'critical' ? '已达6个月' : '已达3个月';
  return <Tag style={{ color: s.color, background: s.background, borderColor: s.border, marginInlineEnd: 0, fontWeight: 500 }}>{label}</Tag>;
}

function MemberReminders({ orgFilter, orgId }: { orgFilter: ReactNode; orgId: string | undefined }) {
  const isPhone = useIsPhone();
  const query = useQuery({
    queryKey: ['reminders', 'members', { orgId }],
    queryFn: () => api.get<MemberRemindersData>('/reminders/members', { orgId }),
    placeholderData: keepPreviousData,
  });
  // The short name (第三党支部) reads better than the full 中共…委员会 in a narrow column.
  const orgs = useOrgs();
  const shortNames = useMemo(() => new Map((orgs.data ?? []).map((o) => [o.id, o.shortName ?? o.name])), [orgs.data]);
  const items = (query.data?.items ?? []).map((m) => ({ ...m, orgName: shortNames.get(m.orgId) ?? m.orgName }));
  const critical = items.filter((i) => i.level === 'critical').length;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title="本提示仅供党支部掌握情况，平台不会自动作任何处理"
        description={
          <>
            《中国共产党章程》第九条：「没有正当理由，连续六个月不参加党的组织生活，或不交纳党费，或不做党所分配的工作，就被认为是自行脱党。支部大会应当决定把这样的党员除名，并报上级党组织批准。」
            连续3个月未参加组织生活的提示支部了解情况、提醒谈话；满6个月的由支部研究——是否有正当理由、如何处理，由支部大会决定并报上级党组织批准。年老体弱、长期患病的党员不作硬性要求。
          </>
        }
      />
      <Row gutter={[12, 12]} align="middle">
        <Col xs={24} md={12} xl={10}>
          {orgFilter}
        </Col>
        <Col>
          {query.data && (
            <Space size={8} wrap>
              <Tag style={{ color: memberLevelStyles.critical.color, background: memberLevelStyles.critical.background, borderColor: memberLevelStyles.critical.border }}>
                满6个月 {critical} 人
              </Tag>
              <Tag style={{ color: memberLevelStyles.warning.color, background: memberLevelStyles.warning.background, borderColor: memberLevelStyles.warning.border }}>
                满3个月 {items.length - critical} 人
              </Tag>
              <Typography.Text type="secondary">截至 {showDate(query.data.today)}</Typography.Text>
            </Space>
          )}
        </Col>
      </Row>
      {query.isLoading ? (
        <Skeleton active />
      ) : query.error ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Empty description="暂无连续3个月以上未参加组织生活的党员。" />
      ) : isPhone ? (
        <List
          dataSource={items}
          split={false}
          renderItem={(m) => (
            <List.Item key={m.memberId} style={{ padding: '0 0 12px' }}>
              <Card size="small" style={{ width: '100%', borderInlineStart: `4px solid ${memberLevelStyles[m.level].color}` }} data-testid="member-reminder" data-level={m.level}>
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  <Space size={8} wrap>
                    <MemberLevelTag item={m} />
                    <Typography.Text strong>{m.memberName}</Typography.Text>
                    <Typography.Text type="secondary">{m.months === null ? '' : `${m.months}个月`}</Typography.Text>
                  </Space>
                  <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
                    {m.orgName}
                  </Typography.Text>
                  <span>{m.message}</span>
                  {m.note && <Typography.Text type="secondary">{m.note}</Typography.Text>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    依据：{m.rule}
                  </Typography.Text>
                </Space>
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table<MemberReminder>
          rowKey="memberId"
          size="middle"
          dataSource={items}
          pagination={items.length > 50 ? { pageSize: 50, showTotal: (t) => `共 ${t} 人` } : false}
          onRow={(m) => ({ 'data-testid': 'member-reminder', 'data-level': m.level }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: '提示', width: 110, render: (_: unknown, m) => <MemberLevelTag item={m} /> },
            { title: '姓名', dataIndex: 'memberName', width: 100 },
            { title: '所在党组织', dataIndex: 'orgName', width: 200 },
            { title: '连续月数', dataIndex: 'months', width: 90, align: 'right', render: (n: number | null) => (n === null ? '—' : `${n}个月`) },
            { title: '起算日', dataIndex: 'since', width: 130, render: showDate },
            {
              title: '说明与依据',
              render: (_: unknown, m) => (
                <Space orientation="vertical" size={2}>
                  <span>{m.message}</span>
                  {m.note && <Typography.Text type="secondary">{m.note}</Typography.Text>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    依据：{m.rule}
                  </Typography.Text>
                </Space>
              ),
            },
          ]}
        />
      )}
      {items.length > 0 && (
        <Typography.Text type="secondary">
          只列出姓名和所在党组织。是否有正当理由，由党支部核实；已参加的活动如未登记出席，可在<Link to="/activities">组织生活</Link>中补录。
        </Typography.Text>
      )}
    </Space>
  );
}
