// 组织关系转接 (RULES.md §5): transfers sent by the branches the user manages (转出) and those coming
// to them (待接收), with the 介绍信, accept / return (a return needs a reason: 不得无故拒接), withdraw,
// and the 回执 of a letter out of the platform. While in transit the member stays in the sending
// branch, which stays responsible; the page says so.
import { useState } from 'react';
import { Alert, App, Button, DatePicker, Empty, Form, Input, Modal, Radio, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined, SwapOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { Member, Transfer } from '@zhibu/contracts';
import { api, describeError, downloadFile } from '../../api/client';
import { PageCard, useIsPhone } from '../../components/PageCard';
import { showDate, showDateTime } from '../../lib/dates';
import { useFormSubmit } from '../../lib/form-errors';
import { useUrlFilters } from '../../lib/url-filters';
import { LoadError } from '../errors/ErrorPages';

type Page = { items: Transfer[]; total: number };
const key = ['transfers'] as const;
const boxes = [
  { key: 'inbox', label: '待本支部接收' },
  { key: 'outbox', label: '本支部转出' },
  { key: 'all', label: '全部' },
] as const;
type Box = (typeof boxes)[number]['key'];

const stateColor: Record<Transfer['state'], string> = { inTransit: 'orange', accepted: 'green', returned: 'red', cancelled: 'default', completed: 'green' };

export default function TransfersPage() {
  const [params, update] = useUrlFilters();
  const box = (boxes.map((b) => b.key) as string[]).includes(params.get('box') ?? '') ? (params.get('box') as Box) : 'inbox';
  const [sending, setSending] = useState(false);
  const list = useQuery({ queryKey: [...key, box], queryFn: () => api.get<Page>('/transfers', { box, pageSize: 200 }), placeholderData: keepPreviousData });
  return (
    <PageCard
      title="组织关系转接"
      actions={
        <Button type="primary" icon={<SwapOutlined />} onClick={() => setSending(true)} data-testid="new-transfer">
          发起转接
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        转接在途期间，党员仍在原支部，由原支部负管理责任；接收方确认接收后，党员即编入接收支部（《中国共产党党员教育管理工作条例》第二十五条）。退回须说明理由，不得无故拒转拒接。
      </Typography.Paragraph>
      <Tabs activeKey={box} onChange={(k) => update({ box: k })} items={boxes.map((b) => ({ key: b.key, label: b.label }))} />
      {list.error ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : <TransferList data={list.data} loading={list.isLoading} box={box} />}
      <SendTransferModal open={sending} onClose={() => setSending(false)} />
    </PageCard>
  );
}

function TransferList({ data, loading, box }: { data: Page | undefined; loading: boolean; box: Box }) {
  const isPhone = useIsPhone();
  const items = data?.items ?? [];
  if (!loading && !items.length) return <Empty description={box === 'inbox' ? '没有待接收的组织关系转接。' : box === 'outbox' ? '本支部没有转出记录。点击「发起转接」为党员开具介绍信。' : '没有组织关系转接记录。'} />;
  if (isPhone) {
    return (
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {items.map((t) => (
          <div key={t.id} data-testid="transfer" data-state={t.state} style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12 }}>
            <TransferSummary t={t} />
            <div style={{ marginTop: 8 }}>
              <TransferActions t={t} />
            </div>
          </div>
        ))}
      </Space>
    );
  }
  return (
    <Table<Transfer>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 条` }}
      onRow={(t) => ({ 'data-testid': 'transfer', 'data-state': t.state }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: '党员', dataIndex: 'memberName', width: 100 },
        { title: '转出', key: 'from', render: (_, t) => `${t.fromCourtName} ${t.fromOrgName}` },
        { title: '转入', key: 'to', render: (_, t) => (t.toOrgName ? `${t.toCourtName ?? ''} ${t.toOrgName}` : `${t.toUnitName}（平台外）`) },
        { title: '介绍信', key: 'letter', width: 190, render: (_, t) => <LetterCell t={t} /> },
        { title: '状态', key: 'state', width: 170, render: (_, t) => <StateCell t={t} /> },
        { title: '操作', key: 'op', width: 200, render: (_, t) => <TransferActions t={t} /> },
      ]}
    />
  );
}

function LetterCell({ t }: { t: Transfer }) {
  return (
    <Space orientation="vertical" size={0}>
      <span>{t.letterNo}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        党费交至{t.duesPaidTo.replace(/^(\d{4})-0?(\d+)$/, '$1年$2月')}；有效期至{showDate(t.validUntil)}
      </Typography.Text>
    </Space>
  );
}

function StateCell({ t }: { t: Transfer }) {
  return (
    <Space orientation="vertical" size={2}>
      <Tag color={stateColor[t.state]} style={{ whiteSpace: 'normal' }}>
        {t.stateLabel}
      </Tag>
      {t.expired && <Tag color="red">介绍信已过有效期</Tag>}
      {t.decidedByName && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t.decidedByName} {t.decidedAt ? showDateTime(t.decidedAt) : ''}
          {t.decisionNote ? `：${t.decisionNote}` : ''}
        </Typography.Text>
      )}
    </Space>
  );
}

function TransferSummary({ t }: { t: Transfer }) {
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Space wrap>
        <strong>{t.memberName}</strong>
        <Tag>{t.kindLabel}</Tag>
      </Space>
      <div>
        {t.fromCourtName} {t.fromOrgName} → {t.toOrgName ? `${t.toCourtName ?? ''} ${t.toOrgName}` : t.toUnitName}
      </div>
      <LetterCell t={t} />
      <StateCell t={t} />
    </Space>
  );
}

function TransferActions({ t }: { t: Transfer }) {
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [returning, setReturning] = useState(false);
  const decide = async (decision: 'accept' | 'cancel' | 'complete' | 'return', note?: string) => {
    try {
      await api.post(`/transfers/${t.id}/decide`, { decision, note: note ?? null, version: t.version });
      message.success({ accept: '已接收，党员已编入本支部', cancel: '已撤回', complete: '已登记回执', return: '已退回' }[decision]);
    } catch (err) {
      message.error(describeError(err));
    } finally {
      void client.invalidateQueries({ queryKey: key });
    }
  };
  const open = t.state === 'inTransit';
  return (
    <Space size={4} wrap>
      {open && t.isReceiver && (
        <Button
          size="small"
          type="primary"
          disabled={t.expired}
          data-testid="accept-transfer"
          onClick={() =>
            modal.confirm({
              title: '确认接收',
              content: `接收后，${t.memberName}的组织关系即转入${t.toOrgName}，由本支部管理。`,
              okText: '接收',
              cancelText: '取消',
              onOk: () => decide('accept'),
            })
          }
        >
          接收
        </Button>
      )}
      {open && t.isReceiver && (
        <Button size="small" danger onClick={() => setReturning(true)}>
          退回
        </Button>
      )}
      {open && t.isSender && t.kind === 'outOfPlatform' && (
        <Button size="small" onClick={() => modal.confirm({ title: '登记回执', content: `已收到接收单位寄回的回执？登记后${t.memberName}在本院名册中为“已转出”。`, okText: '登记', cancelText: '取消', onOk: () => decide('complete') })}>
          登记回执
        </Button>
      )}
      {open && t.isSender && (
        <Button size="small" onClick={() => modal.confirm({ title: '撤回转接', content: `撤回后该介绍信作废，${t.memberName}仍在原支部。`, okText: '撤回', okButtonProps: { danger: true }, cancelText: '取消', onOk: () => decide('cancel') })}>
          撤回
        </Button>
      )}
      {t.isSender && (
        <Button size="small" icon={<DownloadOutlined />} onClick={() => void downloadFile(`/transfers/${t.id}/letter.docx`, undefined, '党员组织关系介绍信.docx').catch((err) => message.error(describeError(err)))}>
          介绍信
        </Button>
      )}
      <ReturnModal open={returning} onClose={() => setReturning(false)} onReturn={(note) => decide('return', note)} name={t.memberName} />
    </Space>
  );
}

function ReturnModal({ open, onClose, onReturn, name }: { open: boolean; onClose: () => void; onReturn: (note: string) => Promise<void>; name: string }) {
  const [form] = Form.useForm<{ note: string }>();
  const { busy, submit } = useFormSubmit(form, async (v) => {
    await onReturn(v.note.trim());
    form.resetFields();
    onClose();
  });
  return (
    <Modal open={open} title={`退回${name}的组织关系转接`} okText="退回" okButtonProps={{ danger: true }} cancelText="取消" onOk={() => form.submit()} confirmLoading={busy} onCancel={onClose} forceRender>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="note" label="退回理由" rules={[{ required: true, whitespace: true, message: '请说明退回理由（不得无故拒接）' }, { max: 500, message: '最多500个字' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} placeholder="如：介绍信所列接收支部有误" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type SendValues = { memberId: string; where: 'platform' | 'outside'; toOrgId?: string; toUnitName?: string; reason: string; duesPaidTo: Dayjs };

function SendTransferModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<SendValues>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const where = Form.useWatch('where', form) ?? 'platform';
  const [memberQ, setMemberQ] = useState('');
  const [destQ, setDestQ] = useState('');
  const members = useQuery({
    queryKey: ['members', 'transfer-pick', memberQ],
    queryFn: () => api.get<{ items: Member[] }>('/members', { q: memberQ || undefined, pageSize: 20 }),
    enabled: open,
    placeholderData: keepPreviousData,
  });
  const dests = useQuery({
    queryKey: [...key, 'destinations', destQ],
    queryFn: () => api.get<{ items: { id: string; name: string; shortName: string | null; courtName: string }[] }>('/transfers/destinations', { q: destQ }),
    enabled: open && destQ.trim().length > 0,
    placeholderData: keepPreviousData,
  });
  const { busy, submit } = useFormSubmit(form, async (v) => {
    await api.post('/transfers', {
      memberId: v.memberId,
      toOrgId: v.where === 'platform' ? v.toOrgId : null,
      toUnitName: v.where === 'outside' ? v.toUnitName?.trim() : null,
      reason: v.reason.trim(),
      duesPaidTo: v.duesPaidTo.format('YYYY-MM'),
    });
    message.success('已发起转接，介绍信已开具；对方接收前党员仍在本支部');
    form.resetFields();
    onClose();
    void client.invalidateQueries({ queryKey: key });
  });
  return (
    <Modal open={open} title="发起组织关系转接" okText="开具介绍信并发送" cancelText="取消" onOk={() => form.submit()} confirmLoading={busy} onCancel={onClose} forceRender width={560}>
      <Form form={form} name="send-transfer" layout="vertical" initialValues={{ where: 'platform', duesPaidTo: dayjs() }} onFinish={(v) => void submit(v)}>
        <Form.Item name="memberId" label="党员" rules={[{ required: true, message: '请选择党员' }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setMemberQ }}
            placeholder="输入姓名查找本支部党员"
            loading={members.isFetching}
            options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.orgName}）` }))}
            notFoundContent="没有找到"
          />
        </Form.Item>
        <Form.Item name="where" label="转往">
          <Radio.Group
            options={[
              { value: 'platform', label: '平台内的党组织（本院或其他法院）' },
              { value: 'outside', label: '平台外单位（纸质介绍信）' },
            ]}
          />
        </Form.Item>
        {where === 'platform' ? (
          <Form.Item name="toOrgId" label="接收党组织" rules={[{ required: true, message: '请选择接收党组织' }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setDestQ }}
              placeholder="输入法院或支部名称查找，如：渌口 综合管理"
              loading={dests.isFetching}
              options={(dests.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.courtName} ${d.shortName ?? d.name}` }))}
              notFoundContent={destQ ? '没有找到' : '请输入名称'}
            />
          </Form.Item>
        ) : (
          <Form.Item name="toUnitName" label="接收单位党组织" rules={[{ required: true, whitespace: true, message: '请填写接收单位党组织名称' }]}>
            <Input placeholder="如：中共安顺市司法局机关委员会" maxLength={100} />
          </Form.Item>
        )}
        <Form.Item name="reason" label="转接原因" rules={[{ required: true, whitespace: true, message: '请填写转接原因' }]}>
          <Input placeholder="如：工作调动" maxLength={200} />
        </Form.Item>
        <Form.Item name="duesPaidTo" label="党费交至" rules={[{ required: true, message: '请选择党费交至年月' }]}>
          <DatePicker picker="month" format="YYYY年M月" style={{ width: '100%' }} />
        </Form.Item>
        <Alert type="info" showIcon title="介绍信按本院设置的有效期开具（默认30天），编号按年度顺序生成。" />
      </Form>
    </Modal>
  );
}
