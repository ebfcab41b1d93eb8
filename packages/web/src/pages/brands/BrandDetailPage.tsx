// One brand: its content, the five steps with the actions the caller may take (the server says
// which: `actions`), the 认定 review (panel, scores on the four standards, low standards for the
// returned secretary), the cultivation plan with overdue milestones, progress reports, evidence with
// counts per year, honors, history, and the .docx report.
import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Descriptions, Empty, Form, Image, Input, InputNumber, List, Modal, Row, Select, Skeleton, Space, Switch, Table, Tag, Timeline, Typography, Upload } from 'antd';
import { CheckOutlined, DownloadOutlined, EditOutlined, FileWordOutlined, PictureOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { BrandDetail } from '@zhibu/contracts';
import { brandActionLabels, brandEvidenceKindLabels, brandEvidenceKinds, brandStandardLabels, brandStandards, type BrandAction, type BrandStandard } from '@zhibu/domain';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { api, describeError, downloadFile, request } from '../../api/client';
import { brandKeys, useBrand } from '../../api/brands';
import { PageCard, useIsPhone } from '../../components/PageCard';
import { chineseDateFormat, showDate, showDateTime, toIsoDate } from '../../lib/dates';
import { useFormSubmit } from '../../lib/form-errors';
import { LoadError } from '../errors/ErrorPages';
import { BrandMark, BrandScoreFields, BrandStateTag, BrandSteps, HonorFields, HonorLine, honorPayload, type HonorFormValues } from './BrandBits';

type Review = NonNullable<BrandDetail['review']>;

function useRefresh(id: string) {
  const client = useQueryClient();
  return (data?: BrandDetail) => {
    if (data) client.setQueryData(brandKeys.detail(id), data);
    void client.invalidateQueries({ queryKey: brandKeys.all });
  };
}

const actionHelp: Partial<Record<BrandAction, string>> = {
  submit: '提交后由院机关党委组织评审组按有主题、有内涵、有特色、有融合评分，评审期间不能修改。',
  recognize: '认定后进入培育阶段，品牌名称和理念、内涵、特色、融合点不再修改。',
  cultivate: '开始培育：制定培育计划（节点、责任人、完成期限），定期报送进展。',
  promote: '进入宣传推广：展示品牌故事、佐证和荣誉。',
};

function ActionButtons({ b }: { b: BrandDetail }) {
  const { message, modal } = App.useApp();
  const refresh = useRefresh(b.id);
  const [reasonFor, setReasonFor] = useState<BrandAction | null>(null);
  const [selecting, setSelecting] = useState(false);
  const run = (action: BrandAction) => {
    if (action === 'return' || action === 'reject') return setReasonFor(action);
    if (action === 'select') return setSelecting(true);
    modal.confirm({
      title: `${brandActionLabels[action]}“${b.name}”？`,
      content: actionHelp[action],
      okText: brandActionLabels[action],
      cancelText: '返回',
      onOk: async () => {
        try {
          refresh(await api.post<BrandDetail>(`/brands/${b.id}/transition`, { action, version: b.version }));
          message.success(`已${brandActionLabels[action]}`);
        } catch (err) {
          message.error(describeError(err));
          refresh();
        }
      },
    });
  };
  if (!b.actions.length) return null;
  return (
    <>
      <Space wrap>
        {b.actions.map((a) => (
          <Button key={a} type={a === 'return' || a === 'reject' ? 'default' : 'primary'} danger={a === 'reject'} onClick={() => run(a)} data-testid={`brand-action-${a}`}>
            {a === 'submit' && b.round > 0 ? '重新申报' : brandActionLabels[a]}
          </Button>
        ))}
      </Space>
      <ReasonModal b={b} action={reasonFor} onClose={() => setReasonFor(null)} />
      <SelectModal b={b} open={selecting} onClose={() => setSelecting(false)} />
    </>
  );
}

function ReasonModal({ b, action, onClose }: { b: BrandDetail; action: BrandAction | null; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const refresh = useRefresh(b.id);
  const { busy, submit } = useFormSubmit(
    form,
    async (v) => {
      refresh(await api.post<BrandDetail>(`/brands/${b.id}/transition`, { action, reason: v.reason, version: b.version }));
      form.resetFields();
      onClose();
    },
    () => refresh(),
  );
  const low = b.review?.lowStandardLabels ?? [];
  return (
    <Modal title={action ? `${brandActionLabels[action]}：${b.name}` : ''} open={!!action} onCancel={onClose} onOk={() => form.submit()} okText={action ? brandActionLabels[action] : ''} okButtonProps={{ danger: action === 'reject' }} cancelText="取消" confirmLoading={busy} destroyOnHidden>
      {low.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`评审低分项：${low.join('、')}`} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ reason: low.length ? `“${low.join('、')}”得分偏低，请完善后重新申报` : '' }}>
        <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请写明理由' }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SelectModal({ b, open, onClose }: { b: BrandDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<HonorFormValues & { year: number; withHonor: boolean }>();
  const refresh = useRefresh(b.id);
  const { message } = App.useApp();
  const withHonor = Form.useWatch('withHonor', form);
  const { busy, submit } = useFormSubmit(
    form,
    async (v) => {
      const honor = v.withHonor ? { ...honorPayload({ ...v, kind: 'collective' }) } : undefined;
      refresh(await api.post<BrandDetail>(`/brands/${b.id}/transition`, { action: 'select', year: v.year, honor, version: b.version }));
      message.success('已选树');
      onClose();
    },
    () => refresh(),
  );
  return (
    <Modal title={`选树：${b.name}`} open={open} onCancel={onClose} onOk={() => form.submit()} okText="选树" cancelText="取消" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ year: dayjs().year(), withHonor: true, level: 'court' }}>
        <Form.Item name="year" label="选树年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="withHonor" valuePropName="checked">
          <Checkbox>同时登记所获荣誉（记入荣誉库）</Checkbox>
        </Form.Item>
        {withHonor && <HonorFields withKind={false} />}
      </Form>
    </Modal>
  );
}

