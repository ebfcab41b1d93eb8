// A member's profile: facts, masked 身份证号/phone with an audited reveal, status history, edit.
import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, Modal, Result, Row, Select, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { EditOutlined, EyeOutlined, SwapOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { MemberProfile } from '@zhibu/contracts';
import { educationLabels, genderLabels, memberStatusLabels, memberStatuses, positionLabels, type MemberStatus } from '@zhibu/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, api, describeError } from '../../api/client';
import { useMe } from '../../auth';
import { chineseDateFormat, showDate, toIsoDate } from '../../lib/dates';
import { applyFieldErrors, useFormSubmit } from '../../lib/form-errors';
import { LoadError } from '../errors/ErrorPages';
import { StatusTag } from './MembersPage';
import { PageCard } from '../../components/PageCard';
import { QuorumExclusionsCard } from './QuorumExclusionsCard';

type RevealField = 'idNumber' | 'phone';
const revealLabels: Record<RevealField, string> = { idNumber: '身份证号', phone: '手机号码' };

export default function MemberProfilePage() {
  const { id } = useParams();
  return <MemberProfileView id={id ?? ''} />;
}

export function MemberProfileView({ id, own = false }: { id: string; own?: boolean }) {
  const me = useMe();
  const profile = useQuery({ queryKey: ['member', id], queryFn: () => api.get<MemberProfile>(`/members/${id}`), enabled: !!id });
  const [revealing, setRevealing] = useState<RevealField | null>(null);
  const [revealed, setRevealed] = useState<Partial<Record<RevealField, string | null>>>({});
  const [changingStatus, setChangingStatus] = useState(false);

  if (profile.isLoading) return <Card><Skeleton active paragraph={{ rows: 12 }} /></Card>;
  if (profile.error || !profile.data) {
    if (profile.error instanceof ApiError && (profile.error.code === 'NOT_FOUND' || profile.error.code === 'FORBIDDEN')) {
      return (
        <Result
          status="403"
          title="无法查看该党员档案"
          subTitle={`${profile.error.message}。党员只能查看本人的档案；如需查看他人信息，请联系所在党支部。`}
          extra={
            <Link to={me.memberId ? '/me' : '/'}>
              <Button type="primary">{me.memberId ? '查看我的档案' : '返回首页'}</Button>
            </Link>
          }
        />
      );
    }
    return <LoadError error={profile.error} onRetry={() => void profile.refetch()} />;
  }
  const m = profile.data;
  const isSelf = own || m.id === me.memberId;

  const sensitive = (field: RevealField, masked: string | null) => {
    const value = revealed[field];
    if (value !== undefined) {
      return (
        <Space wrap size={4}>
          <span style={{ fontFamily: 'monospace' }} data-testid={`revealed-${field}`}>
            {value ?? '—'}
          </span>
          <Tag color="orange">完整号码，已记入审计日志</Tag>
          <Button size="small" type="link" onClick={() => setRevealed((r) => ({ ...r, [field]: undefined }))}>
            隐藏
          </Button>
        </Space>
      );
    }
    return (
      <Space wrap size={4}>
        <span style={{ fontFamily: 'monospace' }} data-testid={`masked-${field}`}>
          {masked ?? '—'}
        </span>
        {m.canReveal && masked && (
          <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => setRevealing(field)}>
            查看完整号码
          </Button>
        )}
      </Space>
    );
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageCard
        title={
          <Space wrap size={[8, 4]}>
            <span style={{ fontSize: 18, wordBreak: 'break-all' }} data-testid="member-name">{m.name}</span>
            <StatusTag status={m.status} />
            {m.isRetired && <Tag>离退休</Tag>}
            {isSelf && <Tag color="blue">本人</Tag>}
          </Space>
        }
        actions={
          m.canEdit ? (
            <Space wrap>
              <Button icon={<SwapOutlined />} onClick={() => setChangingStatus(true)}>
                变更状态
              </Button>
              <Link to={`/members/${m.id}/edit`}>
                <Button type="primary" icon={<EditOutlined />}>
                  编辑
                </Button>
              </Link>
            </Space>
          ) : null
        }
      >
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
          styles={{ label: { width: 100, whiteSpace: 'nowrap' } }}
          items={[
            { key: 'gender', label: '性别', children: genderLabels[m.gender] },
            { key: 'ethnicity', label: '民族', children: m.ethnicity || '—' },
            { key: 'birth', label: '出生日期', children: showDate(m.birthDate) },
            { key: 'id', label: '身份证号', children: sensitive('idNumber', m.idNumberMasked), span: { xs: 1, md: 2, xl: 2 } },
            { key: 'phone', label: '手机号码', children: sensitive('phone', m.phoneMasked) },
            { key: 'edu', label: '学历', children: m.education ? educationLabels[m.education] : '—' },
            { key: 'org', label: '所在党组织', children: m.orgName, span: { xs: 1, md: 2, xl: 2 } },
            { key: 'group', label: '党小组', children: m.groupName ?? '—' },
            { key: 'dept', label: '部门', children: m.departmentName ?? '—' },
            { key: 'position', label: '岗位', children: positionLabels[m.position] },
            { key: 'job', label: '职务', children: m.jobTitle ?? '—' },
            { key: 'joined', label: '入党时间', children: showDate(m.joinedOn) },
            { key: 'full', label: '转正时间', children: showDate(m.fullMemberSince) },
            { key: 'standing', label: '党龄', children: m.partyStanding === null ? '—' : `${m.partyStanding}年` },
            ...(m.note ? [{ key: 'note', label: '备注', children: m.note, span: { xs: 1, md: 2, xl: 3 } }] : []),
          ]}
        />
        {!m.canReveal && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
            身份证号、手机号码已按规定脱敏显示。
          </Typography.Paragraph>
        )}
      </PageCard>
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card title="党员状态变化" size="small">
            {m.statusHistory.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无状态变化记录。" />
            ) : (
              <Timeline
                style={{ marginTop: 8 }}
                items={[...m.statusHistory]
                  .sort((a, b) => (a.changedOn < b.changedOn ? 1 : a.changedOn > b.changedOn ? -1 : a.createdAt < b.createdAt ? 1 : -1))
                  .map((h) => ({
                    key: h.id,
                    color: h.toStatus === 'fullMember' ? 'red' : h.toStatus === 'probationaryMember' ? 'orange' : 'gray',
                    title: showDate(h.changedOn),
                    content: (
                      <div>
                        <div>
                          {h.fromStatus ? `${memberStatusLabels[h.fromStatus]} → ` : ''}
                          <b>{memberStatusLabels[h.toStatus]}</b>
                        </div>
                        {h.reason && <Typography.Text type="secondary">{h.reason}</Typography.Text>}
                      </div>
                    ),
                  }))}
              />
            )}
          </Card>
        </Col>
      </Row>
      <QuorumExclusionsCard memberId={m.id} memberName={m.name} />
      <RevealModal
        memberId={m.id}
        field={revealing}
        onClose={() => setRevealing(null)}
        onRevealed={(field, value) => setRevealed((r) => ({ ...r, [field]: value }))}
      />
      <StatusModal profile={m} open={changingStatus} onClose={() => setChangingStatus(false)} />
    </Space>
  );
}

