// Home: 党建工作提示 sent by the higher-level org and not yet confirmed (the branch secretary confirms
// here, with an optional reply), and for the office the notices it sent that still wait for a
// confirmation. Shown only when something is waiting.
import { useState } from 'react';
import { Button, Card, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { NotificationOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { ReminderNotice } from '@zhibu/contracts';
import { api, describeError } from '../../api/client';
import { useMe } from '../../auth';
import { showDate, showDateTime } from '../../lib/dates';
import { reminderNoticesKey, useAcknowledgeNotice } from '../reminders/ReminderNotices';

type Page = { items: ReminderNotice[]; total: number };

export function ReminderInboxCard() {
  const me = useMe();
  // Only managers are told or tell (court admins and branch secretaries).
  const manages = me.grants.some((g) => g.role === 'courtAdmin' || g.role === 'branchSecretary');
  const inbox = useQuery({
    queryKey: [...reminderNoticesKey, 'inbox', 'sent'],
    queryFn: () => api.get<Page>('/reminder-notices', { box: 'inbox', state: 'sent', pageSize: 50 }),
    enabled: manages,
  });
  const waiting = useQuery({
    queryKey: [...reminderNoticesKey, 'sent', 'waiting'],
    queryFn: () => api.get<Page>('/reminder-notices', { box: 'sent', state: 'sent', pageSize: 50 }),
    enabled: manages,
  });
  const [acking, setAcking] = useState<ReminderNotice | null>(null);
  const received = inbox.data?.items ?? [];
  const unconfirmed = waiting.data?.items ?? [];
  if (!received.length && !unconfirmed.length) return null;
  return (
    <Card
      data-testid="reminder-inbox"
      title={
        <Space wrap>
          <NotificationOutlined style={{ color: '#cf1322' }} />
          党建工作提示
          {received.length > 0 && <Tag color="red">待确认 {inbox.data?.total ?? received.length} 条</Tag>}
          {unconfirmed.length > 0 && <Tag color="orange">已发出未确认 {waiting.data?.total ?? unconfirmed.length} 条</Tag>}
        </Space>
      }
      styles={{ title: { whiteSpace: 'normal' } }}
    >
      {received.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>上级党组织发来的提示</Typography.Text>}
          dataSource={received}
          renderItem={(n) => (
            <List.Item key={n.id} data-testid="inbox-notice" style={{ display: 'block', paddingInline: 0 }}>
              <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'baseline' }}>
                <span style={{ fontWeight: 500 }}>{n.title}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {n.orgName} · {n.sentByName} {showDateTime(n.sentAt)}
                </Typography.Text>
              </div>
              <div style={{ marginTop: 4, wordBreak: 'break-all' }}>{n.body}</div>
              {(n.dueOn || n.rule) && (
                <Space size={16} wrap>
                  {n.dueOn && <Typography.Text type="secondary" style={{ fontSize: 12 }}>完成期限：{showDate(n.dueOn)}</Typography.Text>}
                  {n.rule && <Typography.Text type="secondary" style={{ fontSize: 12 }}>依据：{n.rule}</Typography.Text>}
                </Space>
              )}
              {n.canAcknowledge && (
                <div style={{ marginTop: 6 }}>
                  <Button size="small" type="primary" onClick={() => setAcking(n)} data-testid="ack-notice">
                    确认收到
                  </Button>
                </div>
              )}
            </List.Item>
          )}
        />
      )}
      {unconfirmed.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>已发出、对方尚未确认</Typography.Text>}
          dataSource={unconfirmed}
          renderItem={(n) => (
            <List.Item key={n.id} data-testid="waiting-notice" style={{ paddingInline: 0 }}>
              <Space wrap size={[8, 2]}>
                <span>{n.orgName}</span>
                <span style={{ fontWeight: 500 }}>{n.title}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {showDateTime(n.sentAt)} 发送
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      <AcknowledgeModal notice={acking} onClose={() => setAcking(null)} />
    </Card>
  );
}

function AcknowledgeModal({ notice, onClose }: { notice: ReminderNotice | null; onClose: () => void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ack = useAcknowledgeNotice();
  const confirm = async () => {
    if (!notice) return;
    setError(null);
    try {
      await ack.mutateAsync({ notice, note });
      setNote('');
      onClose();
    } catch (err) {
      setError(describeError(err));
    }
  };
  return (
    <Modal open={!!notice} title="确认收到党建工作提示" okText="确认收到" cancelText="取消" onOk={() => void confirm()} confirmLoading={ack.isPending} onCancel={onClose}>
      {notice && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>{notice.title}</Typography.Text>
          <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} placeholder="回复（可选），如：已定于11月28日召开支委会" autoSize={{ minRows: 2, maxRows: 5 }} aria-label="回复" />
          {error && <Typography.Text type="danger">{error}</Typography.Text>}
        </Space>
      )}
    </Modal>
  );
}
