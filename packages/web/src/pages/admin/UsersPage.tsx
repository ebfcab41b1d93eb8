// 用户管理 (系统管理员): accounts — create (one-time initial password), reset password, disable/enable.
// Roles are granted by the 安全保密员 on the security page: the 三员 stay separate.
import { useMemo, useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { MemberCandidate, User } from '@zhibu/contracts';
import { roleLabels, type Role } from '@zhibu/domain';
import { api, describeError } from '../../api/client';
import { useCourts } from '../../api/queries';
import { showDateTime } from '../../lib/dates';
import { useFormSubmit } from '../../lib/form-errors';
import { LoadError } from '../errors/ErrorPages';
import { PageCard } from '../../components/PageCard';
import { UserStateTags, showInitialPassword, useUsers } from './shared';

export default function UsersPage() {
  const users = useUsers();
  const courts = useCourts();
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [filter, setFilter] = useState('');
  const courtName = useMemo(() => new Map((courts.data ?? []).map((c) => [c.id, c.shortName || c.name])), [courts.data]);

  const act = async (fn: () => Promise<unknown>, success: string) => {
    try {
      await fn();
      message.success(success);
    } catch (err) {
      message.error(describeError(err));
    } finally {
      void client.invalidateQueries({ queryKey: ['users'] });
    }
  };

  const resetPassword = async (u: User) => {
    try {
      const res = await api.post<{ initialPassword: string }>(`/users/${u.id}/reset-password`);
      showInitialPassword(modal, `${u.displayName}（${u.username}）`, res.initialPassword);
    } catch (err) {
      message.error(describeError(err));
    } finally {
      void client.invalidateQueries({ queryKey: ['users'] });
    }
  };

  if (users.error) return <LoadError error={users.error} onRetry={() => void users.refetch()} />;
  const shown = (users.data ?? []).filter((u) => !filter || u.username.includes(filter) || u.displayName.includes(filter));

  return (
    <PageCard
      title="用户管理"
      actions={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建账号
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        系统管理员负责开设账号、重置密码和停用账号；角色授权由安全保密员在「安全设置」中办理，审计日志由安全审计员查看（三员分立）。
      </Typography.Paragraph>
      <Input.Search allowClear placeholder="按用户名或姓名筛选" style={{ maxWidth: 320, marginBottom: 16 }} onSearch={setFilter} onChange={(e) => !e.target.value && setFilter('')} />
      <Table<User>
        rowKey="id"
        size="middle"
        loading={users.isLoading}
        dataSource={shown}
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 个账号`, hideOnSinglePage: true }}
        locale={{ emptyText: filter ? '没有符合条件的账号。' : '还没有账号。点击「新建账号」开设第一个账号。' }}
        columns={[
          { title: '用户名', dataIndex: 'username', width: 140, render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
          { title: '姓名', dataIndex: 'displayName', width: 120 },
          { title: '法院', dataIndex: 'courtId', width: 140, render: (id: string | null) => (id ? (courtName.get(id) ?? '—') : '—') },
          {
            title: '角色',
            dataIndex: 'grants',
            render: (grants: User['grants']) =>
              grants.length ? (
                <Space size={[4, 4]} wrap>
                  {grants.map((g) => (
                    <Tag key={g.id} color="red">
                      {roleLabels[g.role as Role] ?? g.role}
                    </Tag>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">未授权</Typography.Text>
              ),
          },
          { title: '状态', key: 'state', width: 150, render: (_, u) => <UserStateTags user={u} /> },
          { title: '最近登录', dataIndex: 'lastLoginAt', width: 180, render: (v: string | null) => (v ? showDateTime(v) : '从未登录') },
          {
            title: '操作',
            key: 'op',
            width: 180,
            fixed: 'right',
            render: (_, u) => (
              <Space size={0} wrap>
                <Popconfirm
                  title="重置密码"
                  description={`为 ${u.displayName} 生成新的初始密码？原密码立即失效，对方下次登录须修改密码。`}
                  okText="重置"
                  cancelText="取消"
                  onConfirm={() => resetPassword(u)}
                >
                  <Button type="link" size="small">
                    重置密码
                  </Button>
                </Popconfirm>
                {u.disabled ? (
                  <Popconfirm title="启用账号" description={`恢复 ${u.displayName} 的登录？`} okText="启用" cancelText="取消" onConfirm={() => act(() => api.post(`/users/${u.id}/enable`), '账号已启用')}>
                    <Button type="link" size="small">
                      启用
                    </Button>
                  </Popconfirm>
                ) : (
                  <Popconfirm
                    title="停用账号"
                    description={`停用后 ${u.displayName} 将无法登录，已登录的会话立即失效。确定停用？`}
                    okText="停用"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => act(() => api.post(`/users/${u.id}/disable`), '账号已停用')}
                  >
                    <Button type="link" size="small" danger>
                      停用
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <CreateUserModal open={creating} onClose={() => setCreating(false)} courts={courts.data ?? []} />
    </PageCard>
  );
}

type CreateValues = { username: string; displayName: string; courtId?: string; memberId?: string };

function CreateUserModal({ open, onClose, courts }: { open: boolean; onClose: () => void; courts: { id: string; name: string }[] }) {
  const [form] = Form.useForm<CreateValues>();
  const { modal } = App.useApp();
  const client = useQueryClient();
  const courtId = Form.useWatch('courtId', form);
  const [memberQuery, setMemberQuery] = useState('');
  // Members of the chosen court by name (20 at most): name, branch, job title, and any account
  // already linked — a member has at most one account.
  const candidates = useQuery({
    queryKey: ['users', 'member-candidates', courtId, memberQuery],
    queryFn: async () => (await api.get<{ items: MemberCandidate[] }>('/users/member-candidates', { courtId, q: memberQuery || undefined })).items,
    enabled: open && !!courtId,
    placeholderData: (prev) => prev,
  });
  const { busy, submit } = useFormSubmit(form, async (v: CreateValues) => {
    const res = await api.post<{ id: string; initialPassword: string }>('/users', {
      username: v.username.trim(),
      displayName: v.displayName.trim(),
      courtId: v.courtId ?? null,
      memberId: v.memberId || null,
    });
    onClose();
    form.resetFields();
    showInitialPassword(modal, `${v.displayName}（${v.username}）`, res.initialPassword);
    void client.invalidateQueries({ queryKey: ['users'] });
  });
  return (
    <Modal open={open} title="新建账号" okText="创建" onOk={() => form.submit()} confirmLoading={busy} onCancel={onClose} forceRender>
      <Form form={form} name="create-user" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="username"
          label="用户名"
          rules={[
            { required: true, whitespace: true, message: '请输入用户名' },
            { pattern: /^[a-zA-Z0-9_.-]{3,32}$/, message: '3–32位，只能包含字母、数字、下划线、点和短横线' },
          ]}
        >
          <Input autoComplete="off" placeholder="如：anshun-zb2" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 32, message: '最多32个字' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="courtId" label="所属法院">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={courts.map((c) => ({ value: c.id, label: c.name }))}
            placeholder="三员账号可不选"
            onChange={() => form.setFieldValue('memberId', undefined)}
          />
        </Form.Item>
        <Form.Item name="memberId" label="关联党员（可选）" extra="关联后，本人可在「我的档案」查看自己的信息。先选择所属法院，再输入姓名查找。">
          <Select
            allowClear
            showSearch={{ filterOption: false, onSearch: setMemberQuery }}
            disabled={!courtId}
            placeholder={courtId ? '输入姓名查找' : '请先选择所属法院'}
            loading={candidates.isFetching}
            notFoundContent={candidates.isFetching ? '查找中…' : '没有找到该姓名的党员'}
            options={(candidates.data ?? []).map((m) => ({
              value: m.id,
              disabled: !!m.username,
              label: `${m.name}（${m.orgName}${m.jobTitle ? `，${m.jobTitle}` : ''}）${m.username ? ` — 已有账号 ${m.username}` : ''}`,
            }))}
            data-testid="member-candidate-select"
          />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          创建后系统生成一次性初始密码，只显示一次；对方首次登录时必须修改密码。
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
