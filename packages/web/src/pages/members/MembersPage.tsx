// The roster: filters (org subtree, status, position, name), server-side pages, masked 身份证号 and
// phone, export of what the filters select, and the way to the import wizard.
import { useState } from 'react';
import { App, Button, Col, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { PageCard, useIsPhone } from '../../components/PageCard';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useUrlFilters } from '../../lib/url-filters';
import type { Member } from '@zhibu/contracts';
import { genderLabels, memberStatusLabels, memberStatuses, positionLabels, positions, type MemberStatus } from '@zhibu/domain';
import { api, describeError, downloadFile } from '../../api/client';
import { useCan } from '../../auth';
import { OrgFilterSelect } from '../../components/org-tree';
import { showDate } from '../../lib/dates';
import { LoadError } from '../errors/ErrorPages';

export const statusColors: Partial<Record<MemberStatus, string>> = {
  fullMember: 'red',
  probationaryMember: 'orange',
  developmentCandidate: 'gold',
  activist: 'blue',
  applicant: 'cyan',
  membershipSuspended: 'default',
  transferredOut: 'default',
  deceased: 'default',
  removed: 'default',
};

export function StatusTag({ status }: { status: MemberStatus }) {
  return <Tag color={statusColors[status] ?? 'default'}>{memberStatusLabels[status] ?? status}</Tag>;
}

const filterKeys = ['orgId', 'status', 'position', 'q'] as const;

export default function MembersPage() {
  const [params, update] = useUrlFilters();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const canManage = useCan('members:manage');
  const canImport = useCan('members:import');
  const [exporting, setExporting] = useState(false);
  const [qInput, setQInput] = useState(params.get('q') ?? '');

  const filters = Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? undefined])) as Record<(typeof filterKeys)[number], string | undefined>;
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;

  const list = useQuery({
    queryKey: ['members', 'list', filters, page, pageSize],
    queryFn: () => api.get<{ items: Member[]; total: number }>('/members', { ...filters, page, pageSize }),
    placeholderData: keepPreviousData,
  });


  const exportRoster = async () => {
    setExporting(true);
    try {
      const name = await downloadFile('/members/export', filters, '党员名册.xlsx');
      message.success(`已导出：${name}（身份证号、手机号已脱敏）`);
    } catch (err) {
      message.error(describeError(err));
    } finally {
      setExporting(false);
    }
  };

  const hasFilter = filterKeys.some((k) => filters[k]);
  const isPhone = useIsPhone();

  return (
    <PageCard
      title="党员名册"
      actions={
        <Space wrap>
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/members/new')}>
              新增党员
            </Button>
          )}
          {canImport && (
            <Button icon={<UploadOutlined />} onClick={() => navigate('/members/import')}>
              导入
            </Button>
          )}
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportRoster()}>
            导出
          </Button>
        </Space>
      }
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12} xl={8}>
          <OrgFilterSelect value={filters.orgId} onChange={(v) => update({ orgId: v })} />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Select
            style={{ width: '100%' }}
            allowClear
            placeholder="全部状态"
            value={filters.status}
            onChange={(v?: string) => update({ status: v })}
            options={memberStatuses.map((s) => ({ value: s, label: memberStatusLabels[s] }))}
            aria-label="党员状态"
          />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Select
            style={{ width: '100%' }}
            allowClear
            placeholder="全部岗位"
            value={filters.position}
            onChange={(v?: string) => update({ position: v })}
            options={positions.map((p) => ({ value: p, label: positionLabels[p] }))}
            aria-label="岗位"
          />
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Input.Search
            allowClear
            placeholder="按姓名搜索"
            value={qInput}
            onChange={(e) => {
              setQInput(e.target.value);
              if (!e.target.value) update({ q: undefined });
            }}
            onSearch={(v) => update({ q: v.trim() || undefined })}
            enterButton="搜索"
            maxLength={32}
          />
        </Col>
      </Row>
      {list.error ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Member>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={isPhone ? undefined : { x: 1040 }}
          tableLayout="fixed"
          locale={{
            emptyText: hasFilter
              ? '没有符合条件的党员。请调整或清除筛选条件后再试。'
              : canManage
                ? '名册中还没有党员。点击「新增党员」逐个录入，或点击「导入」从Excel批量导入。'
                : '您的范围内还没有党员。',
          }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => `共 ${total} 人`,
            onChange: (p, s) => update({ page: p === 1 ? undefined : p, pageSize: s === 20 ? undefined : s }),
          }}
          columns={[
            {
              title: '姓名',
              dataIndex: 'name',
              width: 110,
              fixed: isPhone ? undefined : 'left',
              render: (name: string, m) => <Link to={`/members/${m.id}`}>{name}</Link>,
            },
            { title: '性别', dataIndex: 'gender', width: 60, responsive: ['lg'], render: (g: Member['gender']) => genderLabels[g] },
            {
              title: '所在党组织',
              dataIndex: 'orgName',
              responsive: ['md'],
              ellipsis: { showTitle: true },
              render: (name: string, m) => (
                <span title={m.groupName ? `${name} / ${m.groupName}` : name}>
                  {name}
                  {m.groupName && <Typography.Text type="secondary"> / {m.groupName}</Typography.Text>}
                </span>
              ),
            },
            { title: '岗位', dataIndex: 'position', width: 90, render: (p: Member['position']) => positionLabels[p] },
            { title: '状态', dataIndex: 'status', width: 110, render: (s: MemberStatus) => <StatusTag status={s} /> },
            { title: '身份证号', dataIndex: 'idNumberMasked', width: 180, responsive: ['sm'], render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
            { title: '手机号码', dataIndex: 'phoneMasked', width: 120, responsive: ['md'], render: (v: string | null) => <span style={{ fontFamily: 'monospace' }}>{v ?? '—'}</span> },
            { title: '入党时间', dataIndex: 'joinedOn', width: 130, responsive: ['md'], render: showDate },
            { title: '党龄', dataIndex: 'partyStanding', width: 64, align: 'right', responsive: ['md'], render: (n: number | null) => (n === null ? '—' : `${n}年`) },
          ]}
        />
      )}
    </PageCard>
  );
}
