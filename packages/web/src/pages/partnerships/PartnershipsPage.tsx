// 联建共建: the branch's pairings with counterpart branches (any court on the platform) and outside
// units, their agreements and status (the other side's manager answers a proposal), the joint
// activities under each (planned here, held and recorded in 组织生活), and the network of a court's
// pairings with counts per branch and per 四联 category. The server decides who may do what
// (canDecide / canManage / hostableOrgIds); this page only offers what it allows. A higher court's
// viewer (贵州高院) picks one of its lower courts (or 全部): list and network show that court's
// pairings, and a table gives each lower court's pairings and joint activities per 四联 category.
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { ApartmentOutlined, CalendarOutlined, CheckOutlined, CloseOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { jointCategories, jointCategoryLabels, partnershipRule, partnerUnitTypeLabels, partnerUnitTypes, type JointCategory } from '@zhibu/domain';
import { api, describeError } from '../../api/client';
import {
  jointCategoryColors,
  partnershipStatusColors,
  useCounterparts,
  useJointActivities,
  usePartnershipNetwork,
  usePartnerships,
  usePartnershipsChanged,
  type Partnership,
} from '../../api/partnerships';
import { useOrgs } from '../../api/queries';
import { useCan, useMe } from '../../auth';
import { PageCard, useIsPhone } from '../../components/PageCard';
import { chineseDateFormat, showDate, showDateTime, toIsoDate } from '../../lib/dates';
import { useFormSubmit } from '../../lib/form-errors';
import PartnershipGraph from './PartnershipGraph';

const { Text, Paragraph } = Typography;

function CategoryTags({ categories }: { categories: readonly string[] }) {
  return (
    <>
      {categories.map((c) => (
        <Tag key={c} color={jointCategoryColors[c] ?? 'default'}>
          {jointCategoryLabels[c as JointCategory] ?? c}
        </Tag>
      ))}
    </>
  );
}

function period(p: Pick<Partnership, 'startsOn' | 'endsOn'>) {
  return p.endsOn ? `${showDate(p.startsOn)}至${showDate(p.endsOn)}` : `${showDate(p.startsOn)}起，长期`;
}

export default function PartnershipsPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'network' ? 'network' : 'list';
  const courtId = params.get('court') ?? undefined;
  const isViewer = useMe().grants.some((g) => g.role === 'higherCourtViewer');
  const canManage = useCan('partnerships:manage');
  const [creating, setCreating] = useState(false);
  const go = (next: { tab?: string; court?: string | undefined }) => {
    const t = next.tab ?? tab;
    const c = 'court' in next ? next.court : courtId;
    setParams({ ...(t === 'network' ? { tab: 'network' } : {}), ...(c ? { court: c } : {}) });
  };
  return (
    <PageCard
      title="联建共建（“四联”：思路联谋、问题联解、品牌联创、力量联合）"
      actions={
        canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            登记联建
          </Button>
        ) : undefined
      }
    >
      {isViewer && <CourtFilter courtId={courtId} onChange={(c) => go({ court: c })} />}
      <Tabs
        activeKey={tab}
        onChange={(k) => go({ tab: k })}
        items={[
          { key: 'list', label: '联建关系', children: <PartnershipList courtId={courtId} /> },
          { key: 'network', label: '联建网络与统计', children: <NetworkView courtId={courtId} onPickCourt={(c) => go({ court: c })} /> },
        ]}
      />
      {creating && <CreateModal onClose={() => setCreating(false)} />}
    </PageCard>
  );
}

// ---------------------------------------------------------------- list

/** A higher court's viewer: one lower court or all of them (the courts come from the network's per-court table). */
function CourtFilter({ courtId, onChange }: { courtId: string | undefined; onChange: (courtId: string | undefined) => void }) {
  const { data, isLoading } = usePartnershipNetwork({ year: dayjs().year() });
  const courts = data?.byCourt ?? [];
  return (
    <Space wrap style={{ marginBottom: 4 }}>
      <Text>所辖法院</Text>
      <Select
        aria-label="所辖法院"
        data-testid="court-filter"
        showSearch
        optionFilterProp="label"
        loading={isLoading}
        style={{ width: 240 }}
        value={courtId ?? ''}
        onChange={(v: string) => onChange(v || undefined)}
        options={[{ value: '', label: '全部所辖法院' }, ...courts.map((c) => ({ value: c.courtId, label: `${c.courtName}（联建${c.partnerships}个）` }))]}
      />
    </Space>
  );
}

