// 谈心谈话 (RULES.md §1.1): a branch's yearly coverage of 支委↔支委、支委↔党员、党员↔党员 with the pairs
// still open (paged, each with a button that opens the talk form for that pair), the year's talk
// records (提醒谈话 marked as restricted; the server leaves out what the caller may not see), the
// office's view of every branch, and the 谈心谈话记录 ledger (.xlsx).
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Form, Input, List, Modal, Popconfirm, Progress, Radio, Row, Segmented, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined, EditOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { talkFollowUpStateLabels, talkKindLabels, type TalkFollowUpState, type TalkKind } from '@zhibu/domain';
import { describeError } from '../../api/client';
import { useOrgMembers } from '../../api/activities';
import { useOrgs } from '../../api/queries';
import { useMe } from '../../auth';
import { OrgFilterSelect } from '../../components/org-tree';
import { PageCard, useIsPhone } from '../../components/PageCard';
import { chineseDateFormat, showDate, toIsoDate } from '../../lib/dates';
import { useFormSubmit } from '../../lib/form-errors';
import { talksApi, useTalkCoverage, useTalkCoverageSummary, useTalks, useTalksChanged, type Talk, type TalkCoverageSummaryItem, type TalkCoverageView } from './talks-api';

type Values = {
  talkedOn: Dayjs;
  kind: TalkKind;
  topic: string;
  summary?: string;
  participantIds: string[];
  initiatorId: string;
  followUpState: TalkFollowUpState;
  followUpNote?: string;
  followUpOn?: Dayjs | null;
};
type Editing = { talk?: Talk; pair?: string[] } | null;

const followColors: Record<TalkFollowUpState, string> = { none: 'default', pending: 'orange', done: 'green' };

