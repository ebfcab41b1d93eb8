// 台账与统计: a branch's yearly 台账 (Word binder with cover and contents, Excel summary) and the
// year's figures per activity type for the court, phrased like the articles ("集中研讨66次、专题党课
// 37次、警示教育53次") with the 补录 counts beside them. Higher-court viewers get the figures only:
// 台账 carry members' names and the server refuses them (ledgers.policy).
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, Row, Select, Skeleton, Space, Spin, Table, TreeSelect, Typography } from 'antd';
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { activityCountsResponse, z } from '@zhibu/contracts';
import { api, describeError, downloadFile } from '../../api/client';
import { useCourts, useOrgs } from '../../api/queries';
import { useMe } from '../../auth';
import EChart, { type ChartOption } from '../../components/EChart';
import { PageCard, useIsPhone } from '../../components/PageCard';
import { toTreeData } from '../../components/org-tree';
import { todayIso } from '../../lib/dates';
import { useUrlFilters } from '../../lib/url-filters';
import { partyRed } from '../../theme';
import { LoadError } from '../errors/ErrorPages';
import { indexTreeOrder } from '../reminders/compliance-ui';

type Counts = z.infer<typeof activityCountsResponse>;
type CountRow = Counts['total']['rows'][number];

const ledgerRoles = new Set(['courtAdmin', 'branchSecretary', 'committeeMember', 'groupLeader']);
const lateColor = '#d48806';

function yearOptions(current: number) {
  return Array.from({ length: 6 }, (_, i) => current - i).map((y) => ({ value: y, label: `${y}年` }));
}

export default function LedgersPage() {
  const me = useMe();
  const [params, update] = useUrlFilters();
  const thisYear = Number(todayIso().slice(0, 4));
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100 ? yearParam : thisYear;
  const canDownload = me.grants.some((g) => ledgerRoles.has(g.role));

  return (
    <PageCard title="台账与统计">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Row gutter={[12, 12]} align="middle">
          <Col>
            <Space>
              <span>年度</span>
              <Select style={{ width: 120 }} value={year} onChange={(y: number) => update({ year: y === thisYear ? undefined : y })} options={yearOptions(thisYear)} aria-label="年度" />
            </Space>
          </Col>
        </Row>
        {canDownload ? (
          <LedgerDownloads year={year} />
        ) : (
          <Alert type="info" showIcon title="上级法院查看各院的统计数字" description="台账载有党员姓名和出席情况，由各支部及本院机关党委下载和保管，上级法院不下载台账。" />
        )}
        <YearFigures year={year} />
      </Space>
    </PageCard>
  );
}

