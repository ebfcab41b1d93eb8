// 品牌选树 for the home page: the court's rounds still open (征集 with its deadline, 评审), for the party
// office and branch secretaries — who nominate, score and decide. Renders nothing when none is open.
// (For the lead to place on HomePage; the brands page's 选树 tab has the rest.)
import { Card, List, Tag } from 'antd';
import { TrophyOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { roundStatusColors, useSelectionRounds } from '../../api/brands';
import { useMe } from '../../auth';
import { showDate } from '../../lib/dates';

export function BrandSelectionHomeCard() {
  const me = useMe();
  const enabled = me.grants.some((g) => g.role === 'courtAdmin' || g.role === 'branchSecretary');
  const q = useSelectionRounds();
  const open = (q.data?.items ?? []).filter((r) => r.status !== 'published' && r.courtId === me.courtId);
  if (!enabled || !open.length) return null;
  return (
    <Card
      size="small"
      data-testid="home-brand-selection"
      title={
        <span>
          <TrophyOutlined style={{ color: '#d4b106', marginRight: 8 }} />
          品牌选树
        </span>
      }
      extra={<Link to="/brands?tab=selection">全部选树</Link>}
    >
      <List
        size="small"
        dataSource={open}
        renderItem={(r) => (
          <List.Item style={{ paddingInline: 0 }}>
            <Link to={`/brands?tab=selection&round=${r.id}`}>
              <Tag color={roundStatusColors[r.status]}>{r.statusLabel}</Tag>
              {r.name}
              {r.status === 'collecting' ? `（推荐截止${showDate(r.deadline)}，已推荐${r.nominationCount}个）` : `（${r.nominationCount}个品牌评审中）`}
            </Link>
          </List.Item>
        )}
      />
    </Card>
  );
}
