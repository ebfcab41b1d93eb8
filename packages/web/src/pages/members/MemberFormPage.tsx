// New member / edit member. 身份证号 comes first: birth date and gender are derived from it here for
// convenience (the server checks and decides). The form keeps a draft in sessionStorage, so a closed
// tab or a crash mid-form loses nothing.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Form, Input, Row, Select, Skeleton, Space, TreeSelect, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { Member, MemberProfile } from '@zhibu/contracts';
import {
  educationLabels,
  educations,
  genderLabels,
  genders,
  memberStatusLabels,
  memberStatuses,
  positionLabels,
  positions,
  validateIdNumber,
  validatePhone,
  type MemberStatus,
} from '@zhibu/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, api, describeError } from '../../api/client';
import { useDepartments, useOrgs } from '../../api/queries';
import { toTreeData } from '../../components/org-tree';
import { chineseDateFormat, fromIsoDate, showDateTime, toIsoDate, todayIso } from '../../lib/dates';
import { useDraft } from '../../lib/draft';
import { applyFieldErrors } from '../../lib/form-errors';
import { LoadError } from '../errors/ErrorPages';

type Values = {
  idNumber?: string;
  name?: string;
  gender?: string;
  birthDate?: Dayjs | null;
  ethnicity?: string;
  phone?: string;
  education?: string | null;
  orgId?: string;
  groupId?: string | null;
  departmentId?: string | null;
  position?: string;
  jobTitle?: string;
  status?: MemberStatus;
  statusChangedOn?: Dayjs | null;
  statusReason?: string;
  joinedOn?: Dayjs | null;
  fullMemberSince?: Dayjs | null;
  isRetired?: boolean;
  note?: string;
};

const dateFields = ['birthDate', 'joinedOn', 'fullMemberSince', 'statusChangedOn'] as const;

/** Form values ↔ JSON-safe draft (dates as 'YYYY-MM-DD'). */
function toDraft(v: Values): Record<string, unknown> {
  const out: Record<string, unknown> = { ...v };
  for (const f of dateFields) out[f] = toIsoDate(v[f]);
  return out;
}
function fromDraft(d: Record<string, unknown>): Values {
  const out = { ...d } as Values & Record<string, unknown>;
  for (const f of dateFields) out[f] = fromIsoDate(d[f] as string | null);
  return out;
}

function fromProfile(m: MemberProfile): Values {
  return {
    name: m.name,
    gender: m.gender,
    birthDate: fromIsoDate(m.birthDate),
    ethnicity: m.ethnicity,
    education: m.education,
    orgId: m.orgId,
    groupId: m.groupId,
    departmentId: m.departmentId,
    position: m.position,
    jobTitle: m.jobTitle ?? undefined,
    status: m.status,
    joinedOn: fromIsoDate(m.joinedOn),
    fullMemberSince: fromIsoDate(m.fullMemberSince),
    isRetired: m.isRetired,
    note: m.note ?? undefined,
  };
}

const noFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');
const blank = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null);

export default function MemberFormPage() {
  const { id } = useParams();
  const profile = useQuery({ queryKey: ['member', id], queryFn: () => api.get<MemberProfile>(`/members/${id}`), enabled: !!id });
  if (id && profile.isLoading) return <Card><Skeleton active paragraph={{ rows: 14 }} /></Card>;
  if (id && (profile.error || !profile.data)) return <LoadError error={profile.error} onRetry={() => void profile.refetch()} />;
  return <MemberForm editing={profile.data ?? null} />;
}

