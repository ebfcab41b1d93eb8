// 安全设置 (安全保密员): the security policy (idle timeout, lockout) and role grants per account,
// revoke and unlock.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { GrantScopes, SecuritySettings, User } from '@zhibu/contracts';
import { roleLabels, roles, type Role } from '@zhibu/domain';
import { api, describeError } from '../../api/client';
import { useFormSubmit } from '../../lib/form-errors';
import { LoadError } from '../errors/ErrorPages';
import { UserStateTags, useUsers } from './shared';

const courtScoped: Role[] = ['courtAdmin', 'branchSecretary', 'committeeMember', 'groupLeader', 'member', 'higherCourtViewer'];
const orgScoped: Role[] = ['branchSecretary', 'committeeMember', 'groupLeader'];

/** Courts and party orgs by name: the 安全保密员 sees no roster, so the business lists are closed to them. */
function useGrantScopes() {
  return useQuery({ queryKey: ['users', 'grant-scopes'], queryFn: () => api.get<GrantScopes>('/users/grant-scopes'), staleTime: 60_000 });
}

export default function SecurityPage() {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <SettingsCard />
      <GrantsCard />
    </Space>
  );
}

function SettingsCard() {
  const [form] = Form.useForm<SecuritySettings>();
  const { message } = App.useApp();
  const settings = useQuery({ queryKey: ['security-settings'], queryFn: () => api.get<SecuritySettings>('/security-settings') });
  const { busy, submit } = useFormSubmit(form, async (v: SecuritySettings) => {
    await api.put('/security-settings', v);
    message.success('安全策略已保存，新设置对之后的登录和操作生效');
    void settings.refetch();
  });
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  if (settings.error) return <LoadError error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <Card title="安全策略" loading={settings.isLoading}>
      <Form form={form} name="security-settings" layout="vertical" onFinish={(v) => void submit(v)}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="sessionIdleMinutes" label="无操作自动退出（分钟）" extra="5–480 分钟" rules={[{ required: true, message: '请填写' }]}>
              <InputNumber min={5} max={480} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="maxFailures" label="连续输错密码锁定（次）" extra="3–10 次" rules={[{ required: true, message: '请填写' }]}>
              <InputNumber min={3} max={10} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="lockMinutes" label="锁定时长（分钟）" extra="5–1440 分钟" rules={[{ required: true, message: '请填写' }]}>
              <InputNumber min={5} max={1440} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={busy}>
          保存安全策略
        </Button>
      </Form>
    </Card>
  );
}

