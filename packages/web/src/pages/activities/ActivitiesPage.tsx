// 组织生活 list: the caller's activities with filters kept in the URL (org subtree, type, status,
// date range). Desktop: a table; phone: one card per activity, readable at 390px.
import { Button, Card, Col, DatePicker, Empty, List, Pagination, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { activityStatuses, activityTypeLabels, activityTypes, jointCategoryLabels } from '@zhibu/domain';
import { activityStatusLabels, useActivityList, type ActivitySummary } from '../../api/activities';
import { useCan } from '../../auth';
import { OrgFilterSelect } from '../../components/org-tree';
import { PageCard, useIsPhone } from '../../components/PageCard';
import { chineseDateFormat, fromIsoDate, showDate, toIsoDate } from '../../lib/dates';
import { useUrlFilters } from '../../lib/url-filters';
import { LoadError } from '../errors/ErrorPages';
import { ActivityStatusTag, LateEntryTag, ReviewTag, timeRange } from './activity-format';

const filterKeys = ['orgId', 'type', 'status', 'from', 'to'] as const;

export default function ActivitiesPage() {
  const [params, update] = useUrlFilters();
  const navigate = useNavigate();
  const canManage = useCan('activities:manage');
  const isPhone = useIsPhone();
  const filters = Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? undefined])) as Record<(typeof filterKeys)[number], string | undefined>;
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const list = useActivityList(filters, page, pageSize);
  const hasFilter = filterKeys.some((k) => filters[k]);
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;

  const emptyText = hasFilter
    ? '没有符合条件的活动。请调整或清除筛选条件后再试。'
    : canManage
      ? '还没有组织生活记录。点击「计划活动」安排支部党员大会、支委会、党课、主题党日等活动。'
      : '暂无需要您参加的组织生活。';

  const onPage = (p: number, s: number) => update({ page: p === 1 ? undefined : p, pageSize: s === 20 ? undefined : s });

  return (
    <PageCard
      title="组织生活"
      actions={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/activities/new')}>
            计划活动
          </Button>
        )
      }
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12} xl={7}>
          <OrgFilterSelect value={filters.orgId} onChange={(v) => update({ orgId: v })} />
        </Col>
        <Col xs={12} md={6} xl={5}>
          <Select
            style={{ width: '100%' }}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="全部类型"
            value={filters.type}
            onChange={(v?: string) => update({ type: v })}
            options={activityTypes.map((t) => ({ value: t, label: activityTypeLabels[t] }))}
            aria-label="活动类型"
          />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Select
            style={{ width: '100%' }}
            allowClear
            placeholder="全部状态"
            value={filters.status}
            onChange={(v?: string) => update({ status: v })}
            options={activityStatuses.map((s) => ({ value: s, label: activityStatusLabels[s] }))}
            aria-label="活动状态"
          />
        </Col>
        <Col xs={24} md={12} xl={8}>
          <DatePicker.RangePicker
            style={{ width: '100%' }}
            format={chineseDateFormat}
            allowEmpty={[true, true]}
            placeholder={['开始日期', '结束日期']}
            value={[fromIsoDate(filters.from), fromIsoDate(filters.to)]}
            onChange={(v) => update({ from: toIsoDate(v?.[0]) ?? undefined, to: toIsoDate(v?.[1]) ?? undefined })}
            aria-label="活动日期"
          />
        </Col>
      </Row>
      {list.error ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : isPhone ? (
        <>
          <List<ActivitySummary>
            loading={list.isFetching}
            dataSource={items}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
            renderItem={(a) => <ActivityCard a={a} />}
            split={false}
          />
          {total > 0 && (
            <Space direction="vertical" style={{ width: '100%', alignItems: 'center', marginTop: 8 }}>
              <Typography.Text type="secondary">共 {total} 次活动</Typography.Text>
              <Pagination simple current={page} pageSize={pageSize} total={total} onChange={onPage} />
            </Space>
          )}
        </>
      ) : (
        <Table<ActivitySummary>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={items}
          tableLayout="fixed"
          scroll={{ x: 1000 }}
          locale={{ emptyText }}
          pagination={{
            current: page,
            pageSize,
            total,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (n) => `共 ${n} 次活动`,
            onChange: onPage,
          }}
          columns={[
            {
              title: '日期',
              dataIndex: 'heldOn',
              width: 170,
              render: (_: string, a) => (
                <div>
                  <div>{showDate(a.heldOn)}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {timeRange(a)}
                  </Typography.Text>
                </div>
              ),
            },
            { title: '党组织', dataIndex: 'orgName', ellipsis: { showTitle: true } },
            {
              title: '类型',
              dataIndex: 'typeLabel',
              width: 150,
              render: (label: string, a) => (a.jointCategory ? <Space size={4} wrap><span>{label}</span><JointTag a={a} /></Space> : label),
            },
            {
              title: '活动名称',
              dataIndex: 'title',
              ellipsis: { showTitle: true },
              render: (title: string, a) => <Link to={`/activities/${a.id}`}>{title}</Link>,
            },
            {
              title: '状态',
              dataIndex: 'status',
              width: 130,
              render: (_: string, a) => (
                <Space size={4} wrap>
                  <ActivityStatusTag a={a} />
                  {a.lateEntry && <LateEntryTag />}
                </Space>
              ),
            },
            { title: '上级审核', dataIndex: 'reviewState', width: 140, render: (s: ActivitySummary['reviewState']) => <ReviewTag state={s} /> },
          ]}
        />
      )}
    </PageCard>
  );
}

/** 联建活动 with its 四联 category (held with a partner branch; both sides list it). */
function JointTag({ a }: { a: ActivitySummary }) {
  return <Tag color="magenta">联建·{jointCategoryLabels[a.jointCategory!]}</Tag>;
}

function ActivityCard({ a }: { a: ActivitySummary }) {
  return (
    <Link to={`/activities/${a.id}`} style={{ display: 'block', marginBottom: 12, color: 'inherit' }} data-testid="activity-card">
      <Card size="small" hoverable styles={{ body: { padding: 12 } }}>
        <Space size={4} wrap style={{ marginBottom: 6 }}>
          <ActivityStatusTag a={a} />
          {a.lateEntry && <LateEntryTag />}
          <Tag>{a.typeLabel}</Tag>
          {a.jointCategory && <JointTag a={a} />}
          {a.reviewState !== 'none' && <ReviewTag state={a.reviewState} />}
        </Space>
        <Typography.Text strong style={{ display: 'block', fontSize: 16 }}>
          {a.title}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          {showDate(a.heldOn)} {timeRange(a)}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ display: 'block' }} ellipsis>
          {a.orgName}
          {a.place ? ` · ${a.place}` : ''}
        </Typography.Text>
      </Card>
    </Link>
  );
}
