// 不计入应到会人数 on a member's profile (RULES.md §1.2): the member's records with their state, the
// branch's 登记申请 and 终止, and the higher-level org's 批准 / 不予批准. The server decides who may
// do what (canDecide / canEnd, 403 with a Chinese message); a 404 means the caller may not see these
// records, and the card is left out.
import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, List, Modal, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { QuorumExclusion } from '@zhibu/contracts';
import { quorumExclusionCategories, quorumExclusionCategoryLabels, quorumExclusionRule, type QuorumExclusionCategory } from '@zhibu/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { activityKeys } from '../../api/activities';
import { ApiError, api, describeError } from '../../api/client';
import { useCan } from '../../auth';
import { useIsPhone } from '../../components/PageCard';
import { chineseDateFormat, fromIsoDate, showDate, toIsoDate } from '../../lib/dates';
import { useFormSubmit } from '../../lib/form-errors';

type ListResponse = { items: QuorumExclusion[]; total: number };

export const quorumExclusionsKey = ['quorum-exclusions'] as const;

const stateColors: Record<string, string> = { pending: 'gold', approved: 'green', rejected: 'red', ended: 'default' };

export function QuorumStateTag({ x }: { x: QuorumExclusion }) {
  return <Tag color={stateColors[x.state] ?? 'default'}>{x.stateLabel}</Tag>;
}

/** 2026年1月1日起至2026年6月30日 / 2026年1月1日起，至情形消失时止 */
export function exclusionPeriod(x: Pick<QuorumExclusion, 'validFrom' | 'validTo'>): string {
  return x.validTo ? `${showDate(x.validFrom)}起至${showDate(x.validTo)}` : `${showDate(x.validFrom)}起，至情形消失时止`;
}

/** The 批准 / 不予批准 / 终止 actions of one record, shared by the profile card and the home inbox. */
export function useQuorumExclusionActions() {
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [rejecting, setRejecting] = useState<QuorumExclusion | null>(null);
  const [ending, setEnding] = useState<QuorumExclusion | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // Bigger targets for a thumb.
  const size = useIsPhone() ? 'middle' : 'small';

  const refresh = () => {
    void client.invalidateQueries({ queryKey: quorumExclusionsKey });
    // A meeting's 应到会 may change with it.
    void client.invalidateQueries({ queryKey: activityKeys.all });
  };

  const approve = (x: QuorumExclusion) =>
    modal.confirm({
      title: '批准不计入应到会人数？',
      content: `批准后，${x.memberName}（${x.orgName}）因“${x.categoryLabel}”，${exclusionPeriod(x)}不计入支部党员大会应到会人数。`,
      okText: '批准',
      cancelText: '返回',
      onOk: async () => {
        setBusy(x.id);
        try {
          await api.post(`/quorum-exclusions/${x.id}/decide`, { decision: 'approve', version: x.version });
          message.success(`已批准：${x.memberName}不计入应到会人数`);
        } catch (err) {
          message.error(describeError(err));
        } finally {
          setBusy(null);
          refresh();
        }
      },
    });

  const buttons = (x: QuorumExclusion): ReactNode[] => {
    const out: ReactNode[] = [];
    if (x.canDecide) {
      out.push(
        <Button key="approve" type="primary" size={size} icon={<CheckOutlined />} loading={busy === x.id} onClick={() => approve(x)}>
          批准
        </Button>,
        <Button key="reject" danger size={size} icon={<CloseOutlined />} onClick={() => setRejecting(x)}>
          不予批准
        </Button>,
      );
    }
    if (x.canEnd) {
      out.push(
        <Button key="end" size={size} icon={<StopOutlined />} onClick={() => setEnding(x)}>
          终止
        </Button>,
      );
    }
    return out;
  };

  const modals = (
    <>
      <RejectModal record={rejecting} onClose={() => setRejecting(null)} onDone={refresh} />
      <EndModal record={ending} onClose={() => setEnding(null)} onDone={refresh} />
    </>
  );
  return { buttons, modals };
}

