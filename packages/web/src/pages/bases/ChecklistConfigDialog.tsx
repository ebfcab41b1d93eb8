// The court's 标准化规范化建设 checklist items for activity rooms: no national indicator set exists, so
// the party office keeps its own list [U] (RULES.md 标准化规范化建设). One item per line.
import { useEffect } from 'react';
import { App, Form, Input, Modal, Spin, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useFormSubmit } from '../../lib/form-errors';

type Config = { courtId: string; items: string[]; isDefault: boolean; version: number };

export function ChecklistConfigDialog({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<{ text: string }>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const config = useQuery({ queryKey: ['room-checklist'], queryFn: () => api.get<Config>('/room-checklist') });
  useEffect(() => {
    if (config.data) form.setFieldsValue({ text: config.data.items.join('\n') });
  }, [config.data, form]);
  const { busy, submit } = useFormSubmit(form, async ({ text }) => {
    const items = text.split('\n').map((s) => s.trim()).filter(Boolean);
    await api.put<Config>('/room-checklist', { courtId: config.data!.courtId, items, version: config.data!.version });
    message.success(`已保存${items.length}项标准化建设清单，各活动室按新清单显示`);
    await client.invalidateQueries({ queryKey: ['room-checklist'] });
    await client.invalidateQueries({ queryKey: ['rooms'] });
    onClose();
  });
  return (
    <Modal title="活动室标准化建设清单（本院）" open onCancel={onClose} onOk={() => form.submit()} okText="保存" cancelText="取消" confirmLoading={busy} okButtonProps={{ disabled: !config.data }}>
      {config.isLoading ? (
        <Spin />
      ) : (
        <Form form={form} layout="vertical" onFinish={submit}>
          <Typography.Paragraph type="secondary">
            {config.data?.isDefault ? '当前使用系统默认清单。' : ''}每行一项；删除某项后，各活动室不再显示该项，已勾选的记录保留。
          </Typography.Paragraph>
          <Form.Item name="text" label="清单项目" rules={[{ validator: (_r, v: string | undefined) => (v && v.split('\n').some((s) => s.trim()) ? Promise.resolve() : Promise.reject(new Error('至少保留一项'))) }]}>
            <Input.TextArea rows={9} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
