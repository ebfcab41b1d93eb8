// 选树 tab of the brands page: the court's annual selection rounds (征集 → 评审 → 已公布). The party
// office opens a round (quota, deadline, criteria, weights, panel, honor), moves it on and decides each
// nomination (选树 records the honor and moves the brand to 已选树; 不选树 needs a reason); a branch
// secretary nominates the branch's brand (only 培育中/宣传推广 — the others show why not); panel
// members score the four standards, never their own branch's brand. The round opens by `?round=`.
import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, InputNumber, List, Modal, Popconfirm, Row, Select, Skeleton, Space, Steps, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, PlusOutlined, TrophyOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { brandStandardLabels, brandStandards, honorLevelLabels, honorLevels, type BrandStandard } from '@zhibu/domain';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { api, describeError, request } from '../../api/client';
import { brandKeys, nominationResultColors, roundStatusColors, useSelectionRound, useSelectionRounds, type SelectionNomination, type SelectionRoundDetail, type SelectionRoundSummary } from '../../api/brands';
import { useMe } from '../../auth';
import { useIsPhone } from '../../components/PageCard';
import { chineseDateFormat, showDate, showDateTime, toIsoDate } from '../../lib/dates';
import { useFormSubmit } from '../../lib/form-errors';
import { LoadError } from '../errors/ErrorPages';
import { BrandScoreFields, BrandStateTag } from './BrandBits';

const statusStep: Record<string, number> = { collecting: 0, reviewing: 1, published: 2 };
const weightsText = (w: Record<BrandStandard, number>) => brandStandards.map((s) => `${brandStandardLabels[s]}${w[s]}%`).join(' · ');

function useRoundRefresh(id?: string) {
  const client = useQueryClient();
  return (data?: SelectionRoundDetail) => {
    if (data) client.setQueryData(brandKeys.round(data.id), data);
    else if (id) void client.invalidateQueries({ queryKey: brandKeys.round(id) });
    void client.invalidateQueries({ queryKey: brandKeys.all });
  };
}

export function SelectionView({ courtId }: { courtId?: string }) {
  const [params, setParams] = useSearchParams();
  const roundId = params.get('round');
  const open = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('round', id);
    else next.delete('round');
    setParams(next);
  };
  return roundId ? <RoundDetailView id={roundId} onBack={() => open(null)} /> : <RoundList courtId={courtId} onOpen={open} />;
}

function RoundList({ courtId, onOpen }: { courtId?: string; onOpen: (id: string) => void }) {
  const me = useMe();
  const phone = useIsPhone();
  const q = useSelectionRounds(courtId);
  const [creating, setCreating] = useState(false);
  const isOffice = me.grants.some((g) => g.role === 'courtAdmin') && (!courtId || courtId === me.courtId);
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <div data-testid="selection-rounds">
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">每年组织一次“一支部一品牌”选树：支部推荐培育中、宣传推广的品牌，评审按四项标准打分，院机关党委在名额内决定并公布。</Typography.Text>
        {isOffice && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            发起选树
          </Button>
        )}
      </Space>
      {phone ? (
        <List
          loading={q.isLoading}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: <Empty description="尚未发起品牌选树" /> }}
          renderItem={(r) => (
            <List.Item style={{ paddingInline: 0, cursor: 'pointer' }} onClick={() => onOpen(r.id)}>
              <div style={{ width: '100%' }}>
                <Space size={4} wrap>
                  <a data-testid={`round-${r.year}`}>{r.name}</a>
                  <Tag color={roundStatusColors[r.status]}>{r.statusLabel}</Tag>
                </Space>
                <div>
                  <Typography.Text type="secondary">
                    推荐{r.nominationCount}个 · 选树{r.selectedCount}/名额{r.quota} · 截止{showDate(r.deadline)}
                  </Typography.Text>
                </div>
              </div>
            </List.Item>
          )}
        />
      ) : (
      <Table<SelectionRoundSummary>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description="尚未发起品牌选树" /> }}
        onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: '选树',
            dataIndex: 'name',
            render: (n: string, r) => (
              <a onClick={(e) => (e.preventDefault(), onOpen(r.id))} href={`?tab=selection&round=${r.id}`} data-testid={`round-${r.year}`}>
                {n}
              </a>
            ),
          },
          { title: '状态', dataIndex: 'status', width: 90, render: (_: string, r) => <Tag color={roundStatusColors[r.status]}>{r.statusLabel}</Tag> },
          { title: '推荐', dataIndex: 'nominationCount', width: 70 },
          { title: '选树/名额', key: 'quota', width: 100, render: (_: unknown, r) => `${r.selectedCount}/${r.quota}` },
          { title: '推荐截止', dataIndex: 'deadline', width: 140, render: (d: string) => showDate(d) },
        ]}
      />
      )}
      <CreateRoundModal open={creating} onClose={() => setCreating(false)} onCreated={onOpen} />
    </div>
  );
}

