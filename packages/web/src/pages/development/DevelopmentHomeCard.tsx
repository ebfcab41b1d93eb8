// Home card of 发展党员: the deadlines (谈话 T3, 半年考察 T7, 审批 T17/T25, 预备期满 T19) due soon or past
// in the caller's scope. Shown only to those who follow development (development:read) and only
// when something is due.
import { Card, Space, Tag } from 'antd';
import { RiseOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useDevelopmentReminders } from '../../api/development';
import { useCan } from '../../auth';
import { DevelopmentRemindersList } from './DevelopmentPage';

export function DevelopmentHomeCard() {
  const canRead = useCan('development:read');
  const reminders = useDevelopmentReminders(undefined, canRead);
  const total = reminders.data?.total ?? 0;
  if (!canRead || total === 0) return null;
  return (
    <Card
      data-testid="development-home-card"
      title={
        <Space>
          <RiseOutlined style={{ color: '#c8102e' }} />
          发展党员期限提醒
          <Tag color="red">{total}项</Tag>
        </Space>
      }
      extra={<Link to="/development">发展党员看板</Link>}
      styles={{ title: { whiteSpace: 'normal' } }}
    >
      <DevelopmentRemindersList compact />
    </Card>
  );
}
