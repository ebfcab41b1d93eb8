// 计划活动 / 修改活动. The type comes from the court's catalogue, which also says who is expected,
// how often it is due, whether a 第一议题 is required and the rule behind it. A start on an
// earlier day is 补录 and needs its reason; changing a recorded activity needs a 修改原因 (the
// earlier content is kept by the server). A draft sits in sessionStorage until saved.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, Row, Select, Skeleton, Space, Tag, TimePicker, TreeSelect, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { formatChineseDate, type OrgType } from '@zhibu/domain';
import type { Org } from '@zhibu/contracts';
import { describeFrequency, expectedLabels, useActivity, useActivityCatalogue, useActivityUpdated, useOrgMembers, type ActivityDetail, type ActivityTypeDefinitionDto } from '../../api/activities';
import { ApiError, api, describeError } from '../../api/client';
import { useOrgs } from '../../api/queries';
import { useMe } from '../../auth';
import { toTreeData } from '../../components/org-tree';
import { chineseDateFormat, fromIsoDate, showDateTime, toIsoDate, todayIso } from '../../lib/dates';
import { useDraft } from '../../lib/draft';
import { applyFieldErrors } from '../../lib/form-errors';
import { LoadError } from '../errors/ErrorPages';
import { showClock } from './activity-format';

type Values = {
  orgId?: string;
  type?: string;
  title?: string;
  date?: Dayjs | null;
  startTime?: Dayjs | null;
  endTime?: Dayjs | null;
  place?: string;
  hostMemberId?: string | null;
  recorderMemberId?: string | null;
  agenda?: string;
  firstAgendaItem?: string;
  minutes?: string;
  resolutions?: string;
  lateEntryReason?: string;
  changeReason?: string;
};

const timeFormat = 'HH:mm';
/** Orgs that hold organizational life in this form (青年理论学习小组 has no catalogue types). */
const planningOrgTypes: OrgType[] = ['organCommittee', 'primaryCommittee', 'generalBranch', 'branch', 'partyGroup'];
/** Server field → form field (the form splits startsAt into a date and a time). */
const fieldMap = { startsAt: 'startTime', endsAt: 'endTime' };

function toDraft(v: Values): Record<string, unknown> {
  return { ...v, date: toIsoDate(v.date), startTime: v.startTime?.format(timeFormat) ?? null, endTime: v.endTime?.format(timeFormat) ?? null };
}
function fromDraft(d: Record<string, unknown>): Values {
  const t = (x: unknown) => (typeof x === 'string' && x ? dayjs(x, timeFormat) : null);
  return { ...(d as Values), date: fromIsoDate(d.date as string | null), startTime: t(d.startTime), endTime: t(d.endTime) };
}

function shanghaiClock(iso: string | null): Dayjs | null {
  const text = showClock(iso);
  return text ? dayjs(text, timeFormat) : null;
}

function fromActivity(a: ActivityDetail): Values {
  return {
    orgId: a.orgId,
    type: a.type,
    title: a.title,
    date: fromIsoDate(a.heldOn),
    startTime: shanghaiClock(a.startsAt),
    endTime: shanghaiClock(a.endsAt),
    place: a.place ?? undefined,
    hostMemberId: a.hostMemberId,
    recorderMemberId: a.recorderMemberId,
    agenda: a.agenda ?? undefined,
    firstAgendaItem: a.firstAgendaItem ?? undefined,
    minutes: a.minutes ?? undefined,
    resolutions: a.resolutions ?? undefined,
    lateEntryReason: a.lateEntryReason ?? undefined,
  };
}

/** '2026-11-25' + '09:00' → '2026-11-25T09:00:00+08:00' (courts keep Beijing time). */
function instant(date: Dayjs | null | undefined, time: Dayjs | null | undefined): string | null {
  const d = toIsoDate(date);
  if (!d || !time || !time.isValid()) return null;
  return `${d}T${time.format(timeFormat)}:00+08:00`;
}

const blank = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null);

export default function ActivityFormPage() {
  const { id } = useParams();
  const activity = useActivity(id);
  if (id && activity.isLoading)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );
  if (id && (activity.error || !activity.data)) return <LoadError error={activity.error} onRetry={() => void activity.refetch()} />;
  if (activity.data && activity.data.status === 'cancelled')
    return (
      <Card title="修改活动">
        <Alert type="warning" showIcon title="已取消的活动不能修改" description={`取消原因：${activity.data.cancelReason ?? '—'}`} />
      </Card>
    );
  return <ActivityForm editing={activity.data ?? null} />;
}

