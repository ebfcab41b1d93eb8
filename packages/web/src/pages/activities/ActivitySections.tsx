// Sections of the activity detail page: the quorum box (支部党员大会 / 支委会), attendance with
// manual marking, attachments with upload, and the 案例讲评 list of a 案例讲评会.
import { useState } from 'react';
import { Alert, App, Button, Checkbox, Col, Descriptions, Empty, Form, Input, List, Modal, Radio, Row, Select, Space, Tag, Typography, Upload } from 'antd';
import { EditOutlined, FileOutlined, PaperClipOutlined, PlusOutlined, StarFilled, UploadOutlined } from '@ant-design/icons';
import {
  attendanceChoiceLabels,
  attendanceColors,
  guestRoleLabels,
  useOrgMembers,
  type ActivityDetail,
  type Attachment,
  type AttendanceChoice,
  type AttendanceEntry,
  type CaseReview,
  type Quorum,
} from '../../api/activities';
import { api, describeError } from '../../api/client';
import { useDepartments } from '../../api/queries';
import { showDateTime } from '../../lib/dates';
import { applyFieldErrors, useFormSubmit } from '../../lib/form-errors';

const signInMethodLabels: Record<string, string> = { qr: '扫码签到', code: '签到码签到', manual: '书记登记' };

export function QuorumBox({ q, typeLabel, provisional }: { q: Quorum; typeLabel: string; provisional?: boolean }) {
  return (
    <Alert
      type={q.met ? 'success' : provisional ? 'info' : 'warning'}
      showIcon
      data-testid="quorum-box"
      style={{ marginBottom: 16 }}
      title={provisional ? `法定人数（按目前签到情况）：${q.met ? '已达到' : '尚未达到'}` : `法定人数：${q.met ? '已达到' : '未达到'}`}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>{q.message}</Typography.Paragraph>
          <Descriptions size="small" column={{ xs: 2, md: 4 }}>
            <Descriptions.Item label={q.kind === 'committee' ? '应到委员' : '应到有表决权'}>{q.eligible} 人</Descriptions.Item>
            <Descriptions.Item label="实到">{q.attending} 人</Descriptions.Item>
            <Descriptions.Item label="至少需到">{q.required} 人</Descriptions.Item>
            <Descriptions.Item label="结论">{q.met ? <Tag color="success">达到</Tag> : <Tag color="error">未达到</Tag>}</Descriptions.Item>
            {q.presentWithoutVote > 0 && <Descriptions.Item label="到会无表决权">{q.presentWithoutVote} 人</Descriptions.Item>}
            {q.excluded > 0 && <Descriptions.Item label="不计入应到">{q.excluded} 人</Descriptions.Item>}
          </Descriptions>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {typeLabel}开会门槛依据：{q.rule}
          </Typography.Text>
        </>
      }
    />
  );
}

const roleLabel = (role: string) => (role === 'expected' ? null : (guestRoleLabels[role as keyof typeof guestRoleLabels] ?? role));

export function AttendanceList({ activity, onChanged }: { activity: ActivityDetail; onChanged: (a: ActivityDetail) => void }) {
  const [marking, setMarking] = useState<AttendanceEntry | null>(null);
  const c = activity.counts;
  // 联建活动: the server says per attendee who may mark them (each side its own members).
  const canMark = (r: AttendanceEntry) => r.canMark ?? (activity.canManage && activity.status !== 'cancelled');
  return (
    <>
      <Space wrap size={[8, 8]} style={{ marginBottom: 12 }} data-testid="attendance-counts">
        <Tag>应到 {c.expected}</Tag>
        <Tag color="green">出席 {c.present}</Tag>
        <Tag color="orange">请假 {c.onLeave}</Tag>
        <Tag color="red">缺席 {c.absent}</Tag>
        {c.exempt > 0 && <Tag>免于参加 {c.exempt}</Tag>}
        {c.pending > 0 && <Tag color="blue">待签到 {c.pending}</Tag>}
        {c.guests > 0 && <Tag color="purple">列席/来宾 {c.guests}</Tag>}
      </Space>
      <List<AttendanceEntry>
        size="small"
        dataSource={activity.attendance}
        locale={{ emptyText: '没有应到人员' }}
        grid={{ gutter: 8, column: 4, xs: 1, sm: 2, md: 2, lg: 3, xl: 4, xxl: 5 }}
        renderItem={(r) => (
          <List.Item data-testid="attendance-item" style={{ marginBottom: 8 }}>
            <div style={{ width: '100%', display: 'flex', alignItems: 'flex-start', gap: 8, padding: '6px 10px', border: '1px solid rgba(5,5,5,0.06)', borderRadius: 6, minHeight: 44 }}>
              <div style={{ flex: 1, minWidth: 0 }}>
                <Space size={6} wrap>
                  <Typography.Text strong>{r.name}</Typography.Text>
                  <Tag color={attendanceColors[r.status] ?? 'default'}>{r.statusLabel}</Tag>
                  {roleLabel(r.role) && <Tag>{roleLabel(r.role)}</Tag>}
                  {r.side && <Tag color={r.side === 'host' ? 'red' : 'geekblue'}>{r.side === 'host' ? '主办方' : '联建方'}</Tag>}
                  {r.guestUnit && <Typography.Text type="secondary">{r.guestUnit}</Typography.Text>}
                </Space>
                {(r.reason || r.signedInAt) && (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.reason ? `原因：${r.reason}` : ''}
                      {r.reason && r.signedInAt ? '；' : ''}
                      {r.signedInAt ? `${showDateTime(r.signedInAt)} ${signInMethodLabels[r.signInMethod ?? ''] ?? ''}` : ''}
                    </Typography.Text>
                  </div>
                )}
              </div>
              {canMark(r) && r.role === 'expected' && (
                <Button size="small" type="link" style={{ paddingInline: 0 }} onClick={() => setMarking(r)} aria-label={`登记${r.name}的出席情况`}>
                  登记
                </Button>
              )}
            </div>
          </List.Item>
        )}
      />
      {marking && <MarkModal activity={activity} entry={marking} onClose={() => setMarking(null)} onDone={onChanged} />}
    </>
  );
}

