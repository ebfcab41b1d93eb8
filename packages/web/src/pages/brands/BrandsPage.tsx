// 党建品牌: the court's "1+N" brand cluster (院品牌 + 支部品牌, with status and honors), the list of
// brands (with "待我评分" for panel members), the annual 选树 rounds (SelectionTab), the honors
// registry, and the overdue cultivation reminders. A higher court picks one of its lower courts. Creating a brand opens its page.
import { useState } from 'react';
import { App, Badge, Button, Card, Col, Empty, Form, Input, Modal, Row, Segmented, Select, Skeleton, Space, Statistic, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { PlusOutlined, TrophyOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { BrandDetail } from '@zhibu/contracts';
import { brandStateLabels, brandStates, honorKindLabels, honorLevelLabels, honorLevels } from '@zhibu/domain';
import { api, describeError, downloadFile, request } from '../../api/client';
import { brandKeys, honorLevelColors, useBrandCluster, useBrandList, useHonors, type BrandSummary, type Honor } from '../../api/brands';
import { useCourts, useOrgs } from '../../api/queries';
import { useCan, useMe } from '../../auth';
import { PageCard, useIsPhone } from '../../components/PageCard';
import { showDate } from '../../lib/dates';
import { useFormSubmit } from '../../lib/form-errors';
import { LoadError } from '../errors/ErrorPages';
import { BrandMark, BrandRemindersAlert, BrandStateTag, HonorFields, honorPayload, type HonorFormValues } from './BrandBits';
import { SelectionView } from './SelectionTab';

function BrandCard({ b, master = false }: { b: BrandSummary; master?: boolean }) {
  return (
    <Link to={`/brands/${b.id}`} data-testid={`brand-card-${b.name}`}>
      <Card hoverable size="small" style={{ height: '100%', borderColor: master ? '#c8161d' : undefined }}>
        <Space align="start">
          <BrandMark name={b.name} size={master ? 64 : 44} logo={b} />
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong style={{ fontSize: master ? 18 : 15 }}>
              {b.name}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary">{b.orgName}</Typography.Text>
            </div>
            {b.slogan && <div style={{ color: '#595959' }}>{b.slogan}</div>}
            <Space size={4} wrap style={{ marginTop: 4 }}>
              <BrandStateTag b={b} />
              {b.selectedYear && <Tag color="red">{b.selectedYear}年度选树</Tag>}
              {b.honorCount > 0 && (
                <Tag icon={<TrophyOutlined />} color="gold">
                  荣誉{b.honorCount}项
                </Tag>
              )}
              {b.evidenceCount > 0 && <Tag>佐证{b.evidenceCount}项</Tag>}
              {b.overdueCount > 0 && <Tag color="error">{b.overdueCount}个节点逾期</Tag>}
            </Space>
          </div>
        </Space>
      </Card>
    </Link>
  );
}

function ClusterView({ courtId }: { courtId?: string }) {
  const q = useBrandCluster(courtId);
  if (q.isLoading) return <Skeleton active />;
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data!;
  return (
    <div data-testid="brand-cluster">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {c.courtName}党建品牌集群（1+{c.branches.length}）
      </Typography.Title>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Statistic title="支部品牌" value={c.branches.length} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="已选树" value={c.byState.find((s) => s.state === 'selected')?.count ?? 0} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="培育中" value={c.byState.find((s) => s.state === 'cultivating')?.count ?? 0} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="所获荣誉" value={c.honorCount} />
        </Col>
      </Row>
      {c.master ? (
        <div style={{ marginBottom: 12 }}>
          <BrandCard b={c.master} master />
        </div>
      ) : (
        <Empty description="尚未创建院级党建品牌" style={{ marginBottom: 12 }} />
      )}
      {c.branches.length ? (
        <Row gutter={[12, 12]}>
          {c.branches.map((b) => (
            <Col key={b.id} xs={24} md={12} xl={8}>
              <BrandCard b={b} />
            </Col>
          ))}
        </Row>
      ) : (
        <Empty description="还没有已申报的支部品牌" />
      )}
    </div>
  );
}

function BrandList({ courtId }: { courtId?: string }) {
  const phone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? undefined;
  const reviewer = params.get('reviewer') === 'me' ? ('me' as const) : undefined;
  const q = useBrandList({ state, reviewer, courtId });
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="全部状态" style={{ width: 140 }} value={state} onChange={(v) => set('state', v)} options={brandStates.map((s) => ({ value: s, label: brandStateLabels[s] }))} aria-label="状态" />
        <Segmented value={reviewer ? 'me' : 'all'} onChange={(v) => set('reviewer', v === 'me' ? 'me' : undefined)} options={[{ value: 'all', label: '全部品牌' }, { value: 'me', label: '我参与评审的' }]} />
      </Space>
      {q.error ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<BrandSummary>
          rowKey="id"
          size={phone ? 'small' : 'middle'}
          loading={q.isLoading}
          dataSource={q.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description={reviewer ? '暂无需要您评审的品牌' : '暂无党建品牌'} /> }}
          scroll={{ x: phone ? 560 : undefined }}
          columns={[
            {
              title: '品牌',
              dataIndex: 'name',
              render: (_, b) => (
                <Space>
                  <Link to={`/brands/${b.id}`}>{b.name}</Link>
                  {b.isMaster && <Tag color="red">院品牌</Tag>}
                  {b.awaitingMyScore && <Badge status="processing" text="待我评分" />}
                </Space>
              ),
            },
            { title: '党组织', dataIndex: 'orgName', responsive: ['md'] },
            { title: '状态', dataIndex: 'state', width: 110, render: (_, b) => <BrandStateTag b={b} /> },
            { title: '荣誉', dataIndex: 'honorCount', width: 70 },
            { title: '逾期节点', dataIndex: 'overdueCount', width: 90, render: (n: number) => (n ? <Tag color="error">{n}</Tag> : '—') },
          ]}
        />
      )}
    </>
  );
}

