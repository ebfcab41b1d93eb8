// 我的组织生活 on the home page, for everyone with a member record (USERS.md 小李: "his next 一刻钟微党课
// turn"): the activities he is expected at in the next two months, nearest first, and his next
// 微党课 turn in his branch's rotation.
import { Card, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { BookOutlined, CalendarOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import type { ActivitySummary, MemberProfile, MicroLectureSlot } from '@zhibu/contracts';
import { api } from '../../api/client';
import { activityStatusColors, activityStatusLabels } from '../../api/activities';
import { showDate, todayIso } from '../../lib/dates';

const weekdays = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

function when(startsAt: string): string {
  const d = dayjs(startsAt);
  return `${d.format('M月D日')}（${weekdays[d.day()]}）${d.format('HH:mm')}`;
}

export function MyOrgLifeCard({ memberId }: { memberId: string }) {
  const today = todayIso();
  const until = dayjs(today).add(60, 'day').format('YYYY-MM-DD');
  const upcoming = useQuery({
    queryKey: ['my-activities', today],
    // The list is scoped to the caller: a member gets the activities they are expected at.
    queryFn: () => api.get<{ items: ActivitySummary[]; total: number }>(`/activities?from=${today}&to=${until}&status=planned&pageSize=50`),
  });
  const profile = useQuery({ queryKey: ['member', memberId], queryFn: () => api.get<MemberProfile>(`/members/${memberId}`) });
  const orgId = profile.data?.orgId;
  const turns = useQuery({
    queryKey: ['micro-lectures', orgId, today],
    queryFn: () => api.get<{ items: MicroLectureSlot[] }>(`/micro-lectures?orgId=${orgId}&from=${today}`),
    enabled: !!orgId,
    retry: false,
  });
  const nextTurn = turns.data?.items.find((s) => s.memberId === memberId);
  // Nearest first (the API lists newest first), at most five.
  const items = [...(upcoming.data?.items ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt)).slice(0, 5);

  return (
    <Card title={<Space><CalendarOutlined />我的组织生活</Space>} extra={<Link to="/activities">全部活动</Link>} data-testid="my-org-life">
      {nextTurn && (
        <Typography.Paragraph style={{ marginBottom: 12 }}>
          <BookOutlined style={{ color: '#c8161d', marginRight: 6 }} />
          下一次一刻钟微党课轮到我主讲：<strong>{showDate(nextTurn.slotDate)}</strong>
          {nextTurn.topic ? `，题目“${nextTurn.topic}”` : ''}
          <Link to="/micro-lectures" style={{ marginLeft: 8 }}>查看轮讲安排</Link>
        </Typography.Paragraph>
      )}
      {upcoming.isLoading ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="近两个月没有需要我参加的已计划活动" />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(a) => (
            <List.Item extra={<Tag color={activityStatusColors[a.status]}>{activityStatusLabels[a.status]}</Tag>}>
              <List.Item.Meta
                title={<Link to={`/activities/${a.id}`}>{a.title}</Link>}
                description={[when(a.startsAt), a.typeLabel, a.place].filter(Boolean).join(' · ')}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