function MemberForm({ editing }: { editing: MemberProfile | null }) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const orgs = useOrgs();
  const departments = useDepartments();
  const draftKey = editing ? `member:${editing.id}` : 'member:new';
  const draft = useDraft<Record<string, unknown>>(draftKey);
  const [restored, setRestored] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const orgId = Form.useWatch('orgId', form);
  const status = Form.useWatch('status', form);
  const statusChanged = !!editing && !!status && status !== editing.status;

  useEffect(() => {
    const base: Values = editing ? fromProfile(editing) : { status: 'fullMember', ethnicity: '汉族', position: 'judge', isRetired: false, orgId: params.get('orgId') ?? undefined };
    if (draft.initial) {
      form.setFieldsValue({ ...base, ...fromDraft(draft.initial.value) });
      setRestored(draft.initial.savedAt);
    } else {
      form.setFieldsValue(base);
    }
    // Fill once, when the form opens; later changes are the user's.
  }, []);

  const treeData = useMemo(
    () => toTreeData((orgs.data ?? []).filter((o) => o.type !== 'partyGroup' && o.type !== 'youthStudyGroup')),
    [orgs.data],
  );
  const groups = (orgs.data ?? []).filter((o) => o.type === 'partyGroup' && o.parentId === orgId);
  const selectedOrg = (orgs.data ?? []).find((o) => o.id === orgId);
  const deptOptions = (departments.data ?? [])
    .filter((d) => !selectedOrg || d.courtId === selectedOrg.courtId)
    .map((d) => ({ value: d.id, label: d.kind === 'trialTeam' ? `${d.name}（审判团队）` : d.name }));

  const onIdNumber = (raw: string) => {
    const r = validateIdNumber(raw, todayIso());
    if (!r.ok) return;
    form.setFieldsValue({ gender: r.gender, birthDate: fromIsoDate(r.birthDate) });
    draft.save(toDraft(form.getFieldsValue(true) as Values));
  };

  const discardDraft = () =>
    modal.confirm({
      title: '放弃草稿？',
      content: '将丢弃上次未保存的填写内容，恢复为' + (editing ? '档案中的信息。' : '空白表单。'),
      okText: '放弃草稿',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => {
        draft.clear();
        form.resetFields();
        form.setFieldsValue(editing ? fromProfile(editing) : { status: 'fullMember', ethnicity: '汉族', position: 'judge', isRetired: false });
        setRestored(null);
      },
    });

  const submit = async (v: Values) => {
    setBusy(true);
    const body: Record<string, unknown> = {
      orgId: v.orgId,
      groupId: v.groupId ?? null,
      name: v.name?.trim(),
      gender: v.gender,
      ethnicity: blank(v.ethnicity) ?? undefined,
      birthDate: toIsoDate(v.birthDate) ?? undefined,
      phone: blank(v.phone),
      education: v.education ?? null,
      departmentId: v.departmentId ?? null,
      position: v.position,
      jobTitle: blank(v.jobTitle),
      joinedOn: toIsoDate(v.joinedOn),
      fullMemberSince: toIsoDate(v.fullMemberSince),
      status: v.status,
      isRetired: !!v.isRetired,
      note: blank(v.note),
    };
    try {
      let saved: Member;
      if (editing) {
        if (blank(v.idNumber)) body.idNumber = blank(v.idNumber);
        if (!blank(v.phone)) delete body.phone; // empty = keep the stored number (it is never sent to the browser)
        if (statusChanged) {
          body.statusChangedOn = toIsoDate(v.statusChangedOn) ?? todayIso();
          if (blank(v.statusReason)) body.statusReason = blank(v.statusReason);
        }
        saved = await api.patch<Member>(`/members/${editing.id}`, { ...body, version: editing.version });
      } else {
        body.idNumber = blank(v.idNumber);
        saved = await api.post<Member>('/members', body);
      }
      draft.clear();
      void client.invalidateQueries({ queryKey: ['members'] });
      void client.invalidateQueries({ queryKey: ['member', saved.id ?? editing?.id] });
      void client.invalidateQueries({ queryKey: ['orgs'] });
      void client.invalidateQueries({ queryKey: ['dashboard'] });
      message.success(editing ? '已保存' : `已新增党员：${saved.name ?? body.name}`);
      navigate(`/members/${saved.id ?? editing?.id}`, { replace: true });
    } catch (err) {
      applyFieldErrors(form, err);
      message.error(describeError(err));
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') void client.invalidateQueries({ queryKey: ['member', editing?.id] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={editing ? `编辑党员：${editing.name}` : '新增党员'} style={{ maxWidth: 1100 }}>
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
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        onValuesChange={(_, all) => draft.save(toDraft(all))}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="idNumber"
              label="身份证号"
              extra={editing ? `当前：${editing.idNumberMasked}。不修改请留空。` : '填写后自动带出出生日期和性别'}
              rules={[
                { required: !editing, whitespace: true, message: '请输入身份证号' },
                {
                  validator: async (_, value: string | undefined) => {
                    if (!value || !value.trim()) return;
                    const r = validateIdNumber(value, todayIso());
                    if (!r.ok) throw new Error(r.message);
                  },
                },
              ]}
            >
              <Input maxLength={18} placeholder={editing ? editing.idNumberMasked : '18位身份证号'} onChange={(e) => onIdNumber(e.target.value)} style={{ fontFamily: 'monospace' }} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 32, message: '最多32个字' }]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="gender" label="性别">
              <Select options={genders.map((g) => ({ value: g, label: genderLabels[g] }))} placeholder="由身份证号带出" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="birthDate" label="出生日期">
              <DatePicker format={chineseDateFormat} disabledDate={noFuture} style={{ width: '100%' }} placeholder="由身份证号带出" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="ethnicity" label="民族" rules={[{ max: 16, message: '最多16个字' }]}>
              <Input placeholder="如：汉族" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="education" label="学历">
              <Select allowClear options={educations.map((e) => ({ value: e, label: educationLabels[e] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="phone"
              label="手机号码"
              extra={editing?.phoneMasked ? `当前：${editing.phoneMasked}。不修改请留空。` : undefined}
              rules={[
                {
                  validator: async (_, value: string | undefined) => {
                    if (!value || !value.trim()) return;
                    const r = validatePhone(value);
                    if (!r.ok) throw new Error(r.message);
                  },
                },
              ]}
            >
              <Input maxLength={20} autoComplete="off" placeholder={editing?.phoneMasked ?? '11位手机号或带区号的固定电话'} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="orgId" label="所在党组织" rules={[{ required: true, message: '请选择所在党组织' }]}>
              <TreeSelect
                treeData={treeData}
                showSearch={{ treeNodeFilterProp: 'label' }}
                treeNodeLabelProp="label"
                treeDefaultExpandAll
                placeholder="选择党支部"
                loading={orgs.isLoading}
                onChange={() => form.setFieldsValue({ groupId: null })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="groupId" label="党小组">
              <Select
                allowClear
                disabled={groups.length === 0}
                placeholder={groups.length ? '选择党小组' : '该组织下没有党小组'}
                options={groups.map((g) => ({ value: g.id, label: g.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="departmentId" label="部门（庭室）">
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={deptOptions} placeholder="可不选" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="position" label="岗位">
              <Select options={positions.map((p) => ({ value: p, label: positionLabels[p] }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="jobTitle" label="职务" rules={[{ max: 32, message: '最多32个字' }]}>
              <Input placeholder="如：副庭长" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="status" label="党员状态" rules={[{ required: true, message: '请选择党员状态' }]}>
              <Select options={memberStatuses.map((s) => ({ value: s, label: memberStatusLabels[s] }))} />
            </Form.Item>
          </Col>
          {statusChanged && (
            <>
              <Col xs={24} md={12}>
                <Form.Item name="statusChangedOn" label="状态变更日期" rules={[{ required: true, message: '请选择状态变更日期' }]} initialValue={dayjs()}>
                  <DatePicker format={chineseDateFormat} disabledDate={noFuture} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item name="statusReason" label="状态变更原因" rules={[{ max: 200, message: '最多200个字' }]}>
                  <Input placeholder="如：支部大会讨论通过，上级党委审批同意转正" maxLength={200} />
                </Form.Item>
              </Col>
            </>
          )}
          <Col xs={12} md={6}>
            <Form.Item name="joinedOn" label="入党时间">
              <DatePicker format={chineseDateFormat} disabledDate={noFuture} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="fullMemberSince" label="转正时间">
              <DatePicker format={chineseDateFormat} disabledDate={noFuture} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="isRetired" valuePropName="checked" label="离退休">
              <Checkbox>离退休人员</Checkbox>
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="note" label="备注" rules={[{ max: 500, message: '最多500个字' }]}>
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
          </Col>
        </Row>
        <Space wrap>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={busy}>
            保存
          </Button>
          <Button onClick={() => navigate(editing ? `/members/${editing.id}` : '/members')}>返回</Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            填写内容会自动保存为草稿，关闭页面后再打开可继续填写。
          </Typography.Text>
        </Space>
      </Form>
    </Card>
  );
}
