// 活动日历: a month of organizational life (GET /calendar), for one branch or the caller's whole
// scope (a court admin: the whole court). Each day shows its activities as chips colored by status,
// linking to the activity; on a phone the month is a list grouped by day. Month and org live in the URL.
import { useMemo } from 'react';
import { Alert, Button, Calendar, Card, Empty, List, Space, Spin, Tag, Tooltip, TreeSelect, Typography } from 'antd';
import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router';
import type { calendarResponse, z } from '@zhibu/contracts';
import { api, describeError } from '../../api/client';
import { useOrgs } from '../../api/queries';
import { useCan } from '../../auth';
import { useIsPhone } from '../../components/PageCard';
import { toTreeData } from '../../components/org-tree';
import { useUrlFilters } from '../../lib/url-filters';
import { showTime, weekdayOf } from '../sign-in/time';

type CalendarItem = z.infer<typeof calendarResponse>['items'][number];

const calendarStatusStyles: Record<CalendarItem['status'], { label: string; color: string; tag: string }> = {
  planned: { label: '计划', color: '#1677ff', tag: 'blue' },
  held: { label: '已开展', color: '#389e0d', tag: 'green' },
  cancelled: { label: '已取消', color: '#8c8c8c', tag: 'default' },
};

function parseMonth(value: string | null): Dayjs {
  const d = value && /^\d{4}-\d{2}$/.test(value) ? dayjs(`${value}-01`) : null;
  return d?.isValid() ? d : dayjs().startOf('month');
}

function Chip({ item }: { item: CalendarItem }) {
  const st = calendarStatusStyles[item.status];
  return (
    <Tooltip title={`${st.label} · ${item.label} · ${item.orgName} · ${showTime(item.startsAt)} ${item.title}${item.lateEntry ? '（补录）' : ''}`}>
      <Link
        to={`/activities/${item.id}`}
        data-testid="calendar-chip"
        onClick={(e) => e.stopPropagation()}
        style={{
          display: 'block',
          marginBottom: 2,
          padding: '0 6px',
          borderRadius: 4,
          fontSize: 12,
          lineHeight: '20px',
          color: item.status === 'cancelled' ? '#8c8c8c' : '#fff',
          background: item.status === 'cancelled' ? '#f0f0f0' : st.color,
          textDecoration: item.status === 'cancelled' ? 'line-through' : undefined,
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          whiteSpace: 'nowrap',
        }}
      >
        {showTime(item.startsAt)} {item.label}
        {item.lateEntry ? '·补' : ''}
      </Link>
    </Tooltip>
  );
}

function Legend() {
  return (
    <Space size={4} wrap>
      {Object.entries(calendarStatusStyles).map(([k, v]) => (
        <Tag key={k} color={v.tag}>
          {v.label}
        </Tag>
      ))}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        「补」为补录
      </Typography.Text>
    </Space>
  );
}

