// One activity: header (status, type, org, time, place, host, recorder, 补录 and its reason), the
// actions its state and the caller allow (通知, 签到, 记录, 取消, 报送, 审核, 台账), the quorum box of a
// voting meeting, content (第一议题, 议程, 记录, 决议), attendance, attachments and 案例讲评.
// A member who is only an attendee sees it read-only.
import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Skeleton, Space, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, EditOutlined, FileWordOutlined, FormOutlined, NotificationOutlined, QrcodeOutlined, RollbackOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useActivity, useActivityUpdated, type ActivityDetail } from '../../api/activities';
import { api, describeError, downloadFile } from '../../api/client';
import { useCan } from '../../auth';
import { PageCard, useIsPhone } from '../../components/PageCard';
import { showDateTime } from '../../lib/dates';
import { applyFieldErrors } from '../../lib/form-errors';
import { LoadError } from '../errors/ErrorPages';
import { ActivityStatusTag, LateEntryTag, ReviewTag, whenText } from './activity-format';
import { AttendanceList, Attachments, CaseReviews, QuorumBox } from './ActivitySections';
import { RecordForm } from './RecordForm';
import { RevisionHistory } from './RevisionHistory';

type ActionResult = { ok: true; message: string; activity: ActivityDetail };

function Section({ title, children, extra, testId }: { title: ReactNode; children: ReactNode; extra?: ReactNode; testId?: string }) {
  return (
    <Card size="small" title={title} extra={extra} style={{ marginTop: 16 }} data-testid={testId} styles={{ title: { whiteSpace: 'normal' } }}>
      {children}
    </Card>
  );
}

function Text({ value, empty = '—' }: { value: string | null | undefined; empty?: string }) {
  if (!value) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{value}</div>;
}

export default function ActivityDetailPage() {
  const { id } = useParams();
  const activity = useActivity(id);
  if (activity.isLoading)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );
  if (activity.error || !activity.data) return <LoadError error={activity.error} onRetry={() => void activity.refetch()} />;
  return <Detail a={activity.data} />;
}

