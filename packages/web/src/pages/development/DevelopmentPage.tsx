// 发展党员看板 (issue 5): one column per stage of RULES.md §3.1 with a card per person (next step,
// deadline), the deadlines due soon or past on top, and 建立发展档案 for an 入党申请人 on the roster.
// On a phone the columns become tabs.
import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Card, Col, DatePicker, Empty, Form, Input, List, Modal, Row, Select, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import type { DevelopmentCase, DevelopmentCaseSummary, Member } from '@zhibu/contracts';
import { developmentStageLabels, developmentStages, type DevelopmentStage } from '@zhibu/domain';
import { api } from '../../api/client';
import { developmentKeys, useDevelopmentBoard, useDevelopmentReminders } from '../../api/development';
import { useCan } from '../../auth';
import { PageCard, useIsPhone } from '../../components/PageCard';
import { OrgFilterSelect } from '../../components/org-tree';
import { chineseDateFormat, showDate, toIsoDate } from '../../lib/dates';
import { useFormSubmit } from '../../lib/form-errors';

const stageShort: Record<DevelopmentStage, string> = {
  application: '申请入党',
  activist: '入党积极分子',
  candidate: '发展对象',
  admission: '预备党员接收',
  probation: '预备期与转正',
};

export function ReminderTag({ level, dueOn }: { level: 'overdue' | 'dueSoon'; dueOn: string }) {
  return <Tag color={level === 'overdue' ? 'red' : 'gold'}>{level === 'overdue' ? '已逾期' : '将到期'} {showDate(dueOn)}</Tag>;
}

function CaseCard({ c }: { c: DevelopmentCaseSummary }) {
  const navigate = useNavigate();
  const next = c.nextSteps[c.nextSteps.length - 1];
  return (
    <Card size="small" hoverable onClick={() => navigate(`/development/${c.id}`)} style={{ marginBottom: 8 }} data-testid="development-card">
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>{c.memberName}</Typography.Text>
          {c.state === 'completed' && <Tag color="green">已归档</Tag>}
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {c.orgName}
        </Typography.Text>
        <Typography.Text style={{ fontSize: 13 }}>
          {next ? `下一步：第${next.no}步 ${next.label}` : '已办结'}
          {next?.superior && <Tag style={{ marginLeft: 4 }}>上级党委</Tag>}
        </Typography.Text>
        {c.reminder && <ReminderTag level={c.reminder.level} dueOn={c.reminder.dueOn} />}
      </Space>
    </Card>
  );
}

export function DevelopmentRemindersList({ orgId, compact = false }: { orgId?: string; compact?: boolean }) {
  const navigate = useNavigate();
  const reminders = useDevelopmentReminders(orgId);
  const items = reminders.data?.items ?? [];
  if (reminders.isLoading) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (!items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="近期没有到期的发展党员事项" />;
  return (
    <List
      size="small"
      dataSource={compact ? items.slice(0, 5) : items}
      renderItem={(r) => (
        <List.Item onClick={() => navigate(`/development/${r.caseId}`)} style={{ cursor: 'pointer' }}>
          <Space orientation="vertical" size={0}>
            <Space wrap>
              <ReminderTag level={r.level} dueOn={r.dueOn} />
              <Typography.Text strong>{r.memberName}</Typography.Text>
              <Typography.Text type="secondary">{r.orgName}</Typography.Text>
            </Space>
            <Typography.Text style={{ fontSize: 13 }}>{r.message}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

type CreateValues = { memberId: string; applicationDate: Dayjs; note?: string };

function CreateCaseModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<CreateValues>();
  const client = useQueryClient();
  const navigate = useNavigate();
  const applicants = useQuery({
    queryKey: ['members', 'applicants'],
    queryFn: () => api.get<{ items: Member[] }>('/members', { status: 'applicant', pageSize: 500 }),
    enabled: open,
  });
  const { busy, submit } = useFormSubmit(form, async (v) => {
    const created = await api.post<DevelopmentCase>('/development/cases', { memberId: v.memberId, applicationDate: toIsoDate(v.applicationDate), note: v.note || null });
    void client.invalidateQueries({ queryKey: developmentKeys.all });
    onClose();
    navigate(`/development/${created.id}`);
  });
  return (
    <Modal title="建立发展档案" open={open} onCancel={onClose} onOk={() => form.submit()} okText="建立" cancelText="取消" confirmLoading={busy} destroyOnHidden>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="先在党员名册中登记为“入党申请人”，再建立发展档案（第1步：递交入党申请书）。" />
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="memberId" label="入党申请人" rules={[{ required: true, message: '请选择入党申请人' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={applicants.isLoading}
            placeholder="选择名册中的入党申请人"
            options={(applicants.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.orgName}）` }))}
            notFoundContent="名册中没有入党申请人"
          />
        </Form.Item>
        <Form.Item name="applicationDate" label="递交入党申请书日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker format={chineseDateFormat} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function DevelopmentPage() {
  const isPhone = useIsPhone();
  const canManage = useCan('development:manage');
  const [orgId, setOrgId] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const board = useDevelopmentBoard(orgId);
  const byStage = useMemo(() => {
    const out = Object.fromEntries(developmentStages.map((s) => [s, [] as DevelopmentCaseSummary[]])) as Record<DevelopmentStage, DevelopmentCaseSummary[]>;
    for (const c of board.data?.items ?? []) out[c.stage].push(c);
    return out;
  }, [board.data]);

  const column = (s: DevelopmentStage) =>
    byStage[s].length ? byStage[s].map((c) => <CaseCard key={c.id} c={c} />) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无" />;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageCard
        title="发展党员"
        actions={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              建立发展档案
            </Button>
          ) : null
        }
      >
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          <Col xs={24} md={10}>
            <OrgFilterSelect value={orgId} onChange={setOrgId} />
          </Col>
          <Col xs={24} md={14}>
            <Typography.Text type="secondary">按《中国共产党发展党员工作细则》五个阶段、二十五个步骤办理；共 {board.data?.total ?? 0} 人。</Typography.Text>
          </Col>
        </Row>
        {board.isLoading ? (
          <Skeleton active />
        ) : isPhone ? (
          <Tabs
            items={developmentStages.map((s) => ({ key: s, label: <Badge count={byStage[s].length} size="small" offset={[8, 0]} color="#c8102e">{stageShort[s]}</Badge>, children: column(s) }))}
          />
        ) : (
          <Row gutter={12} wrap={false} style={{ overflowX: 'auto' }}>
            {developmentStages.map((s, i) => (
              <Col key={s} flex="1 0 200px" data-testid={`stage-${s}`}>
                <Card size="small" title={`${['一', '二', '三', '四', '五'][i]}、${stageShort[s]}（${byStage[s].length}）`} styles={{ body: { background: '#fafafa', minHeight: 200 } }} extra={null}>
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{developmentStageLabels[s]}</Typography.Paragraph>
                  {column(s)}
                </Card>
              </Col>
            ))}
          </Row>
        )}
      </PageCard>
      <PageCard title="发展党员期限提醒">
        <DevelopmentRemindersList orgId={orgId} />
      </PageCard>
      <CreateCaseModal open={creating} onClose={() => setCreating(false)} />
    </Space>
  );
}