function TalkDialog({ orgId, editing, onClose, onDone }: { orgId: string; editing: Editing; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const members = useOrgMembers(orgId, !!editing);
  const options = useMemo(
    () => (members.data ?? []).filter((m) => m.status === 'fullMember' || m.status === 'probationaryMember').map((m) => ({ value: m.id, label: m.name })),
    [members.data],
  );
  const chosen = Form.useWatch('participantIds', form) ?? [];
  const follow = Form.useWatch('followUpState', form);
  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    const t = editing.talk;
    if (t) {
      form.setFieldsValue({
        talkedOn: dayjs(t.talkedOn),
        kind: t.kind,
        topic: t.topic,
        summary: t.summary ?? undefined,
        participantIds: t.participants.map((p) => p.memberId),
        initiatorId: t.participants.find((p) => p.isInitiator)?.memberId,
        followUpState: t.followUpState,
        followUpNote: t.followUpNote ?? undefined,
        followUpOn: t.followUpOn ? dayjs(t.followUpOn) : null,
      });
    } else {
      form.setFieldsValue({ talkedOn: dayjs(), kind: 'talk', followUpState: 'none', participantIds: editing.pair ?? [], initiatorId: editing.pair?.[0] });
    }
  }, [editing, form]);
  const { busy, submit } = useFormSubmit(form, async (v) => {
    const input = {
      talkedOn: toIsoDate(v.talkedOn)!,
      kind: v.kind,
      topic: v.topic,
      summary: v.summary || null,
      participantIds: v.participantIds,
      initiatorId: v.initiatorId,
      followUpState: v.followUpState,
      followUpNote: v.followUpState === 'none' ? null : v.followUpNote || null,
      followUpOn: v.followUpState === 'done' && v.followUpOn ? toIsoDate(v.followUpOn) : null,
    };
    if (editing?.talk) await talksApi.update(editing.talk.id, { ...input, version: editing.talk.version });
    else await talksApi.create(orgId, input);
    message.success(editing?.talk ? '已保存谈话记录' : '已记录谈话');
    onDone();
  });
  const initiatorOptions = options.filter((o) => chosen.includes(o.value));
  return (
    <Modal open={!!editing} title={editing?.talk ? '修改谈话记录' : '记录谈心谈话'} okText="保存" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={560}>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="talkedOn" label="谈话日期" rules={[{ required: true, message: '请选择谈话日期' }]}>
              <DatePicker format={chineseDateFormat} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} allowClear={false} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="kind" label="类别" extra="提醒谈话、谈话提醒由书记进行，仅书记、机关党委和当事人可见">
              <Select aria-label="类别" options={(Object.keys(talkKindLabels) as TalkKind[]).map((k) => ({ value: k, label: talkKindLabels[k] }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="participantIds" label="谈话对象（含谈话人，两人以上）" rules={[{ required: true, message: '请选择参加谈话的党员' }]}>
          <Select mode="multiple" aria-label="谈话对象" options={options} loading={members.isLoading} showSearch={{ optionFilterProp: 'label' }} placeholder="选择本支部党员" />
        </Form.Item>
        <Form.Item name="initiatorId" label="谈话发起人" rules={[{ required: true, message: '请选择谈话发起人' }]}>
          <Select aria-label="谈话发起人" options={initiatorOptions} placeholder="从谈话对象中选择" />
        </Form.Item>
        <Form.Item name="topic" label="谈话主题" rules={[{ required: true, whitespace: true, message: '请填写谈话主题' }]}>
          <Input maxLength={100} placeholder="如：谈思想、谈工作、谈家庭" />
        </Form.Item>
        <Form.Item name="summary" label="谈话要点" extra="仅书记、机关党委和参加谈话的人可见">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="followUpState" label="跟进情况">
          <Radio.Group options={(Object.keys(talkFollowUpStateLabels) as TalkFollowUpState[]).map((k) => ({ value: k, label: talkFollowUpStateLabels[k] }))} />
        </Form.Item>
        {follow && follow !== 'none' && (
          <Form.Item name="followUpNote" label="跟进事项" rules={[{ required: true, whitespace: true, message: '请写明需要跟进的事项' }]}>
            <Input maxLength={500} placeholder="如：协调解决子女入学问题" />
          </Form.Item>
        )}
        {follow === 'done' && (
          <Form.Item name="followUpOn" label="落实日期" rules={[{ required: true, message: '请选择落实日期' }]}>
            <DatePicker format={chineseDateFormat} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function CoverageTab({ orgId, year, onRecordPair }: { orgId: string; year: number; onRecordPair: (ids: string[]) => void }) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [category, setCategory] = useState<string>('all');
  useEffect(() => setPage(1), [orgId, year, category]);
  const cov = useTalkCoverage(orgId, year, page, pageSize, category === 'all' ? undefined : category);
  const c: TalkCoverageView | undefined = cov.data;
  const isPhone = useIsPhone();
  if (cov.isError) return <Alert type="error" showIcon message={describeError(cov.error)} />;
  if (!c) return <Card loading />;
  const open = c.required - c.covered;
  const filter = <Segmented size="small" value={category} onChange={(v) => setCategory(String(v))} options={[{ value: 'all', label: '全部' }, ...c.categories.map((x) => ({ value: x.category, label: x.label }))]} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={6}>
          <Card size="small" style={{ textAlign: 'center' }}>
            <Progress type="circle" percent={c.percent} size={96} status={c.level === 'warning' ? 'exception' : c.level === 'complete' ? 'success' : 'normal'} format={(p) => `${p}%`} />
            <div style={{ marginTop: 8 }} data-testid="talk-coverage-percent">
              已谈 {c.covered} / 应谈 {c.required}
            </div>
          </Card>
        </Col>
        {c.categories.map((x) => (
          <Col xs={24} md={6} key={x.category}>
            <Card size="small" title={x.label}>
              <Progress percent={x.required ? Math.floor((x.covered * 100) / x.required) : 100} />
              <Typography.Text type="secondary">
                已谈 {x.covered} / 应谈 {x.required}
                {x.category === 'memberMember' && c.peerCoverage === 'eachMemberOnce' ? '（人）' : '（对）'}
              </Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
      {open > 0 ? (
        <Alert
          type={c.level === 'warning' ? 'warning' : 'info'}
          showIcon
          data-testid="talk-coverage-alert"
          message={`${c.orgName}${year}年还有 ${open} 对谈心谈话未开展`}
          description={
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.rule}。{c.peerCoverageLabel}。每年{c.warningFromMonth}月起未开展的对显示为警示。按{showDate(c.referenceDate)}在册党员和支委计算；年中转入的党员自转入之日起计，已离开的不计。提醒谈话不计入。
            </Typography.Text>
          }
        />
      ) : (
        <Alert type="success" showIcon message={`${c.orgName}${year}年谈心谈话已全部开展`} description={c.rule} />
      )}
      <Card size="small" title="未开展的谈心谈话" extra={isPhone ? undefined : filter}>
        {isPhone && <div style={{ marginBottom: 8, overflowX: 'auto' }}>{filter}</div>}
        <List
          data-testid="talk-missing-pairs"
          dataSource={c.missing}
          locale={{ emptyText: <Empty description="没有未开展的谈话" /> }}
          pagination={{ current: page, pageSize, total: c.missingTotal, onChange: (p, s) => (setPage(p), setPageSize(s)), showSizeChanger: true, size: 'small', showTotal: (n) => `共 ${n} 项` }}
          renderItem={(m) => (
            <List.Item
              actions={
                c.canRecord
                  ? [
                      <Button key="rec" size="small" type="link" onClick={() => onRecordPair(m.b ? [m.a.id, m.b.id] : [m.a.id])} aria-label={`记录${m.a.name}与${m.b?.name ?? '其他党员'}的谈话`}>
                        记录
                      </Button>,
                    ]
                  : []
              }
            >
              <Space wrap size={6}>
                <Tag>{m.categoryLabel}</Tag>
                <span data-testid="talk-missing-pair">
                  {m.a.name} ↔ {m.b?.name ?? <Typography.Text type="secondary">任一其他党员</Typography.Text>}
                </span>
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}

function RecordsTab({ orgId, year, onEdit }: { orgId: string; year: number; onEdit: (t: Talk) => void }) {
  const talks = useTalks(orgId, year);
  const changed = useTalksChanged();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const remove = async (t: Talk) => {
    try {
      await talksApi.remove(t.id, t.version);
      message.success('已删除');
    } catch (err) {
      message.error(describeError(err));
    } finally {
      changed();
    }
  };
  if (talks.isError) return <Alert type="error" showIcon message={describeError(talks.error)} />;
  const items = talks.data?.items ?? [];
  const who = (t: Talk) => (
    <span>
      {t.participants.map((p, i) => (
        <span key={p.memberId}>
          {i > 0 && '、'}
          {p.isInitiator ? <b>{p.name}</b> : p.name}
        </span>
      ))}
    </span>
  );
  const kindTag = (t: Talk) => (
    <Tag color={t.restricted ? 'red' : 'blue'} icon={t.restricted ? <LockOutlined /> : undefined}>
      {t.kindLabel}
    </Tag>
  );
  const follow = (t: Talk) => (t.followUpState === 'none' ? null : <Tag color={followColors[t.followUpState]}>{t.followUpStateLabel}{t.followUpOn ? ` ${showDate(t.followUpOn)}` : ''}</Tag>);
  const actions = (t: Talk) =>
    t.canEdit
      ? [
          <Button key="e" size="small" icon={<EditOutlined />} onClick={() => onEdit(t)} aria-label={`修改${t.topic}`}>
            修改
          </Button>,
          <Popconfirm key="d" title="删除这条谈话记录？" description="删除记入审计日志。" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => remove(t)}>
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={`删除${t.topic}`} />
          </Popconfirm>,
        ]
      : [];
  if (isPhone)
    return (
      <List
        loading={talks.isLoading}
        dataSource={items}
        locale={{ emptyText: <Empty description={`${year}年还没有谈话记录`} /> }}
        pagination={{ pageSize: 10, size: 'small' }}
        renderItem={(t) => (
          <List.Item actions={actions(t)}>
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  {kindTag(t)}
                  <span>{t.topic}</span>
                </Space>
              }
              description={
                <Space orientation="vertical" size={2}>
                  <span>
                    {showDate(t.talkedOn)} · {who(t)}
                  </span>
                  {t.summary && <Typography.Text type="secondary">{t.summary}</Typography.Text>}
                  {follow(t)}
                </Space>
              }
            />
          </List.Item>
        )}
      />
    );
  return (
    <Table
      rowKey="id"
      size="small"
      loading={talks.isLoading}
      dataSource={items}
      locale={{ emptyText: <Empty description={`${year}年还没有谈话记录`} /> }}
      pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 条` }}
      columns={[
        { title: '日期', dataIndex: 'talkedOn', width: 130, render: (d: string) => showDate(d) },
        { title: '类别', key: 'kind', width: 110, render: (_: unknown, t: Talk) => kindTag(t) },
        { title: '参加人（加粗为发起人）', key: 'who', width: 200, render: (_: unknown, t: Talk) => who(t) },
        { title: '主题', dataIndex: 'topic', width: 200 },
        { title: '谈话要点', key: 'summary', render: (_: unknown, t: Talk) => t.summary ?? (t.summaryHidden ? <Typography.Text type="secondary">（不公开）</Typography.Text> : '—') },
        { title: '跟进', key: 'follow', width: 150, render: (_: unknown, t: Talk) => follow(t) ?? '—' },
        { title: '', key: 'actions', width: 130, render: (_: unknown, t: Talk) => <Space>{actions(t)}</Space> },
      ]}
    />
  );
}

function BranchesTab({ year, onPick }: { year: number; onPick: (orgId: string) => void }) {
  const summary = useTalkCoverageSummary(year);
  return (
    <Table<TalkCoverageSummaryItem>
      rowKey="orgId"
      size="small"
      loading={summary.isLoading}
      dataSource={summary.data?.items ?? []}
      pagination={false}
      scroll={{ x: 560 }}
      columns={[
        { title: '党支部', dataIndex: 'orgName', render: (n: string, r) => <Button type="link" style={{ padding: 0 }} onClick={() => onPick(r.orgId)}>{n}</Button> },
        { title: '覆盖率', dataIndex: 'percent', width: 200, render: (p: number, r) => <Progress percent={p} size="small" status={r.level === 'warning' ? 'exception' : r.level === 'complete' ? 'success' : 'normal'} format={(v) => `${v}%`} /> },
        { title: '已谈/应谈', key: 'n', width: 110, render: (_: unknown, r) => `${r.covered} / ${r.required}` },
        { title: '未开展', dataIndex: 'missing', width: 90, render: (n: number, r) => (n ? <Tag color={r.level === 'warning' ? 'orange' : 'blue'}>{n} 对</Tag> : <Tag color="green">已完成</Tag>) },
      ]}
    />
  );
}

export default function TalksPage() {
  const me = useMe();
  const orgs = useOrgs();
  const changed = useTalksChanged();
  const [params, setParams] = useSearchParams();
  const [year, setYear] = useState(dayjs().year());
  const [tab, setTab] = useState('coverage');
  const [editing, setEditing] = useState<Editing>(null);
  const isOffice = me.grants.some((g) => g.role === 'courtAdmin');
  const defaultOrg = useMemo(() => {
    const granted = me.grants.find((g) => g.orgId && (g.role === 'branchSecretary' || g.role === 'committeeMember'))?.orgId;
    return granted ?? (orgs.data ?? []).find((o) => o.type === 'branch')?.id;
  }, [me.grants, orgs.data]);
  const orgId = params.get('orgId') ?? defaultOrg;
  const setOrgId = (id: string | undefined) => setParams(id ? { orgId: id } : {}, { replace: true });
  const years = Array.from({ length: 4 }, (_, i) => dayjs().year() - i);
  const coverageForButton = useTalkCoverage(orgId, year, 1, 1);
  const canRecord = !!coverageForButton.data?.canRecord;

  const actions = (
    <Space wrap>
      {canRecord && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} disabled={!orgId}>
          记录谈话
        </Button>
      )}
      <Button icon={<DownloadOutlined />} href={talksApi.ledgerUrl(orgId, year)} disabled={!orgId}>
        导出谈话记录
      </Button>
    </Space>
  );
  return (
    <PageCard title="谈心谈话" actions={actions}>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={16}>
          <OrgFilterSelect value={orgId} onChange={(v) => setOrgId(v)} ariaLabel="党支部" />
        </Col>
        <Col xs={24} md={8}>
          <Select aria-label="年度" style={{ width: '100%' }} value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y}年` }))} />
        </Col>
      </Row>
      {!orgId ? (
        <Empty description="请选择党支部" />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'coverage', label: '覆盖情况', children: <CoverageTab orgId={orgId} year={year} onRecordPair={(pair) => setEditing({ pair })} /> },
            { key: 'records', label: '谈话记录', children: <RecordsTab orgId={orgId} year={year} onEdit={(talk) => setEditing({ talk })} /> },
            ...(isOffice ? [{ key: 'branches', label: '各支部', children: <BranchesTab year={year} onPick={(id) => (setOrgId(id), setTab('coverage'))} /> }] : []),
          ]}
        />
      )}
      {orgId && <TalkDialog orgId={orgId} editing={editing} onClose={() => setEditing(null)} onDone={() => (setEditing(null), changed())} />}
    </PageCard>
  );
}
