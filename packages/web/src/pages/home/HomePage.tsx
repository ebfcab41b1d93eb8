// Home: the caller's scope at a glance (GET /api/v1/dashboard). A court admin sees counts, charts
// and the 换届 reminders; a member sees their own record; the higher court sees a table per court.
import { useMemo } from 'react';
import { Alert, Button, Card, Col, Descriptions, Empty, List, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { ApartmentOutlined, ClockCircleOutlined, IdcardOutlined, TeamOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Dashboard, MemberProfile } from '@zhibu/contracts';
import {
  courtLevelLabels,
  memberStatusLabels,
  memberStatuses,
  positions,
  positionLabels,
  type CourtLevel,
  type MemberStatus,
  type Position,
} from '@zhibu/domain';
import { api } from '../../api/client';
import { useMe } from '../../auth';
import EChart, { type ChartOption } from '../../components/EChart';
import { OrgTypeTag } from '../../components/org-tree';
import { showDate } from '../../lib/dates';
import { LoadError } from '../errors/ErrorPages';
import { PendingApprovalsCard } from './PendingApprovalsCard';
import { MyOrgLifeCard } from './MyOrgLifeCard';
import { ReminderInboxCard } from './ReminderInboxCard';
import { BrandRemindersCard } from '../brands/BrandRemindersCard';
import { DevelopmentHomeCard } from '../development/DevelopmentHomeCard';
import { EvaluationHomeCard } from '../evaluations/EvaluationHomeCard';
import { TalksHomeCard } from '../talks/TalksHomeCard';
import { PioneersHomeCard } from '../pioneers/PioneersHomeCard';
import { BrandSelectionHomeCard } from '../brands/BrandSelectionHomeCard';
import { partyRed } from '../../theme';

const termStateStyle: Record<string, { color: string; label: string }> = {
  overdueBeyondExtension: { color: 'red', label: '严重逾期' },
  overdue: { color: 'red', label: '已到期' },
  dueSoon: { color: 'orange', label: '即将到期' },
  noTerm: { color: 'default', label: '未登记任期' },
};
const termStateOrder = ['overdueBeyondExtension', 'overdue', 'dueSoon', 'noTerm'];

// Each status keeps its colour whatever the data: 正式党员 party red, 预备党员 orange, the development
// stages gold → blue, the inactive ones greys.
const statusColors: Record<MemberStatus, string> = {
  fullMember: partyRed,
  probationaryMember: '#fa8c16',
  developmentCandidate: '#fadb14',
  activist: '#1677ff',
  applicant: '#13c2c2',
  membershipSuspended: '#595959',
  transferredOut: '#8c8c8c',
  deceased: '#bfbfbf',
  removed: '#434343',
};

export default function HomePage() {
  const me = useMe();
  const dashboard = useQuery({ queryKey: ['dashboard'], queryFn: () => api.get<Dashboard>('/dashboard') });
  if (dashboard.isLoading) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  if (dashboard.error || !dashboard.data) return <LoadError error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const data = dashboard.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {greeting()}，{me.displayName}
        </Typography.Title>
        <Typography.Text type="secondary">当前范围：{data.scopeName}</Typography.Text>
      </div>
      {/* Each card below renders nothing when its owner has nothing to do: the page is a to-do list first. */}
      <ReminderInboxCard />
      <PendingApprovalsCard />
      <EvaluationHomeCard />
      <DevelopmentHomeCard />
      <TalksHomeCard />
      <PioneersHomeCard />
      {/* 品牌培育提醒: overdue milestones of the caller's brands (brands module) */}
      <BrandRemindersCard />
      <BrandSelectionHomeCard />
      {data.personal && me.memberId && <PersonalCard memberId={me.memberId} />}
      {data.personal && !me.memberId && (
        <Alert type="info" showIcon title="您的账号尚未关联党员档案" description="请联系本院党务管理员在「用户管理」中把账号关联到您的党员档案。" />
      )}
      {!data.personal && <ScopeOverview data={data} />}
      {me.memberId && <MyOrgLifeCard memberId={me.memberId} />}
    </Space>
  );
}