function LogoUpload({ b }: { b: BrandDetail }) {
  const { message } = App.useApp();
  const refresh = useRefresh(b.id);
  return (
    <Upload
      accept=".jpg,.jpeg,.png"
      showUploadList={false}
      customRequest={async ({ file }) => {
        const form = new FormData();
        form.append('file', file as Blob);
        try {
          await api.upload(`/brands/${b.id}/logo`, form);
          message.success('品牌标识已上传');
        } catch (err) {
          message.error(describeError(err));
        }
        refresh();
      }}
    >
      <Button size="small" icon={<PictureOutlined />}>
        {b.hasLogo ? '更换标识' : '上传标识'}
      </Button>
    </Upload>
  );
}

/** The party office chooses what the public showcase shows (recognized brands only appear there). */
function PublishSwitch({ b }: { b: BrandDetail }) {
  const { message } = App.useApp();
  const refresh = useRefresh(b.id);
  const [busy, setBusy] = useState(false);
  return (
    <Space>
      <Switch
        checked={b.published}
        loading={busy}
        aria-label="对外展示"
        onChange={async (published) => {
          setBusy(true);
          try {
            refresh(await api.put<BrandDetail>(`/brands/${b.id}`, { published, version: b.version }));
            message.success(published ? '已设为公开展示（认定后的品牌显示在公开展示页，不含个人信息）' : '已取消公开展示');
          } catch (err) {
            message.error(describeError(err));
            refresh();
          } finally {
            setBusy(false);
          }
        }}
      />
      <Typography.Text type="secondary">{b.published ? '公开展示（不含团队、评审等个人信息）' : '不公开'}</Typography.Text>
    </Space>
  );
}

