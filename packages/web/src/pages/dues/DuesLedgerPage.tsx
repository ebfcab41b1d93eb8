// 党费管理 (issue 5): a branch's monthly collection (登记交纳, 代交, 补交 within 6 months), the year's
// ledger, members 连续未交 3+ months (the court's dues.arrears) with 党章第九条 cited (the branch decides — nothing automatic),
// 少交/免交 requests and approvals, and the 收缴情况公布 with its Excel export. @see RULES.md §4.1
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Form, Input, InputNumber, List, Modal, Row, Select, Space, Statistic, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, DownloadOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { describeError } from '../../api/client';
import { duesApi, duesKeys, monthLabel, useDuesAdjustments, useDuesLedger, useDuesReport, yuan, type DuesAdjustment, type DuesLedgerRow, type DuesMonthCellView } from '../../api/dues';
import { DuesCellTag } from './DuesBits';
import { DuesBaseDialog } from './DuesBaseDialog';
import { DuesComponentsTab } from './DuesComponentsTab';
import { useOrgs } from '../../api/queries';
import { useMe } from '../../auth';
import { OrgFilterSelect } from '../../components/org-tree';
import { PageCard, useIsPhone } from '../../components/PageCard';
import { chineseDateFormat, toIsoDate } from '../../lib/dates';
import { useFormSubmit } from '../../lib/form-errors';

const monthFormat = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;

type PayTarget = { row: DuesLedgerRow; cell: DuesMonthCellView };
type PayValues = { amount: number; paidOn: Dayjs; paidByName?: string; note?: string };

