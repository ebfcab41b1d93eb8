// 品牌培育提醒 for the home page: overdue cultivation milestones of the caller's brands (the party
// office: its court's; a branch secretary: the branch's). Renders nothing when there are none or
// the caller has no brand to look after. A separate small card: the 党建工作提示 service is untouched.
import { Card, List, Tag } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useBrandReminders } from '../../api/brands';
import { useMe } from '../../auth';

export function BrandRemindersCard() {
  const me = useMe();
  const enabled = me.grants.some((g) => g.role === 'courtAdmin' || g.role === 'branchSecretary');
  const q = useBrandReminders(enabled);
  const items = q.data?.items ?? [];
  if (!enabled || !items.length) return null;
  return (
    <Card
      size="small"
      data-testid="home-brand-reminders"
      title={
        <span>
          <ClockCircleOutlined style={{ color: '#fa8c16', marginRight: 8 }} />
          品牌培育提醒
        </span>
      }
      extra={<Link to="/brands">党建品牌</Link>}
    >
      <List
        size="small"
        dataSource={items.slice(0, 5)}
        renderItem={(r) => (
          <List.Item style={{ paddingInline: 0 }}>
            <Link to={`/brands/${r.brandId}`}>
              <Tag color="error">逾期{r.daysOverdue}天</Tag>
              {r.brandName}：{r.title}（{r.owner}）
            </Link>
          </List.Item>
        )}
      />
    </Card>
  );
}