function defaultOrgId(me: ReturnType<typeof useMe>, orgs: readonly Org[] | undefined, param: string | null): string | undefined {
  if (param) return param;
  const managed = me.grants.filter((g) => g.role === 'branchSecretary' && g.orgId);
  return managed.length === 1 && orgs?.some((o) => o.id === managed[0]!.orgId) ? managed[0]!.orgId! : undefined;
}

function TypeRule({ def }: { def: ActivityTypeDefinitionDto }) {
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="type-rule"
      title={`${def.label}的要求`}
      description={
        <Descriptions size="small" column={{ xs: 1, md: 2 }} colon>
          <Descriptions.Item label="应到人员">{expectedLabels[def.expected]}</Descriptions.Item>
          <Descriptions.Item label="最低频次">{describeFrequency(def)}</Descriptions.Item>
          <Descriptions.Item label="第一议题">{def.requiresFirstAgenda ? <Tag color="red">须记录第一议题</Tag> : '不作要求'}</Descriptions.Item>
          <Descriptions.Item label="表决">{def.votes ? '需表决，记录时计算法定人数' : '不表决'}</Descriptions.Item>
          <Descriptions.Item label="依据" span={2}>
            {def.rule}
            {def.confidence === 'U' && <Typography.Text type="secondary">（地方口径，本院可调整）</Typography.Text>}
            {def.customized && <Tag style={{ marginInlineStart: 8 }}>本院已调整</Tag>}
          </Descriptions.Item>
        </Descriptions>
      }
    />
  );
}

