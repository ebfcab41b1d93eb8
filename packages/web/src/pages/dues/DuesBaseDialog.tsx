// 核定党费基数: a member's bases by the month they apply from (set at the start of the year; a wage
// change from the month of the new wage, 第十条), each with its components (第一条 — which ones count
// and which are deducted is the court's practice, [U]); the server computes the base and the amount.
import { useEffect } from 'react';
import { App, Button, DatePicker, Form, Input, InputNumber, List, Modal, Select, Space, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { duesMemberTypeLabels, duesMemberTypes, duesTypeUsesBase, type DuesMemberType } from '@zhibu/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { duesKeys, saveDuesBase, useDuesBases, yuan } from '../../api/dues';
import { useFormSubmit } from '../../lib/form-errors';

type Values = { effectiveMonth: Dayjs; memberType: DuesMemberType; components: { name: string; amount: number; deducted: boolean }[]; note?: string };

export function DuesBaseDialog({ member, year, canManage, onClose }: { member: { memberId: string; memberName: string } | null; year: number; canManage: boolean; onClose: () => void }) {
  const bases = useDuesBases(member?.memberId);
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const memberType = Form.useWatch('memberType', form);

  useEffect(() => {
    if (!member || !bases.data) return;
    const latest = bases.data.items[bases.data.items.length - 1];
    form.setFieldsValue({
      effectiveMonth: dayjs(`${year}-01-01`),
      memberType: (latest?.memberType as DuesMemberType) ?? 'inService',
      components: latest?.components.length
        ? latest.components.map((c) => ({ name: c.name, amount: c.amountFen / 100, deducted: c.deducted }))
        : bases.data.defaultComponents.map((c) => ({ name: c.name, amount: 0, deducted: c.deducted })),
    });
  }, [member, bases.data, form, year]);

  const { busy, submit } = useFormSubmit(form, async (v) => {
    const month = v.effectiveMonth.format('YYYY-MM');
    const existing = bases.data?.items.find((b) => b.effectiveMonth === month);
    const saved = await saveDuesBase(member!.memberId, {
      effectiveMonth: month,
      memberType: v.memberType,
      components: duesTypeUsesBase(v.memberType) ? v.components.filter((c) => c.amount > 0).map((c) => ({ name: c.name, amountFen: Math.round(c.amount * 100), deducted: !!c.deducted })) : [],
      note: v.note,
      version: existing?.version ?? null,
    });
    message.success(`已核定：${member!.memberName}自${month.slice(0, 4)}年${Number(month.slice(5))}月起每月交纳${yuan(saved.monthlyFen)}元`);
    void client.invalidateQueries({ queryKey: duesKeys.all });
    onClose();
  });

  return (
    <Modal open={!!member} title={member ? `党费基数：${member.memberName}` : ''} onCancel={onClose} okText="保存" cancelText="关闭" onOk={() => form.submit()} confirmLoading={busy} okButtonProps={{ disabled: !canManage }} destroyOnHidden width={640}>
      <List
        size="small"
        header="已核定"
        loading={bases.isLoading}
        locale={{ emptyText: '尚未核定基数' }}
        dataSource={bases.data?.items ?? []}
        renderItem={(b) => (
          <List.Item>
            {`${b.effectiveMonth.slice(0, 4)}年${Number(b.effectiveMonth.slice(5))}月起：${b.memberTypeLabel}，${b.baseFen === null ? '' : `基数${yuan(b.baseFen)}元（${b.bandLabel}，${b.rate}），`}每月${yuan(b.monthlyFen)}元`}
          </List.Item>
        )}
      />
      {canManage && (
        <Form form={form} layout="vertical" onFinish={submit} style={{ marginTop: 16 }}>
          <Space wrap>
            <Form.Item name="effectiveMonth" label="起始月份" rules={[{ required: true, message: '请选择起始月份' }]} extra="年初核定选1月；工资变化从新工资当月起">
              <DatePicker picker="month" format="YYYY年M月" allowClear={false} />
            </Form.Item>
            <Form.Item name="memberType" label="党员类别" rules={[{ required: true }]}>
              <Select style={{ width: 180 }} options={duesMemberTypes.map((t) => ({ value: t, label: duesMemberTypeLabels[t] }))} />
            </Form.Item>
          </Space>
          {memberType && duesTypeUsesBase(memberType) && (
            <Form.List name="components">
              {(fields, { add, remove }) => (
                <>
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>基数构成（税后、相对固定的经常性工资收入，党费规定第一条；扣除项打开“扣除”）</Typography.Paragraph>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" wrap style={{ display: 'flex', marginTop: 8 }}>
                      <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写项目' }]} noStyle>
                        <Input placeholder="项目" style={{ width: 160 }} aria-label="项目" />
                      </Form.Item>
                      <Form.Item name={[f.name, 'amount']} noStyle>
                        <InputNumber min={0} precision={2} placeholder="金额（元）" style={{ width: 140 }} aria-label="金额（元）" />
                      </Form.Item>
                      <Form.Item name={[f.name, 'deducted']} valuePropName="checked" noStyle>
                        <Switch checkedChildren="扣除" unCheckedChildren="计入" />
                      </Form.Item>
                      <Button type="text" icon={<DeleteOutlined />} aria-label="删除该项" onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => add({ name: '', amount: 0, deducted: false })}>
                    添加项目
                  </Button>
                </>
              )}
            </Form.List>
          )}
          <Form.Item name="note" label="备注" style={{ marginTop: 16 }}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
