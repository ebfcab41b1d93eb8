// 共享学习资料 (远程连线、云上共学): the branch's library of links and files, each shared read-only with
// chosen orgs of any court. Items shared with the caller's branch by other courts show who shared them.
import { useState } from 'react';
import { App, Button, Empty, Form, Input, List, Modal, Popconfirm, Radio, Select, Space, Spin, Tag, Typography, Upload } from 'antd';
import { FileOutlined, LinkOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { UploadFile } from 'antd';
import { api, describeError, downloadFile } from '../../api/client';
import type { Material, ShareTarget } from '../../api/bases';
import { useMe } from '../../auth';
import { useOrgs } from '../../api/queries';
import { showDate } from '../../lib/dates';
import { useFormSubmit } from '../../lib/form-errors';

type Values = { kind: 'link' | 'file'; orgId: string; title: string; url?: string; description?: string; sharedOrgIds: string[]; file?: unknown };

function AddMaterialDialog({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const me = useMe();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [q, setQ] = useState('');
  const isAdmin = me.grants.some((g) => g.role === 'courtAdmin');
  const orgs = useOrgs(isAdmin);
  const own = me.grants.filter((g) => g.role === 'branchSecretary' && g.orgId).map((g) => ({ value: g.orgId!, label: g.scopeName ?? '本支部' }));
  const orgOptions = isAdmin ? (orgs.data ?? []).filter((o) => o.type === 'branch' || o.type === 'generalBranch' || o.type === 'organCommittee').map((o) => ({ value: o.id, label: o.shortName ?? o.name })) : own;
  const targets = useQuery({ queryKey: ['material-share-targets', q], queryFn: () => api.get<{ items: ShareTarget[] }>('/material-share-targets', { q: q || undefined }), staleTime: 60_000 });
  const kind = Form.useWatch('kind', form);
  const { busy, submit } = useFormSubmit(form, async (v) => {
    if (v.kind === 'file') {
      const f = files[0]?.originFileObj;
      if (!f) {
        form.setFields([{ name: 'file', errors: ['请选择要上传的文件'] }]);
        throw new Error('请选择要上传的文件');
      }
      const data = new FormData();
      data.append('orgId', v.orgId);
      data.append('title', v.title);
      if (v.description) data.append('description', v.description);
      data.append('sharedOrgIds', (v.sharedOrgIds ?? []).join(','));
      data.append('file', f);
      await api.upload<Material>('/materials/upload', data);
    } else {
      await api.post<Material>('/materials', { orgId: v.orgId, title: v.title, url: v.url, description: v.description || null, sharedOrgIds: v.sharedOrgIds ?? [] });
    }
    message.success(v.sharedOrgIds?.length ? `已添加，并共享给${v.sharedOrgIds.length}个党组织` : '已添加到本支部资料库');
    await client.invalidateQueries({ queryKey: ['materials'] });
    onClose();
  });
  return (
    <Modal title="添加学习资料" open onCancel={onClose} onOk={() => form.submit()} okText="添加" cancelText="取消" confirmLoading={busy} width={640}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'link', orgId: orgOptions.length === 1 ? orgOptions[0]!.value : undefined, sharedOrgIds: [] }}>
        <Form.Item name="kind" label="类型">
          <Radio.Group options={[{ value: 'link', label: '链接' }, { value: 'file', label: '文件（PDF/Word/Excel/图片）' }]} />
        </Form.Item>
        <Form.Item name="orgId" label="所属支部" rules={[{ required: true, message: '请选择所属支部' }]}>
          <Select options={orgOptions} showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
          <Input maxLength={100} />
        </Form.Item>
        {kind === 'file' ? (
          <Form.Item name="file" label="文件" required>
            <Upload beforeUpload={() => false} maxCount={1} fileList={files} onChange={({ fileList }) => setFiles(fileList.slice(-1))} accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png">
              <Button icon={<UploadOutlined />}>选择文件</Button>
            </Upload>
          </Form.Item>
        ) : (
          <Form.Item name="url" label="链接" rules={[{ required: true, message: '请填写链接' }, { pattern: /^https?:\/\/\S+$/i, message: '链接应以 http:// 或 https:// 开头' }]}>
            <Input placeholder="https://" maxLength={1000} />
          </Form.Item>
        )}
        <Form.Item name="description" label="说明">
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
        <Form.Item name="sharedOrgIds" label="共享给（可选其他法院的联建支部）" extra="对方只能查看和下载，不能修改">
          <Select
            mode="multiple"
            showSearch
            filterOption={false}
            onSearch={setQ}
            loading={targets.isFetching}
            placeholder="输入法院或支部名称搜索"
            options={(targets.data?.items ?? []).map((t) => ({ value: t.id, label: `${t.courtName} · ${t.name}` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function MaterialsCard() {
  const [scope, setScope] = useState<'all' | 'own' | 'shared'>('all');
  const [adding, setAdding] = useState(false);
  const me = useMe();
  const client = useQueryClient();
  const { message } = App.useApp();
  const list = useQuery({ queryKey: ['materials', scope], queryFn: () => api.get<{ items: Material[]; total: number }>('/materials', { scope, pageSize: 200 }) });
  const canAdd = me.permissions.includes('rooms:manage');
  const withdraw = async (m: Material) => {
    try {
      await api.post(`/materials/${m.id}/withdraw`, { version: m.version });
      message.success('已撤回，共享方不再可见');
      void client.invalidateQueries({ queryKey: ['materials'] });
    } catch (err) {
      message.error(describeError(err));
    }
  };
  return (
    <div data-testid="materials">
      <Space wrap style={{ marginBottom: 12 }}>
        <Radio.Group
          value={scope}
          onChange={(e) => setScope(e.target.value)}
          optionType="button"
          options={[
            { value: 'all', label: '全部' },
            { value: 'own', label: '本院资料' },
            { value: 'shared', label: '外院共享给我们' },
          ]}
        />
        {canAdd && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            添加资料
          </Button>
        )}
      </Space>
      {list.isLoading ? (
        <Spin />
      ) : list.error ? (
        <Typography.Text type="danger">{describeError(list.error)}</Typography.Text>
      ) : !list.data?.items.length ? (
        <Empty description={scope === 'shared' ? '其他法院暂未共享学习资料' : '暂无学习资料'} />
      ) : (
        <List
          dataSource={list.data.items}
          renderItem={(m) => (
            <List.Item
              data-testid="material"
              actions={
                m.canManage
                  ? [
                      <Popconfirm key="w" title="撤回这份资料？" description="撤回后共享的支部将不再看到它。" okText="撤回" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => void withdraw(m)}>
                        <Button size="small" type="link" danger>
                          撤回
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                avatar={m.kind === 'file' ? <FileOutlined style={{ fontSize: 20, color: '#c8102e' }} /> : <LinkOutlined style={{ fontSize: 20, color: '#1677ff' }} />}
                title={
                  m.kind === 'file' ? (
                    <a onClick={() => void downloadFile(`/materials/${m.id}/file`, undefined, m.fileName ?? m.title).catch((err) => message.error(describeError(err)))}>{m.title}</a>
                  ) : (
                    <a href={m.url ?? '#'} target="_blank" rel="noopener noreferrer">
                      {m.title}
                    </a>
                  )
                }
                description={
                  <Space orientation="vertical" size={2}>
                    {m.description && <span>{m.description}</span>}
                    <Space wrap size={4}>
                      <Tag color={m.canManage ? 'red' : 'blue'}>
                        {m.courtName} · {m.orgName}
                      </Tag>
                      <span style={{ fontSize: 12 }}>{showDate(m.createdAt.slice(0, 10))}</span>
                      {m.sharedWith.length > 0 && <span style={{ fontSize: 12 }}>共享给：{m.sharedWith.map((s) => `${s.courtName}${s.orgName}`).join('、')}</span>}
                    </Space>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
      {adding && <AddMaterialDialog onClose={() => setAdding(false)} />}
    </div>
  );
}