export default function CalendarPage() {
  const [params, update] = useUrlFilters();
  const isPhone = useIsPhone();
  const canManage = useCan('activities:manage');
  const month = parseMonth(params.get('month'));
  const orgId = params.get('org') ?? undefined;
  const orgs = useOrgs();
  const treeData = useMemo(() => toTreeData(orgs.data ?? []), [orgs.data]);

  // The grid shows parts of the neighbouring months too.
  const from = month.startOf('month').subtract(7, 'day').format('YYYY-MM-DD');
  const to = month.endOf('month').add(14, 'day').format('YYYY-MM-DD');
  const calendar = useQuery({
    queryKey: ['calendar', orgId ?? null, from, to],
    queryFn: () => api.get<z.infer<typeof calendarResponse>>('/calendar', { orgId, from, to }),
    placeholderData: keepPreviousData,
  });

  const byDay = useMemo(() => {
    const m = new Map<string, CalendarItem[]>();
    for (const item of [...(calendar.data?.items ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
      const list = m.get(item.heldOn) ?? [];
      list.push(item);
      m.set(item.heldOn, list);
    }
    return m;
  }, [calendar.data]);

  const monthKey = month.format('YYYY-MM');
  const setMonth = (d: Dayjs) => update({ month: d.format('YYYY-MM') === dayjs().format('YYYY-MM') ? undefined : d.format('YYYY-MM') });
  const monthDays = [...byDay.entries()].filter(([day]) => day.startsWith(monthKey));
  const monthCount = monthDays.reduce((n, [, items]) => n + items.length, 0);

  const toolbar = (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', marginBottom: 16 }}>
      <Space>
        <Button icon={<LeftOutlined />} aria-label="上个月" onClick={() => setMonth(month.subtract(1, 'month'))} />
        <Typography.Title level={4} style={{ margin: 0, minWidth: 120, textAlign: 'center' }} data-testid="calendar-month">
          {month.format('YYYY年M月')}
        </Typography.Title>
        <Button icon={<RightOutlined />} aria-label="下个月" onClick={() => setMonth(month.add(1, 'month'))} />
        <Button onClick={() => setMonth(dayjs())}>本月</Button>
      </Space>
      <TreeSelect
        style={{ width: isPhone ? '100%' : 340 }}
        aria-label="党组织"
        allowClear
        showSearch={{ treeNodeFilterProp: 'label' }}
        treeNodeLabelProp="label"
        placeholder="全部（我可查看的全部组织）"
        loading={orgs.isLoading}
        treeData={treeData}
        treeDefaultExpandAll={false}
        value={orgId}
        onChange={(v?: string) => update({ org: v })}
        popupMatchSelectWidth={isPhone ? true : 420}
      />
      {!isPhone && <Legend />}
      <div style={{ flex: 1 }} />
      {calendar.isFetching && <Spin size="small" />}
      <Typography.Text type="secondary">本月 {monthCount} 次活动</Typography.Text>
    </div>
  );

  return (
    <Card
      title="活动日历"
      extra={
        canManage && !isPhone ? (
          <Link to="/activities/new">
            <Button type="primary" icon={<PlusOutlined />}>
              计划活动
            </Button>
          </Link>
        ) : undefined
      }
    >
      {toolbar}
      {calendar.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`日历加载失败：${describeError(calendar.error)}`} action={<Button onClick={() => void calendar.refetch()}>重试</Button>} />}
      {isPhone ? (
        <>
          <div style={{ marginBottom: 8 }}>
            <Legend />
          </div>
          {monthDays.length === 0 ? (
            <Empty description={calendar.isLoading ? '加载中…' : `${month.format('YYYY年M月')}没有活动`} />
          ) : (
            monthDays.map(([day, items]) => (
              <div key={day} data-testid="calendar-day" style={{ marginBottom: 12 }}>
                <Typography.Text strong style={{ display: 'block', padding: '4px 0', borderBottom: '1px solid #f0f0f0' }}>
                  {dayjs(day).format('M月D日')} {weekdayOf(day)}
                </Typography.Text>
                <List
                  dataSource={items}
                  renderItem={(item) => {
                    const st = calendarStatusStyles[item.status];
                    return (
                      <List.Item style={{ padding: '10px 0' }}>
                        <Link to={`/activities/${item.id}`} data-testid="calendar-chip" style={{ display: 'block', width: '100%', minHeight: 44 }}>
                          <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
                            <Tag color={st.tag} style={{ marginInlineEnd: 0 }}>
                              {st.label}
                            </Tag>
                            <span style={{ fontWeight: 600, color: 'rgba(0,0,0,0.88)', textDecoration: item.status === 'cancelled' ? 'line-through' : undefined }}>{item.title}</span>
                          </div>
                          <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13, marginTop: 2 }}>
                            {showTime(item.startsAt)} · {item.label} · {item.orgName}
                            {item.lateEntry ? ' · 补录' : ''}
                          </div>
                        </Link>
                      </List.Item>
                    );
                  }}
                />
              </div>
            ))
          )}
        </>
      ) : (
        <Calendar
          value={month.month() === dayjs().month() && month.year() === dayjs().year() ? dayjs() : month}
          mode="month"
          headerRender={() => null}
          onSelect={(d, info) => {
            if (info.source === 'date' && d.format('YYYY-MM') !== monthKey) setMonth(d);
          }}
          cellRender={(d, info) => {
            if (info.type !== 'date') return info.originNode;
            const items = byDay.get(d.format('YYYY-MM-DD'));
            if (!items) return null;
            return (
              <div data-testid="calendar-cell" data-date={d.format('YYYY-MM-DD')}>
                {items.map((item) => (
                  <Chip key={item.id} item={item} />
                ))}
              </div>
            );
          }}
        />
      )}
    </Card>
  );
}