function ReasonModal({ title, label, okText, danger, placeholder, onSubmit, onClose }: { title: string; label: string; okText: string; danger?: boolean; placeholder?: string; onSubmit: (reason: string) => Promise<void>; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText="返回"
      okButtonProps={{ danger }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          try {
            await onSubmit(v.reason.trim());
            onClose();
          } catch (err) {
            applyFieldErrors(form, err);
            message.error(describeError(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, message: `请填写${label}` }, { max: 500, message: '最多500个字' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={placeholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Detail({ a }: { a: ActivityDetail }) {
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const updated = useActivityUpdated();
  const activity = useActivity(a.id);
  const isPhone = useIsPhone();
  const canManagePerm = useCan('activities:manage');
  const canReadLedgers = useCan('reminders:read');
  const [recording, setRecording] = useState(false);
  const [dialog, setDialog] = useState<'cancel' | 'return' | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);

  const started = new Date(a.startsAt).getTime() <= Date.now();
  const m = a.canManage;
  const planned = a.status === 'planned';
  const held = a.status === 'held';
  const cancelled = a.status === 'cancelled';

  const act = async (key: string, path: string, body?: unknown) => {
    setBusy(key);
    try {
      const res = await api.post<ActionResult>(`/activities/${a.id}/${path}`, body);
      updated(res.activity);
      message.success(res.message);
    } catch (err) {
      message.error(describeError(err));
      void activity.refetch();
    } finally {
      setBusy(null);
    }
  };

  const approve = () =>
    modal.confirm({
      title: '审核通过？',
      content: `确认${a.orgName}的“${a.title}”记录完整、符合要求。`,
      okText: '审核通过',
      cancelText: '返回',
      onOk: () => act('approve', 'review', { decision: 'approve' }),
    });

  const downloadLedger = async () => {
    setDownloading(true);
    try {
      const name = await downloadFile(`/activities/${a.id}/ledger.docx`, undefined, `${a.title}台账.docx`);
      message.success(`已下载：${name}`);
    } catch (err) {
      message.error(describeError(err));
    } finally {
      setDownloading(false);
    }
  };

  const actions: ReactNode[] = [];
  if (m && !cancelled)
    actions.push(
      <Button key="edit" icon={<EditOutlined />} onClick={() => navigate(`/activities/${a.id}/edit`)}>
        修改
      </Button>,
    );
  if (m && planned)
    actions.push(
      <Button key="notify" icon={<NotificationOutlined />} loading={busy === 'notify'} onClick={() => void act('notify', 'notify')}>
        {a.notifiedAt ? '再次通知' : '通知'}
      </Button>,
    );
  if (m && canManagePerm && !cancelled && !held)
    actions.push(
      <Link key="sign-in" to={`/activities/${a.id}/sign-in`}>
        <Button icon={<QrcodeOutlined />}>开启签到</Button>
      </Link>,
    );
  if (m && planned)
    actions.push(
      <Tooltip key="record" title={started ? undefined : '活动开始后才能记录'}>
        <Button type="primary" icon={<FormOutlined />} disabled={!started} onClick={() => setRecording(true)}>
          记录
        </Button>
      </Tooltip>,
    );
  if (m && held && (a.reviewState === 'none' || a.reviewState === 'returned'))
    actions.push(
      <Button key="submit" type="primary" icon={<SendOutlined />} loading={busy === 'submit'} onClick={() => void act('submit', 'submit')}>
        {a.reviewState === 'returned' ? '重新报送上级' : '报送上级'}
      </Button>,
    );
  if (a.canReview) {
    actions.push(
      <Button key="approve" type="primary" icon={<CheckCircleOutlined />} loading={busy === 'approve'} onClick={approve}>
        审核通过
      </Button>,
      <Button key="return" danger icon={<RollbackOutlined />} onClick={() => setDialog('return')}>
        退回
      </Button>,
    );
  }
  if (m || a.canReview || canReadLedgers)
    actions.push(
      <Button key="ledger" icon={<FileWordOutlined />} loading={downloading} onClick={() => void downloadLedger()}>
        下载台账
      </Button>,
    );
  if (m && planned)
    actions.push(
      <Button key="cancel" danger icon={<StopOutlined />} onClick={() => setDialog('cancel')}>
        取消活动
      </Button>,
    );

  return (
    <>
      <PageCard
        title={
          <Space size={8} wrap>
            <span data-testid="activity-title">{a.title}</span>
            <ActivityStatusTag a={a} />
            {a.lateEntry && <LateEntryTag />}
          </Space>
        }
        actions={actions.length ? <Space wrap>{actions}</Space> : undefined}
      >
        {cancelled && <Alert type="warning" showIcon icon={<CloseCircleOutlined />} style={{ marginBottom: 16 }} title="活动已取消（记录保留）" description={`取消原因：${a.cancelReason ?? '—'}`} />}
        {a.reviewState === 'returned' && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} title="上级党组织已退回" description={`退回原因：${a.reviewReason ?? '—'}。请按意见修改后重新报送。`} />
        )}
        {a.lateEntry && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="late-entry" title="补录" description={`本活动在开展之后录入系统。补录原因：${a.lateEntryReason ?? '—'}`} />
        )}
        {a.joint && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="joint-activity"
            title={`联建活动 · ${a.joint.categoryLabel}`}
            description={`${a.joint.hostCourtName} ${a.joint.hostOrgName}主办，联建对象：${a.joint.partnerLabel}。${
              a.joint.side === 'partner' ? '您是联建方：可登记本方党员的出席情况，活动记录由主办方填写；对方党员只显示姓名。' : '各方登记本方党员的出席情况；对方党员只显示姓名。'
            }`}
          />
        )}
        {!m && !a.canReview && a.joint?.side !== 'partner' && <Alert type="info" showIcon style={{ marginBottom: 16 }} title="您是本次活动的参加人员，以下内容仅供查看。" />}
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered={!isPhone} styles={{ label: { whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label="活动类型">{a.typeLabel}</Descriptions.Item>
          <Descriptions.Item label="党组织">{a.orgName}</Descriptions.Item>
          <Descriptions.Item label="时间">{whenText(a)}</Descriptions.Item>
          <Descriptions.Item label="地点">{a.place ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="主持人">{a.hostName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="记录人">{a.recorderName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="通知">{a.notifiedAt ? `已于${showDateTime(a.notifiedAt)}标记通知` : '未通知'}</Descriptions.Item>
          <Descriptions.Item label="记录">{a.recordedAt ? `已于${showDateTime(a.recordedAt)}记录` : '未记录'}</Descriptions.Item>
          <Descriptions.Item label="上级审核">
            <ReviewTag state={a.reviewState} />
            {a.reviewedAt && <Typography.Text type="secondary"> {showDateTime(a.reviewedAt)}</Typography.Text>}
          </Descriptions.Item>
          {a.revisionCount > 0 && (
            <Descriptions.Item label="修改记录">
              <RevisionHistory activityId={a.id} count={a.revisionCount} />
            </Descriptions.Item>
          )}
        </Descriptions>
        {recording && planned && (
          <RecordForm
            activity={a}
            onCancel={() => {
              setRecording(false);
              void activity.refetch();
            }}
            onDone={(saved) => {
              updated(saved);
              setRecording(false);
            }}
          />
        )}
      </PageCard>

      {a.quorum && (
        <div style={{ marginTop: 16 }}>
          <QuorumBox q={a.quorum} typeLabel={a.typeLabel} provisional={planned} />
        </div>
      )}

      <Section title="会议内容" testId="content">
        <Descriptions size="small" column={1} styles={{ label: { whiteSpace: 'nowrap', width: 80 } }}>
          <Descriptions.Item label="第一议题">
            <div>
              <Text value={a.firstAgendaItem} empty={a.requiresFirstAgenda ? '尚未填写（本类型须记录第一议题）' : '—'} />
            </div>
          </Descriptions.Item>
          <Descriptions.Item label="议程">
            <Text value={a.agenda} />
          </Descriptions.Item>
          <Descriptions.Item label="会议记录">
            <Text value={a.minutes} empty={held ? '—' : '活动开展后记录'} />
          </Descriptions.Item>
          <Descriptions.Item label="决议事项">
            <Text value={a.resolutions} />
          </Descriptions.Item>
        </Descriptions>
      </Section>

      <Section title="出席情况" testId="attendance">
        <AttendanceList activity={a} onChanged={(d) => updated(d)} />
      </Section>

      {a.type === 'caseReviewSession' && (
        <Section title="案例讲评" testId="case-reviews">
          <CaseReviews activity={a} onChanged={(d) => updated(d)} />
        </Section>
      )}

      <Section title={`附件（${a.attachments.length}）`} testId="attachments">
        <Attachments activity={a} onUploaded={() => void activity.refetch()} />
      </Section>

      {dialog === 'cancel' && (
        <ReasonModal
          title={`取消活动：${a.title}`}
          label="取消原因"
          okText="确认取消活动"
          danger
          placeholder="如：因审判任务冲突，改期召开"
          onClose={() => setDialog(null)}
          onSubmit={async (reason) => {
            const res = await api.post<ActionResult>(`/activities/${a.id}/cancel`, { reason, version: a.version });
            updated(res.activity);
            message.success(res.message);
          }}
        />
      )}
      {dialog === 'return' && (
        <ReasonModal
          title={`退回：${a.title}`}
          label="退回原因"
          okText="退回"
          danger
          placeholder="如：会议记录不完整，请补充讨论情况"
          onClose={() => setDialog(null)}
          onSubmit={async (reason) => {
            const res = await api.post<ActionResult>(`/activities/${a.id}/review`, { decision: 'return', reason });
            updated(res.activity);
            message.success(res.message);
          }}
        />
      )}
    </>
  );
}
