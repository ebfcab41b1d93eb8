// 党员示范岗 / 党员先锋队: the list (the office and the branch committee see proposals and decisions;
// every member sees what stands today — the publicity list), the proposal form, approval with
// confirmation, rejection and revocation with a reason, the yearly review and the achievements log.
import { useEffect, useState } from 'react';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Empty, Form, Input, List, Modal, Radio, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { DownloadOutlined, FlagOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { Designation } from '@zhibu/contracts';
import { designationPhaseLabels, reviewGradeLabels, vanguardMissionLabels, type DesignationKind, type DesignationPhase, type ReviewGrade, type VanguardMission } from '@zhibu/domain';
import { api, describeError, downloadFile } from '../../api/client';
import { useIsPhone } from '../../components/PageCard';
import { showDate, showDateTime } from '../../lib/dates';
import { useFormSubmit } from '../../lib/form-errors';
import { LoadError } from '../errors/ErrorPages';
import { MemberSelect, orgName, ReasonModal, useProposingOrgs } from './PioneerBits';

const key = ['pioneers', 'designations'] as const;
type Page = { items: Designation[]; total: number };
const phaseColor: Record<DesignationPhase, string> = { proposed: 'orange', scheduled: 'blue', active: 'red', expired: 'default', revoked: 'default', rejected: 'default', withdrawn: 'default' };
const kindWords = { modelPost: { title: '党员示范岗', holder: '党员', text: '承诺事项' }, vanguardTeam: { title: '党员先锋队', holder: '队长', text: '任务目标' } } as const;

export function DesignationsTab({ kind, manage }: { kind: DesignationKind; manage: boolean }) {
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const [phase, setPhase] = useState<DesignationPhase | undefined>(undefined);
  const [proposing, setProposing] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useQuery({
    queryKey: [...key, kind, phase ?? 'all', manage],
    queryFn: () => api.get<Page>('/pioneers/designations', { kind, phase, activeOnly: manage ? undefined : 'true', pageSize: 500 }),
    placeholderData: keepPreviousData,
  });
  const items = list.data?.items ?? [];
  const open = items.find((d) => d.id === openId) ?? null;
  const words = kindWords[kind];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        {manage ? (
          <Select
            aria-label="状态"
            style={{ width: 180 }}
            allowClear
            placeholder="全部状态"
            value={phase}
            onChange={setPhase}
            options={(['proposed', 'active', 'scheduled', 'expired', 'revoked', 'rejected', 'withdrawn'] as const).map((p) => ({ value: p, label: designationPhaseLabels[p] }))}
          />
        ) : (
          <Typography.Text type="secondary">本院挂牌中的{words.title}（公示）</Typography.Text>
        )}
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={() => void downloadFile('/pioneers/designations.xlsx', { kind, activeOnly: manage ? undefined : 'true' }, `${words.title}名单.xlsx`).catch((e) => message.error(describeError(e)))}>
            导出名单
          </Button>
          {manage && (
            <Button type="primary" icon={<FlagOutlined />} onClick={() => setProposing(true)} data-testid={`propose-${kind}`}>
              申报{words.title}
            </Button>
          )}
        </Space>
      </Space>
      {list.error ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.isLoading && !items.length ? (
        <Empty description={manage ? `还没有${words.title}。党支部点击「申报${words.title}」，机关党委批准后挂牌。` : `本院目前没有挂牌中的${words.title}。`} />
      ) : isPhone ? (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {items.map((d) => (
            <div key={d.id} data-testid="designation" data-name={d.name} style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12 }} onClick={() => setOpenId(d.id)}>
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Space wrap>
                  <strong>{d.name}</strong>
                  <PhaseTag d={d} />
                </Space>
                <div>
                  {words.holder}：{d.memberName}
                  {d.kind === 'vanguardTeam' ? `（共${d.teamMembers.length}人）` : ''} · {d.orgName}
                </div>
                {d.postName && <Typography.Text type="secondary">岗位：{d.postName}</Typography.Text>}
                {d.missionLabel && <Typography.Text type="secondary">任务方向：{d.missionLabel}</Typography.Text>}
                <Typography.Text type="secondary">
                  {showDate(d.startOn)} 至 {showDate(d.endOn)}
                </Typography.Text>
                <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                  {words.text}：{d.commitment}
                </Typography.Paragraph>
              </Space>
            </div>
          ))}
        </Space>
      ) : (
        <Table<Designation>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 项` }}
          onRow={(d) => ({ 'data-testid': 'designation', 'data-name': d.name }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: '名称',
              key: 'name',
              render: (_, d) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Link onClick={() => setOpenId(d.id)}>{d.name}</Typography.Link>
                  {(d.postName || d.missionLabel) && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {d.postName ? `岗位：${d.postName}` : `任务方向：${d.missionLabel}`}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            { title: words.holder, key: 'member', width: 140, render: (_, d) => (d.kind === 'vanguardTeam' ? `${d.memberName}（共${d.teamMembers.length}人）` : d.memberName) },
            { title: '所在党组织', dataIndex: 'orgName', width: 150 },
            {
              title: '期限',
              key: 'period',
              width: 170,
              render: (_, d) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {showDate(d.startOn)} 至
                  <br />
                  {showDate(d.endOn)}
                </span>
              ),
            },
            { title: '状态', key: 'phase', width: 170, render: (_, d) => <PhaseTag d={d} /> },
            ...(manage ? [{ title: '操作', key: 'op', width: 220, render: (_: unknown, d: Designation) => <DesignationActions d={d} onOpen={() => setOpenId(d.id)} /> }] : []),
          ]}
        />
      )}
      <Drawer open={!!open} onClose={() => setOpenId(null)} size={isPhone ? '100%' : 640} title={open?.name} destroyOnHidden>
        {open && <DesignationDetail d={open} manage={manage} />}
      </Drawer>
      <ProposeModal kind={kind} open={proposing} onClose={() => setProposing(false)} />
    </Space>
  );
}

function PhaseTag({ d }: { d: Designation }) {
  return (
    <Space size={4} wrap>
      <Tag color={phaseColor[d.phase]}>{d.phase === 'active' ? '挂牌中' : d.phaseLabel}</Tag>
      {d.reviewsOwed.map((r) => (
        <Tag key={r.year} color={r.overdue ? 'red' : 'gold'}>
          {r.year}年度待考评{r.overdue ? '（已逾期）' : `（${showDate(r.dueOn)}前）`}
        </Tag>
      ))}
    </Space>
  );
}

function useDecide(d: Designation) {
  const { message } = App.useApp();
  const client = useQueryClient();
  return async (action: Designation['actions'][number], reason?: string) => {
    try {
      await api.post(`/pioneers/designations/${d.id}/decide`, { action, reason: reason ?? null, version: d.version });
      message.success({ approve: '已批准，示范岗/先锋队挂牌', reject: '已不予批准', withdraw: '已撤回申报', revoke: '已撤销（摘牌）' }[action]);
    } catch (err) {
      message.error(describeError(err));
      throw err;
    } finally {
      void client.invalidateQueries({ queryKey: key });
    }
  };
}

function DesignationActions({ d, onOpen }: { d: Designation; onOpen?: () => void }) {
  const { modal } = App.useApp();
  const decide = useDecide(d);
  const [asking, setAsking] = useState<'reject' | 'revoke' | null>(null);
  return (
    <Space size={4} wrap>
      {onOpen && (
        <Button size="small" onClick={onOpen}>
          详情
        </Button>
      )}
      {d.actions.includes('approve') && (
        <Button
          size="small"
          type="primary"
          data-testid="approve-designation"
          onClick={() =>
            modal.confirm({
              title: '批准挂牌',
              content: `批准后「${d.name}」（${d.memberName}）即在${showDate(d.startOn)}至${showDate(d.endOn)}挂牌，并在本院公示名单中显示。`,
              okText: '批准',
              cancelText: '取消',
              onOk: () => decide('approve'),
            })
          }
        >
          批准
        </Button>
      )}
      {d.actions.includes('reject') && (
        <Button size="small" danger onClick={() => setAsking('reject')}>
          不予批准
        </Button>
      )}
      {d.actions.includes('withdraw') && (
        <Button size="small" onClick={() => modal.confirm({ title: '撤回申报', content: `撤回「${d.name}」的申报？`, okText: '撤回', okButtonProps: { danger: true }, cancelText: '取消', onOk: () => decide('withdraw') })}>
          撤回
        </Button>
      )}
      {d.actions.includes('revoke') && (
        <Button size="small" danger onClick={() => setAsking('revoke')}>
          撤销
        </Button>
      )}
      <ReasonModal
        open={asking !== null}
        title={asking === 'reject' ? `不予批准「${d.name}」` : `撤销「${d.name}」（摘牌）`}
        okText={asking === 'reject' ? '不予批准' : '撤销'}
        placeholder={asking === 'reject' ? '如：承诺事项不具体，请补充量化目标后重新申报' : '如：该党员调离岗位'}
        onClose={() => setAsking(null)}
        onSubmit={async (reason) => decide(asking!, reason)}
      />
    </Space>
  );
}

function DesignationDetail({ d, manage }: { d: Designation; manage: boolean }) {
  const isPhone = useIsPhone();
  const words = kindWords[d.kind];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={1} styles={{ label: { width: isPhone ? 84 : 110 } }}>
        <Descriptions.Item label="类别">{d.kindLabel}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <PhaseTag d={d} />
        </Descriptions.Item>
        {d.postName && <Descriptions.Item label="岗位">{d.postName}</Descriptions.Item>}
        {d.missionLabel && <Descriptions.Item label="任务方向">{d.missionLabel}</Descriptions.Item>}
        <Descriptions.Item label={words.holder}>{d.memberName}</Descriptions.Item>
        {d.kind === 'vanguardTeam' && <Descriptions.Item label="队员">{d.teamMembers.map((m) => m.name).join('、')}</Descriptions.Item>}
        <Descriptions.Item label="所在党组织">{d.orgName}</Descriptions.Item>
        <Descriptions.Item label="期限">
          {showDate(d.startOn)} 至 {showDate(d.endOn)}
        </Descriptions.Item>
        <Descriptions.Item label={words.text}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{d.commitment}</span>
        </Descriptions.Item>
        <Descriptions.Item label="申报">{d.proposedByName}</Descriptions.Item>
        {d.decidedByName && (
          <Descriptions.Item label="决定">
            {d.decidedByName} {showDateTime(d.decidedAt)}
            {d.decisionReason ? `：${d.decisionReason}` : ''}
          </Descriptions.Item>
        )}
      </Descriptions>
      {manage && d.actions.length > 0 && <DesignationActions d={d} />}
      <div>
        <Typography.Title level={5}>年度考评</Typography.Title>
        {d.reviews.length ? (
          <List
            size="small"
            dataSource={d.reviews}
            renderItem={(r) => (
              <List.Item>
                <Space wrap>
                  <strong>{r.year}年度</strong>
                  <Tag color={r.grade === 'excellent' ? 'red' : r.grade === 'qualified' ? 'blue' : 'default'}>{r.gradeLabel}</Tag>
                  {r.comment && <span>{r.comment}</span>}
                  <Typography.Text type="secondary">
                    {r.reviewedByName} {showDate(r.reviewedOn)}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        ) : (
          <Typography.Text type="secondary">尚无考评记录。每年度的考评于次年规定月份前由机关党委完成，不合格即摘牌。</Typography.Text>
        )}
        {d.canReview && <ReviewForm d={d} />}
      </div>
      <div>
        <Typography.Title level={5}>工作成效</Typography.Title>
        {d.achievements.length ? (
          <Timeline
            items={d.achievements.map((a) => ({
              content: (
                <div>
                  <Typography.Text type="secondary">{showDate(a.occurredOn)}</Typography.Text>
                  <div>{a.content}</div>
                </div>
              ),
            }))}
          />
        ) : (
          <Typography.Text type="secondary">尚无工作成效记录。</Typography.Text>
        )}
        {manage && d.canAddAchievement && <AchievementForm d={d} />}
      </div>
    </Space>
  );
}

function ReviewForm({ d }: { d: Designation }) {
  const [form] = Form.useForm<{ year: number; grade: ReviewGrade; comment?: string }>();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const thisYear = dayjs().year();
  const years = [...new Set([...d.reviewsOwed.map((r) => r.year), ...(dayjs().month() === 11 ? [thisYear] : [])])].filter((y) => !d.reviews.some((r) => r.year === y));
  const { busy, submit } = useFormSubmit(form, async (v) => {
    await api.post(`/pioneers/designations/${d.id}/reviews`, { year: v.year, grade: v.grade, comment: v.comment?.trim() || null, version: d.version });
    message.success(v.grade === 'unqualified' ? '已考评为不合格，已摘牌' : '已记录考评');
    form.resetFields();
    void client.invalidateQueries({ queryKey: key });
  });
  if (!years.length) return null;
  const onFinish = (v: { year: number; grade: ReviewGrade; comment?: string }) => {
    if (v.grade !== 'unqualified') return void submit(v);
    modal.confirm({ title: '考评为不合格', content: `不合格即撤销「${d.name}」的挂牌，确定？`, okText: '确定', okButtonProps: { danger: true }, cancelText: '取消', onOk: () => submit(v) });
  };
  return (
    <Form form={form} layout="vertical" initialValues={{ year: years[0], grade: 'qualified' }} onFinish={onFinish} style={{ marginTop: 12, padding: 12, background: '#fafafa', borderRadius: 8 }}>
      <Form.Item name="year" label="考评年度" rules={[{ required: true, message: '请选择考评年度' }]}>
        <Select options={years.map((y) => ({ value: y, label: `${y}年度` }))} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="grade" label="考评结果" rules={[{ required: true, message: '请选择考评结果' }]}>
        <Radio.Group options={(['excellent', 'qualified', 'unqualified'] as const).map((g) => ({ value: g, label: reviewGradeLabels[g] }))} />
      </Form.Item>
      <Form.Item name="comment" label="评语" rules={[{ max: 500, message: '最多500个字' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} placeholder="如：服务群众热情，承诺事项全部兑现" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        记录考评
      </Button>
    </Form>
  );
}

function AchievementForm({ d }: { d: Designation }) {
  const [form] = Form.useForm<{ occurredOn: Dayjs; content: string }>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { busy, submit } = useFormSubmit(form, async (v) => {
    await api.post(`/pioneers/designations/${d.id}/achievements`, { occurredOn: v.occurredOn.format('YYYY-MM-DD'), content: v.content.trim() });
    message.success('已记录工作成效');
    form.resetFields();
    void client.invalidateQueries({ queryKey: key });
  });
  return (
    <Form form={form} layout="vertical" initialValues={{ occurredOn: dayjs() }} onFinish={(v) => void submit(v)} style={{ marginTop: 12, padding: 12, background: '#fafafa', borderRadius: 8 }}>
      <Form.Item name="occurredOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker format="YYYY年M月D日" disabledDate={(x) => x.isAfter(dayjs(), 'day') || x.isBefore(dayjs(d.startOn), 'day')} />
      </Form.Item>
      <Form.Item name="content" label="成效" rules={[{ required: true, whitespace: true, message: '请填写工作成效' }, { max: 500, message: '最多500个字' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} placeholder="如：集中执行兑付农民工工资86万元" />
      </Form.Item>
      <Button htmlType="submit" loading={busy}>
        记录成效
      </Button>
    </Form>
  );
}

type ProposeValues = { orgId: string; name: string; postName?: string; memberId: string; teamMemberIds?: string[]; mission?: VanguardMission; commitment: string; period: [Dayjs, Dayjs] };

function ProposeModal({ kind, open, onClose }: { kind: DesignationKind; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<ProposeValues>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const orgs = useProposingOrgs({ branchesOnly: kind === 'modelPost' });
  const orgId = Form.useWatch('orgId', form);
  const words = kindWords[kind];
  // The orgs load after the dialog mounts: a secretary's one branch is chosen for them.
  useEffect(() => {
    if (open && orgs.length === 1 && !form.getFieldValue('orgId')) form.setFieldsValue({ orgId: orgs[0]!.id });
  }, [open, orgs, form]);
  const { busy, submit } = useFormSubmit(form, async (v) => {
    await api.post('/pioneers/designations', {
      kind,
      orgId: v.orgId,
      name: v.name.trim(),
      postName: kind === 'modelPost' ? v.postName?.trim() || null : null,
      memberId: v.memberId,
      mission: kind === 'vanguardTeam' ? v.mission : null,
      teamMemberIds: kind === 'vanguardTeam' ? (v.teamMemberIds ?? []) : undefined,
      commitment: v.commitment.trim(),
      startOn: v.period[0].format('YYYY-MM-DD'),
      endOn: v.period[1].format('YYYY-MM-DD'),
    });
    message.success('已申报，待机关党委批准');
    form.resetFields();
    onClose();
    void client.invalidateQueries({ queryKey: key });
  });
  return (
    <Modal open={open} title={`申报${words.title}`} okText="提交申报" cancelText="取消" onOk={() => form.submit()} confirmLoading={busy} onCancel={onClose} forceRender width={600}>
      <Form
        form={form}
        name={`propose-${kind}`}
        layout="vertical"
        initialValues={{ orgId: orgs.length === 1 ? orgs[0]!.id : undefined, period: [dayjs(), dayjs().add(1, 'year').subtract(1, 'day')] }}
        onFinish={(v) => void submit(v)}
        onValuesChange={(changed) => {
          if ('orgId' in changed) form.setFieldsValue({ memberId: undefined, teamMemberIds: [] });
        }}
      >
        <Form.Item name="orgId" label="申报党组织" rules={[{ required: true, message: '请选择申报的党组织' }]}>
          <Select options={orgs.map((o) => ({ value: o.id, label: orgName(o) }))} placeholder="选择党支部" showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }, { max: 60, message: '最多60个字' }]}>
          <Input placeholder={kind === 'modelPost' ? '如：立案窗口党员示范岗' : '如：执行攻坚党员先锋队'} />
        </Form.Item>
        {kind === 'modelPost' ? (
          <Form.Item name="postName" label="岗位（可不填）" rules={[{ max: 40, message: '最多40个字' }]}>
            <Input placeholder="如：诉讼服务中心立案窗口" />
          </Form.Item>
        ) : (
          <Form.Item name="mission" label="任务方向" rules={[{ required: true, message: '请选择任务方向' }]}>
            <Radio.Group options={(Object.keys(vanguardMissionLabels) as VanguardMission[]).map((m) => ({ value: m, label: vanguardMissionLabels[m] }))} />
          </Form.Item>
        )}
        <Form.Item name="memberId" label={words.holder} rules={[{ required: true, message: `请选择${words.holder}` }]}>
          <MemberSelect orgId={orgId} placeholder="输入姓名查找本支部党员" />
        </Form.Item>
        {kind === 'vanguardTeam' && (
          <Form.Item name="teamMemberIds" label="队员">
            <MemberSelect orgId={orgId} mode="multiple" placeholder="输入姓名添加队员" />
          </Form.Item>
        )}
        <Form.Item name="commitment" label={words.text} rules={[{ required: true, whitespace: true, message: `请填写${words.text}` }, { max: 1000, message: '最多1000个字' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} placeholder={kind === 'modelPost' ? '如：当场立案率不低于95%，首问负责、一次告知' : '如：集中攻坚涉民生执行积案，年内执行到位率提升5个百分点'} />
        </Form.Item>
        <Form.Item name="period" label="期限（起止日期，结束日当天仍挂牌）" rules={[{ required: true, message: '请选择期限' }]}>
          <DatePicker.RangePicker format="YYYY年M月D日" style={{ width: '100%' }} />
        </Form.Item>
        <Alert type="info" showIcon title="党支部申报，机关党委批准后挂牌；每年度考评，考评不合格或期满即摘牌。" />
      </Form>
    </Modal>
  );
}
