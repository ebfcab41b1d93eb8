// 活动室预约日历: one room's week (7 columns on a desktop, a list of days on a phone). A branch books
// its own room or a shared one; a clash is refused by the server with who holds the room, shown in
// the dialog. Cancelling asks first. @see domain/room-booking.ts
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, DatePicker, Empty, Form, Input, Modal, Popconfirm, Select, Space, Spin, Tag, TimePicker, Typography } from 'antd';
import { CalendarOutlined, LeftOutlined, LinkOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import type { ActivitySummary } from '@zhibu/contracts';
import { api, ApiError, describeError } from '../../api/client';
import { addDaysIso, mondayOf, shanghaiDay, shanghaiInstant, shanghaiTime, shortDay, useBookings, weekdayOf, type Booking, type Room } from '../../api/bases';
import { useOrgs } from '../../api/queries';
import { useMe } from '../../auth';
import { applyFieldErrors } from '../../lib/form-errors';
import { useIsPhone } from '../../components/PageCard';

type FormValues = { orgId: string; title: string; date: Dayjs; start: Dayjs; end: Dayjs; activityId?: string };

/** Orgs the caller books for: a secretary's own branch; the party office any branch of the room's court. */
function useBookableOrgs(room: Room | undefined) {
  const me = useMe();
  const isAdmin = !!room && me.grants.some((g) => g.role === 'courtAdmin' && g.courtId === room.courtId);
  const orgs = useOrgs(isAdmin);
  return useMemo(() => {
    if (!room) return [];
    const own = me.grants.filter((g) => g.role === 'branchSecretary' && g.courtId === room.courtId && g.orgId).map((g) => ({ value: g.orgId!, label: g.scopeName ?? '本支部' }));
    if (!isAdmin) return own;
    const branches = (orgs.data ?? []).filter((o) => o.courtId === room.courtId && (o.type === 'branch' || o.type === 'generalBranch')).map((o) => ({ value: o.id, label: o.shortName ?? o.name }));
    return branches.length ? branches : own;
  }, [room, me, isAdmin, orgs.data]);
}

function BookingDialog({ room, open, day, onClose }: { room: Room; open: boolean; day: string; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const orgOptions = useBookableOrgs(room);
  const orgId = Form.useWatch('orgId', form);
  const [clash, setClash] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const planned = useQuery({
    queryKey: ['activities', 'planned-for-booking', orgId],
    queryFn: () => api.get<{ items: ActivitySummary[] }>('/activities', { orgId, status: 'planned', from: shanghaiDay(new Date()), pageSize: 50 }),
    enabled: open && !!orgId,
  });
  useEffect(() => {
    if (!open) return;
    setClash(null);
    form.resetFields();
    form.setFieldsValue({ orgId: orgOptions.length === 1 ? orgOptions[0]!.value : undefined, date: dayjs(day), start: dayjs('14:00', 'HH:mm'), end: dayjs('16:00', 'HH:mm') });
  }, [open]);

  const pickActivity = (id: string | undefined) => {
    const a = planned.data?.items.find((x) => x.id === id);
    if (!a) return;
    const end = a.endsAt ?? new Date(new Date(a.startsAt).getTime() + 2 * 3600_000).toISOString();
    form.setFieldsValue({ title: a.title, date: dayjs(shanghaiDay(a.startsAt)), start: dayjs(shanghaiTime(a.startsAt), 'HH:mm'), end: dayjs(shanghaiTime(end), 'HH:mm') });
  };

  const submit = async (v: FormValues) => {
    setBusy(true);
    setClash(null);
    const date = v.date.format('YYYY-MM-DD');
    try {
      await api.post<Booking>('/bookings', {
        roomId: room.id,
        orgId: v.orgId,
        title: v.title,
        startsAt: shanghaiInstant(date, v.start.format('HH:mm')),
        endsAt: shanghaiInstant(date, v.end.format('HH:mm')),
        activityId: v.activityId ?? null,
      });
      message.success(`已预约${room.name}：${shortDay(date)} ${v.start.format('HH:mm')}–${v.end.format('HH:mm')}`);
      await client.invalidateQueries({ queryKey: ['bookings'] });
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setClash(err.message);
      else {
        applyFieldErrors(form as never, err, { startsAt: 'start', endsAt: 'end' });
        message.error(describeError(err));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={`预约 ${room.name}`} open={open} onCancel={onClose} onOk={() => form.submit()} okText="确认预约" cancelText="取消" confirmLoading={busy} destroyOnHidden>
      {clash && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={`该时段已被占用：${clash}`} data-testid="booking-clash" />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item name="orgId" label="预约支部" rules={[{ required: true, message: '请选择预约的支部' }]}>
          <Select options={orgOptions} placeholder="选择支部" showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="activityId" label="关联活动" extra="选择本支部已计划的活动，自动填入标题和时间">
          <Select
            allowClear
            loading={planned.isLoading}
            placeholder={orgId ? '不关联活动' : '请先选择支部'}
            options={(planned.data?.items ?? []).map((a) => ({ value: a.id, label: `${shortDay(shanghaiDay(a.startsAt))} ${shanghaiTime(a.startsAt)} ${a.title}` }))}
            onChange={pickActivity}
          />
        </Form.Item>
        <Form.Item name="title" label="事由" rules={[{ required: true, whitespace: true, message: '请填写事由，例如：支部委员会会议' }, { max: 100, message: '不超过100字' }]}>
          <Input placeholder="例如：支部委员会会议" maxLength={100} />
        </Form.Item>
        <Space wrap size={12} style={{ width: '100%' }}>
          <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker format="YYYY年M月D日" allowClear={false} style={{ width: 170 }} inputReadOnly />
          </Form.Item>
          <Form.Item name="start" label="开始" rules={[{ required: true, message: '请选择开始时间' }]}>
            <TimePicker format="HH:mm" minuteStep={15} allowClear={false} style={{ width: 110 }} needConfirm={false} />
          </Form.Item>
          <Form.Item
            name="end"
            label="结束"
            dependencies={['start']}
            rules={[
              { required: true, message: '请选择结束时间' },
              ({ getFieldValue }) => ({
                validator: (_r, value: Dayjs | undefined) =>
                  !value || !getFieldValue('start') || value.format('HH:mm') > (getFieldValue('start') as Dayjs).format('HH:mm') ? Promise.resolve() : Promise.reject(new Error('结束时间应晚于开始时间')),
              }),
            ]}
          >
            <TimePicker format="HH:mm" minuteStep={15} allowClear={false} style={{ width: 110 }} needConfirm={false} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function BookingItem({ b, room, onCancel, cancelling }: { b: Booking; room: Room; onCancel: (b: Booking) => void; cancelling: boolean }) {
  const ownRoom = b.orgId === room.orgId;
  return (
    <div data-testid="booking" style={{ border: '1px solid #f0f0f0', borderLeft: `4px solid ${ownRoom ? '#c8102e' : '#1677ff'}`, borderRadius: 6, padding: '6px 8px', background: '#fff' }}>
      <div style={{ fontWeight: 600 }}>
        {shanghaiTime(b.startsAt)}–{shanghaiTime(b.endsAt)}
      </div>
      <div style={{ wordBreak: 'break-all' }}>{b.title}</div>
      <Space size={4} wrap style={{ marginTop: 4 }}>
        <Tag color={ownRoom ? 'red' : 'blue'} style={{ marginInlineEnd: 0 }}>
          {b.orgName}
        </Tag>
        {b.activityId && (
          <Link to={`/activities/${b.activityId}`}>
            <LinkOutlined /> 活动
          </Link>
        )}
        {b.canCancel && (
          <Popconfirm title="取消这次预约？" description="取消后该时段可被其他支部预约，记录保留。" okText="取消预约" cancelText="不取消" onConfirm={() => onCancel(b)}>
            <Button size="small" type="link" danger loading={cancelling} style={{ padding: 0 }}>
              取消
            </Button>
          </Popconfirm>
        )}
      </Space>
    </div>
  );
}

export function BookingCalendar({ rooms, roomId, onRoomChange }: { rooms: Room[]; roomId: string | undefined; onRoomChange: (id: string) => void }) {
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const client = useQueryClient();
  const today = shanghaiDay(new Date());
  const [monday, setMonday] = useState(() => mondayOf(today));
  const [dialogDay, setDialogDay] = useState<string | null>(null);
  const room = rooms.find((r) => r.id === roomId);
  const days = Array.from({ length: 7 }, (_, i) => addDaysIso(monday, i));
  const bookings = useBookings({ roomId, from: shanghaiInstant(monday, '00:00'), to: shanghaiInstant(addDaysIso(monday, 7), '00:00') });
  const cancel = useMutation({
    mutationFn: (b: Booking) => api.post<Booking>(`/bookings/${b.id}/cancel`, { version: b.version }),
    onSuccess: () => {
      message.success('预约已取消');
      void client.invalidateQueries({ queryKey: ['bookings'] });
    },
    onError: (err) => message.error(describeError(err)),
  });

  const roomOptions = rooms.map((r) => ({
    value: r.id,
    label: (
      <span>
        {r.name}
        <Typography.Text type="secondary">（{r.orgName}{r.shared ? '，全院共享' : ''}）</Typography.Text>
      </span>
    ),
    title: r.name,
  }));

  return (
    <div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 12 }}>
        <Select aria-label="活动室" value={roomId} onChange={onRoomChange} options={roomOptions} style={{ minWidth: isPhone ? '100%' : 360 }} placeholder="选择活动室" data-testid="room-select" />
        <Space.Compact>
          <Button icon={<LeftOutlined />} onClick={() => setMonday(addDaysIso(monday, -7))} aria-label="上一周" />
          <Button onClick={() => setMonday(mondayOf(today))}>本周</Button>
          <Button icon={<RightOutlined />} onClick={() => setMonday(addDaysIso(monday, 7))} aria-label="下一周" />
        </Space.Compact>
        <Typography.Text strong data-testid="week-label">
          {shortDay(monday)} – {shortDay(addDaysIso(monday, 6))}
        </Typography.Text>
        <div style={{ flex: 1 }} />
        {room?.canBook && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialogDay(today < monday ? monday : today)} block={isPhone}>
            预约活动室
          </Button>
        )}
      </div>
      {room && !room.canBook && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`${room.name}是${room.orgName}的活动室，未设为全院共享，仅供查看。`} />}
      {!room ? (
        <Empty description="请选择活动室" />
      ) : bookings.isLoading ? (
        <Spin style={{ display: 'block', margin: '48px auto' }} />
      ) : bookings.error ? (
        <Alert type="error" showIcon title={`预约日历加载失败：${describeError(bookings.error)}`} />
      ) : (
        <div data-testid="booking-week" style={{ display: 'grid', gridTemplateColumns: isPhone ? '1fr' : 'repeat(7, minmax(0, 1fr))', gap: 8 }}>
          {days.map((d) => {
            const items = (bookings.data?.items ?? []).filter((b) => shanghaiDay(b.startsAt) === d);
            const isToday = d === today;
            return (
              <div key={d} data-testid={`day-${d}`} style={{ background: isToday ? '#fff1f0' : '#fafafa', borderRadius: 8, padding: 8, minHeight: isPhone ? undefined : 200 }}>
                <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 6 }}>
                  <span style={{ fontWeight: 600, color: isToday ? '#c8102e' : undefined }}>
                    {weekdayOf(d)} {shortDay(d)}
                    {isToday ? '（今天）' : ''}
                  </span>
                  {room.canBook && d >= today && (
                    <Button size="small" type="text" icon={<CalendarOutlined />} onClick={() => setDialogDay(d)} aria-label={`预约${shortDay(d)}`} />
                  )}
                </div>
                <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                  {items.length === 0 ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      空闲
                    </Typography.Text>
                  ) : (
                    items.map((b) => <BookingItem key={b.id} b={b} room={room} onCancel={(x) => cancel.mutate(x)} cancelling={cancel.isPending && cancel.variables?.id === b.id} />)
                  )}
                </Space>
              </div>
            );
          })}
        </div>
      )}
      {room && <BookingDialog room={room} open={!!dialogDay} day={dialogDay ?? today} onClose={() => setDialogDay(null)} />}
    </div>
  );
}
