// 关心关爱 (issue 5): the 关怀对象 of the branches the caller holds (the branch secretary, the party
// office — nobody else reaches this page or its API), with review dates, each record's situation and
// visits (慰问金 in 元, 送学上门, other help) in a drawer — opening it is recorded in the audit log —
// and the year's 慰问金 total per branch.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Descriptions, Drawer, Empty, Form, Input, InputNumber, List, Modal, Popconfirm, Row, Select, Space, Statistic, Switch, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { careHelpKindLabels, careKindLabels, type CareHelpKind, type CareKind, type CareMoney, type CareRecord, type CareRecordSummary } from '@zhibu/contracts';
import { api, describeError, request } from '../../api/client';
import { useOrgMembers } from '../../api/activities';
import { useMe } from '../../auth';
import { OrgFilterSelect } from '../../components/org-tree';
import { PageCard, useIsPhone } from '../../components/PageCard';
import { chineseDateFormat, showDate, toIsoDate } from '../../lib/dates';
import { useFormSubmit } from '../../lib/form-errors';

const yuan = (fen: number) => (fen / 100).toFixed(2);
const careKeys = ['care'] as const;
const kindColors: Record<CareKind, string> = { hardship: 'orange', longIllness: 'red', veteran: 'gold', injuredOnDuty: 'purple', other: 'default' };

function useCareRecords(orgId: string | undefined, state: string) {
  return useQuery({ queryKey: [...careKeys, 'list', orgId, state], queryFn: () => api.get<{ items: CareRecordSummary[]; total: number }>('/care/records', { orgId, state, pageSize: 500 }) });
}
function useCareMoney(orgId: string | undefined, year: number) {
  return useQuery({ queryKey: [...careKeys, 'money', orgId, year], queryFn: () => api.get<CareMoney>('/care/money', { orgId, year }) });
}
function useCareRecord(id: string | null) {
  // Every fetch of the details is audited on the server; do not refetch on window focus.
  return useQuery({ queryKey: [...careKeys, 'one', id], queryFn: () => api.get<CareRecord>(`/care/records/${id}`), enabled: !!id, refetchOnWindowFocus: false, staleTime: 60_000 });
}

type RecordValues = { memberId: string; kind: CareKind; situation: string; reviewOn?: Dayjs | null; followUp?: string; active?: boolean };

