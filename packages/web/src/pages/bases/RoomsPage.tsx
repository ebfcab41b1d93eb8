// 党员活动室 (一支部一阵地): the booking calendar of the branch's own and the court's shared rooms,
// the rooms themselves, their usage, this month's political-study points and the shared study
// materials. The tab is kept in the URL so a link or reload shows the same view.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Spin, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, describeError } from '../../api/client';
import { useRooms, type Room } from '../../api/bases';
import { useOrgs } from '../../api/queries';
import { useMe } from '../../auth';
import { PageCard, useIsPhone } from '../../components/PageCard';
import { useFormSubmit } from '../../lib/form-errors';
import { BookingCalendar } from './BookingCalendar';
import { ChecklistConfigDialog } from './ChecklistConfigDialog';
import { MaterialsCard } from './MaterialsCard';
import { RoomCards } from './RoomCards';
import { StudyPointsCard } from './StudyPointsCard';
import { UsageCard } from './UsageCard';

function AddRoomDialog({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<{ orgId: string; name: string; floor?: string; capacity?: number }>();
  const me = useMe();
  const client = useQueryClient();
  const { message } = App.useApp();
  const isAdmin = me.grants.some((g) => g.role === 'courtAdmin');
  const orgs = useOrgs(isAdmin);
  const own = me.grants.filter((g) => g.role === 'branchSecretary' && g.orgId).map((g) => ({ value: g.orgId!, label: g.scopeName ?? '本支部' }));
  const options = isAdmin ? (orgs.data ?? []).filter((o) => o.type === 'branch' || o.type === 'generalBranch').map((o) => ({ value: o.id, label: o.shortName ?? o.name })) : own;
  const { busy, submit } = useFormSubmit(form, async (v) => {
    await api.post<Room>('/rooms', { ...v, floor: v.floor || null, capacity: v.capacity ?? null });
    message.success(`已登记${v.name}`);
    await client.invalidateQueries({ queryKey: ['rooms'] });
    onClose();
  });
  return (
    <Modal title="登记党员活动室" open onCancel={onClose} onOk={() => form.submit()} okText="登记" cancelText="取消" confirmLoading={busy}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ orgId: options.length === 1 ? options[0]!.value : undefined }}>
        <Form.Item name="orgId" label="所属支部" rules={[{ required: true, message: '请选择所属支部' }]}>
          <Select options={options} showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写活动室名称' }]}>
          <Input maxLength={60} placeholder="例如：第八党支部党员活动室" />
        </Form.Item>
        <Form.Item name="floor" label="楼层">
          <Input maxLength={30} placeholder="例如：四楼" />
        </Form.Item>
        <Form.Item name="capacity" label="容纳人数">
          <InputNumber min={1} max={2000} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The room a branch sees first: its own, else the first it may book, else the first. */
function defaultRoom(rooms: Room[], me: ReturnType<typeof useMe>): string | undefined {
  const ownOrgIds = new Set(me.grants.map((g) => g.orgId).filter(Boolean));
  return (rooms.find((r) => ownOrgIds.has(r.orgId)) ?? rooms.find((r) => r.canBook) ?? rooms[0])?.id;
}

export default function RoomsPage() {
  const me = useMe();
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const rooms = useRooms();
  const [adding, setAdding] = useState(false);
  const [configuring, setConfiguring] = useState(false);
  const tab = params.get('tab') ?? 'calendar';
  const items = useMemo(() => rooms.data?.items ?? [], [rooms.data]);
  // Own and shared (bookable) rooms first in the calendar's room list.
  const ordered = useMemo(() => [...items.filter((r) => r.canBook), ...items.filter((r) => !r.canBook)], [items]);
  const roomId = params.get('room') ?? defaultRoom(items, me);
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    next.set(k, v);
    setParams(next, { replace: true });
  };
  const canManage = me.permissions.includes('rooms:manage');
  const isCourtAdmin = me.grants.some((g) => g.role === 'courtAdmin');

  return (
    <PageCard
      title="党员活动室"
      actions={
        canManage && tab === 'rooms' ? (
          <Space wrap>
            {isCourtAdmin && <Button onClick={() => setConfiguring(true)}>标准化建设清单</Button>}
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              登记活动室
            </Button>
          </Space>
        ) : undefined
      }
    >
      {rooms.isLoading ? (
        <Spin style={{ display: 'block', margin: '48px auto' }} />
      ) : rooms.error ? (
        <Alert type="error" showIcon title={`活动室加载失败：${describeError(rooms.error)}`} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(k) => set('tab', k)}
          size={isPhone ? 'small' : 'middle'}
          items={[
            { key: 'calendar', label: '预约日历', children: <BookingCalendar rooms={ordered} roomId={roomId} onRoomChange={(id) => set('room', id)} /> },
            { key: 'rooms', label: `活动室（${items.length}）`, children: <RoomCards rooms={items} /> },
            { key: 'study', label: '月度学习要点', children: <StudyPointsCard /> },
            { key: 'materials', label: '共享学习资料', children: <MaterialsCard /> },
            { key: 'usage', label: '使用统计', children: <UsageCard /> },
          ]}
        />
      )}
      {adding && <AddRoomDialog onClose={() => setAdding(false)} />}
      {configuring && <ChecklistConfigDialog onClose={() => setConfiguring(false)} />}
    </PageCard>
  );
}