function greeting(): string {
  // zh-CN formats the hour as "12时": take the number from its part, in the users' zone.
  const part = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: 'numeric', hour12: false }).formatToParts(new Date()).find((p) => p.type === 'hour');
  const hour = Number(part?.value ?? 12);
  if (hour < 11) return '上午好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

function sum(items: { count: number }[]): number {
  return items.reduce((n, i) => n + i.count, 0);
}

function ScopeOverview({ data }: { data: Dashboard }) {
  const me = useMe();
  const isHigherCourt = me.grants.some((g) => g.role === 'higherCourtViewer');
  const totalMembers = sum(data.memberCountsByStatus);
  const countOf = (status: MemberStatus) => data.memberCountsByStatus.find((s) => s.status === status)?.count ?? 0;
  const branches = data.orgCountsByType.find((o) => o.type === 'branch')?.count ?? 0;
  const urgent = data.termsDue.filter((t) => t.state === 'overdue' || t.state === 'overdueBeyondExtension').length;
  const showCourts = data.courts.length > 1 || isHigherCourt;

  const pie = useMemo<ChartOption>(() => {
    const slices = data.memberCountsByStatus
      .filter((s) => s.count > 0)
      .sort((a, b) => memberStatuses.indexOf(a.status as MemberStatus) - memberStatuses.indexOf(b.status as MemberStatus));
    return {
      tooltip: { trigger: 'item', formatter: '{b}：{c}人（{d}%）' },
      legend: { bottom: 0, left: 'center', itemGap: 12 },
      series: [
        {
          type: 'pie',
          radius: ['34%', '56%'],
          center: ['50%', '40%'],
          // Slivers get no label of their own (they crowd each other); the legend and tooltip name them.
          minShowLabelAngle: 12,
          label: { formatter: '{b}\n{c}人' },
          data: slices.map((s) => ({
            name: memberStatusLabels[s.status as MemberStatus] ?? s.status,
            value: s.count,
            itemStyle: { color: statusColors[s.status as MemberStatus] ?? '#8c8c8c' },
          })),
        },
      ],
    };
  }, [data.memberCountsByStatus]);
  const bar = useMemo<ChartOption>(() => {
    // Horizontal bars: the Chinese position names stay readable on a phone.
    const rows = [...data.memberCountsByPosition].sort((a, b) => positions.indexOf(b.position as Position) - positions.indexOf(a.position as Position));
    return {
      color: [partyRed],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: '{b}：{c}人' },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      yAxis: { type: 'category', data: rows.map((p) => positionLabels[p.position as Position] ?? p.position), axisTick: { show: false } },
      xAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', barMaxWidth: 24, label: { show: true, position: 'right', formatter: '{c}人' }, data: rows.map((p) => p.count) }],
    };
  }, [data.memberCountsByPosition]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title="党组织" value={sum(data.orgCountsByType)} suffix="个" prefix={<ApartmentOutlined />} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title="党支部" value={branches} suffix="个" prefix={<TeamOutlined />} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title="党员（正式 / 预备）" value={`${countOf('fullMember')} / ${countOf('probationaryMember')}`} suffix="人" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title="换届提醒"
              value={data.termsDue.length}
              suffix="项"
              prefix={<ClockCircleOutlined />}
              styles={{ content: { color: urgent > 0 ? partyRed : data.termsDue.length ? '#d48806' : undefined } }}
            />
          </Card>
        </Col>
      </Row>

      {showCourts && <CourtsTable data={data} />}

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={`党员状态（共${totalMembers}人）`}>
            {totalMembers > 0 ? <EChart option={pie} label="党员状态分布饼图" height={320} /> : <Empty description="范围内还没有党员。可在「党员名册」中新增或导入党员。" />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="党员岗位分布">
            {data.memberCountsByPosition.some((p) => p.count > 0) ? (
              <EChart option={bar} label="党员岗位分布柱状图" height={320} />
            ) : (
              <Empty description="范围内还没有党员。可在「党员名册」中新增或导入党员。" />
            )}
          </Card>
        </Col>
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <TermsDueCard data={data} />
        </Col>
        <Col xs={24} lg={10}>
          <Card title="党组织构成">
            {data.orgCountsByType.length ? (
              <Space wrap size={[8, 8]}>
                {data.orgCountsByType.map((o) => (
                  <Space key={o.type} size={4}>
                    <OrgTypeTag type={o.type} />
                    <b>{o.count}</b>个
                  </Space>
                ))}
              </Space>
            ) : (
              <Empty description="还没有党组织。请在「党组织」中建立本院的党组织。" />
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

function TermsDueCard({ data }: { data: Dashboard }) {
  const items = [...data.termsDue].sort((a, b) => termStateOrder.indexOf(a.state) - termStateOrder.indexOf(b.state));
  const multiCourt = data.courts.length > 1;
  return (
    <Card title={<Space><WarningOutlined style={{ color: '#d48806' }} />换届提醒</Space>}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="所有党组织任期正常，暂无换届提醒。" />
      ) : (
        <List
          dataSource={items}
          size="small"
          renderItem={(t) => {
            const style = termStateStyle[t.state] ?? { color: 'default', label: t.state };
            return (
              <List.Item key={t.orgId} data-testid="term-due">
                <div style={{ minWidth: 0, width: '100%' }}>
                  <Space wrap size={[8, 0]}>
                    <Tag color={style.color}>{style.label}</Tag>
                    <Link to={`/orgs?org=${t.orgId}`} style={{ fontWeight: 500, wordBreak: 'break-all' }}>
                      {t.orgName}
                    </Link>
                    {multiCourt && <Typography.Text type="secondary">{t.courtName}</Typography.Text>}
                  </Space>
                  <div style={{ color: style.color === 'red' ? partyRed : style.color === 'orange' ? '#ad6800' : undefined, marginTop: 4 }}>
                    {t.message}
                  </div>
                </div>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}

function CourtsTable({ data }: { data: Dashboard }) {
  return (
    <Card title="各法院概况" extra={<Typography.Text type="secondary">仅统计数字，不含个人信息</Typography.Text>}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 520 }}
        dataSource={data.courts}
        columns={[
          { title: '法院', dataIndex: 'name' },
          { title: '层级', dataIndex: 'level', width: 140, render: (l: string) => courtLevelLabels[l as CourtLevel] ?? l },
          { title: '党支部', dataIndex: 'branchCount', width: 100, align: 'right', render: (n: number) => `${n}个` },
          { title: '党员', dataIndex: 'memberCount', width: 100, align: 'right', render: (n: number) => `${n}人` },
        ]}
      />
    </Card>
  );
}

function PersonalCard({ memberId }: { memberId: string }) {
  const profile = useQuery({ queryKey: ['member', memberId], queryFn: () => api.get<MemberProfile>(`/members/${memberId}`) });
  if (profile.isLoading) return <Card><Skeleton active /></Card>;
  if (profile.error || !profile.data) return <LoadError error={profile.error} onRetry={() => void profile.refetch()} />;
  const m = profile.data;
  return (
    <Card
      title={<Space><IdcardOutlined />我的党员信息</Space>}
      extra={
        <Link to="/me">
          <Button type="primary">查看我的档案</Button>
        </Link>
      }
    >
      <Descriptions
        column={{ xs: 1, sm: 2, lg: 3 }}
        size="small"
        items={[
          { key: 'name', label: '姓名', children: m.name },
          { key: 'status', label: '党员状态', children: <Tag color="red">{memberStatusLabels[m.status]}</Tag> },
          { key: 'org', label: '所在党组织', children: m.orgName },
          { key: 'group', label: '党小组', children: m.groupName ?? '—' },
          { key: 'joined', label: '入党时间', children: showDate(m.joinedOn) },
          { key: 'full', label: '转正时间', children: showDate(m.fullMemberSince) },
          { key: 'standing', label: '党龄', children: m.partyStanding === null ? '—' : `${m.partyStanding}年` },
          { key: 'position', label: '岗位', children: positionLabels[m.position] },
        ]}
      />
    </Card>
  );
}