function HonorsView({ courtId }: { courtId?: string }) {
  const phone = useIsPhone();
  const canManage = useCan('brands:manage');
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [level, setLevel] = useState<string>();
  const [adding, setAdding] = useState(false);
  const q = useHonors({ courtId, level });
  const remove = (h: Honor) =>
    modal.confirm({
      title: '删除这项荣誉？',
      content: `“${h.name}”（${h.recipientName}）将从荣誉库中删除，删除操作记入审计日志。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '返回',
      onOk: async () => {
        try {
          await request('DELETE', `/honors/${h.id}`);
          message.success('已删除');
        } catch (err) {
          message.error(describeError(err));
        }
        void client.invalidateQueries({ queryKey: brandKeys.all });
      },
    });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="全部级别" style={{ width: 140 }} value={level} onChange={setLevel} options={honorLevels.map((l) => ({ value: l, label: honorLevelLabels[l] }))} aria-label="级别" />
        {canManage && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            登记荣誉
          </Button>
        )}
      </Space>
      {q.error ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<Honor>
          rowKey="id"
          size={phone ? 'small' : 'middle'}
          loading={q.isLoading}
          dataSource={q.data?.items ?? []}
          pagination={false}
          scroll={{ x: phone ? 640 : undefined }}
          locale={{ emptyText: <Empty description="暂无荣誉" /> }}
          columns={[
            { title: '荣誉名称', dataIndex: 'name', render: (n: string, h) => (h.brandId ? <Link to={`/brands/${h.brandId}`}>{n}</Link> : n) },
            { title: '级别', dataIndex: 'level', width: 80, render: (_, h) => <Tag color={honorLevelColors[h.level]}>{h.levelLabel}</Tag> },
            { title: '获奖对象', dataIndex: 'recipientName', render: (n: string, h) => (h.kind === 'individual' && n !== '（个人）' ? `${n}（个人）` : n) },
            { title: '授予单位', dataIndex: 'issuer', responsive: ['md'] },
            { title: '授予日期', dataIndex: 'awardedOn', width: 130, render: (d: string) => showDate(d) },
            {
              title: '证书',
              key: 'cert',
              width: 130,
              render: (_: unknown, h: Honor) => (
                <Space size={0}>
                  {h.hasCertificate && (
                    <Button type="link" size="small" onClick={() => downloadFile(`/honors/${h.id}/certificate`, undefined, '证书').catch((err) => message.error(describeError(err)))}>
                      查看
                    </Button>
                  )}
                  {h.canEdit && <CertificateUpload honor={h} />}
                </Space>
              ),
            },
            ...(canManage ? [{ title: '操作', key: 'op', width: 80, render: (_: unknown, h: Honor) => (h.canEdit ? <Button type="link" danger size="small" onClick={() => remove(h)}>删除</Button> : null) }] : []),
          ]}
        />
      )}
      <AddHonorModal open={adding} onClose={() => setAdding(false)} />
    </>
  );
}

/** Uploads (or replaces) an honor's certificate: JPG/PNG/PDF up to 10MB. */
function CertificateUpload({ honor }: { honor: Honor }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  return (
    <Upload
      accept=".jpg,.jpeg,.png,.pdf"
      showUploadList={false}
      customRequest={async ({ file }) => {
        const form = new FormData();
        form.append('file', file as Blob);
        try {
          await api.upload(`/honors/${honor.id}/certificate`, form);
          message.success('证书已上传');
          void client.invalidateQueries({ queryKey: brandKeys.all });
        } catch (err) {
          message.error(describeError(err));
        }
      }}
    >
      <Button type="link" size="small">
        {honor.hasCertificate ? '更换' : '上传'}
      </Button>
    </Upload>
  );
}

function AddHonorModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<HonorFormValues & { orgId?: string }>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const kind = Form.useWatch('kind', form);
  const { busy, submit } = useFormSubmit(form, async (v) => {
    await api.post('/honors', { ...honorPayload(v), orgId: v.orgId });
    message.success('荣誉已登记');
    void client.invalidateQueries({ queryKey: brandKeys.all });
    form.resetFields();
    onClose();
  });
  return (
    <Modal title="登记荣誉" open={open} onCancel={onClose} onOk={() => form.submit()} okText="登记" cancelText="取消" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'collective', level: 'court' }}>
        <HonorFields />
        <Form.Item name="orgId" label={kind === 'individual' ? '获奖人所在党组织' : '获奖党组织'} rules={[{ required: true, message: '请选择党组织' }]}>
          <OrgSelect />
        </Form.Item>
        {kind === 'individual' && (
          <Form.Item name="recipientName" label="获奖人" extra="个人荣誉请在党员档案中登记以关联党员；此处仅记录姓名">
            <Input maxLength={100} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** Orgs a brand or an honor can belong to: 支部, 党总支 and the court's top org (for the 院级品牌). */
function OrgSelect({ value, onChange, id }: { value?: string; onChange?: (v: string | undefined) => void; id?: string }) {
  const orgs = useOrgs();
  const options = (orgs.data ?? [])
    .filter((o) => o.type === 'branch' || o.type === 'generalBranch' || !o.parentId)
    .map((o) => ({ value: o.id, label: o.shortName ? `${o.shortName}（${o.name}）` : o.name }));
  return <Select id={id} value={value} onChange={onChange} options={options} loading={orgs.isLoading} showSearch optionFilterProp="label" placeholder="请选择党组织" aria-label="所属党组织" />;
}

function CreateBrandModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ orgId: string; name: string; slogan?: string; isMaster?: boolean }>();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { busy, submit } = useFormSubmit(form, async (v) => {
    const b = await api.post<BrandDetail>('/brands', { orgId: v.orgId, name: v.name, slogan: v.slogan || null, isMaster: !!v.isMaster });
    void client.invalidateQueries({ queryKey: brandKeys.all });
    onClose();
    navigate(`/brands/${b.id}`);
  });
  return (
    <Modal title="创建党建品牌" open={open} onCancel={onClose} onOk={() => form.submit()} okText="创建草稿" cancelText="取消" confirmLoading={busy} destroyOnHidden>
      <Typography.Paragraph type="secondary">一个支部一个品牌。创建后补充理念、内涵、特色和融合点，再提交申报，由院机关党委组织评审认定。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="orgId" label="所属党组织" rules={[{ required: true, message: '请选择党组织' }]}>
          <OrgSelect />
        </Form.Item>
        <Form.Item name="name" label="品牌名称" rules={[{ required: true, message: '请填写品牌名称' }]}>
          <Input maxLength={60} placeholder="如：初心铸魂 清风拂绿" />
        </Form.Item>
        <Form.Item name="slogan" label="品牌口号">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="isMaster" label="品牌类型" initialValue={false}>
          <Select options={[{ value: false, label: '支部品牌' }, { value: true, label: '院级品牌（机关党委/党总支）' }]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function BrandsPage() {
  const me = useMe();
  const canManage = useCan('brands:manage');
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const courts = useCourts();
  const isViewer = me.grants.some((g) => g.role === 'higherCourtViewer');
  const lowerCourts = (courts.data ?? []).filter((c) => c.id !== me.courtId);
  const courtId = params.get('court') ?? (isViewer ? lowerCourts[0]?.id : undefined);
  const tab = params.get('tab') ?? 'cluster';
  const setTab = (t: string) => {
    const next = new URLSearchParams();
    next.set('tab', t);
    if (params.get('court')) next.set('court', params.get('court')!);
    setParams(next, { replace: true });
  };
  const showReminders = me.grants.some((g) => g.role === 'courtAdmin' || g.role === 'branchSecretary');
  return (
    <PageCard
      title="党建品牌（一支部一品牌）"
      actions={
        <Space wrap>
          {isViewer && (
            <Select
              style={{ minWidth: 200 }}
              value={courtId}
              aria-label="法院"
              onChange={(v) => {
                const next = new URLSearchParams(params);
                next.set('court', v);
                setParams(next, { replace: true });
              }}
              options={lowerCourts.map((c) => ({ value: c.id, label: c.name }))}
            />
          )}
          {(courtId ?? me.courtId) && (
            <a href={`/showcase/${courtId ?? me.courtId}`} target="_blank" rel="noreferrer" data-testid="showcase-link">
              <Button>对外展示页</Button>
            </a>
          )}
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              创建品牌
            </Button>
          )}
        </Space>
      }
    >
      <BrandRemindersAlert enabled={showReminders} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'cluster', label: '品牌集群', children: isViewer && !courtId ? <Empty description="暂无下级法院" /> : <ClusterView courtId={courtId} /> },
          { key: 'list', label: '品牌列表', children: <BrandList courtId={courtId} /> },
          { key: 'selection', label: '选树', children: isViewer && !courtId ? <Empty description="暂无下级法院" /> : <SelectionView courtId={courtId} /> },
          { key: 'honors', label: '荣誉库', children: <HonorsView courtId={courtId} /> },
        ]}
      />
      <CreateBrandModal open={creating} onClose={() => setCreating(false)} />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 16, fontSize: 12 }}>
        品牌创建五步：申报、认定、培育、宣传、选树；认定标准：有主题、有内涵、有特色、有融合。{honorKindLabels.collective}与{honorKindLabels.individual}统一登记在荣誉库。
      </Typography.Text>
    </PageCard>
  );
}