type RoundForm = {
  year: number;
  name: string;
  quota: number;
  deadline: Dayjs;
  criteria?: string;
  honorName?: string;
  honorLevel: string;
  reviewerIds?: string[];
} & Record<BrandStandard, number>;

function WeightFields() {
  return (
    <Form.Item label="评分权重（%，合计100）" required style={{ marginBottom: 0 }}>
      <Row gutter={8}>
        {brandStandards.map((s) => (
          <Col key={s} xs={12} md={6}>
            <Form.Item name={s} label={brandStandardLabels[s]} rules={[{ required: true, message: '请填写权重' }]}>
              <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Form.Item>
  );
}

const weightsOf = (v: RoundForm) => Object.fromEntries(brandStandards.map((s) => [s, v[s]]));

function CreateRoundModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const [form] = Form.useForm<RoundForm>();
  const refresh = useRoundRefresh();
  const { message } = App.useApp();
  const year = dayjs().year();
  const { busy, submit } = useFormSubmit(form, async (v) => {
    const r = await api.post<SelectionRoundDetail>('/brand-selection-rounds', {
      year: v.year,
      name: v.name,
      quota: v.quota,
      deadline: toIsoDate(v.deadline),
      criteria: v.criteria || null,
      weights: weightsOf(v),
      honorName: v.honorName || null,
      honorLevel: v.honorLevel,
    });
    refresh(r);
    message.success('已发起选树，支部可以推荐品牌');
    form.resetFields();
    onClose();
    onCreated(r.id);
  });
  return (
    <Modal title="发起品牌选树" open={open} onCancel={onClose} onOk={() => form.submit()} okText="发起" cancelText="取消" confirmLoading={busy} destroyOnHidden width={640}>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ year, name: `${year}年度“一支部一品牌”示范品牌选树`, quota: 3, honorLevel: 'court', theme: 25, substance: 25, distinctiveness: 25, integration: 25 }}
      >
        <Row gutter={12}>
          <Col xs={12} md={6}>
            <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="quota" label="选树名额" rules={[{ required: true, message: '请填写名额' }]}>
              <InputNumber min={1} max={50} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="deadline" label="推荐截止日期" rules={[{ required: true, message: '请选择推荐截止日期' }]}>
              <DatePicker format={chineseDateFormat} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="name" label="选树名称" rules={[{ required: true, message: '请填写选树名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="criteria" label="选树条件">
          <Input.TextArea rows={3} maxLength={3000} placeholder="如：品牌已认定并处于培育或宣传推广阶段；四项标准均衡；当年有品牌活动和宣传报道佐证" />
        </Form.Item>
        <WeightFields />
        <Row gutter={12}>
          <Col xs={24} md={16}>
            <Form.Item name="honorName" label="选树后授予的荣誉" extra="不填则为“××××年度示范党建品牌”">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="honorLevel" label="荣誉级别">
              <Select options={honorLevels.map((l) => ({ value: l, label: honorLevelLabels[l] }))} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

function EditRoundModal({ r, open, onClose }: { r: SelectionRoundDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<RoundForm>();
  const refresh = useRoundRefresh(r.id);
  const scored = r.panel.some((p) => p.scored > 0);
  const { busy, submit } = useFormSubmit(
    form,
    async (v) => {
      refresh(
        await api.put<SelectionRoundDetail>(`/brand-selection-rounds/${r.id}`, {
          name: v.name,
          quota: v.quota,
          deadline: toIsoDate(v.deadline),
          criteria: v.criteria || null,
          weights: scored ? r.weights : weightsOf(v),
          honorName: v.honorName || null,
          honorLevel: v.honorLevel,
          reviewerIds: v.reviewerIds ?? [],
          version: r.version,
        }),
      );
      onClose();
    },
    () => refresh(),
  );
  return (
    <Modal title="选树设置与评审组" open={open} onCancel={onClose} onOk={() => form.submit()} okText="保存" cancelText="取消" confirmLoading={busy} destroyOnHidden width={640}>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ ...r, deadline: dayjs(r.deadline), ...r.weights, reviewerIds: r.panel.map((p) => p.userId) }}
      >
        <Form.Item name="reviewerIds" label="评审组成员" extra="评审不为本支部（含上下级）的品牌打分，系统自动回避；已评分的评审不能移出。">
          <Select mode="multiple" aria-label="评审组成员" optionFilterProp="label" options={r.reviewerCandidates.map((c) => ({ value: c.id, label: `${c.name}（${c.roleLabel}）` }))} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={12} md={8}>
            <Form.Item name="quota" label="选树名额" rules={[{ required: true, message: '请填写名额' }]}>
              <InputNumber min={1} max={50} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={16}>
            <Form.Item name="deadline" label="推荐截止日期" rules={[{ required: true, message: '请选择推荐截止日期' }]}>
              <DatePicker format={chineseDateFormat} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="name" label="选树名称" rules={[{ required: true, message: '请填写选树名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="criteria" label="选树条件">
          <Input.TextArea rows={3} maxLength={3000} />
        </Form.Item>
        {scored ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`已有评审打分，评分权重不再修改（${weightsText(r.weights)}）`} /> : <WeightFields />}
        <Row gutter={12}>
          <Col xs={24} md={16}>
            <Form.Item name="honorName" label="选树后授予的荣誉">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="honorLevel" label="荣誉级别">
              <Select options={honorLevels.map((l) => ({ value: l, label: honorLevelLabels[l] }))} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

function NominateModal({ r, open, onClose }: { r: SelectionRoundDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ brandId: string; statement: string }>();
  const refresh = useRoundRefresh(r.id);
  const { message } = App.useApp();
  const { busy, submit } = useFormSubmit(
    form,
    async (v) => {
      refresh(await api.post<SelectionRoundDetail>(`/brand-selection-rounds/${r.id}/nominations`, v));
      message.success('已推荐参加选树');
      form.resetFields();
      onClose();
    },
    () => refresh(),
  );
  const blocked = r.myBrands.filter((b) => !b.eligible);
  return (
    <Modal title={`推荐品牌：${r.name}`} open={open} onCancel={onClose} onOk={() => form.submit()} okText="推荐" cancelText="取消" confirmLoading={busy} destroyOnHidden width={600}>
      {blocked.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message="以下品牌暂不能推荐"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {blocked.map((b) => (
                <li key={b.brandId}>
                  {b.name}（{b.orgName}）：{b.reason}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="brandId" label="推荐品牌" rules={[{ required: true, message: '请选择推荐的品牌' }]}>
          <Select aria-label="推荐品牌" options={r.myBrands.map((b) => ({ value: b.brandId, label: `${b.name}（${b.orgName} · ${b.stateLabel}）`, disabled: !b.eligible }))} />
        </Form.Item>
        <Form.Item name="statement" label="推荐理由" rules={[{ required: true, message: '请填写推荐理由' }]} extra="写明品牌培育成效、特色做法和当年亮点；当年关联到品牌的活动、宣传报道数量由系统统计附上。">
          <Input.TextArea rows={5} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ScoreModal({ r, n, onClose }: { r: SelectionRoundDetail; n: SelectionNomination | null; onClose: () => void }) {
  const [form] = Form.useForm<Record<BrandStandard, number> & { comment?: string }>();
  const refresh = useRoundRefresh(r.id);
  const { busy, submit } = useFormSubmit(
    form,
    async (v) => {
      refresh(await api.put<SelectionRoundDetail>(`/brand-selection-nominations/${n!.id}/my-score`, { ...v, comment: v.comment || null }));
      onClose();
    },
    () => refresh(),
  );
  return (
    <Modal title={n ? `评分：${n.brandName}` : ''} open={!!n} onCancel={onClose} onOk={() => form.submit()} okText="提交评分" cancelText="取消" confirmLoading={busy} destroyOnHidden>
      <Typography.Paragraph type="secondary">按四项标准各打0～100分；本轮权重：{weightsText(r.weights)}。公布结果前其他人看不到您的打分。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={n?.myScore ?? {}}>
        <BrandScoreFields />
      </Form>
    </Modal>
  );
}

function NotSelectedModal({ r, n, onClose }: { r: SelectionRoundDetail; n: SelectionNomination | null; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const refresh = useRoundRefresh(r.id);
  const { busy, submit } = useFormSubmit(
    form,
    async (v) => {
      refresh(await api.post<SelectionRoundDetail>(`/brand-selection-nominations/${n!.id}/decision`, { result: 'notSelected', reason: v.reason, version: n!.version }));
      onClose();
    },
    () => refresh(),
  );
  return (
    <Modal title={n ? `不选树：${n.brandName}` : ''} open={!!n} onCancel={onClose} onOk={() => form.submit()} okText="确定不选树" cancelText="取消" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label="理由（支部可见）" rules={[{ required: true, message: '请写明未选树的理由' }]}>
          <Input.TextArea rows={3} maxLength={1000} placeholder="如：名额有限，排名靠后，建议继续培育后明年再推荐" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function NominationCard({ r, n, onScore, onReject }: { r: SelectionRoundDetail; n: SelectionNomination; onScore: () => void; onReject: () => void }) {
  const { message, modal } = App.useApp();
  const refresh = useRoundRefresh(r.id);
  const phone = useIsPhone();
  const select = () =>
    modal.confirm({
      title: `选树“${n.brandName}”？`,
      content: `品牌将变为“已选树”（${r.year}年度），并记入荣誉库：“${r.honorName}”（${r.honorLevelLabel}，${r.honorIssuer}）。本轮已选树${r.selectedCount}个，名额${r.quota}个。选树后不能撤销。`,
      okText: '确认选树',
      cancelText: '返回',
      onOk: async () => {
        try {
          refresh(await api.post<SelectionRoundDetail>(`/brand-selection-nominations/${n.id}/decision`, { result: 'selected', version: n.version }));
          message.success(`“${n.brandName}”已选树`);
        } catch (err) {
          message.error(describeError(err));
          refresh();
        }
      },
    });
  const withdraw = async () => {
    try {
      refresh(await request<SelectionRoundDetail>('DELETE', `/brand-selection-nominations/${n.id}`));
      message.success('已撤回推荐');
    } catch (err) {
      message.error(describeError(err));
    }
  };
  return (
    <Card
      size="small"
      data-testid={`nomination-${n.brandName}`}
      title={
        <Space wrap size={4}>
          {n.rank !== null && <Tag color={n.rank <= r.quota ? 'red' : 'default'}>第{n.rank}名</Tag>}
          <Link to={`/brands/${n.brandId}`}>{n.brandName}</Link>
        </Space>
      }
      extra={<Tag color={nominationResultColors[n.result]} icon={n.result === 'selected' ? <TrophyOutlined /> : undefined}>{n.resultLabel}</Tag>}
    >
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <Space wrap size={4}>
          <Typography.Text type="secondary">{n.orgName}</Typography.Text>
          <BrandStateTag b={{ state: n.brandState, stateLabel: n.brandStateLabel }} />
          <Tag>
            {r.year}年佐证：活动{n.evidence.activity}项、宣传{n.evidence.publicity}项{n.evidence.project ? `、项目${n.evidence.project}项` : ''}
          </Tag>
        </Space>
        <Typography.Paragraph style={{ marginBottom: 0 }} ellipsis={{ rows: 3, expandable: true, symbol: '展开' }}>
          {n.statement}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {n.nominatedByName} 推荐于 {showDateTime(n.nominatedAt)}
        </Typography.Text>
        {n.total !== null && (
          <div data-testid="nomination-total">
            <Typography.Text strong>加权总分 {n.total}</Typography.Text>
            {n.scored !== null && n.eligibleReviewers !== null && (
              <Typography.Text type="secondary">（已评{n.scored}/{n.eligibleReviewers}人）</Typography.Text>
            )}
            {n.means && (
              <div>
                {brandStandards.map((s) => (
                  <Tag key={s}>
                    {brandStandardLabels[s]} {n.means![s] ?? '—'}
                  </Tag>
                ))}
              </div>
            )}
          </div>
        )}
        {n.total === null && n.scored !== null && n.eligibleReviewers !== null && r.status !== 'collecting' && (
          <Typography.Text type="secondary">评审进度：已评{n.scored}/{n.eligibleReviewers}人</Typography.Text>
        )}
        {n.scores.length > 0 && (
          <Table
            size="small"
            rowKey="reviewerId"
            pagination={false}
            dataSource={n.scores}
            scroll={{ x: phone ? 480 : undefined }}
            columns={[
              { title: '评审', dataIndex: 'reviewerName', width: 80 },
              ...brandStandards.map((s) => ({ title: brandStandardLabels[s], dataIndex: s, width: 64 })),
              { title: '意见', dataIndex: 'comment', render: (c: string | null) => c ?? '—' },
            ]}
          />
        )}
        {n.myScore && n.scores.length === 0 && (
          <Typography.Text>
            我的评分：{brandStandards.map((s) => `${brandStandardLabels[s]}${n.myScore![s]}`).join('，')}
          </Typography.Text>
        )}
        {n.conflicted && <Alert type="warning" showIcon message="本支部（含上下级）的品牌，您应当回避，不参与评分。" />}
        {n.decisionReason && <Alert type={n.result === 'selected' ? 'success' : 'info'} showIcon message={`${n.resultLabel}理由：${n.decisionReason}`} />}
        <Space wrap>
          {n.canScore && (
            <Button type="primary" onClick={onScore} data-testid="score-nomination">
              {n.myScore ? '修改评分' : '评分'}
            </Button>
          )}
          {n.canDecide && (
            <>
              <Button type="primary" danger onClick={select} disabled={!n.complete} data-testid="select-nomination">
                选树
              </Button>
              <Button onClick={onReject} disabled={!n.complete}>
                不选树
              </Button>
              {!n.complete && <Typography.Text type="secondary">评审全部评分后才能决定</Typography.Text>}
            </>
          )}
          {n.canWithdraw && (
            <Popconfirm title="撤回这项推荐？" okText="撤回" cancelText="返回" onConfirm={() => void withdraw()}>
              <Button>撤回推荐</Button>
            </Popconfirm>
          )}
        </Space>
      </Space>
    </Card>
  );
}

function RoundDetailView({ id, onBack }: { id: string; onBack: () => void }) {
  const q = useSelectionRound(id);
  const phone = useIsPhone();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const refresh = useRoundRefresh(id);
  const [editing, setEditing] = useState(false);
  const [nominating, setNominating] = useState(false);
  const [scoring, setScoring] = useState<SelectionNomination | null>(null);
  const [rejecting, setRejecting] = useState<SelectionNomination | null>(null);
  if (q.isLoading) return <Skeleton active />;
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const r = q.data!;
  const move = async (to: 'review' | 'publish') => {
    try {
      refresh(await api.post<SelectionRoundDetail>(`/brand-selection-rounds/${r.id}/move`, { move: to, version: r.version }));
      message.success(to === 'review' ? '已进入评审' : '选树结果已公布');
    } catch (err) {
      message.error(describeError(err));
      refresh();
    }
  };
  const pending = r.nominations.filter((n) => n.result === 'pending').length;
  const canNominate = r.status === 'collecting' && r.myBrands.some((b) => b.eligible);
  // A secretary whose brand may not take part sees why (not for one already nominated: its card shows).
  const blocked = r.status === 'collecting' && !r.canManage ? r.myBrands.filter((b) => !b.eligible && !r.nominations.some((n) => n.brandId === b.brandId)) : [];
  return (
    <div data-testid="selection-round">
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={onBack} style={{ paddingInline: 0 }}>
        全部选树
      </Button>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }} data-testid="round-name">
          {r.name} <Tag color={roundStatusColors[r.status]}>{r.statusLabel}</Tag>
        </Typography.Title>
        <Space wrap>
          {canNominate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setNominating(true)}>
              推荐品牌
            </Button>
          )}
          {r.canManage && <Button onClick={() => setEditing(true)}>设置与评审组</Button>}
          {r.canManage && r.status === 'collecting' && (
            <Popconfirm title="进入评审？" description="进入评审后不再接受推荐，评审组开始打分。" okText="进入评审" cancelText="返回" onConfirm={() => void move('review')}>
              <Button type="primary">进入评审</Button>
            </Popconfirm>
          )}
          {r.canManage && r.status === 'reviewing' && (
            <Popconfirm
              title="公布选树结果？"
              description={pending ? `还有${pending}个推荐品牌未作决定。` : `本轮选树${r.selectedCount}个品牌，公布后全院可见，不能再修改。`}
              okText="公布"
              cancelText="返回"
              onConfirm={() => void move('publish')}
            >
              <Button type="primary">公布结果</Button>
            </Popconfirm>
          )}
        </Space>
      </Space>
      <Steps size="small" current={statusStep[r.status]} status={r.status === 'published' ? 'finish' : 'process'} orientation={phone ? 'vertical' : 'horizontal'} style={{ marginBottom: 12 }} items={[{ title: '征集推荐', description: `截止${showDate(r.deadline)}` }, { title: '评审打分' }, { title: '公布结果', description: r.publishedAt ? showDate(r.publishedAt.slice(0, 10)) : undefined }]} />
      <Descriptions size="small" bordered column={phone ? 1 : 2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="年度">{r.year}年</Descriptions.Item>
        <Descriptions.Item label="名额">
          已选树 {r.selectedCount} / 名额 {r.quota}
        </Descriptions.Item>
        <Descriptions.Item label="评分权重">{weightsText(r.weights)}</Descriptions.Item>
        <Descriptions.Item label="选树荣誉">
          {r.honorName}（{r.honorLevelLabel}，{r.honorIssuer}）
        </Descriptions.Item>
        {r.panel.length > 0 && <Descriptions.Item label="评审组">{r.panel.map((p) => p.name).join('、')}</Descriptions.Item>}
        {r.criteria && (
          <Descriptions.Item label="选树条件" span={phone ? 1 : 2}>
            {r.criteria}
          </Descriptions.Item>
        )}
      </Descriptions>
      {blocked.length > 0 && !canNominate && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="not-eligible" message={blocked.map((b) => `“${b.name}”暂不能推荐：${b.reason}`).join('；')} />
      )}
      {r.isReviewer && r.status === 'reviewing' && <Alert type="info" showIcon style={{ marginBottom: 12 }} message="您是本轮评审组成员：请为每个推荐品牌按四项标准打分（本支部品牌自动回避），公布前其他人看不到您的打分。" />}
      {r.nominations.length ? (
        <Row gutter={[12, 12]}>
          {r.nominations.map((n) => (
            <Col key={n.id} xs={24} xl={12}>
              <NominationCard r={r} n={n} onScore={() => setScoring(n)} onReject={() => setRejecting(n)} />
            </Col>
          ))}
        </Row>
      ) : (
        <Empty description={r.status === 'published' || r.canManage || r.isReviewer ? '本轮没有推荐的品牌' : r.nominationCount ? `已有${r.nominationCount}个品牌推荐，结果公布后可见` : '尚无推荐的品牌'}>
          {canNominate && (
            <Button type="primary" onClick={() => setNominating(true)}>
              推荐本支部品牌
            </Button>
          )}
        </Empty>
      )}
      {r.status === 'published' && r.selectedCount > 0 && (
        <Button type="link" onClick={() => navigate('/brands?tab=honors')} style={{ paddingInline: 0, marginTop: 8 }}>
          在荣誉库中查看“{r.honorName}”
        </Button>
      )}
      <EditRoundModal r={r} open={editing} onClose={() => setEditing(false)} />
      <NominateModal r={r} open={nominating} onClose={() => setNominating(false)} />
      <ScoreModal r={r} n={scoring} onClose={() => setScoring(null)} />
      <NotSelectedModal r={r} n={rejecting} onClose={() => setRejecting(null)} />
    </div>
  );
}