function MarkModal({ activity, entry, onClose, onDone }: { activity: ActivityDetail; entry: AttendanceEntry; onClose: () => void; onDone: (a: ActivityDetail) => void }) {
  const [form] = Form.useForm<{ status: AttendanceChoice; reason?: string }>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const status = Form.useWatch('status', form);
  const needsReason = status === 'onLeave' || status === 'exempt';
  const submit = async (v: { status: AttendanceChoice; reason?: string }) => {
    setBusy(true);
    try {
      const saved = await api.post<ActivityDetail>(`/activities/${activity.id}/attendance`, { memberId: entry.memberId, status: v.status, reason: v.reason?.trim() || null });
      message.success(`已登记：${entry.name} ${attendanceChoiceLabels[v.status]}`);
      onDone(saved);
      onClose();
    } catch (err) {
      applyFieldErrors(form, err);
      message.error(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  const initial = entry.status in attendanceChoiceLabels ? (entry.status as AttendanceChoice) : 'present';
  return (
    <Modal open title={`手工登记出席：${entry.name}`} okText="登记" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ status: initial, reason: entry.reason ?? undefined }} onFinish={(v) => void submit(v)}>
        <Form.Item name="status" label="出席情况">
          <Radio.Group optionType="button" buttonStyle="solid" options={(Object.keys(attendanceChoiceLabels) as AttendanceChoice[]).map((s) => ({ value: s, label: attendanceChoiceLabels[s] }))} />
        </Form.Item>
        <Form.Item name="reason" label="原因" rules={[{ required: needsReason, whitespace: true, message: status === 'exempt' ? '免于参加须填写原因' : '请假须填写原因' }, { max: 200, message: '最多200个字' }]}>
          <Input maxLength={200} placeholder={needsReason ? '必填' : '可不填'} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const allowedExtensions = ['jpg', 'jpeg', 'png', 'pdf', 'docx', 'xlsx'];
const sizeText = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

export function Attachments({ activity, onUploaded }: { activity: ActivityDetail; onUploaded: () => void }) {
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const canUpload = activity.canManage && activity.status !== 'cancelled';
  return (
    <>
      {canUpload && (
        <div style={{ marginBottom: 12 }}>
          <Upload
            accept=".jpg,.jpeg,.png,.pdf,.docx,.xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              const ext = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
              if (!allowedExtensions.includes(ext)) {
                setError('仅支持图片（JPG/PNG）、PDF、Word、Excel 文件');
                return Upload.LIST_IGNORE;
              }
              if (file.size > 20 * 1024 * 1024) {
                setError('文件过大：单个附件不能超过20MB');
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            customRequest={({ file, onSuccess, onError }) => {
              const form = new FormData();
              form.append('file', file as Blob, (file as File).name);
              setUploading(true);
              setError(null);
              api
                .upload<Attachment>(`/activities/${activity.id}/attachments`, form)
                .then((saved) => {
                  onSuccess?.(saved);
                  message.success(`已上传：${saved.fileName}`);
                  onUploaded();
                })
                .catch((err: unknown) => {
                  onError?.(err as Error);
                  setError(describeError(err));
                })
                .finally(() => setUploading(false));
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading}>
              上传附件
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
            会议照片、签到表扫描件等：JPG/PNG、PDF、Word、Excel，单个不超过20MB
          </Typography.Text>
          {error && <Alert type="error" showIcon style={{ marginTop: 8 }} title={error} data-testid="upload-error" />}
        </div>
      )}
      <List<Attachment>
        size="small"
        dataSource={activity.attachments}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无附件" /> }}
        renderItem={(f) => (
          <List.Item data-testid="attachment-item">
            <Space size={6} style={{ minWidth: 0 }} wrap>
              {f.mimeType.startsWith('image/') ? <PaperClipOutlined /> : <FileOutlined />}
              <a href={f.url} download={f.fileName} style={{ wordBreak: 'break-all' }}>
                {f.fileName}
              </a>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {sizeText(f.size)} · {showDateTime(f.createdAt)}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </>
  );
}

type CaseValues = { caseNumber?: string; title?: string; departmentId?: string | null; presenterMemberId?: string | null; comments?: string; recommendedTypical?: boolean };

export function CaseReviews({ activity, onChanged }: { activity: ActivityDetail; onChanged: (a: ActivityDetail) => void }) {
  const [editing, setEditing] = useState<CaseReview | 'new' | null>(null);
  const canEdit = activity.canManage && activity.status !== 'cancelled';
  return (
    <>
      {canEdit && (
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ marginBottom: 12 }}>
          登记讲评案例
        </Button>
      )}
      <List<CaseReview>
        dataSource={activity.caseReviews}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未登记讲评案例" /> }}
        renderItem={(c) => (
          <List.Item
            data-testid="case-review"
            actions={
              canEdit
                ? [
                    <Button key="edit" type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(c)}>
                      修改
                    </Button>,
                  ]
                : undefined
            }
          >
            <List.Item.Meta
              title={
                <Space size={6} wrap>
                  <Typography.Text code>{c.caseNumber}</Typography.Text>
                  <span>{c.title}</span>
                  {c.recommendedTypical && (
                    <Tag color="gold" icon={<StarFilled />}>
                      推荐典型案例
                    </Tag>
                  )}
                </Space>
              }
              description={
                <>
                  {c.presenterName && <div>讲评人：{c.presenterName}</div>}
                  {c.comments && <div style={{ whiteSpace: 'pre-wrap' }}>{c.comments}</div>}
                </>
              }
            />
          </List.Item>
        )}
      />
      {editing && <CaseModal activity={activity} review={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onDone={onChanged} />}
    </>
  );
}

function CaseModal({ activity, review, onClose, onDone }: { activity: ActivityDetail; review: CaseReview | null; onClose: () => void; onDone: (a: ActivityDetail) => void }) {
  const [form] = Form.useForm<CaseValues>();
  const { message } = App.useApp();
  const departments = useDepartments();
  const members = useOrgMembers(activity.orgId);
  const { busy, submit } = useFormSubmit(form, async (v: CaseValues) => {
    const body = {
      caseNumber: v.caseNumber?.trim(),
      title: v.title?.trim(),
      departmentId: v.departmentId ?? null,
      presenterMemberId: v.presenterMemberId ?? null,
      comments: v.comments?.trim() || null,
      recommendedTypical: !!v.recommendedTypical,
    };
    const saved = review
      ? await api.patch<ActivityDetail>(`/activities/${activity.id}/case-reviews/${review.id}`, { ...body, version: review.version })
      : await api.post<ActivityDetail>(`/activities/${activity.id}/case-reviews`, body);
    message.success(review ? '已保存讲评案例' : '已登记讲评案例');
    onDone(saved);
    onClose();
  });
  return (
    <Modal open title={review ? '修改讲评案例' : '登记讲评案例'} okText="保存" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={640}>
      <Form
        form={form}
        layout="vertical"
        initialValues={
          review
            ? { caseNumber: review.caseNumber, title: review.title, departmentId: review.departmentId, presenterMemberId: review.presenterMemberId, comments: review.comments ?? undefined, recommendedTypical: review.recommendedTypical }
            : { recommendedTypical: false }
        }
        onFinish={(v) => void submit(v)}
      >
        <Row gutter={12}>
          <Col xs={24} md={10}>
            <Form.Item name="caseNumber" label="案号" rules={[{ required: true, whitespace: true, message: '请填写案号' }, { max: 64, message: '最多64个字' }]}>
              <Input maxLength={64} placeholder="如：（2026）黔04民终123号" />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name="title" label="案例名称" rules={[{ required: true, whitespace: true, message: '请填写案例名称' }, { max: 200, message: '最多200个字' }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="departmentId" label="承办部门">
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(departments.data ?? []).filter((d) => d.courtId === activity.courtId).map((d) => ({ value: d.id, label: d.name }))} placeholder="可不选" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="presenterMemberId" label="讲评人">
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={members.isLoading}
                options={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
                placeholder="可不选"
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="comments" label="讲评意见" rules={[{ max: 5000, message: '最多5000个字' }]}>
              <Input.TextArea rows={4} maxLength={5000} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="recommendedTypical" valuePropName="checked">
              <Checkbox>推荐为典型案例</Checkbox>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
