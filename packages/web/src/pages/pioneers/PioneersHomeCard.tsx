// 示范岗与评优 on the home page: what waits for the caller — for the party office, proposals to approve,
// reviews owed and nominations to decide; for a branch secretary, an open 优秀党员 round their branch
// has not nominated for yet. Renders nothing when there is nothing to do.
import { Card, List, Tag } from 'antd';
import { StarOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { Designation, ExcellenceRound } from '@zhibu/contracts';
import { api } from '../../api/client';
import { useMe } from '../../auth';
import { showDate } from '../../lib/dates';

type Item = { key: string; to: string; tag: { color: string; text: string }; text: string };

export function PioneersHomeCard() {
  const me = useMe();
  const isOffice = me.grants.some((g) => g.role === 'courtAdmin');
  const secretaryOrgs = me.grants.filter((g) => g.role === 'branchSecretary').map((g) => g.orgId);
  const enabled = isOffice || secretaryOrgs.length > 0;
  const designations = useQuery({ queryKey: ['pioneers', 'designations', 'home'], queryFn: () => api.get<{ items: Designation[] }>('/pioneers/designations', { pageSize: 500 }), enabled, staleTime: 60_000 });
  const rounds = useQuery({ queryKey: ['pioneers', 'rounds'], queryFn: () => api.get<{ items: ExcellenceRound[] }>('/pioneers/rounds'), enabled, staleTime: 60_000 });
  if (!enabled) return null;
  const items: Item[] = [];
  for (const d of designations.data?.items ?? []) {
    if (isOffice && d.actions.includes('approve')) items.push({ key: `a${d.id}`, to: '/pioneers', tag: { color: 'orange', text: '待批准' }, text: `${d.orgName}申报「${d.name}」` });
    if (isOffice) for (const r of d.reviewsOwed) items.push({ key: `r${d.id}${r.year}`, to: d.kind === 'modelPost' ? '/pioneers' : '/pioneers?tab=teams', tag: { color: r.overdue ? 'red' : 'gold', text: r.overdue ? '考评逾期' : '待考评' }, text: `「${d.name}」${r.year}年度考评（${showDate(r.dueOn)}前）` });
  }
  for (const r of rounds.data?.items ?? []) {
    if (r.state !== 'open') continue;
    const pending = r.nominations.filter((n) => n.state === 'nominated').length;
    if (isOffice && pending) items.push({ key: `n${r.id}`, to: '/pioneers?tab=excellence', tag: { color: 'orange', text: '待决定' }, text: `${r.year}年度优秀党员评选：${pending}名被推荐人待决定` });
    if (!isOffice && r.canNominate && !r.nominations.some((n) => secretaryOrgs.includes(n.orgId)))
      items.push({ key: `s${r.id}`, to: '/pioneers?tab=excellence', tag: { color: 'blue', text: '待推荐' }, text: `${r.year}年度优秀党员评选，${showDate(r.deadline)}截止推荐` });
  }
  if (!items.length) return null;
  return (
    <Card
      size="small"
      data-testid="home-pioneers"
      title={
        <span>
          <StarOutlined style={{ color: '#c41d1d', marginRight: 8 }} />
          示范岗与评优
        </span>
      }
      extra={<Link to="/pioneers">查看</Link>}
    >
      <List
        size="small"
        dataSource={items.slice(0, 6)}
        renderItem={(i) => (
          <List.Item style={{ paddingInline: 0 }}>
            <Link to={i.to}>
              <Tag color={i.tag.color}>{i.tag.text}</Tag>
              {i.text}
            </Link>
          </List.Item>
        )}
      />
    </Card>
  );
}
