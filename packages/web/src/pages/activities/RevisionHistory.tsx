// 修改记录 of a recorded activity: a button next to the count opens the history, newest first —
// who changed what (before → after) and why. Nothing of a recorded meeting disappears.
import { useState } from 'react';
import { Button, Drawer, Empty, Skeleton, Timeline, Typography } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { ActivityRevision } from '@zhibu/contracts';
import { api } from '../../api/client';
import { useIsPhone } from '../../components/PageCard';
import { showDateTime } from '../../lib/dates';
import { LoadError } from '../errors/ErrorPages';

export function RevisionHistory({ activityId, count }: { activityId: string; count: number }) {
  const [open, setOpen] = useState(false);
  const isPhone = useIsPhone();
  const history = useQuery({
    queryKey: ['activity-revisions', activityId, count],
    queryFn: () => api.get<{ items: ActivityRevision[] }>(`/activities/${activityId}/revisions`),
    enabled: open,
  });
  return (
    <>
      <span data-testid="revision-count">记录后修改 {count} 次（修改前的内容均已留存）</span>
      <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setOpen(true)}>
        查看修改记录
      </Button>
      <Drawer title="修改记录" open={open} onClose={() => setOpen(false)} size={isPhone ? '100%' : 560} destroyOnHidden>
        {history.isLoading ? (
          <Skeleton active />
        ) : history.error ? (
          <LoadError error={history.error} onRetry={() => void history.refetch()} />
        ) : !history.data?.items.length ? (
          <Empty description="没有修改记录" />
        ) : (
          <Timeline
            items={history.data.items.map((r) => ({
              key: r.version,
              children: (
                <div data-testid="revision">
                  <Typography.Text strong>{showDateTime(r.changedAt)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{r.changedBy ?? '—'}修改</Typography.Text>
                  {r.reason && <div>修改原因：{r.reason}</div>}
                  {r.changes.map((c) => (
                    <div key={c.field} style={{ marginTop: 6 }}>
                      <Typography.Text type="secondary">{c.label}：</Typography.Text>
                      <div style={{ whiteSpace: 'pre-wrap', textDecoration: 'line-through', color: '#8c8c8c' }}>{c.before ?? '（空）'}</div>
                      <div style={{ whiteSpace: 'pre-wrap' }}>{c.after ?? '（空）'}</div>
                    </div>
                  ))}
                  {r.changes.length === 0 && <div>（仅更新了版本，内容未变）</div>}
                </div>
              ),
            }))}
          />
        )}
      </Drawer>
    </>
  );
}