export function QuorumExclusionsCard({ memberId, memberName }: { memberId: string; memberName: string }) {
  const isPhone = useIsPhone();
  const canManage = useCan('members:manage');
  const [requesting, setRequesting] = useState(false);
  const { buttons, modals } = useQuorumExclusionActions();
  const list = useQuery({
    queryKey: [...quorumExclusionsKey, 'member', memberId],
    queryFn: () => api.get<ListResponse>(`/members/${memberId}/quorum-exclusions`),
  });

  // Not the member, their branch or the approving org: these records are not for this caller.
  if (list.error instanceof ApiError && (list.error.code === 'NOT_FOUND' || list.error.code === 'FORBIDDEN')) return null;

  const requestButton = canManage ? (
    <Button icon={<PlusOutlined />} onClick={() => setRequesting(true)}>
      登记申请
    </Button>
  ) : null;
  const items = list.data?.items ?? [];

  let body: ReactNode;
  if (list.isLoading) body = <Skeleton active paragraph={{ rows: 2 }} />;
  else if (list.error)
    body = (
      <Alert
        type="error"
        showIcon
        title={describeError(list.error)}
        action={
          <Button size="small" onClick={() => void list.refetch()}>
            重试
          </Button>
        }
      />
    );
  else if (items.length === 0)
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无登记。党员患病不能表达本人意志、自费出国半年以上、正在服刑、年老体弱卧床不起，或外出半年以上应转而未转组织关系的，可由支部登记申请，经上级党组织批准后不计入应到会人数。" />;
  else
    body = (
      <List
        size="small"
        dataSource={items}
        renderItem={(x) => {
          const actions = buttons(x);
          return (
            <List.Item key={x.id} data-testid="quorum-exclusion" style={{ display: 'block', paddingInline: 0 }}>
              <Space wrap size={[8, 4]}>
                <QuorumStateTag x={x} />
                <Typography.Text strong>{x.categoryLabel}</Typography.Text>
              </Space>
              <div style={{ marginTop: 4 }}>期间：{exclusionPeriod(x)}</div>
              <div style={{ wordBreak: 'break-all' }}>
                <Typography.Text type="secondary">原因：</Typography.Text>
                {x.reason}
              </div>
              {x.decisionReason && (
                <div style={{ wordBreak: 'break-all' }}>
                  <Typography.Text type="secondary">{x.state === 'ended' ? '终止原因：' : '审批意见：'}</Typography.Text>
                  {x.decisionReason}
                </div>
              )}
              {x.decidedAt && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {x.state === 'rejected' ? '不予批准' : '批准'}于{showDate(x.decidedAt.slice(0, 10))}
                </Typography.Text>
              )}
              {actions.length > 0 && (
                <div style={{ marginTop: 8 }}>
                  <Space wrap>{actions}</Space>
                </div>
              )}
            </List.Item>
          );
        }}
      />
    );

  return (
    <Card
      size="small"
      data-testid="quorum-exclusions-card"
      title="不计入应到会人数（经上级党组织批准）"
      extra={isPhone ? undefined : requestButton}
      styles={{ title: { whiteSpace: 'normal' } }}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {items[0]?.rule ?? quorumExclusionRule}。只有已批准、且在会议当天有效的登记，才会减少支部党员大会的应到会人数。
      </Typography.Paragraph>
      {isPhone && requestButton && <div style={{ marginBottom: 12 }}>{requestButton}</div>}
      {body}
      <RequestModal memberId={memberId} memberName={memberName} open={requesting} onClose={() => setRequesting(false)} />
      {modals}
    </Card>
  );
}

type RequestValues = { category: QuorumExclusionCategory; reason: string; validFrom: Dayjs; validTo?: Dayjs | null };

