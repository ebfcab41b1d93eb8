// The court's activity rooms as cards: floor, branch, area, capacity, devices, photos and the
// 标准化规范化建设 checklist (items configured per court [U]). The owning branch's secretary (and the
// party office) edits a room, uploads photos, and hands out or takes back the room display's link;
// only the party office marks a room 全院共享.
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Empty, Form, Image, Input, InputNumber, Modal, Popconfirm, Progress, Row, Select, Space, Switch, Tag, Typography, Upload } from 'antd';
import { CameraOutlined, DesktopOutlined, EditOutlined, LinkOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, apiUrl, describeError, request } from '../../api/client';
import type { Room } from '../../api/bases';
import { useMe } from '../../auth';
import { useFormSubmit } from '../../lib/form-errors';
import { showDateTime } from '../../lib/dates';

const deviceSuggestions = ['触控大屏', '视频会议终端', '电子书架', '党建学习一体机', '扩音系统', '投影仪'].map((d) => ({ value: d, label: d }));

type EditValues = { name: string; floor?: string; areaSqm?: number; capacity?: number; devices: string[]; notes?: string; shared: boolean; checklist: string[] };

function EditRoomDialog({ room, onClose }: { room: Room; onClose: () => void }) {
  const [form] = Form.useForm<EditValues>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const me = useMe();
  const isAdmin = me.grants.some((g) => g.role === 'courtAdmin' && g.courtId === room.courtId);
  const { busy, submit } = useFormSubmit(form, async (v) => {
    await api.patch<Room>(`/rooms/${room.id}`, {
      name: v.name,
      floor: v.floor || null,
      areaSqm: v.areaSqm ?? null,
      capacity: v.capacity ?? null,
      devices: v.devices,
      notes: v.notes || null,
      ...(isAdmin ? { shared: v.shared } : {}),
      checklist: Object.fromEntries(room.checklist.map((c) => [c.item, v.checklist.includes(c.item)])),
      version: room.version,
    });
    message.success('活动室信息已保存');
    await client.invalidateQueries({ queryKey: ['rooms'] });
    onClose();
  });
  return (
    <Modal title={`编辑 ${room.name}`} open onCancel={onClose} onOk={() => form.submit()} okText="保存" cancelText="取消" confirmLoading={busy} width={640}>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ name: room.name, floor: room.floor ?? undefined, areaSqm: room.areaSqm ?? undefined, capacity: room.capacity ?? undefined, devices: room.devices, notes: room.notes ?? undefined, shared: room.shared, checklist: room.checklist.filter((c) => c.done).map((c) => c.item) }}
      >
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写活动室名称' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Space wrap size={12}>
          <Form.Item name="floor" label="楼层">
            <Input maxLength={30} placeholder="例如：四楼" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="areaSqm" label="面积（平方米）">
            <InputNumber min={1} max={10000} precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="capacity" label="容纳人数">
            <InputNumber min={1} max={2000} precision={0} style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Form.Item name="devices" label="设备" extra="可选择或直接输入后回车">
          <Select mode="tags" options={deviceSuggestions} placeholder="大屏、视频会议终端、电子书架…" />
        </Form.Item>
        <Form.Item name="checklist" label={`标准化规范化建设清单（本院共${room.checklistTotal}项）`}>
          <Checkbox.Group options={room.checklist.map((c) => ({ value: c.item, label: c.item }))} style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: 6 }} />
        </Form.Item>
        <Form.Item name="shared" label="全院共享" valuePropName="checked" extra={isAdmin ? '共享后本院各支部都可以预约该活动室' : '是否全院共享由机关党委（党办）设置'}>
          <Switch disabled={!isAdmin} checkedChildren="共享" unCheckedChildren="不共享" />
        </Form.Item>
        <Form.Item name="notes" label="备注">
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DisplayLinkDialog({ room, onClose }: { room: Room; onClose: () => void }) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [url, setUrl] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => api.post<{ screenPath: string }>(`/rooms/${room.id}/display-token`),
    onSuccess: (r) => {
      setUrl(window.location.origin + r.screenPath);
      void client.invalidateQueries({ queryKey: ['rooms'] });
    },
    onError: (err) => message.error(describeError(err)),
  });
  const revoke = useMutation({
    mutationFn: () => request<Room>('DELETE', `/rooms/${room.id}/display-token`),
    onSuccess: () => {
      setUrl(null);
      message.success('大屏链接已收回，原链接立即失效');
      void client.invalidateQueries({ queryKey: ['rooms'] });
    },
    onError: (err) => message.error(describeError(err)),
  });
  return (
    <Modal title={`${room.name} · 大屏链接`} open onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>} width={640}>
      <Typography.Paragraph type="secondary">
        大屏链接供活动室的显示屏长期打开，无需登录；它只能查看本活动室的大屏内容（支部品牌、支委和党员姓名、近期活动、学习要点、活动照片、签到二维码）。生成新链接会使旧链接失效，生成和收回都记入审计日志。
      </Typography.Paragraph>
      {room.hasDisplayToken && !url && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`已于 ${showDateTime(room.displayTokenCreatedAt)} 生成大屏链接。链接只在生成时显示一次，遗失可重新生成。`} />}
      {url && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title="请在活动室显示屏的浏览器中打开以下链接（只显示这一次）："
          description={
            <Typography.Paragraph copyable={{ text: url, tooltips: ['复制', '已复制'] }} style={{ wordBreak: 'break-all', marginBottom: 0 }} data-testid="display-url">
              {url}
            </Typography.Paragraph>
          }
        />
      )}
      <Space wrap>
        {room.hasDisplayToken ? (
          <Popconfirm title="重新生成大屏链接？" description="旧链接将立即失效，显示屏需要打开新链接。" okText="重新生成" cancelText="取消" onConfirm={() => create.mutate()}>
            <Button icon={<LinkOutlined />} loading={create.isPending}>
              重新生成
            </Button>
          </Popconfirm>
        ) : (
          <Button type="primary" icon={<LinkOutlined />} loading={create.isPending} onClick={() => create.mutate()}>
            生成大屏链接
          </Button>
        )}
        {(room.hasDisplayToken || url) && (
          <Popconfirm title="收回大屏链接？" description="收回后显示屏将无法继续显示。" okText="收回" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => revoke.mutate()}>
            <Button danger icon={<StopOutlined />} loading={revoke.isPending}>
              收回链接
            </Button>
          </Popconfirm>
        )}
      </Space>
    </Modal>
  );
}

