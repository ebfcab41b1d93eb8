// 民主评议党员 (RULES.md §6): the branch's annual round for its secretary (and, read-only, its committee
// members), and for the court's party office every branch's round of a year with counts per grade and
// the 优秀 list. A round opens in its own view (?round=…), see RoundDetail.
import { useEffect, useState } from 'react';
import { Alert, App, Button, DatePicker, Empty, Form, Modal, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { EvaluationOverview, EvaluationRound, EvaluationRoundSummary, Org } from '@zhibu/contracts';
import { api, describeError, downloadFile } from '../../api/client';
import { useOrgs } from '../../api/queries';
import { useCan, useMe } from '../../auth';
import { PageCard, useIsPhone } from '../../components/PageCard';
import { showDate } from '../../lib/dates';
import { useFormSubmit } from '../../lib/form-errors';
import { useUrlFilters } from '../../lib/url-filters';
import { LoadError } from '../errors/ErrorPages';
import { RoundDetail } from './RoundDetail';

export const stageColor: Record<EvaluationRoundSummary['stage'], string> = {
  preparing: 'default',
  selfAssessment: 'blue',
  peerReview: 'geekblue',
  committeeReview: 'orange',
  feedback: 'cyan',
  completed: 'green',
};

export default function EvaluationsPage() {
  const [params, update] = useUrlFilters();
  const roundId = params.get('round');
  const thisYear = dayjs().year();
  const year = Number(params.get('year')) || thisYear;
  const me = useMe();
  const isOffice = me.grants.some((g) => g.role === 'courtAdmin');
  if (roundId) return <RoundDetail id={roundId} onBack={() => update({ round: undefined })} />;
  const yearPicker = (
    <Select
      value={year}
      style={{ width: 120 }}
      aria-label="年度"
      onChange={(y) => update({ year: y })}
      options={Array.from({ length: 5 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y}年度` }))}
    />
  );
  return (
    <PageCard title="民主评议党员" actions={yearPicker}>
      <Typography.Paragraph type="secondary">
        每年一次：党员对照合格党员标准个人自评（党性分析），党员互评、民主测评，支委会提出评定意见并反馈本人。等次为优秀、合格、基本合格、不合格；“优秀”一般不超过参评正式党员的三分之一；预备党员参加评议，不评定等次（《中国共产党党员教育管理工作条例》第十八条）。
      </Typography.Paragraph>
      {isOffice ? (
        <Tabs
          items={[
            { key: 'overview', label: '全院汇总', children: <Overview year={year} onOpen={(id) => update({ round: id })} /> },
            { key: 'rounds', label: '评议轮次', children: <Rounds year={year} onOpen={(id) => update({ round: id })} /> },
          ]}
        />
      ) : (
        <Rounds year={year} onOpen={(id) => update({ round: id })} />
      )}
    </PageCard>
  );
}

function Rounds({ year, onOpen }: { year: number; onOpen: (id: string) => void }) {
  const canManage = useCan('evaluations:manage');
  const [opening, setOpening] = useState(false);
  const list = useQuery({ queryKey: ['evaluations', 'rounds', year], queryFn: () => api.get<{ items: EvaluationRoundSummary[] }>('/evaluations/rounds', { year }) });
  const isPhone = useIsPhone();
  if (list.error) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data?.items ?? [];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {canManage && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="open-round">
          开启{year}年度民主评议
        </Button>
      )}
      {!list.isLoading && !items.length ? (
        <Empty description={`${year}年度还没有开启民主评议。${canManage ? '点击「开启民主评议」，参评人员按评议日期的在册党员生成。' : ''}`} />
      ) : (
        <Table<EvaluationRoundSummary>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={items}
          pagination={false}
          scroll={isPhone ? { x: 640 } : undefined}
          onRow={(r) => ({ 'data-testid': 'round-row', style: { cursor: 'pointer' }, onClick: () => onOpen(r.id) }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: '党支部', dataIndex: 'orgName' },
            { title: '评议日期', dataIndex: 'heldOn', width: 130, render: (d: string) => showDate(d) },
            { title: '进度', key: 'stage', width: 140, render: (_, r) => <Tag color={stageColor[r.stage]}>{r.stageLabel}</Tag> },
            { title: '参评', key: 'n', width: 150, render: (_, r) => `${r.participantCount}人（评定等次${r.gradedCount}人）` },
            { title: '自评/测评', key: 'p', width: 110, render: (_, r) => `${r.selfAssessedCount}/${r.ballotCount}` },
            { title: '等次', key: 'g', render: (_, r) => <GradeCounts c={r.gradeCounts} /> },
            { title: '', key: 'op', width: 80, render: (_, r) => <a onClick={() => onOpen(r.id)}>{r.canManage ? '办理' : '查看'}</a> },
          ]}
        />
      )}
      <OpenRoundModal open={opening} year={year} onClose={() => setOpening(false)} onOpened={onOpen} />
    </Space>
  );
}

export function GradeCounts({ c }: { c: EvaluationRoundSummary['gradeCounts'] }) {
  if (!c.excellent && !c.qualified && !c.basicallyQualified && !c.unqualified) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4} wrap>
      <Tag color="red">优秀 {c.excellent}</Tag>
      <Tag color="green">合格 {c.qualified}</Tag>
      {c.basicallyQualified > 0 && <Tag color="orange">基本合格 {c.basicallyQualified}</Tag>}
      {c.unqualified > 0 && <Tag color="volcano">不合格 {c.unqualified}</Tag>}
    </Space>
  );
}

type OpenValues = { orgId: string; heldOn: Dayjs };

function OpenRoundModal({ open, year, onClose, onOpened }: { open: boolean; year: number; onClose: () => void; onOpened: (id: string) => void }) {
  const me = useMe();
  const orgs = useOrgs(open);
  const qc = useQueryClient();
  const [form] = Form.useForm<OpenValues>();
  const isOffice = me.grants.some((g) => g.role === 'courtAdmin');
  const mine = new Set(me.grants.filter((g) => g.role === 'branchSecretary').map((g) => g.orgId));
  const branches = (orgs.data ?? []).filter((o: Org) => (o.type === 'branch' || o.type === 'generalBranch') && (isOffice ? o.courtId === me.courtId : mine.has(o.id)));
  const { busy, submit } = useFormSubmit(form, async (v) => {
    const r = await api.post<EvaluationRound>('/evaluations/rounds', { orgId: v.orgId, year, heldOn: v.heldOn.format('YYYY-MM-DD') });
    await qc.invalidateQueries({ queryKey: ['evaluations'] });
    onClose();
    form.resetFields();
    onOpened(r.id);
  });
  // One branch (a secretary's): chosen already, once the org list has loaded.
  const only = branches.length === 1 ? branches[0]!.id : undefined;
  useEffect(() => {
    if (open && only && !form.getFieldValue('orgId')) form.setFieldValue('orgId', only);
  }, [open, only, form]);
  const defaultDay = year === dayjs().year() ? dayjs() : dayjs(`${year}-12-20`);
  return (
    <Modal title={`开启${year}年度民主评议`} open={open} onCancel={onClose} onOk={() => form.submit()} okText="开启" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ heldOn: defaultDay, orgId: branches.length === 1 ? branches[0]!.id : undefined }}>
        <Form.Item name="orgId" label="党支部" rules={[{ required: true, message: '请选择党支部' }]}>
          <Select loading={orgs.isLoading} options={branches.map((o) => ({ value: o.id, label: o.shortName ?? o.name }))} placeholder="选择党支部" showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="heldOn" label="评议日期" rules={[{ required: true, message: '请选择评议日期' }]} extra="参评人员为该日在册的正式党员和预备党员；正式党员评定等次，预备党员参加评议不评定等次。">
          <DatePicker style={{ width: '100%' }} format="YYYY年M月D日" disabledDate={(d) => d.year() !== year} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Overview({ year, onOpen }: { year: number; onOpen: (id: string) => void }) {
  const { message } = App.useApp();
  const q = useQuery({ queryKey: ['evaluations', 'overview', year], queryFn: () => api.get<EvaluationOverview>('/evaluations/overview', { year }) });
  const isPhone = useIsPhone();
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const o = q.data;
  const t = o?.totals;
  const notStarted = o ? o.branches.filter((b) => !b.round).length : 0;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="evaluation-overview">
      <Space wrap size={32}>
        <Statistic title="已开展支部" value={t?.rounds ?? 0} suffix={`/ ${o?.branches.length ?? 0}`} />
        <Statistic title="已完成" value={t?.completed ?? 0} />
        <Statistic title="评定等次人数" value={t?.graded ?? 0} />
        <Statistic title="优秀" value={t?.excellent ?? 0} valueStyle={{ color: '#cf1322' }} />
        <Statistic title="合格" value={t?.qualified ?? 0} />
        <Statistic title="基本合格" value={t?.basicallyQualified ?? 0} />
        <Statistic title="不合格" value={t?.unqualified ?? 0} />
      </Space>
      {notStarted > 0 && <Alert type="info" showIcon message={`${notStarted}个党支部尚未开启${year}年度民主评议`} />}
      <Space>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => downloadFile('/evaluations/overview.xlsx', { year }, `民主评议汇总表${year}.xlsx`).catch((e: unknown) => message.error(describeError(e)))}
        >
          导出汇总表
        </Button>
      </Space>
      <Table
        rowKey="orgId"
        size="small"
        loading={q.isLoading}
        dataSource={o?.branches ?? []}
        pagination={false}
        scroll={isPhone ? { x: 640 } : undefined}
        columns={[
          { title: '党支部', dataIndex: 'orgName', render: (n: string, b) => (b.round ? <a onClick={() => onOpen(b.round!.id)}>{n}</a> : n) },
          { title: '进度', key: 's', width: 130, render: (_, b) => (b.round ? <Tag color={stageColor[b.round.stage]}>{b.round.stageLabel}</Tag> : <Tag>未开展</Tag>) },
          { title: '参评', key: 'n', width: 80, render: (_, b) => b.round?.participantCount ?? '—' },
          { title: '等次', key: 'g', render: (_, b) => (b.round ? <GradeCounts c={b.round.gradeCounts} /> : '—') },
          { title: '已确认', key: 'a', width: 80, render: (_, b) => (b.round ? `${b.round.acknowledgedCount}` : '—') },
        ]}
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {year}年度“优秀”等次名单（{o?.excellent.length ?? 0}人）
      </Typography.Title>
      <Typography.Text type="secondary">可作为评选优秀共产党员的推荐参考。</Typography.Text>
      {o && !o.excellent.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有评定为优秀的党员" />
      ) : (
        <Table
          rowKey={(e) => `${e.memberId}`}
          size="small"
          dataSource={o?.excellent ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="excellent-list"
          scroll={isPhone ? { x: 600 } : undefined}
          columns={[
            { title: '姓名', dataIndex: 'memberName', width: 100 },
            { title: '党支部', dataIndex: 'orgName', width: 200 },
            { title: '支委会评语', dataIndex: 'committeeComment', render: (c: string | null) => c ?? '' },
          ]}
        />
      )}
    </Space>
  );
}