function ActivityForm({ editing }: { editing: ActivityDetail | null }) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const updated = useActivityUpdated();
  const me = useMe();
  const orgs = useOrgs();
  const draftKey = editing ? `activity:${editing.id}` : 'activity:new';
  const draft = useDraft<Record<string, unknown>>(draftKey);
  const [restored, setRestored] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const orgId = Form.useWatch('orgId', form);
  const type = Form.useWatch('type', form);
  const date = Form.useWatch('date', form);
  const org = (orgs.data ?? []).find((o) => o.id === orgId);
  const catalogue = useActivityCatalogue(org?.courtId ?? editing?.courtId ?? me.courtId, !!(org?.courtId ?? editing?.courtId ?? me.courtId));
  const members = useOrgMembers(orgId);
  const held = editing?.status === 'held';

  const baseValues = (): Values => (editing ? fromActivity(editing) : { orgId: defaultOrgId(me, orgs.data, params.get('orgId')), type: params.get('type') ?? undefined, date: fromIsoDate(params.get('date')) ?? dayjs() });

  useEffect(() => {
    const base = baseValues();
    if (draft.initial) {
      form.setFieldsValue({ ...base, ...fromDraft(draft.initial.value) });
      setRestored(draft.initial.savedAt);
    } else form.setFieldsValue(base);
    // Fill once, when the form opens; later changes are the user's.
  }, []);
  // The secretary's own branch, once the org list has arrived (a new form only, not over a draft).
  useEffect(() => {
    if (!editing && !draft.initial && !form.getFieldValue('orgId') && orgs.data) form.setFieldsValue({ orgId: defaultOrgId(me, orgs.data, params.get('orgId')) });
  }, [orgs.data]);

  const treeData = useMemo(() => toTreeData((orgs.data ?? []).filter((o) => planningOrgTypes.includes(o.type as OrgType))), [orgs.data]);
  const typeDefs = (catalogue.data?.items ?? []).filter((d) => d.enabled && (!org || d.heldBy.includes(org.type as OrgType)));
  const def = (catalogue.data?.items ?? []).find((d) => d.type === type);
  const memberOptions = (members.data ?? [])
    .filter((m) => m.status === 'fullMember' || m.status === 'probationaryMember')
    .map((m) => ({ value: m.id, label: m.groupName ? `${m.name}（${m.groupName}）` : m.name }));
  // Someone already chosen who is not in the list (moved since) still shows by name.
  if (editing?.hostMemberId && !memberOptions.some((o) => o.value === editing.hostMemberId)) memberOptions.push({ value: editing.hostMemberId, label: editing.hostName ?? '原主持人' });
  if (editing?.recorderMemberId && !memberOptions.some((o) => o.value === editing.recorderMemberId)) memberOptions.push({ value: editing.recorderMemberId, label: editing.recorderName ?? '原记录人' });

  const dayText = toIsoDate(date);
  const isPast = !!dayText && dayText < todayIso();
  // 补录: a new activity on an earlier day, or moving a planned one to an earlier day.
  const lateEntryNeeded = isPast && (!editing || (editing.status === 'planned' && !editing.lateEntry));
  const showLateReason = lateEntryNeeded || !!editing?.lateEntry;

  const onTypeChange = (t: string) => {
    const chosen = (catalogue.data?.items ?? []).find((d) => d.type === t);
    const title = form.getFieldValue('title') as string | undefined;
    const auto = (catalogue.data?.items ?? []).some((d) => title && title.endsWith(d.label));
    if (chosen && (!title || auto)) {
      const d = (form.getFieldValue('date') as Dayjs | null) ?? dayjs();
      form.setFieldsValue({ title: `${d.month() + 1}月${chosen.label}` });
    }
  };

  const discardDraft = () =>
    modal.confirm({
      title: '放弃草稿？',
      content: editing ? '将丢弃上次未保存的修改，恢复为已保存的内容。' : '将丢弃上次未保存的填写内容。',
      okText: '放弃草稿',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => {
        draft.clear();
        form.resetFields();
        form.setFieldsValue(baseValues());
        setRestored(null);
      },
    });

  const submit = async (v: Values) => {
    setBusy(true);
    const startsAt = instant(v.date, v.startTime);
    const endsAt = instant(v.date, v.endTime);
    const common = {
      title: v.title?.trim(),
      startsAt,
      endsAt,
      place: blank(v.place),
      hostMemberId: v.hostMemberId ?? null,
      recorderMemberId: v.recorderMemberId ?? null,
      agenda: blank(v.agenda),
      firstAgendaItem: blank(v.firstAgendaItem),
      lateEntryReason: showLateReason ? blank(v.lateEntryReason) : null,
    };
    try {
      let saved: ActivityDetail;
      if (editing) {
        const body: Record<string, unknown> = { ...common, version: editing.version };
        if (!body.lateEntryReason) delete body.lateEntryReason;
        if (held) {
          body.minutes = blank(v.minutes);
          body.resolutions = blank(v.resolutions);
          body.changeReason = blank(v.changeReason);
        }
        saved = await api.patch<ActivityDetail>(`/activities/${editing.id}`, body);
      } else {
        saved = await api.post<ActivityDetail>('/activities', { ...common, orgId: v.orgId, type: v.type, lateEntryReason: common.lateEntryReason ?? undefined });
      }
      draft.clear();
      updated(saved);
      message.success(editing ? '已保存修改' : saved.lateEntry ? `已补录：${saved.title}` : `已计划：${saved.title}（应到${saved.counts.expected}人）`);
      navigate(`/activities/${saved.id}`, { replace: true });
    } catch (err) {
      applyFieldErrors(form, err, fieldMap);
      message.error(describeError(err));
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') void client.invalidateQueries({ queryKey: ['activities', 'one', editing?.id] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={editing ? `修改活动：${editing.title}` : '计划活动'} style={{ maxWidth: 1100 }} styles={{ title: { whiteSpace: 'normal' } }}>
      {restored && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`已恢复您在${showDateTime(new Date(restored).toISOString())}未保存的填写内容`}
          action={
            <Button size="small" onClick={discardDraft}>
              放弃草稿
            </Button>
          }
        />
      )}
      {held && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="该活动已记录"
          description="修改已记录的活动须填写修改原因；修改前的内容将留存备查。出席情况请在活动详情页逐人登记。"
        />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} onValuesChange={(_, all) => draft.save(toDraft(all))} scrollToFirstError>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="orgId" label="党组织" rules={[{ required: true, message: '请选择召开活动的党组织' }]} extra={editing ? '党组织和活动类型创建后不能修改；如有误，请取消本活动后重新计划。' : undefined}>
              <TreeSelect
                treeData={treeData}
                disabled={!!editing}
                showSearch={{ treeNodeFilterProp: 'label' }}
                treeNodeLabelProp="label"
                treeDefaultExpandAll={treeData.length < 40}
                placeholder="选择党支部或党小组"
                loading={orgs.isLoading}
                onChange={() => form.setFieldsValue({ hostMemberId: null, recorderMemberId: null })}
                aria-label="党组织"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="type" label="活动类型" rules={[{ required: true, message: '请选择活动类型' }]}>
              <Select
                disabled={!!editing}
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={orgId ? '选择活动类型' : '请先选择党组织'}
                loading={catalogue.isLoading}
                options={typeDefs.map((d) => ({ value: d.type, label: d.label }))}
                onChange={onTypeChange}
                aria-label="活动类型"
              />
            </Form.Item>
          </Col>
        </Row>
        {def && <TypeRule def={def} />}
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item name="title" label="活动名称（主题）" rules={[{ required: true, whitespace: true, message: '请填写活动名称' }, { max: 100, message: '最多100个字' }]}>
              <Input maxLength={100} placeholder="如：11月支部委员会会议" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择活动日期' }]}>
              <DatePicker format={chineseDateFormat} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="startTime" label="开始时间" rules={[{ required: true, message: '请选择开始时间' }]}>
              <TimePicker format={timeFormat} style={{ width: '100%' }} placeholder="如 09:00" needConfirm={false} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              name="endTime"
              label="结束时间"
              dependencies={['startTime']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, value: Dayjs | null) => {
                    const start = getFieldValue('startTime') as Dayjs | null;
                    if (value && start && value.format(timeFormat) <= start.format(timeFormat)) throw new Error('结束时间须晚于开始时间');
                  },
                }),
              ]}
            >
              <TimePicker format={timeFormat} style={{ width: '100%' }} placeholder="可不填" needConfirm={false} />
            </Form.Item>
          </Col>
        </Row>
        {lateEntryNeeded && dayText && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="late-entry-alert"
            title={`补录：活动日期${formatChineseDate(dayText)}早于今天`}
            description="早于今天的活动属于补录，允许录入，但会标记为“补录”并记录补录原因，上级审核时可见。"
          />
        )}
        {showLateReason && (
          <Form.Item
            name="lateEntryReason"
            label="补录原因"
            rules={[
              { required: lateEntryNeeded, whitespace: true, message: dayText ? `开始日期${formatChineseDate(dayText)}早于今天，属于补录，请填写补录原因` : '请填写补录原因' },
              { max: 500, message: '最多500个字' },
            ]}
          >
            <Input.TextArea rows={2} maxLength={500} showCount placeholder="如：当日使用纸质记录，现补录入系统" />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="place" label="地点" rules={[{ max: 100, message: '最多100个字' }]}>
              <Input maxLength={100} placeholder="如：四楼党员活动室" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="hostMemberId" label="主持人">
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={memberOptions} loading={members.isLoading} placeholder="选择党员" aria-label="主持人" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="recorderMemberId" label="记录人">
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={memberOptions} loading={members.isLoading} placeholder="选择党员" aria-label="记录人" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="firstAgendaItem"
              label="第一议题"
              extra={def?.requiresFirstAgenda ? `${def.label}须记录第一议题，可现在填写，也可在记录时填写。` : '可不填'}
              rules={[{ max: 500, message: '最多500个字' }]}
            >
              <Input.TextArea rows={2} maxLength={500} placeholder="如：学习习近平总书记关于……的重要讲话精神" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="agenda" label="议程" rules={[{ max: 5000, message: '最多5000个字' }]}>
              <Input.TextArea rows={4} maxLength={5000} placeholder={'每行一项，如：\n一、传达学习上级文件精神\n二、研究本月支部工作'} />
            </Form.Item>
          </Col>
          {held && (
            <>
              <Col xs={24}>
                <Form.Item name="minutes" label="会议记录" rules={[{ required: true, whitespace: true, message: '会议记录不能为空' }, { max: 50000, message: '最多50000个字' }]}>
                  <Input.TextArea rows={6} maxLength={50000} />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item name="resolutions" label="决议事项" rules={[{ max: 10000, message: '最多10000个字' }]}>
                  <Input.TextArea rows={3} maxLength={10000} />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item name="changeReason" label="修改原因" rules={[{ required: true, whitespace: true, message: '已记录的活动修改须填写修改原因（修改前的内容将留存）' }, { max: 500, message: '最多500个字' }]}>
                  <Input.TextArea rows={2} maxLength={500} showCount placeholder="如：更正会议记录中的笔误" />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
        <Space wrap>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={busy}>
            {editing ? '保存修改' : '保存计划'}
          </Button>
          <Button onClick={() => navigate(editing ? `/activities/${editing.id}` : '/activities')}>返回</Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            填写内容会自动保存为草稿，关闭页面后再打开可继续填写。
          </Typography.Text>
        </Space>
      </Form>
    </Card>
  );
}