function ContentCard({ b }: { b: BrandDetail }) {
  const [editing, setEditing] = useState(false);
  const phone = useIsPhone();
  return (
    <Card
      title="品牌内容"
      size="small"
      extra={
        b.canEdit && (
          <Space size={4}>
            <LogoUpload b={b} />
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>
              编辑
            </Button>
          </Space>
        )
      }
    >
      <Descriptions column={1} size="small" layout={phone ? 'vertical' : 'horizontal'} labelStyle={{ width: phone ? undefined : 120 }}>
        <Descriptions.Item label="品牌口号">{b.slogan || '—'}</Descriptions.Item>
        <Descriptions.Item label="品牌理念">{b.concept || '—'}</Descriptions.Item>
        <Descriptions.Item label="品牌内涵">{b.substance || '—'}</Descriptions.Item>
        <Descriptions.Item label="品牌特色">{b.distinctiveness || '—'}</Descriptions.Item>
        <Descriptions.Item label="融合点">{b.integration || '—'}</Descriptions.Item>
        <Descriptions.Item label="载体与举措">{b.carriers || '—'}</Descriptions.Item>
        {b.team !== null && <Descriptions.Item label="品牌团队">{b.team || '—'}</Descriptions.Item>}
        <Descriptions.Item label="品牌故事">
          <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{b.story || '—'}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label="对外展示">{b.canPublish ? <PublishSwitch b={b} /> : b.published ? '已在公开展示页展示' : '未公开'}</Descriptions.Item>
      </Descriptions>
      <EditModal b={b} open={editing} onClose={() => setEditing(false)} />
    </Card>
  );
}

const textFields = [
  ['slogan', '品牌口号', 100, 1],
  ['concept', '品牌理念', 2000, 2],
  ['substance', '品牌内涵', 2000, 3],
  ['distinctiveness', '品牌特色', 2000, 3],
  ['integration', '融合点（服务哪项审判执行工作）', 2000, 2],
  ['carriers', '载体与举措', 2000, 3],
  ['team', '品牌团队', 1000, 2],
  ['story', '品牌故事', 5000, 4],
] as const;
const applicationFields = new Set(['name', 'slogan', 'concept', 'substance', 'distinctiveness', 'integration']);

