// One org's 党建工作提示 by activity type: the current period (done / 待办 / 即将到期) and each missed
// period with its reason, the rule it cites, the due date and a link to plan (or 补录) the activity.
import { useState } from 'react';
import { Button, Card, Empty, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { OrgReminder, ReminderNotice } from '@zhibu/contracts';
import { showDate } from '../../lib/dates';
import { countStates, groupByType, StateTag, stateStyles, type ReminderItem, type TypeGroup } from './compliance-ui';
import { NoticeStateTag, SendNoticeButton, SentNoticesList, useCanSendTo, useSendNotice, useSentNotices } from './ReminderNotices';

const shownMissed = 3;

export function OrgItems({ org, today, canPlan }: { org: OrgReminder; today: string; canPlan: boolean }) {
  const groups = groupByType(org.items);
  const c = countStates(org.items);
  const canSend = useCanSendTo(org);
  const sent = useSentNotices(org.orgId, canSend);
  // The latest notice about each item (the list is newest first).
  const sentByItem = new Map<string, ReminderNotice>();
  for (const n of sent.data?.items ?? []) if (n.itemKey && !sentByItem.has(n.itemKey)) sentByItem.set(n.itemKey, n);
  const send = useSendNotice(org);
  const notices: Notices = { canSend, sentByItem, onSend: send.start };
  if (!groups.length) return <Empty description="该党组织没有按频次要求开展的组织生活，暂无提示。" />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="org-items">
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">
          {org.courtName} · 截至 {showDate(today)}：逾期 {c.missed} 项，即将到期 {c.dueSoon} 项，本期待办 {c.pending} 项，本期已完成 {c.done} 项
        </Typography.Text>
        {canSend && <SendNoticeButton onSend={send.start} />}
      </div>
      {canSend && <SentNoticesList notices={sent.data?.items ?? []} />}
      {groups.map((g) => (
        <TypeBlock key={g.type} group={g} orgId={org.orgId} canPlan={canPlan} notices={notices} />
      ))}
      {canSend && send.modal}
    </Space>
  );
}

/** What the items need to offer "发送提示" and show whether a notice was confirmed. */
type Notices = { canSend: boolean; sentByItem: Map<string, ReminderNotice>; onSend: (item?: ReminderItem) => void };

function TypeBlock({ group, orgId, canPlan, notices }: { group: TypeGroup; orgId: string; canPlan: boolean; notices: Notices }) {
  const [expanded, setExpanded] = useState(false);
  const s = stateStyles[group.worst];
  const missed = expanded ? group.missed : group.missed.slice(0, shownMissed);
  const hidden = group.missed.length - missed.length;
  return (
    <Card
      size="small"
      style={{ borderInlineStart: `4px solid ${s.color}` }}
      title={
        <Space size={8} wrap style={{ whiteSpace: 'normal' }}>
          <span>{group.label}</span>
          {group.missed.length > 0 && <Typography.Text style={{ color: stateStyles.missed.color, fontWeight: 400 }}>逾期{group.missed.length}期</Typography.Text>}
        </Space>
      }
      styles={{ title: { whiteSpace: 'normal' } }}
      data-testid="type-block"
      data-type={group.type}
    >
      <Space orientation="vertical" size={10} style={{ width: '100%' }}>
        {group.current && <ItemLine item={group.current} orgId={orgId} canPlan={canPlan} notices={notices} />}
        {missed.map((it) => (
          <ItemLine key={it.periodKey} item={it} orgId={orgId} canPlan={canPlan} notices={notices} />
        ))}
        {hidden > 0 && (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setExpanded(true)}>
            另有{hidden}期逾期，展开
          </Button>
        )}
        {expanded && group.missed.length > shownMissed && (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setExpanded(false)}>
            收起
          </Button>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          依据：{group.rule}
        </Typography.Text>
      </Space>
    </Card>
  );
}

function ItemLine({ item, orgId, canPlan, notices }: { item: ReminderItem; orgId: string; canPlan: boolean; notices: Notices }) {
  const plan = `/activities/new?orgId=${encodeURIComponent(orgId)}&type=${encodeURIComponent(item.type)}`;
  const sent = notices.sentByItem.get(`${item.type}:${item.periodKey}`);
  const open = item.state !== 'done';
  return (
    <div data-testid="reminder-item" data-state={item.state} data-key={`${item.type}:${item.periodKey}`} style={{ display: 'flex', gap: 8, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <StateTag state={item.state} />
      <div style={{ flex: '1 1 240px', minWidth: 0 }}>
        <div style={{ color: item.state === 'missed' ? stateStyles.missed.color : item.state === 'dueSoon' ? '#ad6800' : undefined }}>{item.message}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          期限：{showDate(item.periodEnd)}
          {item.current ? (item.state === 'done' ? '' : item.daysLeft === 0 ? '（今天截止）' : `（还剩${item.daysLeft}天）`) : '（已过期）'}
          {item.lateEntryCount > 0 && `；其中补录${item.lateEntryCount}次`}
        </Typography.Text>
        {sent && (
          <div style={{ marginTop: 4 }}>
            <NoticeStateTag notice={sent} />
          </div>
        )}
      </div>
      {notices.canSend && open && <SendNoticeButton item={item} sent={sent} onSend={notices.onSend} />}
      {canPlan && item.state !== 'done' && (
        <Link to={plan}>
          <Button size="small" icon={<PlusOutlined />}>
            {item.current ? '去计划' : '去补录'}
          </Button>
        </Link>
      )}
    </div>
  );
}
