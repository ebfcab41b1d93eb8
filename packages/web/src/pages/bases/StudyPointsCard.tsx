// 月度政治学习要点: the party office writes the month's points (one per line); every branch reads
// them here and on its room's screen.
import { useState } from 'react';
import { App, Button, DatePicker, Empty, Form, Input, Space, Spin, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api, describeError } from '../../api/client';
import { currentMonth, useStudyPoints, type StudyPoints } from '../../api/bases';
import { showDateTime } from '../../lib/dates';
import { useFormSubmit } from '../../lib/form-errors';

export function StudyPointsCard() {
  const [month, setMonth] = useState(currentMonth());
  const points = useStudyPoints(month);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<{ text: string }>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const { busy, submit } = useFormSubmit(form, async ({ text }) => {
    const items = text.split('\n').map((s) => s.trim()).filter(Boolean);
    await api.put<StudyPoints>(`/study-points?month=${month}`, { items, version: points.data?.version ?? 0 });
    message.success(`${Number(month.slice(5))}月政治学习要点已发布，各支部活动室大屏同步显示`);
    await client.invalidateQueries({ queryKey: ['study-points'] });
    setEditing(false);
  });
  const p = points.data;
  return (
    <div data-testid="study-points">
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker picker="month" value={dayjs(`${month}-01`)} onChange={(v) => v && setMonth(v.format('YYYY-MM'))} allowClear={false} format="YYYY年M月" inputReadOnly />
        {p?.canEdit && !editing && (
          <Button
            type="primary"
            icon={<EditOutlined />}
            onClick={() => {
              form.setFieldsValue({ text: p.items.join('\n') });
              setEditing(true);
            }}
          >
            {p.items.length ? '修改要点' : '发布要点'}
          </Button>
        )}
      </Space>
      {points.isLoading ? (
        <Spin />
      ) : points.error ? (
        <Typography.Text type="danger">{describeError(points.error)}</Typography.Text>
      ) : editing ? (
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="text"
            label={`${p?.courtName ?? ''} ${Number(month.slice(5))}月政治学习要点（每行一条）`}
            rules={[{ validator: (_r, v: string | undefined) => (v && v.split('\n').some((s) => s.trim()) ? Promise.resolve() : Promise.reject(new Error('至少填写一条要点'))) }]}
          >
            <Input.TextArea rows={6} placeholder={'学习贯彻党的二十届四中全会精神\n学习《习近平法治思想学习纲要》'} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              发布
            </Button>
            <Button onClick={() => setEditing(false)}>取消</Button>
          </Space>
        </Form>
      ) : p && p.items.length ? (
        <>
          <ol style={{ paddingLeft: 20, fontSize: 15, lineHeight: 1.9 }}>
            {p.items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ol>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.courtName} · 更新于 {showDateTime(p.updatedAt)}
          </Typography.Text>
        </>
      ) : (
        <Empty description={`${Number(month.slice(5))}月政治学习要点尚未发布${p?.canEdit ? '' : '，请等待机关党委发布'}`} />
      )}
    </div>
  );
}
