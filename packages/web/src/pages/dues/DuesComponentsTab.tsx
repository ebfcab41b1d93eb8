// 基数构成项目: the court's list of base components and which are deducted (RULES.md §4.1 — how
// 法官等级工资 maps and whether social contributions are deducted is [U], so each court sets its own).
// The party office edits; branches read it as the default rows of a member's base.
import { useEffect } from 'react';
import { Alert, App, Button, Form, Input, Space, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useFormSubmit } from '../../lib/form-errors';

type ComponentList = { courtId: string; components: { name: string; deducted: boolean }[]; isDefault: boolean; version: number };

export function DuesComponentsTab({ courtId, canEdit }: { courtId: string; canEdit: boolean }) {
  const key = ['dues', 'components', courtId] as const;
  const list = useQuery({ queryKey: key, queryFn: () => api.get<ComponentList>('/dues/components', { courtId }) });
  const [form] = Form.useForm<{ components: { name: string; deducted: boolean }[] }>();
  const { message } = App.useApp();
  const client = useQueryClient();
  useEffect(() => {
    if (list.data) form.setFieldsValue({ components: list.data.components });
  }, [list.data, form]);
  const { busy, submit } = useFormSubmit(
    form,
    async (v) => {
      await api.put('/dues/components', { courtId, components: v.components.map((c) => ({ name: c.name, deducted: !!c.deducted })), version: list.data?.version ?? 0 });
      message.success('已保存本院基数构成项目');
      void client.invalidateQueries({ queryKey: ['dues'] });
    },
    () => void client.invalidateQueries({ queryKey: key }),
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        message="党费基数为税后、相对固定的经常性工资收入（党费规定第一条）。法官等级工资如何计入、养老保险等个人缴费是否扣除，各地口径不一，由本院设定。"
        description={list.data?.isDefault ? '本院尚未设定，当前为机关默认项目。' : undefined}
      />
      <Form form={form} onFinish={submit} disabled={!canEdit}>
        <Form.List name="components">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex', marginBottom: 8 }} wrap>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写项目名称' }]} noStyle>
                    <Input style={{ width: 200 }} aria-label="项目名称" maxLength={30} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'deducted']} valuePropName="checked" noStyle>
                    <Switch checkedChildren="扣除" unCheckedChildren="计入" />
                  </Form.Item>
                  {canEdit && <Button type="text" icon={<DeleteOutlined />} aria-label="删除该项" onClick={() => remove(f.name)} />}
                </Space>
              ))}
              {canEdit && (
                <Space>
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', deducted: false })}>添加项目</Button>
                  <Button type="primary" htmlType="submit" loading={busy}>保存</Button>
                </Space>
              )}
            </>
          )}
        </Form.List>
      </Form>
      {!canEdit && <Typography.Text type="secondary">由机关党委（党办）设定。</Typography.Text>}
    </Space>
  );
}
