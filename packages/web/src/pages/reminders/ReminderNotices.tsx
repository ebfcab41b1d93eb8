// 党建工作提示 sent and confirmed: the office sends an org a notice about an item (its message, the
// rule it cites and the due date prefilled), sees whether the org confirmed it, and the org's
// secretary confirms from the home page (ReminderInboxCard).
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { OrgReminder, ReminderNotice } from '@zhibu/contracts';
import { api } from '../../api/client';
import { useMe } from '../../auth';
import { showDate, showDateTime } from '../../lib/dates';
import { useFormSubmit } from '../../lib/form-errors';
import type { ReminderItem } from './compliance-ui';

export const reminderNoticesKey = ['reminder-notices'] as const;

/** Notices the caller's office sent to one org (all states), newest first. */
export function useSentNotices(orgId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...reminderNoticesKey, 'sent', orgId],
    queryFn: () => api.get<{ items: ReminderNotice[]; total: number }>('/reminder-notices', { box: 'sent', orgId, pageSize: 100 }),
    enabled,
  });
}

/**
 * Whether the caller's office may tell this org: a court admin tells any org of the court but the
 * top one; a branch secretary tells the 党小组 of their branch. The server decides; this only hides
 * a button that would be refused.
 */
export function useCanSendTo(org: Pick<OrgReminder, 'orgId' | 'orgType' | 'courtId'>): boolean {
  const me = useMe();
  return me.grants.some(
    (g) =>
      (g.role === 'courtAdmin' && g.courtId === org.courtId && org.orgType !== 'organCommittee' && org.orgType !== 'generalBranch' && org.orgType !== 'primaryCommittee') ||
      (g.role === 'branchSecretary' && g.orgId !== org.orgId && org.orgType === 'partyGroup'),
  );
}

export function NoticeStateTag({ notice }: { notice: ReminderNotice }) {
  return notice.state === 'acknowledged' ? (
    <Tag color="green" icon={<CheckCircleOutlined />} style={{ whiteSpace: 'normal' }}>
      {notice.acknowledgedByName}已于{notice.acknowledgedAt ? showDateTime(notice.acknowledgedAt) : ''}确认
    </Tag>
  ) : (
    <Tag color="orange" style={{ whiteSpace: 'normal' }}>
      已提示，待确认
    </Tag>
  );
}

type SendValues = { title: string; body: string; dueOn: Dayjs | null };

/**
 * One "发送党建工作提示" dialog for an org: `open(item)` prefills it from an item of the org's
 * 党建工作提示 (message, due date; the rule is sent along), `open()` starts a free notice.
 */
export function useSendNotice(org: OrgReminder) {
  const [open, setOpen] = useState(false);
  const [item, setItem] = useState<ReminderItem | undefined>();
  const [form] = Form.useForm<SendValues>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const { busy, submit } = useFormSubmit(form, async (v) => {
    await api.post('/reminder-notices', {
      orgId: org.orgId,
      itemKey: item ? `${item.type}:${item.periodKey}` : null,
      title: v.title.trim(),
      body: v.body.trim(),
      rule: item?.rule ?? null,
      dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null,
    });
    message.success(`已向${org.orgName}发送提示`);
    setOpen(false);
    void client.invalidateQueries({ queryKey: reminderNoticesKey });
  });
  const start = (it?: ReminderItem) => {
    setItem(it);
    form.setFieldsValue({
      title: it ? `${it.label}：${it.state === 'missed' ? '已逾期' : it.state === 'dueSoon' ? '即将到期' : '本期尚未开展'}` : '党建工作提示',
      body: it ? `${org.orgName}：${it.message}请于${showDate(it.periodEnd)}前完成${it.state === 'missed' ? '补办或说明情况' : ''}。` : '',
      dueOn: it ? dayjs(it.periodEnd) : null,
    });
    setOpen(true);
  };
  const modal = (
    <Modal open={open} title={`向${org.orgName}发送党建工作提示`} okText="发送" cancelText="取消" onOk={() => form.submit()} confirmLoading={busy} onCancel={() => setOpen(false)} forceRender>
      <Form form={form} name="send-notice" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请输入标题' }, { max: 100, message: '最多100个字' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="body" label="提示内容" rules={[{ required: true, whitespace: true, message: '请输入提示内容' }, { max: 1000, message: '最多1000个字' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="dueOn" label="完成期限（可选）">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {item && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
            依据：{item.rule}
          </Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
  return { start, modal };
}

/** The button that opens the dialog, for an item (or, without one, a free notice). */
export function SendNoticeButton({ item, sent, onSend }: { item?: ReminderItem; sent?: ReminderNotice; onSend: (item?: ReminderItem) => void }) {
  return (
    <Button size="small" icon={<SendOutlined />} onClick={() => onSend(item)} data-testid={item ? 'send-notice' : 'send-free-notice'}>
      {sent ? '再次提示' : item ? '发送提示' : '发送其他提示'}
    </Button>
  );
}

/** The office's notices to one org, with whether each was confirmed. */
export function SentNoticesList({ notices }: { notices: ReminderNotice[] }) {
  if (!notices.length) return null;
  return (
    <div data-testid="sent-notices">
      <Typography.Text strong>已发送的提示</Typography.Text>
      <Space orientation="vertical" size={6} style={{ width: '100%', marginTop: 6 }}>
        {notices.map((n) => (
          <div key={n.id} data-testid="sent-notice" data-state={n.state} style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'baseline' }}>
            <span style={{ fontWeight: 500 }}>{n.title}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {n.sentByName} {showDateTime(n.sentAt)} 发送
            </Typography.Text>
            <NoticeStateTag notice={n} />
            {n.ackNote && <Typography.Text type="secondary">回复：{n.ackNote}</Typography.Text>}
          </div>
        ))}
      </Space>
    </div>
  );
}

/** "确认收到" with an optional reply, for the org told. */
export function useAcknowledgeNotice() {
  const client = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: ({ notice, note }: { notice: ReminderNotice; note: string }) => api.post<ReminderNotice>(`/reminder-notices/${notice.id}/acknowledge`, { note: note.trim() || null, version: notice.version }),
    onSuccess: () => {
      message.success('已确认收到');
      void client.invalidateQueries({ queryKey: reminderNoticesKey });
    },
  });
}