function GrantsCard() {
  const users = useUsers();
  const scopes = useGrantScopes();
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const [granting, setGranting] = useState<User | null>(null);
  const [filter, setFilter] = useState('');
  const courtName = useMemo(() => new Map((scopes.data?.courts ?? []).map((c) => [c.id, c.shortName || c.name])), [scopes.data]);
  const orgName = useMemo(() => new Map((scopes.data?.orgs ?? []).map((o) => [o.id, o.shortName || o.name])), [scopes.data]);

  const refresh = () => void client.invalidateQueries({ queryKey: ['users'] });
  const revoke = (u: User, g: User['grants'][number]) =>
    modal.confirm({
      title: '撤销角色',
      content: `撤销 ${u.displayName} 的「${roleLabels[g.role as Role] ?? g.role}」角色？对方将立即失去该角色的权限。`,
      okText: '撤销',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await api.post(`/users/${u.id}/grants/${g.id}/revoke`);
          message.success('已撤销');
        } catch (err) {
          message.error(describeError(err));
        } finally {
          refresh();
        }
      },
    });
  const unlock = (u: User) =>
    modal.confirm({
      title: '解除锁定',
      content: `确认 ${u.displayName} 本人申请解锁后再操作。解除后对方可立即重新登录。`,
      okText: '解除锁定',
      cancelText: '取消',
      onOk: async () => {
        try {
          await api.post(`/users/${u.id}/unlock`);
          message.success('已解除锁定');
        } catch (err) {
          message.error(describeError(err));
        } finally {
          refresh();
        }
      },
    });

  if (users.error) return <LoadError error={users.error} onRetry={() => void users.refetch()} />;
  const shown = (users.data ?? []).filter((u) => !filter || u.username.includes(filter) || u.displayName.includes(filter));

  return (
    <Card title="角色授权">
      <Typography.Paragraph type="secondary">
        系统管理员、安全保密员、安全审计员三种角色互相分离，一个账号只能担任其中一种。
      </Typography.Paragraph>
      <Input.Search allowClear placeholder="按用户名或姓名筛选" style={{ maxWidth: 320, marginBottom: 16 }} onSearch={setFilter} onChange={(e) => !e.target.value && setFilter('')} />
      <Table<User>
        rowKey="id"
        size="middle"
        loading={users.isLoading}
        dataSource={shown}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 个账号` }}
        locale={{ emptyText: filter ? '没有符合条件的账号。' : '还没有账号。请先由系统管理员开设账号。' }}
        columns={[
          { title: '用户名', dataIndex: 'username', width: 140, render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
          { title: '姓名', dataIndex: 'displayName', width: 110 },
          {
            title: '角色与范围',
            dataIndex: 'grants',
            render: (grants: User['grants'], u) =>
              grants.length ? (
                <Space size={[4, 4]} wrap>
                  {grants.map((g) => (
                    <Tag
                      key={g.id}
                      color="red"
                      closable
                      onClose={(e) => {
                        e.preventDefault();
                        revoke(u, g);
                      }}
                      style={{ whiteSpace: 'normal' }}
                    >
                      {roleLabels[g.role as Role] ?? g.role}
                      {g.courtId && courtName.get(g.courtId) ? `（${courtName.get(g.courtId)}${g.orgId && orgName.get(g.orgId) ? ` · ${orgName.get(g.orgId)}` : ''}）` : ''}
                    </Tag>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">未授权</Typography.Text>
              ),
          },
          { title: '状态', key: 'state', width: 150, render: (_, u) => <UserStateTags user={u} /> },
          {
            title: '操作',
            key: 'op',
            width: 170,
            fixed: 'right',
            render: (_, u) => (
              <Space size={0} wrap>
                <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => setGranting(u)}>
                  授权
                </Button>
                {u.locked && (
                  <Button type="link" size="small" icon={<UnlockOutlined />} onClick={() => unlock(u)}>
                    解锁
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <GrantModal user={granting} scopes={scopes.data} onClose={() => setGranting(null)} onSaved={refresh} />
    </Card>
  );
}

type GrantValues = { role: Role; courtId?: string; orgId?: string };

function GrantModal({ user, scopes, onClose, onSaved }: { user: User | null; scopes: GrantScopes | undefined; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<GrantValues>();
  const { message } = App.useApp();
  const role = Form.useWatch('role', form);
  const courtId = Form.useWatch('courtId', form);
  const needsCourt = !!role && courtScoped.includes(role);
  const needsOrg = !!role && orgScoped.includes(role);
  const courts = scopes?.courts ?? [];
  useEffect(() => {
    if (user) form.setFieldsValue({ role: undefined, courtId: user.courtId ?? undefined, orgId: undefined });
  }, [user, form]);

  const { busy, submit } = useFormSubmit(form, async (v: GrantValues) => {
    if (!user) return;
    await api.post(`/users/${user.id}/grants`, { role: v.role, courtId: needsCourt ? v.courtId : null, orgId: needsOrg ? v.orgId : null });
    message.success('已授权');
    onSaved();
    onClose();
  });

  // A group leader leads a 党小组; the other org-scoped roles sit on a branch (or a 党总支/党委).
  const orgOptions = (scopes?.orgs ?? []).filter((o) => o.courtId === courtId && (role === 'groupLeader' ? o.type === 'partyGroup' : o.type !== 'partyGroup'));
  return (
    <Modal open={!!user} title={user ? `为 ${user.displayName}（${user.username}）授权` : ''} okText="授权" onOk={() => form.submit()} confirmLoading={busy} onCancel={onClose} forceRender>
      <Form form={form} name="grant" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={roles.map((r) => ({ value: r, label: roleLabels[r] }))} />
        </Form.Item>
        {needsCourt && (
          <Form.Item name="courtId" label="法院" rules={[{ required: true, message: '请选择法院' }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={courts.map((c) => ({ value: c.id, label: c.name }))}
              placeholder="选择法院"
              notFoundContent="没有法院"
              onChange={() => form.setFieldValue('orgId', undefined)}
            />
          </Form.Item>
        )}
        {needsOrg && (
          <Form.Item name="orgId" label={role === 'groupLeader' ? '党小组' : '党支部'} rules={[{ required: true, message: '请选择党组织' }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={orgOptions.map((o) => ({ value: o.id, label: o.shortName ? `${o.shortName}（${o.name}）` : o.name }))}
              placeholder={courtId ? '输入名称查找' : '请先选择法院'}
              notFoundContent={courtId ? '该法院没有可选的党组织' : '请先选择法院'}
              disabled={!courtId}
            />
          </Form.Item>
        )}
        {role && ['sysAdmin', 'securityOfficer', 'auditor'].includes(role) && (
          <Alert type="warning" showIcon title="三员角色互斥：已担任其他三员角色或业务角色的账号不能再授予此角色。" />
        )}
      </Form>
    </Modal>
  );
}