function RevealModal({
  memberId,
  field,
  onClose,
  onRevealed,
}: {
  memberId: string;
  field: RevealField | null;
  onClose: () => void;
  onRevealed: (field: RevealField, value: string | null) => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const { busy, submit } = useFormSubmit(form, async ({ reason }: { reason: string }) => {
    if (!field) return;
    const res = await api.post<{ field: RevealField; value: string | null }>(`/members/${memberId}/reveal`, { field, reason: reason.trim() });
    onRevealed(field, res.value);
    form.resetFields();
    onClose();
  });
  return (
    <Modal
      open={!!field}
      title={field ? `查看完整${revealLabels[field]}` : ''}
      okText="查看"
      onOk={() => form.submit()}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="本次查看将记入审计日志"
        description="系统会记录查看人、时间和查看原因，供安全审计员核查。请仅在工作需要时查看。"
      />
      <Form form={form} name="reveal" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="reason"
          label="查看原因"
          rules={[
            { required: true, whitespace: true, message: '请填写查看原因' },
            { min: 2, message: '至少2个字' },
            { max: 200, message: '最多200个字' },
          ]}
        >
          <Input.TextArea rows={3} placeholder="如：办理组织关系转接，核对身份信息" maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type StatusValues = { status: MemberStatus; statusChangedOn: Dayjs; statusReason?: string };

function StatusModal({ profile, open, onClose }: { profile: MemberProfile; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<StatusValues>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const submit = async (v: StatusValues) => {
    setBusy(true);
    try {
      await api.patch(`/members/${profile.id}`, {
        version: profile.version,
        status: v.status,
        statusChangedOn: toIsoDate(v.statusChangedOn),
        ...(v.statusReason?.trim() ? { statusReason: v.statusReason.trim() } : {}),
      });
      message.success('状态已变更');
      onClose();
    } catch (err) {
      applyFieldErrors(form, err);
      message.error(describeError(err));
    } finally {
      setBusy(false);
      void client.invalidateQueries({ queryKey: ['member', profile.id] });
      void client.invalidateQueries({ queryKey: ['members'] });
    }
  };
  return (
    <Modal open={open} title={`变更党员状态：${profile.name}`} okText="确认变更" onOk={() => form.submit()} confirmLoading={busy} onCancel={onClose} destroyOnHidden forceRender>
      <Typography.Paragraph>
        当前状态：<StatusTag status={profile.status} />
      </Typography.Paragraph>
      <Form form={form} name="status-change" layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ statusChangedOn: dayjs() }}>
        <Form.Item name="status" label="新状态" rules={[{ required: true, message: '请选择新状态' }]}>
          <Select options={memberStatuses.filter((s) => s !== profile.status).map((s) => ({ value: s, label: memberStatusLabels[s] }))} />
        </Form.Item>
        <Form.Item name="statusChangedOn" label="变更日期" rules={[{ required: true, message: '请选择变更日期' }]}>
          <DatePicker format={chineseDateFormat} disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="statusReason" label="变更原因" rules={[{ max: 200, message: '最多200个字' }]}>
          <Input.TextArea rows={2} placeholder="如：支部大会讨论通过，上级党委审批同意转正" maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