function PaymentDialog({ target, onClose, onDone }: { target: PayTarget | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<PayValues>();
  const { message } = App.useApp();
  const [proxy, setProxy] = useState(false);
  useEffect(() => {
    if (target) {
      form.resetFields();
      form.setFieldsValue({ amount: target.cell.dueFen / 100, paidOn: dayjs() });
      setProxy(false);
    }
  }, [target, form]);
  const { busy, submit } = useFormSubmit(form, async (v) => {
    await duesApi.recordPayment({
      memberId: target!.row.memberId,
      month: target!.cell.month,
      amountFen: Math.round(v.amount * 100),
      paidOn: toIsoDate(v.paidOn)!,
      paidByName: proxy ? v.paidByName : null,
      note: v.note,
    });
    message.success(`已登记：${target!.row.memberName}${monthFormat(target!.cell.month)}党费`);
    onDone();
  });
  return (
    <Modal open={!!target} title={target ? `登记交纳：${target.row.memberName} ${monthFormat(target.cell.month)}` : ''} okText="登记" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {target && (
        <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
          <Typography.Paragraph type="secondary">
            应交 {yuan(target.cell.dueFen)} 元{target.cell.reduced ? '（经批准少交）' : ''}。多交部分为自愿多交；补交一般不超过6个月（党费规定第十二条）。
          </Typography.Paragraph>
          <Form.Item name="amount" label="交纳金额（元）" rules={[{ required: true, message: '请填写交纳金额' }]}>
            <InputNumber min={0} precision={2} step={1} style={{ width: '100%' }} aria-label="交纳金额（元）" />
          </Form.Item>
          <Form.Item name="paidOn" label="交纳日期" rules={[{ required: true, message: '请选择交纳日期' }]}>
            <DatePicker format={chineseDateFormat} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} allowClear={false} />
          </Form.Item>
          <Form.Item label="代交">
            <Select
              aria-label="是否代交"
              value={proxy ? 'proxy' : 'self'}
              onChange={(v) => setProxy(v === 'proxy')}
              options={[
                { value: 'self', label: '本人交纳' },
                { value: 'proxy', label: '委托亲属或其他党员代交' },
              ]}
            />
          </Form.Item>
          {proxy && (
            <Form.Item name="paidByName" label="代交人" rules={[{ required: true, message: '请填写代交人，如：刘芳（配偶）' }]}>
              <Input placeholder="如：刘芳（配偶）" maxLength={50} />
            </Form.Item>
          )}
          <Form.Item name="note" label="备注">
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

/** The current month's collection: one line per member, 登记 where unpaid. */
function MonthCollection({ rows, month, canManage, onPay, onUndo, onBase }: { rows: DuesLedgerRow[]; month: string; canManage: boolean; onPay: (t: PayTarget) => void; onUndo: (t: PayTarget) => void; onBase: (r: DuesLedgerRow) => void }) {
  const idx = Number(month.slice(5, 7)) - 1;
  const relevant = rows.filter((r) => r.cells[idx] && r.cells[idx]!.state !== 'notMember');
  if (!relevant.length) return <Empty description="本月没有应交党费的党员" />;
  return (
    <List
      dataSource={relevant}
      renderItem={(row) => {
        const cell = row.cells[idx]!;
        const actions = [];
        if (canManage && cell.state === 'unpaid') {
          actions.push(<Button key="pay" type="primary" size="small" onClick={() => onPay({ row, cell })} aria-label={`登记${row.memberName}${monthLabel(month)}党费`}>登记</Button>);
        }
        if (canManage && cell.state === 'noBase') {
          actions.push(<Button key="base" size="small" onClick={() => onBase(row)}>核定基数</Button>);
        }
        if (canManage && cell.state === 'paid') {
          actions.push(<Button key="undo" size="small" icon={<UndoOutlined />} onClick={() => onUndo({ row, cell })} aria-label={`撤销${row.memberName}${monthLabel(month)}登记`}>撤销</Button>);
        }
        return (
          <List.Item actions={actions}>
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <span>{row.memberName}</span>
                  {row.arrears.level !== 'ok' && <Tag color={row.arrears.level === 'critical' ? 'red' : 'orange'}>连续{row.arrears.months}个月未交</Tag>}
                </Space>
              }
              description={
                <Space orientation="vertical" size={4}>
                  <span>{`${row.memberTypeLabel ?? '未定类别'} · 月交纳额 ${yuan(row.monthlyFen)} 元`}</span>
                  <DuesCellTag cell={cell} />
                </Space>
              }
            />
          </List.Item>
        );
      }}
    />
  );
}

function YearTable({ ledger, canManage, onPay, onBase }: { ledger: { items: DuesLedgerRow[]; currentMonth: string }; canManage: boolean; onPay: (t: PayTarget) => void; onBase: (r: DuesLedgerRow) => void }) {
  const columns = [
    {
      title: '姓名',
      dataIndex: 'memberName',
      fixed: 'left' as const,
      width: 90,
      render: (name: string, r: DuesLedgerRow) => (
        <Tooltip title="查看或核定党费基数">
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onBase(r)}>{name}</Button>
        </Tooltip>
      ),
    },
    { title: '月交纳额（元）', key: 'monthly', width: 110, render: (_: unknown, r: DuesLedgerRow) => yuan(r.monthlyFen) },
    ...Array.from({ length: 12 }, (_, i) => ({
      title: `${i + 1}月`,
      key: `m${i}`,
      width: 112,
      render: (_: unknown, r: DuesLedgerRow) => {
        const cell = r.cells[i]!;
        if (canManage && cell.state === 'unpaid') {
          return (
            <Tooltip title="点击登记交纳（补交不超过6个月）">
              <Button size="small" danger type="dashed" onClick={() => onPay({ row: r, cell })}>未交 {yuan(cell.dueFen)}</Button>
            </Tooltip>
          );
        }
        return cell.state === 'future' || cell.state === 'notMember' ? <Typography.Text type="secondary">{cell.state === 'notMember' ? '—' : ''}</Typography.Text> : <DuesCellTag cell={cell} />;
      },
    })),
    { title: '全年实交（元）', key: 'paid', width: 110, render: (_: unknown, r: DuesLedgerRow) => yuan(r.paidFen) },
  ];
  return <Table rowKey="memberId" size="small" columns={columns} dataSource={ledger.items} pagination={false} scroll={{ x: 1500 }} locale={{ emptyText: <Empty description="该组织暂无党员" /> }} />;
}

function AdjustmentsTab({ orgId, rows, canManage }: { orgId: string; rows: DuesLedgerRow[]; canManage: boolean }) {
  const list = useDuesAdjustments(orgId);
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ memberId: string; kind: 'reduce' | 'exempt'; fromMonth: Dayjs; toMonth?: Dayjs; monthly?: number; reason: string }>();
  const kind = Form.useWatch('kind', form);
  const refresh = () => void client.invalidateQueries({ queryKey: duesKeys.all });
  const { busy, submit } = useFormSubmit(form, async (v) => {
    await duesApi.requestAdjustment({ memberId: v.memberId, kind: v.kind, fromMonth: v.fromMonth.format('YYYY-MM'), toMonth: v.toMonth ? v.toMonth.format('YYYY-MM') : null, monthlyFen: v.kind === 'reduce' ? Math.round((v.monthly ?? 0) * 100) : null, reason: v.reason });
    message.success('已报上一级党委审批');
    setOpen(false);
    refresh();
  });
  const decide = (x: DuesAdjustment, decision: 'approve' | 'reject') =>
    modal.confirm({
      title: decision === 'approve' ? `批准${x.memberName}${x.kindLabel}党费？` : `不予批准${x.memberName}的申请？`,
      content: decision === 'approve' ? `${monthFormat(x.fromMonth)}起${x.toMonth ? `至${monthFormat(x.toMonth)}` : ''}${x.kind === 'reduce' ? `每月交纳${yuan(x.monthlyFen)}元` : '免交党费'}。` : '将以“经研究不予批准”答复支部。',
      okText: decision === 'approve' ? '批准' : '不予批准',
      cancelText: '返回',
      onOk: async () => {
        try {
          await duesApi.decideAdjustment(x.id, { decision, reason: decision === 'reject' ? '经研究不予批准' : null, version: x.version });
          message.success(decision === 'approve' ? '已批准' : '已答复不予批准');
        } catch (err) {
          message.error(describeError(err));
        } finally {
          refresh();
        }
      },
    });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert type="info" showIcon message="少交或免交党费：党支部研究，报上一级党委批准（党费规定第七条）。批准后的月份不计应交，也不计入连续未交。" />
      {canManage && (
        <Button icon={<PlusOutlined />} onClick={() => (form.resetFields(), setOpen(true))}>
          申请少交/免交
        </Button>
      )}
      <List
        loading={list.isLoading}
        locale={{ emptyText: <Empty description="暂无少交/免交申请" /> }}
        dataSource={list.data?.items ?? []}
        renderItem={(x) => (
          <List.Item
            actions={
              x.canDecide
                ? [
                    <Button key="a" type="primary" size="small" icon={<CheckOutlined />} onClick={() => decide(x, 'approve')}>批准</Button>,
                    <Button key="r" danger size="small" icon={<CloseOutlined />} onClick={() => decide(x, 'reject')}>不予批准</Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  {x.memberName}
                  <Tag>{x.kindLabel}</Tag>
                  <Tag color={x.state === 'approved' ? 'green' : x.state === 'rejected' ? 'red' : 'gold'}>{x.stateLabel}</Tag>
                </Space>
              }
              description={`${monthFormat(x.fromMonth)}起${x.toMonth ? `至${monthFormat(x.toMonth)}` : ''}${x.kind === 'reduce' ? `，每月交纳${yuan(x.monthlyFen)}元` : ''}。${x.reason}${x.decisionReason ? `（审批意见：${x.decisionReason}）` : ''}`}
            />
          </List.Item>
        )}
      />
      <Modal open={open} title="申请少交/免交党费" okText="报上一级党委审批" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'exempt' }}>
          <Form.Item name="memberId" label="党员" rules={[{ required: true, message: '请选择党员' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={rows.map((r) => ({ value: r.memberId, label: r.memberName }))} />
          </Form.Item>
          <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
            <Select options={[{ value: 'exempt', label: '免交' }, { value: 'reduce', label: '少交' }]} />
          </Form.Item>
          {kind === 'reduce' && (
            <Form.Item name="monthly" label="每月交纳（元）" rules={[{ required: true, message: '请填写少交后的每月金额' }]}>
              <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          )}
          <Form.Item name="fromMonth" label="起始月份" rules={[{ required: true, message: '请选择起始月份' }]}>
            <DatePicker picker="month" format="YYYY年M月" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="toMonth" label="结束月份（不填为至情形消失）">
            <DatePicker picker="month" format="YYYY年M月" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reason" label="困难情况及支部研究意见" rules={[{ required: true, message: '请填写原因' }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

function ReportTab({ orgId, year }: { orgId: string; year: number }) {
  const report = useDuesReport(orgId, year);
  if (!report.data) return <Empty description={report.isLoading ? '加载中…' : '暂无数据'} />;
  const r = report.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">
        向党员公布收缴情况（一年一次）：只列各支部各月合计，不列个人金额。
      </Typography.Paragraph>
      <Table
        rowKey="month"
        size="small"
        pagination={false}
        dataSource={r.months}
        columns={[
          { title: '月份', dataIndex: 'month', render: (m: string) => monthFormat(m) },
          { title: '应交（元）', dataIndex: 'dueFen', align: 'right' as const, render: (v: number) => yuan(v) },
          { title: '实交（元）', dataIndex: 'paidFen', align: 'right' as const, render: (v: number) => yuan(v) },
          { title: '已交人数', dataIndex: 'paidCount', align: 'right' as const },
          { title: '未交人数', dataIndex: 'unpaidCount', align: 'right' as const },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">{yuan(r.dueFen)}</Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">{yuan(r.paidFen)}</Table.Summary.Cell>
            <Table.Summary.Cell index={3} />
            <Table.Summary.Cell index={4} />
          </Table.Summary.Row>
        )}
      />
    </Space>
  );
}

export default function DuesLedgerPage() {
  const me = useMe();
  const orgs = useOrgs();
  const isPhone = useIsPhone();
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const [orgId, setOrgId] = useState<string | undefined>(undefined);
  const [year, setYear] = useState(dayjs().year());
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const [paying, setPaying] = useState<PayTarget | null>(null);
  const [baseOf, setBaseOf] = useState<DuesLedgerRow | null>(null);

  // Default: the user's own branch; for the party office, the first branch.
  const defaultOrg = useMemo(() => {
    const granted = me.grants.find((g) => g.orgId)?.orgId;
    if (granted) return granted;
    return (orgs.data ?? []).find((o) => o.type === 'branch')?.id;
  }, [me.grants, orgs.data]);
  useEffect(() => {
    if (!orgId && defaultOrg) setOrgId(defaultOrg);
  }, [orgId, defaultOrg]);

  const ledger = useDuesLedger(orgId, year);
  const courtId = (orgs.data ?? []).find((o) => o.id === orgId)?.courtId;
  const data = ledger.data;
  const refresh = () => void client.invalidateQueries({ queryKey: duesKeys.all });
  const undo = ({ row, cell }: PayTarget) =>
    modal.confirm({
      title: `撤销${row.memberName}${monthFormat(cell.month)}的交纳登记？`,
      content: '撤销后该月显示为未交，操作记入审计日志。',
      okText: '撤销登记',
      okButtonProps: { danger: true },
      cancelText: '返回',
      onOk: async () => {
        try {
          await duesApi.deletePayment(cell.paymentId!, cell.paymentVersion ?? 1);
          message.success('已撤销');
        } catch (err) {
          message.error(describeError(err));
        } finally {
          refresh();
        }
      },
    });

  const behind = (data?.items ?? []).filter((r) => r.arrears.level !== 'ok');
  const monthIdx = Number(month.slice(5, 7)) - 1;
  const monthTotal = data?.monthTotals[monthIdx];
  const years = Array.from({ length: 4 }, (_, i) => dayjs().year() - i);

  const actions = (
    <Space wrap>
      <Button icon={<DownloadOutlined />} href={duesApi.exportUrl(orgId, year)} disabled={!orgId}>
        导出Excel
      </Button>
    </Space>
  );

  return (
    <PageCard title="党费管理" actions={actions}>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12}>
          <OrgFilterSelect value={orgId} onChange={(v) => setOrgId(v ?? defaultOrg)} ariaLabel="党组织" />
        </Col>
        <Col xs={12} md={6}>
          <Select aria-label="年度" style={{ width: '100%' }} value={year} onChange={(y) => (setYear(y), setMonth(y === dayjs().year() ? dayjs().format('YYYY-MM') : `${y}-12`))} options={years.map((y) => ({ value: y, label: `${y}年` }))} />
        </Col>
        <Col xs={12} md={6}>
          <Select aria-label="月份" style={{ width: '100%' }} value={month} onChange={setMonth} options={Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).map((m) => ({ value: m, label: monthFormat(m) }))} />
        </Col>
      </Row>
      {ledger.isError && <Alert type="error" showIcon message={describeError(ledger.error)} style={{ marginBottom: 16 }} />}
      {!orgId && <Empty description="请选择党组织" />}
      {data && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Card size="small"><Statistic title={`${monthFormat(month)}已交人数`} value={monthTotal?.paidCount ?? 0} suffix={`/ ${(monthTotal?.paidCount ?? 0) + (monthTotal?.unpaidCount ?? 0)}`} /></Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small"><Statistic title={`${monthFormat(month)}实交（元）`} value={yuan(monthTotal?.paidFen ?? 0)} /></Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small"><Statistic title={`${year}年实交（元）`} value={yuan(data.monthTotals.reduce((s, m) => s + m.paidFen, 0))} /></Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small"><Statistic title={`连续${data.arrearsThresholds.warnMonths}个月以上未交`} value={behind.length} suffix="人" valueStyle={behind.length ? { color: '#d4380d' } : undefined} /></Card>
            </Col>
          </Row>
          {behind.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              message="连续未交党费提醒"
              description={
                <Space orientation="vertical" size={4}>
                  {behind.map((r) => (
                    <Typography.Text key={r.memberId} data-testid="arrears-warning">
                      <b>{r.memberName}</b>：{r.arrears.message}
                    </Typography.Text>
                  ))}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>依据：{data.arrearsRule}</Typography.Text>
                </Space>
              }
            />
          )}
          <Tabs
            items={[
              { key: 'month', label: `${monthFormat(month)}收缴`, children: <MonthCollection rows={data.items} month={month} canManage={data.canManage} onPay={setPaying} onUndo={undo} onBase={setBaseOf} /> },
              ...(isPhone ? [] : [{ key: 'year', label: '全年台账', children: <YearTable ledger={data} canManage={data.canManage} onPay={setPaying} onBase={setBaseOf} /> }]),
              { key: 'adjustments', label: '少交/免交', children: orgId ? <AdjustmentsTab orgId={orgId} rows={data.items} canManage={data.canManage} /> : null },
              { key: 'report', label: '收缴情况公布', children: orgId ? <ReportTab orgId={orgId} year={year} /> : null },
              ...(courtId ? [{ key: 'components', label: '基数构成项目', children: <DuesComponentsTab courtId={courtId} canEdit={me.grants.some((g) => g.role === 'courtAdmin' && g.courtId === courtId)} /> }] : []),
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
            月交纳额年初核定、全年不变，工资变化从新工资当月起按新基数交纳（第十条）；预备党员自支部大会通过之日起交纳（第八条）；{data.backPayRule}。本台账按党员当前所在支部列出，年中调入的党员以入党时间和转出记录为界。
          </Typography.Paragraph>
        </>
      )}
      <DuesBaseDialog member={baseOf} year={year} canManage={!!data?.canManage} onClose={() => setBaseOf(null)} />
      <PaymentDialog target={paying} onClose={() => setPaying(null)} onDone={() => (setPaying(null), refresh())} />
    </PageCard>
  );
}
