// Home: 谈心谈话 still owed this year per branch the caller reads (a secretary: their branch; the office:
// every branch with pairs open, the most first). From the court's warning month (default October, the
// 4th quarter) the open pairs show as a warning. Shown only when something is open.
import { Card, List, Space, Tag, Typography } from 'antd';
import { CommentOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import { useMe, can } from '../../auth';
import { useTalkCoverageSummary } from './talks-api';

export function TalksHomeCard() {
  const me = useMe();
  const year = dayjs().year();
  const summary = useTalkCoverageSummary(year, can(me, 'talks:read'));
  const open = (summary.data?.items ?? []).filter((i) => i.missing > 0).sort((a, b) => b.missing - a.missing);
  if (!open.length) return null;
  return (
    <Card
      data-testid="talks-home-card"
      title={
        <Space>
          <CommentOutlined style={{ color: '#d4380d' }} />
          谈心谈话
        </Space>
      }
      extra={<Link to="/talks">查看</Link>}
    >
      <List
        size="small"
        dataSource={open.slice(0, 5)}
        renderItem={(i) => (
          <List.Item>
            <Space wrap size={4}>
              <Link to={`/talks?orgId=${i.orgId}`}>{i.orgName}</Link>
              <span>
                今年还有 <b>{i.missing}</b> 对谈心谈话未开展
              </span>
              <Tag color={i.level === 'warning' ? 'orange' : 'blue'}>覆盖 {i.percent}%</Tag>
            </Space>
          </List.Item>
        )}
      />
      {open.length > 5 && <Typography.Text type="secondary">另有 {open.length - 5} 个支部未完成</Typography.Text>}
    </Card>
  );
}