function EditModal({ b, open, onClose }: { b: BrandDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Record<string, string>>();
  const refresh = useRefresh(b.id);
  const { busy, submit } = useFormSubmit(
    form,
    async (v) => {
      const body: Record<string, unknown> = { version: b.version };
      for (const [k, val] of Object.entries(v)) if (b.canEditApplication || !applicationFields.has(k)) body[k] = k === 'name' ? val : val || null;
      refresh(await api.put<BrandDetail>(`/brands/${b.id}`, body));
      onClose();
    },
    () => refresh(),
  );
  return (
    <Modal title="编辑品牌" open={open} onCancel={onClose} onOk={() => form.submit()} okText="保存" cancelText="取消" confirmLoading={busy} destroyOnHidden width={640}>
      {!b.canEditApplication && <Alert type="info" showIcon style={{ marginBottom: 12 }} message="品牌已认定：名称、口号、理念、内涵、特色和融合点不再修改。" />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ name: b.name, ...Object.fromEntries(textFields.map(([k]) => [k, (b as Record<string, unknown>)[k] ?? ''])) }}>
        <Form.Item name="name" label="品牌名称" rules={[{ required: true, message: '请填写品牌名称' }]}>
          <Input maxLength={60} disabled={!b.canEditApplication} />
        </Form.Item>
        {textFields.map(([k, label, max, rows]) => (
          <Form.Item key={k} name={k} label={label}>
            {rows === 1 ? <Input maxLength={max} disabled={!b.canEditApplication && applicationFields.has(k)} /> : <Input.TextArea rows={rows} maxLength={max} disabled={!b.canEditApplication && applicationFields.has(k)} />}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

function ReviewCard({ b, review }: { b: BrandDetail; review: Review }) {
  const [panelOpen, setPanelOpen] = useState(false);
  const phone = useIsPhone();
  const low = new Set(review.lowStandards);
  return (
    <Card
      title={`认定评审（第${review.round}轮）`}
      size="small"
      data-testid="brand-review"
      extra={
        b.canFormPanel && (
          <Button size="small" icon={<TeamOutlined />} onClick={() => setPanelOpen(true)}>
            {review.panel.length ? '调整评审组' : '组成评审组'}
          </Button>
        )
      }
    >
      {review.lowStandards.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="low-standards" message={`低分项（平均低于60分）：${review.lowStandardLabels.join('、')}`} description="请针对低分项完善品牌内容后重新申报。" />
      )}
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="评审组">{review.panel.length ? review.panel.map((p) => `${p.name}${p.scored ? '（已评）' : '（未评）'}`).join('、') : '尚未组成'}</Descriptions.Item>
        <Descriptions.Item label="权重">{brandStandards.map((s) => `${brandStandardLabels[s]}${review.weights[s]}%`).join(' ')}</Descriptions.Item>
        <Descriptions.Item label="加权总分">{review.total ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Row gutter={[8, 8]} style={{ margin: '8px 0' }}>
        {brandStandards.map((s) => (
          <Col key={s} xs={12} md={6}>
            <Card size="small" style={{ textAlign: 'center', borderColor: low.has(s) ? '#ff4d4f' : undefined, background: low.has(s) ? '#fff1f0' : undefined }} data-testid={`mean-${s}`}>
              <div>{brandStandardLabels[s]}</div>
              <Typography.Title level={4} style={{ margin: 0, color: low.has(s) ? '#cf1322' : undefined }}>
                {review.means[s] ?? '—'}
              </Typography.Title>
            </Card>
          </Col>
        ))}
      </Row>
      {review.scores.length > 0 && (
        <Table
          size="small"
          rowKey="reviewerId"
          pagination={false}
          dataSource={review.scores}
          scroll={{ x: phone ? 560 : undefined }}
          columns={[
            { title: '评审', dataIndex: 'reviewerName', width: 90 },
            ...brandStandards.map((s) => ({ title: brandStandardLabels[s], dataIndex: s, width: 70 })),
            { title: '意见', dataIndex: 'comment', render: (c: string | null) => c ?? '—' },
          ]}
        />
      )}
      {review.complete && b.state === 'submitted' && review.recommendation !== 'pending' && (
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
          评审组建议：{review.recommendation === 'recognize' ? <Tag color="green">认定</Tag> : <Tag color="orange">退回修改</Tag>}
        </Typography.Paragraph>
      )}
      {review.canScore && <ScoreForm b={b} review={review} />}
      <PanelModal b={b} review={review} open={panelOpen} onClose={() => setPanelOpen(false)} />
    </Card>
  );
}

function ScoreForm({ b, review }: { b: BrandDetail; review: Review }) {
  const [form] = Form.useForm<Record<BrandStandard, number> & { comment?: string }>();
  const refresh = useRefresh(b.id);
  const { message } = App.useApp();
  const { busy, submit } = useFormSubmit(form, async (v) => {
    refresh(await api.put<BrandDetail>(`/brands/${b.id}/my-score`, { ...v, comment: v.comment || null }));
    message.success('评分已保存');
  });
  return (
    <Card size="small" type="inner" title={`${review.myScore ? '我的评分（可修改）' : '我的评分'}：每项0～100分；评审期间只看到自己的评分`} style={{ marginTop: 12 }} data-testid="score-form">
      <Form form={form} layout="vertical" onFinish={submit} initialValues={review.myScore ?? undefined}>
        <BrandScoreFields />
        <Button type="primary" htmlType="submit" loading={busy} icon={<CheckOutlined />}>
          提交评分
        </Button>
      </Form>
    </Card>
  );
}

function PanelModal({ b, review, open, onClose }: { b: BrandDetail; review: Review; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ reviewerIds: string[] } & Record<BrandStandard, number>>();
  const refresh = useRefresh(b.id);
  const candidates = useQuery({ queryKey: ['brands', 'candidates', b.id], queryFn: () => api.get<{ items: { id: string; name: string; roleLabel: string }[] }>(`/brands/${b.id}/reviewer-candidates`), enabled: open });
  const { busy, submit } = useFormSubmit(
    form,
    async (v) => {
      const weights = Object.fromEntries(brandStandards.map((s) => [s, v[s]]));
      refresh(await api.put<BrandDetail>(`/brands/${b.id}/panel`, { reviewerIds: v.reviewerIds, weights, version: b.version }));
      onClose();
    },
    () => refresh(),
  );
  return (
    <Modal title="组成认定评审组" open={open} onCancel={onClose} onOk={() => form.submit()} okText="保存" cancelText="取消" confirmLoading={busy} destroyOnHidden>
      <Typography.Paragraph type="secondary">从本院其他支部的书记、委员中选择不少于2人；本品牌所在支部人员已回避。四项标准的权重合计应为100。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ reviewerIds: review.panel.map((p) => p.userId), ...review.weights }}>
        <Form.Item name="reviewerIds" label="评审组成员" rules={[{ required: true, message: '请选择评审组成员' }]}>
          <Select mode="multiple" loading={candidates.isLoading} optionFilterProp="label" options={(candidates.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.roleLabel}）` }))} aria-label="评审组成员" />
        </Form.Item>
        <Row gutter={8}>
          {brandStandards.map((s) => (
            <Col key={s} span={12}>
              <Form.Item name={s} label={`${brandStandardLabels[s]}权重（%）`} rules={[{ required: true, message: '请填写权重' }]}>
                <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Modal>
  );
}

function MilestonesCard({ b }: { b: BrandDetail }) {
  const [adding, setAdding] = useState(false);
  const { message, modal } = App.useApp();
  const refresh = useRefresh(b.id);
  const markDone = (m: BrandDetail['milestones'][number]) =>
    modal.confirm({
      title: `登记“${m.title}”已完成？`,
      content: '完成日期记为今天。',
      okText: '已完成',
      cancelText: '返回',
      onOk: async () => {
        try {
          refresh(await api.put<BrandDetail>(`/brand-milestones/${m.id}`, { title: m.title, owner: m.owner, dueOn: m.dueOn, doneOn: dayjs().format('YYYY-MM-DD'), note: m.note, version: m.version }));
          message.success('已登记完成');
        } catch (err) {
          message.error(describeError(err));
          refresh();
        }
      },
    });
  return (
    <Card
      title="培育计划"
      size="small"
      data-testid="milestones"
      extra={
        b.canEdit && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            添加节点
          </Button>
        )
      }
    >
      {b.milestones.length ? (
        <List
          size="small"
          dataSource={b.milestones}
          renderItem={(m) => (
            <List.Item
              actions={b.canEdit && !m.doneOn ? [<Button key="done" size="small" onClick={() => markDone(m)}>完成</Button>] : undefined}
              style={{ paddingInline: 0 }}
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    {m.title}
                    {m.doneOn ? <Tag color="green">已完成</Tag> : m.overdue ? <Tag color="error">逾期{m.daysOverdue}天</Tag> : <Tag color="blue">推进中</Tag>}
                  </Space>
                }
                description={`责任人：${m.owner}；完成期限：${showDate(m.dueOn)}${m.doneOn ? `；完成于${showDate(m.doneOn)}` : ''}${m.note ? `；${m.note}` : ''}`}
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty description="尚未制定培育计划" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
      <MilestoneModal b={b} open={adding} onClose={() => setAdding(false)} />
      <ProgressReports b={b} />
    </Card>
  );
}

function MilestoneModal({ b, open, onClose }: { b: BrandDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ title: string; owner: string; dueOn: Dayjs }>();
  const refresh = useRefresh(b.id);
  const { busy, submit } = useFormSubmit(form, async (v) => {
    refresh(await api.post<BrandDetail>(`/brands/${b.id}/milestones`, { title: v.title, owner: v.owner, dueOn: toIsoDate(v.dueOn) }));
    form.resetFields();
    onClose();
  });
  return (
    <Modal title="添加培育节点" open={open} onCancel={onClose} onOk={() => form.submit()} okText="添加" cancelText="取消" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="title" label="节点内容" rules={[{ required: true, message: '请填写节点内容' }]}>
          <Input maxLength={100} placeholder="如：建成党员示范岗" />
        </Form.Item>
        <Form.Item name="owner" label="责任人" rules={[{ required: true, message: '请填写责任人' }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="dueOn" label="完成期限" rules={[{ required: true, message: '请选择完成期限' }]}>
          <DatePicker format={chineseDateFormat} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ProgressReports({ b }: { b: BrandDetail }) {
  const [form] = Form.useForm<{ period: string; content: string }>();
  const [open, setOpen] = useState(false);
  const refresh = useRefresh(b.id);
  const { busy, submit } = useFormSubmit(form, async (v) => {
    refresh(await api.post<BrandDetail>(`/brands/${b.id}/progress-reports`, v));
    form.resetFields();
    setOpen(false);
  });
  if (!b.progressReports.length && !b.canEdit) return null;
  return (
    <div style={{ marginTop: 12 }}>
      <Space style={{ marginBottom: 4 }}>
        <Typography.Text strong>培育进展</Typography.Text>
        {b.canEdit && (
          <Button size="small" type="link" onClick={() => setOpen(true)}>
            报送进展
          </Button>
        )}
      </Space>
      {b.progressReports.map((p) => (
        <Typography.Paragraph key={p.id} style={{ marginBottom: 4 }}>
          <Tag>{p.period}</Tag>
          {p.content}
        </Typography.Paragraph>
      ))}
      {!b.progressReports.length && <Typography.Text type="secondary">尚未报送进展</Typography.Text>}
      <Modal title="报送培育进展" open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText="报送" cancelText="取消" confirmLoading={busy} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ period: `${dayjs().year()}年第${Math.floor(dayjs().month() / 3) + 1}季度` }}>
          <Form.Item name="period" label="报告期" rules={[{ required: true, message: '请填写报告期' }]}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="content" label="进展情况" rules={[{ required: true, message: '请填写进展情况' }]}>
            <Input.TextArea rows={4} maxLength={3000} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

function EvidenceCard({ b }: { b: BrandDetail }) {
  const [adding, setAdding] = useState(false);
  const { message, modal } = App.useApp();
  const refresh = useRefresh(b.id);
  const phone = useIsPhone();
  const remove = (e: BrandDetail['evidence'][number]) =>
    modal.confirm({
      title: '取消关联这项佐证？',
      content: `“${e.title}”将不再计入本品牌的佐证（活动本身不受影响）。`,
      okText: '取消关联',
      okButtonProps: { danger: true },
      cancelText: '返回',
      onOk: async () => {
        try {
          refresh(await request<BrandDetail>('DELETE', `/brand-evidence/${e.id}`));
        } catch (err) {
          message.error(describeError(err));
        }
      },
    });
  return (
    <Card
      title="品牌佐证"
      size="small"
      extra={
        b.canEdit && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            关联佐证
          </Button>
        )
      }
    >
      {b.evidenceByYear.length > 0 && (
        <Space wrap style={{ marginBottom: 8 }}>
          {b.evidenceByYear.map((y) => (
            <Tag key={y.year} color="red">
              {y.year}年：活动{y.activity}次、宣传{y.publicity}篇、项目{y.project}个
            </Tag>
          ))}
        </Space>
      )}
      {b.evidence.length && phone ? (
        <List
          size="small"
          dataSource={b.evidence}
          renderItem={(e) => (
            <List.Item style={{ paddingInline: 0 }} actions={b.canEdit ? [<Button key="rm" type="link" size="small" danger onClick={() => remove(e)}>取消</Button>] : undefined}>
              <List.Item.Meta title={e.activityId ? <Link to={`/activities/${e.activityId}`}>{e.title}</Link> : e.title} description={`${showDate(e.occurredOn)}；${e.kindLabel}`} />
            </List.Item>
          )}
        />
      ) : b.evidence.length ? (
        <Table
          size="small"
          rowKey="id"
          pagination={b.evidence.length > 10 ? { pageSize: 10 } : false}
          dataSource={b.evidence}
          scroll={{ x: phone ? 480 : undefined }}
          columns={[
            { title: '日期', dataIndex: 'occurredOn', width: 130, render: (d: string) => showDate(d) },
            { title: '类别', dataIndex: 'kindLabel', width: 110 },
            { title: '标题', dataIndex: 'title', render: (t: string, e) => (e.activityId ? <Link to={`/activities/${e.activityId}`}>{t}</Link> : t) },
            ...(b.canEdit ? [{ title: '', key: 'op', width: 80, render: (_: unknown, e: BrandDetail['evidence'][number]) => <Button type="link" size="small" danger onClick={() => remove(e)}>取消</Button> }] : []),
          ]}
        />
      ) : (
        <Empty description="还没有关联活动、宣传报道或项目" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
      {b.photos.length > 0 && (
        <div style={{ marginTop: 12 }} data-testid="brand-photos">
          <Typography.Text strong>活动照片</Typography.Text>
          <div style={{ marginTop: 8 }}>
            <Image.PreviewGroup>
              <Space wrap>
                {b.photos.map((p) => (
                  <Image key={p.id} src={p.url} alt={p.activityTitle || p.fileName} width={phone ? 96 : 128} height={phone ? 72 : 96} style={{ objectFit: 'cover', borderRadius: 4 }} />
                ))}
              </Space>
            </Image.PreviewGroup>
          </div>
        </div>
      )}
      <EvidenceModal b={b} open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}

function EvidenceModal({ b, open, onClose }: { b: BrandDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ kind: string; activityId?: string; title?: string; occurredOn?: Dayjs; note?: string }>();
  const refresh = useRefresh(b.id);
  const kind = Form.useWatch('kind', form);
  const acts = useQuery({
    queryKey: ['brands', 'activities', b.orgId],
    queryFn: () => api.get<{ items: { id: string; title: string; heldOn: string; status: string }[] }>('/activities', { orgId: b.orgId, status: 'held', pageSize: 200 }),
    enabled: open && kind === 'activity',
  });
  const { busy, submit } = useFormSubmit(form, async (v) => {
    refresh(await api.post<BrandDetail>(`/brands/${b.id}/evidence`, { kind: v.kind, activityId: v.activityId ?? null, title: v.title || null, occurredOn: v.occurredOn ? toIsoDate(v.occurredOn) : null, note: v.note || null }));
    form.resetFields();
    onClose();
  });
  return (
    <Modal title="关联品牌佐证" open={open} onCancel={onClose} onOk={() => form.submit()} okText="关联" cancelText="取消" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'activity' }}>
        <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
          <Select options={brandEvidenceKinds.map((k) => ({ value: k, label: brandEvidenceKindLabels[k] }))} />
        </Form.Item>
        {kind === 'activity' ? (
          <Form.Item name="activityId" label="本支部已开展的活动" rules={[{ required: true, message: '请选择活动' }]}>
            <Select showSearch optionFilterProp="label" loading={acts.isLoading} options={(acts.data?.items ?? []).map((a) => ({ value: a.id, label: `${showDate(a.heldOn)} ${a.title}` }))} notFoundContent="没有已开展的活动" />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
              <Input maxLength={200} placeholder={kind === 'publicity' ? '如：《贵州日报》报道' : '如：生态环境保护司法修复基地'} />
            </Form.Item>
            <Form.Item name="occurredOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker format={chineseDateFormat} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="note" label="说明">
              <Input maxLength={500} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

function Section({ children }: { children: ReactNode }) {
  return <div style={{ marginTop: 16 }}>{children}</div>;
}

export default function BrandDetailPage() {
  const { id = '' } = useParams();
  const q = useBrand(id);
  const phone = useIsPhone();
  const { message } = App.useApp();
  if (q.isLoading) return <Skeleton active />;
  if (q.error || !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const b = q.data;
  const lastReturn = [...b.events].reverse().find((e) => e.action === 'return' || e.action === 'reject');
  return (
    <PageCard
      title={
        <Space align="center" wrap>
          <BrandMark name={b.name} size={phone ? 40 : 56} logo={b} />
          <div>
            <div style={{ fontSize: phone ? 17 : 20 }} data-testid="brand-name">
              {b.name}
            </div>
            <Space size={4} wrap>
              <BrandStateTag b={b} />
              {b.isMaster && <Tag color="red">院级品牌</Tag>}
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                {b.courtName} · {b.orgName}
              </Typography.Text>
            </Space>
          </div>
        </Space>
      }
      actions={
        <Space wrap>
          <ActionButtons b={b} />
          <Button
            icon={<FileWordOutlined />}
            onClick={() => downloadFile(`/brands/${b.id}/report.docx`, undefined, '品牌创建情况.docx').catch((err) => message.error(describeError(err)))}
          >
            <DownloadOutlined /> 品牌报告
          </Button>
        </Space>
      }
    >
      <BrandSteps state={b.state} stateLabel={b.stateLabel} phone={phone} />
      {(b.state === 'returned' || b.state === 'rejected') && (
        <Alert
          style={{ marginTop: 16 }}
          type={b.state === 'rejected' ? 'error' : 'warning'}
          showIcon
          data-testid="decision"
          message={`${b.stateLabel}${b.review?.lowStandardLabels.length ? `：${b.review.lowStandardLabels.join('、')}得分偏低` : ''}`}
          description={lastReturn?.reason ?? b.decisionReason ?? undefined}
        />
      )}
      <Section>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <ContentCard b={b} />
          </Col>
          <Col xs={24} xl={12}>
            <Space orientation="vertical" style={{ width: '100%' }} size={16}>
              {b.review && <ReviewCard b={b} review={b.review} />}
              {/* 培育 starts once recognized; before that the plan would only be noise. */}
              {(['recognized', 'cultivating', 'promoting', 'selected'].includes(b.state) || b.milestones.length > 0) && <MilestonesCard b={b} />}
            </Space>
          </Col>
        </Row>
      </Section>
      <Section>
        <EvidenceCard b={b} />
      </Section>
      <Section>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Space orientation="vertical" style={{ width: '100%' }} size={16}>
              <Card title="所获荣誉" size="small" data-testid="brand-honors">
                {b.honors.length ? b.honors.map((h) => <div key={h.id} style={{ marginBottom: 6 }}><HonorLine h={h} /></div>) : <Empty description="暂无荣誉" image={Empty.PRESENTED_IMAGE_SIMPLE} />}
              </Card>
              {b.selections.length > 0 && (
                <Card title="选树" size="small" data-testid="brand-selections">
                  {b.selectedYear && (
                    <Typography.Paragraph>
                      <Tag color="red">{b.selectedYear}年度选树</Tag>
                    </Typography.Paragraph>
                  )}
                  {b.selections.map((x) => (
                    <div key={x.roundId} style={{ marginBottom: 6 }}>
                      <Link to={`/brands?tab=selection&round=${x.roundId}`}>{x.roundName}</Link>
                      <Typography.Text type="secondary">（{x.roundStatusLabel}）</Typography.Text> <Tag color={x.resultLabel === '已选树' ? 'red' : 'default'}>{x.resultLabel}</Tag>
                    </div>
                  ))}
                </Card>
              )}
            </Space>
          </Col>
          <Col xs={24} xl={12}>
            <Card title="创建历程" size="small">
              {b.events.length ? (
                <Timeline
                  items={b.events.map((e) => ({
                    children: (
                      <>
                        <div>
                          {e.actionLabel} → {e.toStateLabel}（{e.actorName}）
                        </div>
                        <Typography.Text type="secondary">{showDateTime(e.at)}</Typography.Text>
                        {e.reason && <div>{e.reason}</div>}
                      </>
                    ),
                  }))}
                />
              ) : (
                <Empty description="尚未申报" image={Empty.PRESENTED_IMAGE_SIMPLE} />
              )}
            </Card>
          </Col>
        </Row>
      </Section>
    </PageCard>
  );
}
