// 活动室使用统计: bookings and hours per room and month of a year (cancelled ones not counted).
import { useState } from 'react';
import { Alert, Empty, InputNumber, Space, Spin, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, describeError } from '../../api/client';
import type { RoomUsage } from '../../api/bases';

export function UsageCard() {
  const [year, setYear] = useState(new Date().getFullYear());
  const usage = useQuery({ queryKey: ['room-usage', year], queryFn: () => api.get<{ items: RoomUsage[] }>('/room-usage', { year }) });
  const rows = usage.data?.items ?? [];
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const rooms = [...new Map(rows.map((r) => [r.roomId, r])).values()];
  const data = rooms.map((r) => ({
    key: r.roomId,
    room: r.roomName,
    org: r.orgName,
    ...Object.fromEntries(months.map((m) => [m, rows.find((x) => x.roomId === r.roomId && x.month === m)])),
    total: rows.filter((x) => x.roomId === r.roomId).reduce((s, x) => s + x.bookings, 0),
    hours: Math.round(rows.filter((x) => x.roomId === r.roomId).reduce((s, x) => s + x.hours, 0) * 10) / 10,
  }));
  return (
    <div>
      <Space style={{ marginBottom: 12 }}>
        <span>年度</span>
        <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} aria-label="年度" />
        <Typography.Text type="secondary">每格：预约次数 / 小时</Typography.Text>
      </Space>
      {usage.isLoading ? (
        <Spin />
      ) : usage.error ? (
        <Alert type="error" showIcon title={describeError(usage.error)} />
      ) : !data.length ? (
        <Empty description={`${year}年暂无预约`} />
      ) : (
        <Table
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={data}
          columns={[
            { title: '活动室', dataIndex: 'room', fixed: 'left', render: (v: string, r) => <div><div>{v}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.org}</Typography.Text></div> },
            ...months.map((m) => ({
              title: `${Number(m.slice(5))}月`,
              dataIndex: m,
              align: 'center' as const,
              render: (u: RoomUsage | undefined) => (u ? `${u.bookings} / ${u.hours}` : '—'),
            })),
            { title: '合计', dataIndex: 'total', align: 'center' as const, render: (v: number, r) => `${v}次 / ${r.hours}小时` },
          ]}
        />
      )}
    </div>
  );
}
