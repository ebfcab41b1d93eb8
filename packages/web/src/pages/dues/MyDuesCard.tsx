// 我的党费 (USERS.md 小李): this month's amount and whether it is paid, the months of the year, and the
// branch's published totals (收缴情况公布 — totals only). For the member's own page (/me). A 404 (an
// account without a member record) leaves the card out.
import { Alert, Card, Descriptions, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { ApiError } from '../../api/client';
import { monthLabel, useMyDues, yuan } from '../../api/dues';
import { DuesCellTag } from './DuesBits';

export function MyDuesCard() {
  const mine = useMyDues();
  if (mine.error instanceof ApiError && mine.error.status === 404) return null;
  const d = mine.data;
  return (
    <Card title="我的党费" data-testid="my-dues-card" size="small">
      {mine.isLoading && <Skeleton active paragraph={{ rows: 2 }} />}
      {mine.isError && !(mine.error instanceof ApiError && mine.error.status === 404) && <Alert type="error" showIcon message="党费信息暂时无法读取，请稍后重试" />}
      {d && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="所在支部">{d.orgName}</Descriptions.Item>
            <Descriptions.Item label="月交纳额">{d.monthlyFen === null ? '支部尚未核定' : `${yuan(d.monthlyFen)} 元`}</Descriptions.Item>
            <Descriptions.Item label={`${monthLabel(d.currentMonth)}党费`}>
              <DuesCellTag cell={d.current} />
            </Descriptions.Item>
            <Descriptions.Item label="今年已交">{yuan(d.paidFen)} 元</Descriptions.Item>
          </Descriptions>
          {d.arrears.level !== 'ok' && <Alert type="warning" showIcon message={d.arrears.message} description={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{d.arrears.rule}</Typography.Text>} />}
          {d.cells.some((c) => c.state !== 'future' && c.state !== 'notMember') ? (
            <Space wrap size={[4, 4]}>
              {d.cells
                .filter((c) => c.state !== 'future' && c.state !== 'notMember')
                .map((c) => (
                  <Tag key={c.month} color={c.state === 'paid' ? 'green' : c.state === 'unpaid' ? 'red' : 'default'}>
                    {monthLabel(c.month)} {c.stateLabel}
                  </Tag>
                ))}
            </Space>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="今年暂无应交月份" />
          )}
        </Space>
      )}
    </Card>
  );
}
