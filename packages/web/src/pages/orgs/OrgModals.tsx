// Forms of the org page: add/edit an org, register a term, appoint and end a committee position.
import { useEffect, useState } from 'react';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select, type FormInstance } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Member, Org, OrgDetail } from '@zhibu/contracts';
import {
  allowedChildTypes,
  branchKindLabels,
  branchKinds,
  committeePostLabels,
  committeePosts,
  orgTypeLabels,
  rootOrgTypes,
  type OrgType,
} from '@zhibu/domain';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { ApiError, api, describeError, itemsOf } from '../../api/client';
import { useDepartments } from '../../api/queries';
import { applyFieldErrors } from '../../lib/form-errors';
import { chineseDateFormat, fromIsoDate, toIsoDate } from '../../lib/dates';

type Done = () => void;

const futureDisabled = (d: Dayjs) => d.isAfter(dayjs(), 'day');

/** Runs a save: on success closes and refreshes; on failure puts field messages on the form. */
function useSave<T>(form: FormInstance<T>, onDone: Done, onConflict?: Done) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<unknown>, success: string) => {
    setBusy(true);
    try {
      await fn();
      message.success(success);
      onDone();
    } catch (err) {
      applyFieldErrors(form, err);
      message.error(describeError(err));
      // Someone else saved first: reload so the next attempt starts from their version.
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') onConflict?.();
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

type OrgFormValues = {
  type: OrgType;
  branchKind?: string;
  name: string;
  shortName?: string;
  departmentId?: string;
  establishedOn?: Dayjs | null;
  sortOrder?: number;
};

/** Add a child org under `parent` (or a top-level org of `courtId`), or edit `editing`. */
export function OrgFormModal({
  open,
  parent,
  editing,
  courtId,
  onClose,
  onSaved,
}: {
  open: boolean;
  parent: OrgDetail | Org | null;
  editing: OrgDetail | null;
  courtId: string | null;
  onClose: Done;
  onSaved: (id?: string) => void;
}) {
  const [form] = Form.useForm<OrgFormValues>();
  const { busy, run } = useSave(form, onClose, () => onSaved(editing?.id));
  const departments = useDepartments(open);
  const targetCourt = editing?.courtId ?? parent?.courtId ?? courtId;
  const types: readonly OrgType[] = editing ? [editing.type] : parent ? allowedChildTypes(parent.type) : rootOrgTypes;
  const type = Form.useWatch('type', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        type: editing.type,
        branchKind: editing.branchKind ?? undefined,
        name: editing.name,
        shortName: editing.shortName ?? undefined,
        departmentId: editing.departmentId ?? undefined,
        establishedOn: fromIsoDate(editing.establishedOn),
        sortOrder: editing.sortOrder,
      });
    } else {
      form.setFieldsValue({ type: types[0], branchKind: 'regular' });
    }
  }, [open, editing?.id]);

  const submit = (v: OrgFormValues) => {
    const common = {
      name: v.name,
      shortName: v.shortName || null,
      departmentId: v.departmentId || null,
      establishedOn: toIsoDate(v.establishedOn),
      ...(v.sortOrder !== undefined && v.sortOrder !== null ? { sortOrder: v.sortOrder } : {}),
      ...(v.type === 'branch' ? { branchKind: v.branchKind ?? 'regular' } : {}),
    };
    if (editing) {
      void run(() => api.patch(`/orgs/${editing.id}`, { ...common, version: editing.version }).then(() => onSaved(editing.id)), '已保存');
    } else {
      void run(
        () => api.post<Org>('/orgs', { ...common, courtId: targetCourt, parentId: parent?.id ?? null, type: v.type }).then((o) => onSaved(o.id)),
        '党组织已建立',
      );
    }
  };

  const deptOptions = (departments.data ?? [])
    .filter((d) => d.courtId === targetCourt)
    .map((d) => ({ value: d.id, label: d.kind === 'trialTeam' ? `${d.name}（审判团队）` : d.name }));

  return (
    <Modal
      open={open}
      title={editing ? `编辑：${editing.name}` : parent ? `在「${parent.name}」下新增党组织` : '新建党组织'}
      okText="保存"
      onOk={() => form.submit()}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      {!editing && types.length === 0 && <Alert type="info" showIcon title={`${parent ? orgTypeLabels[parent.type] : ''}下不能再设下级组织`} />}
      <Form form={form} name={editing ? 'org-edit' : parent ? 'org-child' : 'org-root'} layout="vertical" onFinish={submit}>
        <Form.Item name="type" label="组织类型" rules={[{ required: true, message: '请选择组织类型' }]}>
          <Select disabled={!!editing} options={types.map((t) => ({ value: t, label: orgTypeLabels[t] }))} />
        </Form.Item>
        {type === 'branch' && (
          <Form.Item name="branchKind" label="支部类别">
            <Select options={branchKinds.map((k) => ({ value: k, label: branchKindLabels[k] }))} />
          </Form.Item>
        )}
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请输入名称' }, { max: 64, message: '最多64个字符' }]}>
          <Input placeholder="如：中共安顺市中级人民法院机关第一支部委员会" />
        </Form.Item>
        <Form.Item name="shortName" label="简称" rules={[{ max: 32, message: '最多32个字符' }]}>
          <Input placeholder="如：第一党支部" />
        </Form.Item>
        {(type === 'branch' || type === 'partyGroup') && (
          <Form.Item
            name="departmentId"
            label={type === 'partyGroup' ? '对应审判团队' : '对应庭室'}
            extra={type === 'partyGroup' ? '党小组建在审判团队上' : '支部建在庭上'}
          >
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={deptOptions} placeholder="可不选" notFoundContent="本院尚未登记庭室" />
          </Form.Item>
        )}
        <Form.Item name="establishedOn" label="成立日期">
          <DatePicker format={chineseDateFormat} disabledDate={futureDisabled} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="sortOrder" label="排序号" extra="数字小的排在前面">
          <InputNumber min={0} max={100000} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type TermValues = { termStart: Dayjs; termEnd?: Dayjs | null; electedOn?: Dayjs | null };

export function TermModal({ org, open, onClose, onSaved }: { org: OrgDetail; open: boolean; onClose: Done; onSaved: Done }) {
  const [form] = Form.useForm<TermValues>();
  const { busy, run } = useSave(form, onClose);
  const submit = (v: TermValues) =>
    void run(
      () =>
        api
          .post(`/orgs/${org.id}/terms`, { termStart: toIsoDate(v.termStart), termEnd: toIsoDate(v.termEnd), electedOn: toIsoDate(v.electedOn) })
          .then(onSaved),
      '任期已登记',
    );
  return (
    <Modal open={open} title={`登记换届：${org.name}`} okText="登记" onOk={() => form.submit()} confirmLoading={busy} onCancel={onClose} destroyOnHidden forceRender>
      <Form form={form} name="term" layout="vertical" onFinish={submit}>
        <Form.Item name="electedOn" label="选举日期">
          <DatePicker format={chineseDateFormat} disabledDate={futureDisabled} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="termStart" label="任期开始日期" rules={[{ required: true, message: '请选择任期开始日期' }]}>
          <DatePicker format={chineseDateFormat} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="termEnd" label="任期届满日期" extra="可不填：党支部、党总支按3年、党委按5年自动计算">
          <DatePicker format={chineseDateFormat} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type CommitteeValues = { memberId: string; post: string; startOn: Dayjs };

export function CommitteeModal({ org, open, onClose, onSaved }: { org: OrgDetail; open: boolean; onClose: Done; onSaved: Done }) {
  const [form] = Form.useForm<CommitteeValues>();
  const { busy, run } = useSave(form, onClose);
  const members = useQuery({
    queryKey: ['members', 'committee-candidates', org.id],
    queryFn: async () => itemsOf(await api.get<{ items: Member[]; total: number }>('/members', { orgId: org.id, status: 'fullMember', pageSize: 500 })),
    enabled: open,
  });
  const submit = (v: CommitteeValues) =>
    void run(() => api.post(`/orgs/${org.id}/committee`, { memberId: v.memberId, post: v.post, startOn: toIsoDate(v.startOn) }).then(onSaved), '已任命');
  return (
    <Modal open={open} title={`任命支委：${org.name}`} okText="任命" onOk={() => form.submit()} confirmLoading={busy} onCancel={onClose} destroyOnHidden forceRender>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="支部委员由党员大会选举产生，只有正式党员有被选举权（党章第七条）。" />
      <Form form={form} name="committee" layout="vertical" onFinish={submit} initialValues={{ startOn: dayjs() }}>
        <Form.Item name="memberId" label="党员" rules={[{ required: true, message: '请选择党员' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={members.isLoading}
            placeholder="输入姓名搜索本组织的正式党员"
            notFoundContent={members.isLoading ? '加载中…' : '本组织没有可任命的正式党员'}
            options={(members.data ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.orgName}）` }))}
          />
        </Form.Item>
        <Form.Item name="post" label="职务" rules={[{ required: true, message: '请选择职务' }]}>
          <Select options={committeePosts.map((p) => ({ value: p, label: committeePostLabels[p] }))} />
        </Form.Item>
        <Form.Item name="startOn" label="任职日期" rules={[{ required: true, message: '请选择任职日期' }]}>
          <DatePicker format={chineseDateFormat} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function EndPositionModal({
  org,
  position,
  onClose,
  onSaved,
}: {
  org: OrgDetail;
  position: OrgDetail['committee'][number] | null;
  onClose: Done;
  onSaved: Done;
}) {
  const [form] = Form.useForm<{ endOn: Dayjs }>();
  const { busy, run } = useSave(form, onClose, onSaved);
  const submit = (v: { endOn: Dayjs }) =>
    position &&
    void run(() => api.post(`/orgs/${org.id}/committee/${position.id}/end`, { endOn: toIsoDate(v.endOn), version: position.version }).then(onSaved), '已登记离任');
  return (
    <Modal
      open={!!position}
      title="登记离任"
      okText="确认离任"
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      {position && (
        <p>
          确认 <b>{position.memberName}</b> 不再担任 {org.name} 的 <b>{committeePostLabels[position.post]}</b>？离任后该职务从班子中移除，历史记录保留在审计日志中。
        </p>
      )}
      <Form form={form} name="end-position" layout="vertical" onFinish={submit} initialValues={{ endOn: dayjs() }}>
        <Form.Item name="endOn" label="离任日期" rules={[{ required: true, message: '请选择离任日期' }]}>
          <DatePicker format={chineseDateFormat} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
