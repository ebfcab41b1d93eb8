// Pieces shared by the 示范岗/先锋队 and 优秀党员 tabs: the orgs the caller may propose for, a member
// picker within an org, and the reason dialog (不予批准, 撤销, 未当选 all need a reason).
import { useMemo, useState } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Member, Org } from '@zhibu/contracts';
import { api } from '../../api/client';
import { useOrgs } from '../../api/queries';
import { useMe } from '../../auth';
import { useFormSubmit } from '../../lib/form-errors';

const proposingTypes = new Set(['branch', 'generalBranch', 'organCommittee', 'primaryCommittee']);

/** Orgs the caller proposes for: the office any 党支部/党总支/机关党委 of its court; a secretary their own branch. */
export function useProposingOrgs(opts: { branchesOnly?: boolean } = {}): Org[] {
  const me = useMe();
  const orgs = useOrgs();
  return useMemo(() => {
    const adminCourts = new Set(me.grants.filter((g) => g.role === 'courtAdmin').map((g) => g.courtId));
    const secretaryOrgs = new Set(me.grants.filter((g) => g.role === 'branchSecretary').map((g) => g.orgId));
    return (orgs.data ?? []).filter((o) => {
      if (!proposingTypes.has(o.type)) return false;
      if (opts.branchesOnly && o.type !== 'branch' && o.type !== 'generalBranch') return false;
      return adminCourts.has(o.courtId) || secretaryOrgs.has(o.id);
    });
  }, [me, orgs.data, opts.branchesOnly]);
}

export const orgName = (o: Org) => o.shortName ?? o.name;

/** Members of an org (its subtree), searchable by name. */
export function MemberSelect({ orgId, value, onChange, mode, placeholder, fullOnly, id }: {
  orgId: string | undefined;
  value?: string | string[];
  onChange?: (v: string | string[]) => void;
  mode?: 'multiple';
  placeholder?: string;
  fullOnly?: boolean;
  id?: string;
}) {
  const [q, setQ] = useState('');
  const members = useQuery({
    queryKey: ['members', 'pioneer-pick', orgId, q],
    queryFn: () => api.get<{ items: Member[] }>('/members', { orgId, q: q || undefined, pageSize: 50 }),
    enabled: !!orgId,
    placeholderData: keepPreviousData,
  });
  const options = (members.data?.items ?? [])
    .filter((m) => m.status === 'fullMember' || (!fullOnly && m.status === 'probationaryMember'))
    .map((m) => ({ value: m.id, label: `${m.name}（${m.orgName}${m.jobTitle ? ` · ${m.jobTitle}` : ''}）` }));
  return (
    <Select
      id={id}
      mode={mode}
      value={value}
      onChange={(v) => onChange?.(v)}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={orgId ? (placeholder ?? '输入姓名查找') : '请先选择党组织'}
      disabled={!orgId}
      loading={members.isFetching}
      options={options}
      notFoundContent="没有找到"
      style={{ width: '100%' }}
    />
  );
}

/** A dialog asking for a reason before a decision that needs one. */
export function ReasonModal({ open, title, okText, placeholder, onClose, onSubmit }: { open: boolean; title: string; okText: string; placeholder: string; onClose: () => void; onSubmit: (reason: string) => Promise<void> }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { busy, submit } = useFormSubmit(form, async (v) => {
    await onSubmit(v.reason.trim());
    form.resetFields();
    onClose();
  });
  return (
    <Modal open={open} title={title} okText={okText} okButtonProps={{ danger: true }} cancelText="取消" onOk={() => form.submit()} confirmLoading={busy} onCancel={onClose} forceRender>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, message: '请填写理由' }, { max: 500, message: '最多500个字' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} placeholder={placeholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