function LedgerDownloads({ year }: { year: number }) {
  const me = useMe();
  const { message } = App.useApp();
  const [params, update] = useUrlFilters();
  const orgs = useOrgs();
  // Only orgs whose 台账 the user may read are selectable: a court admin's court, else the subtree
  // of the user's own branch or group (the server would answer 不在您的管理范围内 for the rest).
  const treeData = useMemo(() => {
    const list = orgs.data ?? [];
    const adminCourts = new Set(me.grants.filter((g) => g.role === 'courtAdmin' && g.courtId).map((g) => g.courtId!));
    const roots = new Set(me.grants.filter((g) => g.orgId && ledgerRoles.has(g.role)).map((g) => g.orgId!));
    const parentOf = new Map(list.map((o) => [o.id, o.parentId]));
    const readable = (id: string, courtId: string) => {
      if (adminCourts.has(courtId)) return true;
      for (let at: string | null | undefined = id; at; at = parentOf.get(at)) if (roots.has(at)) return true;
      return false;
    };
    return toTreeData(list, undefined, { disable: (o) => !readable(o.id, o.courtId) });
  }, [orgs.data, me.grants]);
  const [busy, setBusy] = useState<'binder' | 'summary' | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Default: the secretary's own branch, else the court's first branch.
  const ownOrgId = me.grants.find((g) => g.orgId && ledgerRoles.has(g.role))?.orgId ?? undefined;
  const firstBranch = orgs.data?.find((o) => o.type === 'branch')?.id;
  const orgId = params.get('orgId') ?? ownOrgId ?? firstBranch;
  const org = orgs.data?.find((o) => o.id === orgId);

  const download = async (kind: 'binder' | 'summary') => {
    if (!orgId) return;
    setBusy(kind);
    setError(null);
    try {
      const name =
        kind === 'binder'
          ? await downloadFile('/ledgers/binder.docx', { orgId, year }, `${year}年度组织生活台账.docx`)
          : await downloadFile('/ledgers/summary.xlsx', { orgId, year }, `${year}年度组织生活台账汇总.xlsx`);
      message.success(`已下载：${name}`);
    } catch (err) {
      const text = describeError(err);
      setError(text);
      message.error(text);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card size="small" title="下载年度台账" data-testid="ledger-downloads">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Row gutter={[12, 12]} align="middle">
          <Col xs={24} md={14} xl={10}>
            <TreeSelect
              style={{ width: '100%' }}
              showSearch={{ treeNodeFilterProp: 'label' }}
              treeNodeLabelProp="label"
              placeholder="选择党支部"
              treeData={treeData}
              value={orgs.data ? orgId : undefined}
              onChange={(v?: string) => {
                setError(null);
                update({ orgId: v });
              }}
              treeDefaultExpandAll={treeData.length < 40}
              loading={orgs.isLoading}
              aria-label="党支部"
            />
          </Col>
          <Col xs={24} md={10} xl={14}>
            <Space wrap>
              <Button type="primary" icon={<FileWordOutlined />} loading={busy === 'binder'} disabled={!orgId || busy !== null} onClick={() => void download('binder')}>
                下载年度台账（Word）
              </Button>
              <Button icon={<FileExcelOutlined />} loading={busy === 'summary'} disabled={!orgId || busy !== null} onClick={() => void download('summary')}>
                下载台账汇总（Excel）
              </Button>
            </Space>
          </Col>
        </Row>
        {busy && (
          <Space>
            <Spin size="small" />
            <Typography.Text type="secondary">正在生成{org ? `「${org.shortName ?? org.name}」` : ''}{year}年度{busy === 'binder' ? '台账，活动较多时需要几秒钟' : '台账汇总'}，请稍候…</Typography.Text>
          </Space>
        )}
        {error && <Alert type="error" showIcon title="下载失败" description={error} closable={{ onClose: () => setError(null) }} />}
        <Typography.Text type="secondary">
          年度台账收录本组织及下级党小组当年已记录的活动（一会一档：议程、第一议题、出席与请假、会议记录、决议、照片），含封面和目录，可用 WPS 或 Word 打开；汇总表列出全年计划、已开展和已取消的活动。
        </Typography.Text>
      </Space>
    </Card>
  );
}

function YearFigures({ year }: { year: number }) {
  const me = useMe();
  const isPhone = useIsPhone();
  const [params, update] = useUrlFilters();
  const isViewer = !me.grants.some((g) => ledgerRoles.has(g.role)) && me.grants.some((g) => g.role === 'higherCourtViewer');
  const orgs = useOrgs();
  const courts = useCourts(isViewer);
  const treeOrder = useMemo(() => indexTreeOrder(orgs.data ?? []), [orgs.data]);
  // A higher-court viewer picks one of the lower courts it sees (the orgs in its scope tell which).
  const courtChoices = useMemo(() => {
    const ids = [...new Set((orgs.data ?? []).map((o) => o.courtId))];
    return ids.map((id) => ({ value: id, label: courts.data?.find((c) => c.id === id)?.name ?? '…' }));
  }, [orgs.data, courts.data]);
  const courtId = isViewer ? (params.get('courtId') ?? courtChoices[0]?.value) : undefined;

  const query = useQuery({
    queryKey: ['reports', 'activity-counts', { year, courtId }],
    queryFn: () => api.get<Counts>('/reports/activity-counts', { year, courtId }),
    enabled: !isViewer || !!courtId,
    placeholderData: keepPreviousData,
  });

  const data = query.data;
  const rows = data?.total.rows ?? [];
  const pos = (id: string) => treeOrder.get(id)?.index ?? Number.MAX_SAFE_INTEGER;
  const orgRows = [...(data?.orgs ?? [])].sort((a, b) => pos(a.orgId) - pos(b.orgId));
  const minDepth = Math.min(...orgRows.map((o) => treeOrder.get(o.orgId)?.depth ?? 0));
  const totalCount = rows.reduce((n, r) => n + r.count, 0);
  const totalLate = rows.reduce((n, r) => n + r.lateEntryCount, 0);
  const ownScope = me.grants.find((g) => g.role !== 'courtAdmin' && g.role !== 'higherCourtViewer' && ledgerRoles.has(g.role))?.scopeName;
  const scopeName = ownScope ?? data?.courtName ?? '';

  const chart = useMemo<ChartOption>(() => {
    const ordered = [...rows].reverse(); // horizontal bars read top-down in catalogue order
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0, data: ['按时记录', '补录'] },
      grid: { left: 8, right: 48, top: 8, bottom: 32, containLabel: true },
      yAxis: { type: 'category', data: ordered.map((r) => r.label), axisTick: { show: false }, axisLabel: { width: isPhone ? 76 : 180, overflow: 'truncate' } },
      xAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '按时记录', type: 'bar', stack: 'n', barMaxWidth: 22, itemStyle: { color: partyRed }, data: ordered.map((r) => r.count - r.lateEntryCount) },
        {
          name: '补录',
          type: 'bar',
          stack: 'n',
          barMaxWidth: 22,
          itemStyle: { color: lateColor },
          // The total at the end of each bar: "66次".
          label: { show: true, position: 'right', formatter: (p) => `${ordered[p.dataIndex]?.count ?? ''}次` },
          data: ordered.map((r) => r.lateEntryCount),
        },
      ],
    };
  }, [rows, isPhone]);

  return (
    <Card
      size="small"
      title={`${year}年度组织生活统计`}
      extra={
        isViewer && courtChoices.length > 0 && !isPhone ? (
          <Select style={{ width: 240 }} value={courtId} onChange={(v: string) => update({ courtId: v })} options={courtChoices} aria-label="法院" />
        ) : undefined
      }
      data-testid="year-figures"
    >
      {isViewer && isPhone && courtChoices.length > 0 && (
        <Select style={{ width: '100%', marginBottom: 12 }} value={courtId} onChange={(v: string) => update({ courtId: v })} options={courtChoices} aria-label="法院" />
      )}
      {query.isLoading || (isViewer && (orgs.isLoading || courts.isLoading)) ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : query.error ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : !data || rows.length === 0 ? (
        <Empty description={ownScope ? `本支部${year}年度暂无已记录的活动。` : `${data?.courtName ?? '本院'}${year}年度暂无已记录的活动。`} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Alert
            type="success"
            title={
              <span data-testid="counts-text">
                {year}年，{scopeName}共开展组织生活{totalCount}次：{data.total.text}
                {totalLate > 0 ? `（其中补录${totalLate}次）` : ''}。
              </span>
            }
          />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={11}>
              <Table<CountRow>
                rowKey="type"
                size="small"
                pagination={false}
                dataSource={rows}
                data-testid="counts-table"
                columns={[
                  { title: '活动类型', dataIndex: 'label' },
                  { title: '次数', dataIndex: 'count', width: 80, align: 'right', render: (n: number) => `${n}次` },
                  {
                    title: '其中补录',
                    dataIndex: 'lateEntryCount',
                    width: 96,
                    align: 'right',
                    render: (n: number) => (n > 0 ? <span style={{ color: '#ad6800' }}>{n}次</span> : <Typography.Text type="secondary">0</Typography.Text>),
                  },
                ]}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>
                      <b>合计</b>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={1} align="right">
                      <b>{totalCount}次</b>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2} align="right">
                      <b>{totalLate}次</b>
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                )}
              />
            </Col>
            <Col xs={24} lg={13}>
              <EChart option={chart} label={`${year}年度各类组织生活次数柱状图`} height={Math.max(220, rows.length * 36 + 60)} />
            </Col>
          </Row>
          {orgRows.length > 0 && (
            <div>
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                各党组织
              </Typography.Title>
              <Table<Counts['orgs'][number]>
                rowKey="orgId"
                size="small"
                pagination={orgRows.length > 30 ? { pageSize: 30 } : false}
                dataSource={orgRows}
                data-testid="org-counts-table"
                columns={[
                  {
                    title: '党组织',
                    dataIndex: 'orgName',
                    width: isPhone ? undefined : 320,
                    render: (name: string, o) => {
                      // 党小组 indented under their branch, as in the org tree.
                      const depth = (treeOrder.get(o.orgId)?.depth ?? minDepth) - minDepth;
                      return (
                        <div style={{ paddingInlineStart: Math.min(depth, 3) * 16 }}>
                          <div style={{ fontWeight: depth === 0 ? 500 : undefined }}>{name}</div>
                          {isPhone && (
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {o.text}
                            </Typography.Text>
                          )}
                        </div>
                      );
                    },
                  },
                  { title: '合计', width: 72, align: 'right', render: (_: unknown, o) => `${o.rows.reduce((n, r) => n + r.count, 0)}次` },
                  ...(isPhone ? [] : [{ title: '明细', dataIndex: 'text' }]),
                ]}
              />
            </div>
          )}
          <Typography.Text type="secondary">只统计已记录（已开展）的活动；计划中和已取消的不计入。补录指开展后补登的活动，已如实留痕。</Typography.Text>
        </Space>
      )}
    </Card>
  );
}