function RequestModal({ memberId, memberName, open, onClose }: { memberId: string; memberName: string; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<RequestValues>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { busy, submit } = useFormSubmit(form, async (v: RequestValues) => {
    await api.post(`/members/${memberId}/quorum-exclusions`, {
      category: v.category,
      reason: v.reason.trim(),
      validFrom: toIsoDate(v.validFrom),
      validTo: toIsoDate(v.validTo) ?? undefined,
    });
    message.success('已登记，等待上级党组织审批');
    form.resetFields();
    onClose();
    void client.invalidateQueries({ queryKey: quorumExclusionsKey });
  });
  return (
    <Modal
      open={open}
      title={`登记申请：${memberName}不计入应到会人数`}
      okText="提交上级审批"
      cancelText="取消"
      onOk={() => form.submit()}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        提交后由上级党组织（如机关党委）审批；批准前，该党员仍计入应到会人数。
      </Typography.Paragraph>
      <Form form={form} name="quorum-exclusion" layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ validFrom: dayjs() }}>
        <Form.Item name="category" label="情形" rules={[{ required: true, message: '请选择情形' }]}>
          <Select
            placeholder="请选择五种情形之一"
            options={quorumExclusionCategories.map((c) => ({ value: c, label: quorumExclusionCategoryLabels[c] }))}
            optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="原因"
          rules={[
            { required: true, whitespace: true, message: '请填写原因' },
            { max: 500, message: '最多500个字' },
          ]}
        >
          <Input.TextArea rows={3} placeholder="如：2026年3月起自费赴澳大利亚探亲，预计一年" maxLength={500} showCount />
        </Form.Item>
        <Space wrap align="start" size={[16, 0]} style={{ width: '100%' }} styles={{ item: { flex: '1 1 200px' } }}>
          <Form.Item name="validFrom" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
            <DatePicker format={chineseDateFormat} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="validTo"
            label="结束日期"
            dependencies={['validFrom']}
            extra="不填表示至情形消失、由支部终止为止"
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | null | undefined) => {
                  const from = getFieldValue('validFrom') as Dayjs | undefined;
                  return value && from && value.isBefore(from, 'day') ? Promise.reject(new Error('结束日期不能早于开始日期')) : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker format={chineseDateFormat} style={{ width: '100%' }} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

/** A refusal not about a field (e.g. decided meanwhile by someone else): refresh the list. */
function refreshUnlessFieldError(onDone: () => void) {
  return (err: unknown) => {
    if (!(err instanceof ApiError && err.details.length)) onDone();
  };
}

function RejectModal({ record, onClose, onDone }: { record: QuorumExclusion | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const { busy, submit } = useFormSubmit(
    form,
    async ({ reason }: { reason: string }) => {
      if (!record) return;
      await api.post(`/quorum-exclusions/${record.id}/decide`, { decision: 'reject', reason: reason.trim(), version: record.version });
      message.success(`已不予批准：${record.memberName}`);
      form.resetFields();
      onClose();
      onDone();
    },
    refreshUnlessFieldError(onDone),
  );
  return (
    <Modal
      open={!!record}
      title="不予批准？"
      okText="不予批准"
      okButtonProps={{ danger: true }}
      cancelText="返回"
      onOk={() => form.submit()}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      {record && (
        <Typography.Paragraph>
          {record.memberName}（{record.orgName}）：{record.categoryLabel}，{exclusionPeriod(record)}。不予批准后，该党员仍计入应到会人数，原因将告知支部。
        </Typography.Paragraph>
      )}
      <Form form={form} name="quorum-exclusion-reject" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="reason"
          label="不予批准的原因"
          rules={[
            { required: true, whitespace: true, message: '不予批准须填写原因' },
            { max: 500, message: '最多500个字' },
          ]}
        >
          <Input.TextArea rows={3} placeholder="如：出国时间不足半年，不属于规定情形" maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type EndValues = { validTo: Dayjs; reason: string };

function EndModal({ record, onClose, onDone }: { record: QuorumExclusion | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<EndValues>();
  const { message } = App.useApp();
  const { busy, submit } = useFormSubmit(
    form,
    async (v: EndValues) => {
      if (!record) return;
      await api.post(`/quorum-exclusions/${record.id}/end`, { validTo: toIsoDate(v.validTo), reason: v.reason.trim(), version: record.version });
      message.success(`已终止：${record.memberName}此后计入应到会人数`);
      form.resetFields();
      onClose();
      onDone();
    },
    refreshUnlessFieldError(onDone),
  );
  const from = fromIsoDate(record?.validFrom);
  const to = fromIsoDate(record?.validTo);
  return (
    <Modal
      open={!!record}
      title="终止不计入应到会人数？"
      okText="确认终止"
      okButtonProps={{ danger: true }}
      cancelText="返回"
      onOk={() => form.submit()}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      {record && (
        <Typography.Paragraph>
          {record.memberName}：{record.categoryLabel}。情形消失后终止，自最后一日的次日起重新计入应到会人数。
        </Typography.Paragraph>
      )}
      <Form form={form} name="quorum-exclusion-end" layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ validTo: dayjs() }}>
        <Form.Item name="validTo" label="最后一日（含当日不计入）" rules={[{ required: true, message: '请选择最后一日' }]}>
          <DatePicker
            format={chineseDateFormat}
            style={{ width: '100%' }}
            disabledDate={(d) => (!!from && d.isBefore(from, 'day')) || (!!to && d.isAfter(to, 'day'))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="终止原因"
          rules={[
            { required: true, whitespace: true, message: '请填写终止原因' },
            { max: 500, message: '最多500个字' },
          ]}
        >
          <Input.TextArea rows={2} placeholder="如：已提前回国" maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