function RoomCard({ room }: { room: Room }) {
  const [editing, setEditing] = useState(false);
  const [linking, setLinking] = useState(false);
  const client = useQueryClient();
  const { message } = App.useApp();
  const percent = room.checklistTotal ? Math.round((room.checklistDone / room.checklistTotal) * 100) : 0;
  return (
    <Card
      data-testid="room-card"
      title={
        <Space wrap size={4}>
          <span>{room.name}</span>
          {room.shared && <Tag color="gold">全院共享</Tag>}
        </Space>
      }
      styles={{ title: { whiteSpace: 'normal' } }}
      actions={[
        <Link key="screen" to={`/rooms/${room.id}/screen`}>
          <DesktopOutlined /> 大屏
        </Link>,
        ...(room.canManage
          ? [
              <a key="edit" onClick={() => setEditing(true)}>
                <EditOutlined /> 编辑
              </a>,
              <a key="link" onClick={() => setLinking(true)}>
                <LinkOutlined /> 大屏链接
              </a>,
            ]
          : []),
      ]}
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {room.orgName}
          {room.floor ? ` · ${room.floor}` : ''}
          {room.areaSqm ? ` · ${room.areaSqm}平方米` : ''}
          {room.capacity ? ` · 可容纳${room.capacity}人` : ''}
        </Typography.Text>
        <div>
          {room.devices.length ? room.devices.map((d) => <Tag key={d}>{d}</Tag>) : <Typography.Text type="secondary">未登记设备</Typography.Text>}
        </div>
        <div>
          <Typography.Text>
            标准化建设 {room.checklistDone}/{room.checklistTotal}
          </Typography.Text>
          <Progress percent={percent} size="small" strokeColor={percent === 100 ? '#52c41a' : '#c8102e'} />
          {room.checklist.some((c) => !c.done) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              待完善：{room.checklist.filter((c) => !c.done).map((c) => c.item).join('、')}
            </Typography.Text>
          )}
        </div>
        {room.photos.length > 0 && (
          <Image.PreviewGroup>
            <Space wrap size={6}>
              {room.photos.slice(0, 4).map((p) => (
                <Image key={p.id} src={apiUrl(`/rooms/${room.id}/photos/${p.id}`)} width={72} height={54} style={{ objectFit: 'cover', borderRadius: 4 }} alt={p.fileName} />
              ))}
            </Space>
          </Image.PreviewGroup>
        )}
        {room.canManage && (
          <Upload
            accept=".jpg,.jpeg,.png"
            showUploadList={false}
            customRequest={async ({ file, onSuccess, onError }) => {
              const form = new FormData();
              form.append('file', file as Blob);
              try {
                await api.upload(`/rooms/${room.id}/photos`, form);
                message.success('照片已上传');
                void client.invalidateQueries({ queryKey: ['rooms'] });
                onSuccess?.({});
              } catch (err) {
                message.error(describeError(err));
                onError?.(err as Error);
              }
            }}
          >
            <Button size="small" icon={<CameraOutlined />}>
              上传照片
            </Button>
          </Upload>
        )}
        {room.notes && <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 12 }}>{room.notes}</Typography.Paragraph>}
      </Space>
      {editing && <EditRoomDialog room={room} onClose={() => setEditing(false)} />}
      {linking && <DisplayLinkDialog room={room} onClose={() => setLinking(false)} />}
    </Card>
  );
}

export function RoomCards({ rooms }: { rooms: Room[] }) {
  if (!rooms.length) return <Empty description="本院尚未登记党员活动室" />;
  return (
    <Row gutter={[16, 16]}>
      {rooms.map((r) => (
        <Col key={r.id} xs={24} md={12} xl={8}>
          <RoomCard room={r} />
        </Col>
      ))}
    </Row>
  );
}