function PartnershipList({ courtId }: { courtId?: string }) {
  const [status, setStatus] = useState<string | undefined>();
  const [pageState, setPage] = useState({ page: 1, courtId });
  // A new court filter starts again from the first page.
  const page = pageState.courtId === courtId ? pageState.page : 1;
  const isPhone = useIsPhone();
  const { data, isLoading, error } = usePartnerships({ status, courtId }, page, 20);
  const [open, setOpen] = useState<Partnership | null>(null);
  const [planning, setPlanning] = useState<Partnership | null>(null);
  const actions = usePartnershipActions();
  const items = data?.items ?? [];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label="状态"
          allowClear
          placeholder="全部状态"
          style={{ width: 160 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage({ page: 1, courtId });
          }}
          options={[
            { value: 'proposed', label: '待对方确认' },
            { value: 'active', label: '联建中' },
            { value: 'ended', label: '已结束' },
            { value: 'declined', label: '对方未同意' },
          ]}
        />
        <Text type="secondary">{partnershipRule}</Text>
      </Space>
      {error && <Alert type="error" showIcon title={describeError(error)} />}
      {isLoading ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty description={status ? '没有这个状态的联建' : courtId ? '这个法院还没有联建关系' : '还没有联建关系。可点击“登记联建”，与上级、基层法院的对口党支部或检察院、社区、学校等单位结对共建'} />
      ) : (
        <List
          dataSource={items}
          pagination={data && data.total > 20 ? { current: page, pageSize: 20, total: data.total, onChange: (n) => setPage({ page: n, courtId }), showTotal: (n) => `共${n}个` } : false}
          renderItem={(p) => (
            <List.Item
              data-testid={`partnership-${p.id}`}
              actions={isPhone ? undefined : actions.buttons(p, () => setPlanning(p))}
              style={{ alignItems: 'flex-start' }}
            >
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <a onClick={() => setOpen(p)}>
                      {p.ownLabel} ⇄ {p.partnerLabel}
                    </a>
                    <Tag color={partnershipStatusColors[p.status]}>{p.statusLabel}</Tag>
                  </Space>
                }
                description={
                  <Space orientation="vertical" size={2}>
                    <span>
                      <CategoryTags categories={p.categories} />
                      <Text type="secondary">
                        {p.courtName} · {period(p)} · 联建活动{p.jointActivityCount}次
                      </Text>
                    </span>
                    <Text>{p.goals}</Text>
                    {isPhone && <Space wrap>{actions.buttons(p, () => setPlanning(p))}</Space>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
      {open && <DetailDrawer id={open.id} partnership={items.find((x) => x.id === open.id) ?? open} onClose={() => setOpen(null)} onPlan={(p) => setPlanning(p)} />}
      {planning && <PlanModal partnership={planning} onClose={() => setPlanning(null)} />}
      {actions.modals}
    </>
  );
}

function usePartnershipActions() {
  const { message, modal } = App.useApp();
  const changed = usePartnershipsChanged();
  const [declining, setDeclining] = useState<Partnership | null>(null);
  const [ending, setEnding] = useState<Partnership | null>(null);
  const size = useIsPhone() ? 'middle' : 'small';
  const accept = (p: Partnership) =>
    modal.confirm({
      title: '同意联建？',
      content: `同意后，${p.ownLabel}与本方支部结为联建支部，双方可策划联建活动。`,
      okText: '同意',
      cancelText: '返回',
      onOk: async () => {
        try {
          await api.post(`/partnerships/${p.id}/decide`, { decision: 'accept', version: p.version });
          message.success('已同意联建');
        } catch (err) {
          message.error(describeError(err));
        } finally {
          changed();
        }
      },
    });
  const buttons = (p: Partnership, plan: () => void) => {
    const out = [];
    if (p.canDecide)
      out.push(
        <Button key="accept" type="primary" size={size} icon={<CheckOutlined />} onClick={() => accept(p)}>
          同意
        </Button>,
        <Button key="decline" danger size={size} icon={<CloseOutlined />} onClick={() => setDeclining(p)}>
          不同意
        </Button>,
      );
    if (p.status === 'active' && p.hostableOrgIds.length)
      out.push(
        <Button key="plan" size={size} icon={<CalendarOutlined />} onClick={plan}>
          策划联建活动
        </Button>,
      );
    if (p.status === 'active' && p.canManage)
      out.push(
        <Button key="end" size={size} icon={<StopOutlined />} onClick={() => setEnding(p)}>
          结束联建
        </Button>,
      );
    return out;
  };
  const modals = (
    <>
      {declining && <ReasonModal title="不同意联建" label="原因" okText="不同意" onClose={() => setDeclining(null)} submit={(reason) => api.post(`/partnerships/${declining.id}/decide`, { decision: 'decline', reason, version: declining.version })} />}
      {ending && (
        <ReasonModal
          title="结束联建"
          label="结束原因"
          okText="结束联建"
          withDate
          hint="结束后不能再以这项联建策划联建活动；已开展的联建活动及其台账保留。"
          onClose={() => setEnding(null)}
          submit={(reason, endedOn) => api.post(`/partnerships/${ending.id}/end`, { reason, endedOn, version: ending.version })}
        />
      )}
    </>
  );
  return { buttons, modals };
}

function ReasonModal({ title, label, okText, hint, withDate, onClose, submit }: { title: string; label: string; okText: string; hint?: string; withDate?: boolean; onClose: () => void; submit: (reason: string, endedOn: string | null) => Promise<unknown> }) {
  const [form] = Form.useForm<{ reason: string; endedOn?: Dayjs }>();
  const { message } = App.useApp();
  const changed = usePartnershipsChanged();
  const { busy, submit: onFinish } = useFormSubmit(
    form,
    async (v) => {
      await submit(v.reason, v.endedOn ? toIsoDate(v.endedOn) : null);
      message.success(`${title}：已保存`);
      changed();
      onClose();
    },
    () => changed(),
  );
  return (
    <Modal open title={title} okText={okText} cancelText="取消" okButtonProps={{ danger: true, loading: busy }} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {hint && <Alert type="warning" showIcon title={hint} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ endedOn: dayjs() }}>
        {withDate && (
          <Form.Item name="endedOn" label="结束日期" rules={[{ required: true, message: '请选择结束日期' }]}>
            <DatePicker format={chineseDateFormat} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, message: `请填写${label}` }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DetailDrawer({ id, partnership: p, onClose, onPlan }: { id: string; partnership: Partnership; onClose: () => void; onPlan: (p: Partnership) => void }) {
  const isPhone = useIsPhone();
  const { data, isLoading } = useJointActivities(id);
  return (
    <Drawer open title={`${p.ownLabel} ⇄ ${p.partnerLabel}`} onClose={onClose} size={isPhone ? '100%' : 640} destroyOnHidden>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="状态">
          <Tag color={partnershipStatusColors[p.status]}>{p.statusLabel}</Tag>
          {p.decisionReason && <Text type="secondary">原因：{p.decisionReason}</Text>}
        </Descriptions.Item>
        <Descriptions.Item label="发起方">
          {p.courtName} · {p.orgName}
        </Descriptions.Item>
        <Descriptions.Item label="联建对象">{p.partnerKind === 'branch' ? p.partnerLabel : `${p.partnerLabel}（外单位）`}</Descriptions.Item>
        <Descriptions.Item label="协议">{p.title}</Descriptions.Item>
        <Descriptions.Item label="期限">{period(p)}</Descriptions.Item>
        <Descriptions.Item label="“四联”方向">
          <CategoryTags categories={p.categories} />
        </Descriptions.Item>
        <Descriptions.Item label="联建目标">
          <Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{p.goals}</Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label="联系人">
          我方：{p.contact ?? '—'}；对方：{p.partnerContact ?? '—'}
        </Descriptions.Item>
        {p.endedOn && (
          <Descriptions.Item label="结束">
            {showDate(p.endedOn)}：{p.endReason}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Space style={{ margin: '16px 0 8px', justifyContent: 'space-between', width: '100%' }} wrap>
        <Text strong>联建活动</Text>
        {p.status === 'active' && p.hostableOrgIds.length > 0 && (
          <Button icon={<CalendarOutlined />} onClick={() => onPlan(p)}>
            策划联建活动
          </Button>
        )}
      </Space>
      {isLoading ? (
        <Skeleton active />
      ) : !data?.items.length ? (
        <Empty description="这项联建下还没有联建活动" />
      ) : (
        <List
          size="small"
          dataSource={data.items}
          renderItem={(a) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <Link to={`/activities/${a.id}`}>{a.title}</Link>
                    <Tag color={jointCategoryColors[a.category]}>{a.categoryLabel}</Tag>
                    {a.status === 'planned' && <Tag color="blue">计划中</Tag>}
                    {a.status === 'cancelled' && <Tag>已取消</Tag>}
                  </Space>
                }
                description={`${showDateTime(a.startsAt)} · ${a.hostCourtName}${a.hostOrgName}主办${a.place ? ` · ${a.place}` : ''}`}
              />
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}

// ---------------------------------------------------------------- create

type CreateValues = {
  orgId: string;
  partnerKind: 'branch' | 'external';
  partnerOrgId?: string;
  partnerUnitName?: string;
  partnerUnitType?: string;
  title: string;
  goals: string;
  categories: string[];
  startsOn: Dayjs;
  endsOn?: Dayjs | null;
  contact?: string;
  partnerContact?: string;
};

function CreateModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<CreateValues>();
  const { message } = App.useApp();
  const changed = usePartnershipsChanged();
  const orgs = useOrgs();
  const counterparts = useCounterparts(true);
  const kind = Form.useWatch('partnerKind', form) ?? 'branch';
  const orgId = Form.useWatch('orgId', form);
  const branches = (orgs.data ?? []).filter((o) => o.type === 'branch');
  const counterpartOptions = useMemo(() => {
    const byCourt = new Map<string, { label: string; options: { value: string; label: string }[] }>();
    for (const c of counterparts.data ?? []) {
      if (c.id === orgId) continue;
      const g = byCourt.get(c.courtId) ?? { label: c.courtName, options: [] };
      g.options.push({ value: c.id, label: `${c.courtName} · ${c.name}` });
      byCourt.set(c.courtId, g);
    }
    return [...byCourt.values()];
  }, [counterparts.data, orgId]);
  const { busy, submit } = useFormSubmit(form, async (v) => {
    const res = await api.post<Partnership>('/partnerships', {
      ...v,
      partnerOrgId: v.partnerKind === 'branch' ? v.partnerOrgId : null,
      partnerUnitName: v.partnerKind === 'external' ? v.partnerUnitName : null,
      partnerUnitType: v.partnerKind === 'external' ? v.partnerUnitType : null,
      startsOn: toIsoDate(v.startsOn),
      endsOn: v.endsOn ? toIsoDate(v.endsOn) : null,
    });
    message.success(res.status === 'proposed' ? `已发出联建邀请，待${res.partnerLabel}确认` : '联建已登记，即日生效');
    changed();
    onClose();
  });
  return (
    <Modal open title="登记联建" okText="保存" cancelText="取消" width={640} okButtonProps={{ loading: busy }} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="与外单位，或与您也管理的本院支部联建，登记即生效；与其他法院的党支部联建，须对方支部（或其法院党建管理员）同意后生效。" />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ partnerKind: 'branch', categories: ['jointPlanning'], startsOn: dayjs(), title: '党支部联建共建协议' }}>
        <Form.Item name="orgId" label="本方党支部" rules={[{ required: true, message: '请选择本方党支部' }]}>
          <Select showSearch optionFilterProp="label" loading={orgs.isLoading} options={branches.map((o) => ({ value: o.id, label: o.shortName ?? o.name }))} placeholder="选择您管理的党支部" />
        </Form.Item>
        <Form.Item name="partnerKind" label="联建对象">
          <Radio.Group
            options={[
              { value: 'branch', label: '平台上的法院党支部' },
              { value: 'external', label: '外单位（检察院、社区、学校、企业等）' },
            ]}
          />
        </Form.Item>
        {kind === 'branch' ? (
          <Form.Item name="partnerOrgId" label="对口党支部" rules={[{ required: true, message: '请选择对口党支部' }]}>
            <Select showSearch optionFilterProp="label" loading={counterparts.isLoading} options={counterpartOptions} placeholder="输入法院或支部名称查找" />
          </Form.Item>
        ) : (
          <Row gutter={12}>
            <Col xs={24} md={16}>
              <Form.Item name="partnerUnitName" label="联建单位名称" rules={[{ required: true, whitespace: true, message: '请填写联建单位名称' }]}>
                <Input maxLength={100} placeholder="如：西秀区人民检察院第二党支部" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="partnerUnitType" label="单位类别" rules={[{ required: true, message: '请选择单位类别' }]}>
                <Select options={partnerUnitTypes.map((t) => ({ value: t, label: partnerUnitTypeLabels[t] }))} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item name="title" label="协议名称" rules={[{ required: true, whitespace: true, message: '请填写协议名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="categories" label="“四联”方向" rules={[{ required: true, type: 'array', min: 1, message: '至少选择一个方向' }]}>
          <Checkbox.Group options={jointCategories.map((c) => ({ value: c, label: jointCategoryLabels[c] }))} />
        </Form.Item>
        <Form.Item name="goals" label="联建目标" rules={[{ required: true, whitespace: true, message: '请填写联建目标' }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder="如：围绕诉源治理共谋思路，共同破解金融纠纷化解难题" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={12}>
            <Form.Item name="startsOn" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
              <DatePicker format={chineseDateFormat} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="endsOn" label="结束日期（可不填）">
              <DatePicker format={chineseDateFormat} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="contact" label="我方联系人" extra="姓名和职务即可，不填手机号">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="partnerContact" label="对方联系人">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

// ---------------------------------------------------------------- plan a joint activity

const jointTypes = [
  { value: 'jointActivity', label: '联建活动' },
  { value: 'themedPartyDay', label: '主题党日' },
  { value: 'partyLecture', label: '党课' },
  { value: 'groupStudy', label: '集中研讨' },
  { value: 'caseReviewSession', label: '案例讲评会' },
  { value: 'volunteerService', label: '志愿服务' },
  { value: 'redEducation', label: '红色教育' },
];

type PlanValues = { orgId: string; type: string; jointCategory: string; title: string; startsAt: Dayjs; place?: string; agenda?: string };

function PlanModal({ partnership: p, onClose }: { partnership: Partnership; onClose: () => void }) {
  const [form] = Form.useForm<PlanValues>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const changed = usePartnershipsChanged();
  const hostOptions = p.hostableOrgIds.map((id) => ({ value: id, label: id === p.orgId ? p.orgShortName : (p.partnerOrgName ?? id) }));
  const { busy, submit } = useFormSubmit(
    form,
    async (v) => {
      const res = await api.post<{ id: string }>('/activities', {
        orgId: v.orgId,
        type: v.type,
        title: v.title,
        // The picked wall clock is Beijing time, whatever the browser's zone.
        startsAt: `${v.startsAt.format('YYYY-MM-DDTHH:mm')}:00+08:00`,
        place: v.place || null,
        agenda: v.agenda || null,
        partnershipId: p.id,
        jointCategory: v.jointCategory,
      });
      message.success('联建活动已策划，双方支部的活动列表和日历中都能看到');
      changed();
      onClose();
      navigate(`/activities/${res.id}`);
    },
  );
  return (
    <Modal open title="策划联建活动" okText="保存并查看" cancelText="取消" width={600} okButtonProps={{ loading: busy }} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={`联建对象：${p.ownLabel} ⇄ ${p.partnerLabel}`}
        description="双方支部的党员都列入应到人员，各方登记本方党员的出席情况；对方只能看到本方党员的姓名，看不到身份证号、手机号和请假原因。"
      />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ orgId: hostOptions[0]?.value, type: 'jointActivity', jointCategory: p.categories[0] ?? 'jointPlanning' }}>
        {hostOptions.length > 1 && (
          <Form.Item name="orgId" label="主办支部" rules={[{ required: true }]}>
            <Select options={hostOptions} />
          </Form.Item>
        )}
        {hostOptions.length <= 1 && <Form.Item name="orgId" hidden><Input /></Form.Item>}
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="jointCategory" label="“四联”类别" rules={[{ required: true, message: '请选择“四联”类别' }]}>
              <Select options={jointCategories.map((c) => ({ value: c, label: jointCategoryLabels[c] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="type" label="活动类型" rules={[{ required: true }]}>
              <Select options={jointTypes} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label="活动名称" rules={[{ required: true, whitespace: true, message: '请填写活动名称' }]}>
          <Input maxLength={100} placeholder="如：“法护未来”联建主题党日" />
        </Form.Item>
        <Form.Item name="startsAt" label="开始时间" rules={[{ required: true, message: '请选择开始时间' }]}>
          <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY年M月D日 HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="place" label="地点">
          <Input maxLength={100} placeholder="如：第一党支部党员活动室、线上（远程连线）" />
        </Form.Item>
        <Form.Item name="agenda" label="议程">
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// ---------------------------------------------------------------- network

function NetworkView({ courtId, onPickCourt }: { courtId?: string; onPickCourt: (courtId: string | undefined) => void }) {
  const isPhone = useIsPhone();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const { data, isLoading, error } = usePartnershipNetwork({ year, courtId });
  if (error) return <Alert type="error" showIcon title={describeError(error)} />;
  if (isLoading || !data) return <Skeleton active />;
  const perCourt = data.byCourt.length > 0;
  if (!data.nodes.length && !perCourt) return <Empty description="您的范围内还没有联建关系" />;
  const picked = data.byCourt.find((c) => c.courtId === courtId);
  const categoryColumns = jointCategories.map((c) => ({ title: jointCategoryLabels[c], key: c, width: 90, align: 'right' as const, render: (_: unknown, r: { byCategory: Record<JointCategory, number> }) => r.byCategory[c] }));
  const columns = [
    { title: '党支部', dataIndex: 'orgName', render: (_: unknown, r: (typeof data.byBranch)[number]) => <span>{r.orgName}<br /><Text type="secondary">{r.courtName}</Text></span> },
    { title: '联建关系', dataIndex: 'partnerships', width: 90, align: 'right' as const },
    { title: `${year}年联建活动`, dataIndex: 'activities', width: 120, align: 'right' as const },
    ...categoryColumns,
  ];
  const courtColumns = [
    {
      title: '法院',
      dataIndex: 'courtName',
      width: 160,
      render: (_: unknown, r: (typeof data.byCourt)[number]) =>
        r.courtId === courtId ? (
          <Space size={4}>
            <Text strong>{r.courtName}</Text>
            <Tag color="red">当前</Tag>
          </Space>
        ) : (
          <a onClick={() => onPickCourt(r.courtId)}>{r.courtName}</a>
        ),
    },
    { title: '联建关系', dataIndex: 'partnerships', width: 90, align: 'right' as const },
    { title: '联建中', dataIndex: 'active', width: 80, align: 'right' as const },
    { title: `${year}年联建活动`, dataIndex: 'activities', width: 120, align: 'right' as const },
    ...categoryColumns,
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <Select aria-label="年度" value={year} onChange={setYear} style={{ width: 120 }} options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}年` }))} />
        <Text type="secondary">
          {picked ? `${picked.courtName}各党支部的联建，对方在哪家法院或单位都显示。` : ''}圆点为法院党支部（按法院着色），菱形为外单位；虚线为待对方确认。可拖动、缩放。
        </Text>
      </Space>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={4}><Card size="small"><Statistic title="联建关系" value={data.totals.partnerships} /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title="联建中" value={data.totals.active} /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title="涉及法院" value={data.totals.courts} suffix="家" /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title="外单位" value={data.totals.externalUnits} suffix="个" /></Card></Col>
        <Col xs={24} md={8}><Card size="small"><Statistic title={`${year}年联建活动`} value={data.totals.activities} suffix="次" /></Card></Col>
      </Row>
      <Card size="small" title={<span><ApartmentOutlined /> {picked ? `${picked.courtName}联建网络` : '联建网络'}</span>}>
        {data.nodes.length ? (
          <PartnershipGraph network={data} height={isPhone ? 380 : 560} compact={isPhone} />
        ) : (
          <Empty description={picked ? `${picked.courtName}还没有联建关系` : '所辖法院还没有联建关系'} />
        )}
      </Card>
      <Card size="small" title={`${year}年联建活动按“四联”类别`}>
        <Space wrap>
          {jointCategories.map((c) => (
            <Tag key={c} color={jointCategoryColors[c]} style={{ fontSize: 14, padding: '4px 10px' }}>
              {jointCategoryLabels[c]} {data.byCategory[c]}次
            </Tag>
          ))}
        </Space>
      </Card>
      {perCourt && (
        <Card size="small" title={`所辖各法院联建情况（${year}年）`} extra={courtId ? <a onClick={() => onPickCourt(undefined)}>查看全部</a> : <Text type="secondary">点法院名称查看该院</Text>} data-testid="court-table">
          <Table rowKey="courtId" size="small" columns={courtColumns} dataSource={data.byCourt} pagination={false} scroll={{ x: 760 }} />
        </Card>
      )}
      {(!perCourt || picked) && (
        <Card size="small" title={picked ? `${picked.courtName}各党支部联建情况` : '各党支部联建情况'}>
          {data.byBranch.length === 0 ? (
            <Empty description={picked ? `${picked.courtName}的党支部还没有联建关系` : '本院党支部还没有联建关系'} />
          ) : (
            <Table rowKey="orgId" size="small" columns={columns} dataSource={data.byBranch} pagination={false} scroll={{ x: 720 }} />
          )}
        </Card>
      )}
    </Space>
  );
}