function RecordDialog({ orgId, open, record, onClose, onDone }: { orgId: string | undefined; open: boolean; record: CareRecord | null; onClose: () => void; onDone: (r: CareRecord) => void }) {
  const [form] = Form.useForm<RecordValues>();
  const { message } = App.useApp();
  const members = useOrgMembers(orgId, open && !record);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (record) form.setFieldsValue({ memberId: record.memberId, kind: record.kind, situation: record.situation, reviewOn: record.reviewOn ? dayjs(record.reviewOn) : null, followUp: record.followUp ?? undefined, active: record.active });
    else form.setFieldsValue({ kind: 'hardship', reviewOn: dayjs().add(6, 'month') });
  }, [open, record, form]);
  const { busy, submit } = useFormSubmit(form, async (v) => {
    const body = { kind: v.kind, situation: v.situation, reviewOn: v.reviewOn ? toIsoDate(v.reviewOn) : null, followUp: v.followUp || null };
    const saved = record
      ? await api.put<CareRecord>(`/care/records/${record.id}`, { ...body, active: v.active ?? true, version: record.version })
      : await api.post<CareRecord>('/care/records', { ...body, memberId: v.memberId });
    message.success(record ? '已保存' : '已登记关怀对象');
    onDone(saved);
  });
  const options = (members.data ?? []).filter((m) => m.status === 'fullMember' || m.status === 'probationaryMember').map((m) => ({ value: m.id, label: m.name }));
  return (
    <Modal open={open} title={record ? `修改关怀记录：${record.memberName}` : '登记关怀对象'} okText="保存" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        {!record && (
          <Form.Item name="memberId" label="党员" rules={[{ required: true, message: '请选择党员' }]} extra={orgId ? undefined : '请先在上方选择党支部'}>
            <Select aria-label="党员" showSearch={{ optionFilterProp: 'label' }} options={options} loading={members.isLoading} placeholder="选择本支部党员" />
          </Form.Item>
        )}
        <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
          <Select aria-label="类别" options={(Object.keys(careKindLabels) as CareKind[]).map((k) => ({ value: k, label: careKindLabels[k] }))} />
        </Form.Item>
        <Form.Item name="situation" label="困难情况" rules={[{ required: true, whitespace: true, message: '请填写困难情况' }]}>
          <Input.TextArea rows={3} maxLength={2000} placeholder="如：长期患病、家庭困难的具体情况" />
        </Form.Item>
        <Form.Item name="reviewOn" label="复核日期">
          <DatePicker format={chineseDateFormat} style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="followUp" label="后续跟进">
          <Input.TextArea rows={2} maxLength={1000} placeholder="如：每季度走访一次" />
        </Form.Item>
        {record && (
          <Form.Item name="active" label="仍在关怀对象名单中" valuePropName="checked">
            <Switch checkedChildren="在列" unCheckedChildren="移出" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

type VisitValues = { visitedOn: Dayjs; visitors: string; helpKinds: CareHelpKind[]; amount?: number | null; note?: string };

function VisitDialog({ record, onClose, onDone }: { record: CareRecord | null; onClose: () => void; onDone: (r: CareRecord) => void }) {
  const [form] = Form.useForm<VisitValues>();
  const { message } = App.useApp();
  const helps = Form.useWatch('helpKinds', form) ?? [];
  useEffect(() => {
    if (record) {
      form.resetFields();
      form.setFieldsValue({ visitedOn: dayjs(), helpKinds: ['money'] });
    }
  }, [record, form]);
  const { busy, submit } = useFormSubmit(form, async (v) => {
    const saved = await api.post<CareRecord>(`/care/records/${record!.id}/visits`, {
      visitedOn: toIsoDate(v.visitedOn),
      visitors: v.visitors,
      helpKinds: v.helpKinds,
      amountFen: v.helpKinds.includes('money') ? Math.round((v.amount ?? 0) * 100) : 0,
      note: v.note || null,
    });
    message.success('已登记走访');
    onDone(saved);
  });
  return (
    <Modal open={!!record} title={record ? `登记走访：${record.memberName}` : ''} okText="登记" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item name="visitedOn" label="走访日期" rules={[{ required: true, message: '请选择走访日期' }]}>
          <DatePicker format={chineseDateFormat} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} allowClear={false} />
        </Form.Item>
        <Form.Item name="visitors" label="走访人" rules={[{ required: true, whitespace: true, message: '请填写走访人' }]}>
          <Input maxLength={100} placeholder="如：郑明春、张健" />
        </Form.Item>
        <Form.Item name="helpKinds" label="帮扶内容" rules={[{ required: true, message: '请至少选择一项帮扶内容' }]}>
          <Checkbox.Group options={(Object.keys(careHelpKindLabels) as CareHelpKind[]).map((k) => ({ value: k, label: careHelpKindLabels[k] }))} />
        </Form.Item>
        {helps.includes('money') && (
          <Form.Item name="amount" label="慰问金（元）" rules={[{ required: true, message: '请填写慰问金金额' }]}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} aria-label="慰问金（元）" />
          </Form.Item>
        )}
        <Form.Item name="note" label="说明">
          <Input.TextArea rows={2} maxLength={500} placeholder="如：送学上门，学习党的二十届三中全会精神" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RecordDrawer({ id, onClose, onEdit }: { id: string | null; onClose: () => void; onEdit: (r: CareRecord) => void }) {
  const record = useCareRecord(id);
  const client = useQueryClient();
  const { message } = App.useApp();
  const [visiting, setVisiting] = useState<CareRecord | null>(null);
  const isPhone = useIsPhone();
  const r = record.data;
  const updated = (next: CareRecord) => {
    client.setQueryData([...careKeys, 'one', next.id], next);
    void client.invalidateQueries({ queryKey: [...careKeys, 'list'] });
    void client.invalidateQueries({ queryKey: [...careKeys, 'money'] });
  };
  const removeVisit = async (visitId: string, version: number) => {
    try {
      await request('DELETE', `/care/visits/${visitId}`, { query: { version } });
      message.success('已删除走访登记');
    } catch (err) {
      message.error(describeError(err));
    } finally {
      void client.invalidateQueries({ queryKey: careKeys });
    }
  };
  return (
    <Drawer open={!!id} onClose={onClose} width={isPhone ? '100%' : 560} title={r ? `${r.memberName} · ${r.kindLabel}` : '关怀记录'} destroyOnHidden>
      {record.isError && <Alert type="error" showIcon message={describeError(record.error)} />}
      {r && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="care-detail">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            关怀记录涉及个人隐私，仅本支部书记和机关党委可见；每次查看均记入审计日志。
          </Typography.Text>
          <Descriptions column={1} size="small" bordered styles={{ label: { width: 104, whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label="所在支部">{r.orgName}</Descriptions.Item>
            <Descriptions.Item label="困难情况">{r.situation}</Descriptions.Item>
            <Descriptions.Item label="后续跟进">{r.followUp ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="复核日期">
              {showDate(r.reviewOn)} {r.reviewDue && <Tag color="red">待复核</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="状态">{r.active ? <Tag color="green">关怀对象</Tag> : <Tag>已移出名单</Tag>}</Descriptions.Item>
            <Descriptions.Item label="慰问金合计">{yuan(r.moneyTotalFen)} 元</Descriptions.Item>
          </Descriptions>
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setVisiting(r)}>
              登记走访
            </Button>
            <Button icon={<EditOutlined />} onClick={() => onEdit(r)}>
              修改、复核
            </Button>
          </Space>
          <List
            header={<b>走访记录</b>}
            dataSource={r.visits}
            locale={{ emptyText: <Empty description="还没有走访记录" /> }}
            renderItem={(v) => (
              <List.Item
                actions={[
                  <Popconfirm key="d" title="删除这次走访登记？" description="删除记入审计日志。" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => removeVisit(v.id, v.version)}>
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label={`删除${showDate(v.visitedOn)}的走访`} />
                  </Popconfirm>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space wrap size={4}>
                      <span>{showDate(v.visitedOn)}</span>
                      {v.helpLabels.map((l) => (
                        <Tag key={l} color={l === '慰问金' ? 'red' : l === '送学上门' ? 'blue' : 'default'}>
                          {l}
                        </Tag>
                      ))}
                      {v.amountFen > 0 && <b>{yuan(v.amountFen)} 元</b>}
                    </Space>
                  }
                  description={
                    <span>
                      走访人：{v.visitors}
                      {v.note ? `。${v.note}` : ''}
                    </span>
                  }
                />
              </List.Item>
            )}
          />
        </Space>
      )}
      <VisitDialog record={visiting} onClose={() => setVisiting(null)} onDone={(next) => (setVisiting(null), updated(next))} />
    </Drawer>
  );
}

export default function CarePage() {
  const me = useMe();
  const isPhone = useIsPhone();
  const client = useQueryClient();
  const [orgId, setOrgId] = useState<string | undefined>(undefined);
  const [state, setState] = useState('active');
  const [year, setYear] = useState(dayjs().year());
  const [openId, setOpenId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<{ record: CareRecord | null } | null>(null);
  const list = useCareRecords(orgId, state);
  const money = useCareMoney(orgId, year);
  const items = list.data?.items ?? [];
  const due = useMemo(() => items.filter((r) => r.reviewDue).length, [items]);
  const years = Array.from({ length: 4 }, (_, i) => dayjs().year() - i);
  const kindTag = (r: CareRecordSummary) => <Tag color={kindColors[r.kind]}>{r.kindLabel}</Tag>;
  const review = (r: CareRecordSummary) => (
    <Space size={4}>
      {showDate(r.reviewOn)}
      {r.reviewDue && <Tag color="red">待复核</Tag>}
    </Space>
  );
  const view = (r: CareRecordSummary) => (
    <Button size="small" icon={<EyeOutlined />} onClick={() => setOpenId(r.id)} aria-label={`查看${r.memberName}的关怀记录`}>
      查看
    </Button>
  );
  return (
    <PageCard
      title="关心关爱"
      actions={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ record: null })}>
          登记关怀对象
        </Button>
      }
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12}>
          <OrgFilterSelect value={orgId} onChange={setOrgId} ariaLabel="党支部" />
        </Col>
        <Col xs={12} md={6}>
          <Select aria-label="名单" style={{ width: '100%' }} value={state} onChange={setState} options={[{ value: 'active', label: '关怀对象' }, { value: 'closed', label: '已移出名单' }, { value: 'all', label: '全部' }]} />
        </Col>
        <Col xs={12} md={6}>
          <Select aria-label="年度" style={{ width: '100%' }} value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y}年` }))} />
        </Col>
      </Row>
      {list.isError && <Alert type="error" showIcon message={describeError(list.error)} style={{ marginBottom: 16 }} />}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={8}>
          <Card size="small"><Statistic title={state === 'closed' ? '已移出' : '关怀对象'} value={list.data?.total ?? 0} suffix="人" /></Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small"><Statistic title="待复核" value={due} suffix="人" valueStyle={due ? { color: '#d4380d' } : undefined} /></Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small"><Statistic title={`${year}年慰问金（元）`} value={yuan(money.data?.totalFen ?? 0)} data-testid="care-money-total" /></Card>
        </Col>
      </Row>
      {isPhone ? (
        <List
          loading={list.isLoading}
          dataSource={items}
          locale={{ emptyText: <Empty description="没有关怀对象" /> }}
          renderItem={(r) => (
            <List.Item actions={[view(r)]}>
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <span>{r.memberName}</span>
                    {kindTag(r)}
                  </Space>
                }
                description={
                  <Space orientation="vertical" size={2}>
                    <span>{r.orgName}</span>
                    <span>复核：{review(r)}</span>
                    <span>走访 {r.visitCount} 次{r.lastVisitOn ? `，最近 ${showDate(r.lastVisitOn)}` : ''}</span>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Table<CareRecordSummary>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={items}
          locale={{ emptyText: <Empty description="没有关怀对象" /> }}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: '姓名', dataIndex: 'memberName', width: 100 },
            { title: '党支部', dataIndex: 'orgName' },
            { title: '类别', key: 'kind', width: 100, render: (_: unknown, r) => kindTag(r) },
            { title: '复核日期', key: 'review', width: 190, render: (_: unknown, r) => review(r) },
            { title: '走访', key: 'visits', width: 190, render: (_: unknown, r) => `${r.visitCount} 次${r.lastVisitOn ? `，最近 ${showDate(r.lastVisitOn)}` : ''}` },
            { title: '', key: 'view', width: 90, render: (_: unknown, r) => view(r) },
          ]}
        />
      )}
      {(money.data?.items.length ?? 0) > 1 && (
        <Card size="small" title={`${year}年慰问金（按支部）`} style={{ marginTop: 16 }}>
          <List size="small" dataSource={money.data!.items} renderItem={(i) => <List.Item extra={`${yuan(i.totalFen)} 元`}>{i.orgName}（{i.visitCount} 次走访）</List.Item>} />
        </Card>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
        关心关爱生活困难党员、长期患病党员和老党员。关怀记录仅本支部书记和机关党委可见，查看详情记入审计日志。慰问金合计可作为党费使用情况（补助生活困难的党员）的依据。
      </Typography.Paragraph>
      <RecordDrawer id={openId} onClose={() => setOpenId(null)} onEdit={(r) => setDialog({ record: r })} />
      <RecordDialog
        orgId={orgId ?? me.grants.find((g) => g.role === 'branchSecretary')?.orgId ?? undefined}
        open={!!dialog}
        record={dialog?.record ?? null}
        onClose={() => setDialog(null)}
        onDone={(saved) => {
          setDialog(null);
          client.setQueryData([...careKeys, 'one', saved.id], saved);
          void client.invalidateQueries({ queryKey: [...careKeys, 'list'] });
          setOpenId(saved.id);
        }}
      />
    </PageCard>
  );
}
