// 优秀党员评选: the party office opens the year's round (quota per branch or in total, deadline);
// branches nominate their own 正式党员 with 事迹 until the deadline; the office selects (the honor goes
// into the honors registry at once) or not (with a reason), then ends the round. Members see who was
// selected.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined, TrophyOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { ExcellenceRound, Nomination } from '@zhibu/contracts';
import { excellenceQuotaModeLabels, honorLevelLabels, type ExcellenceQuotaMode, type HonorLevel } from '@zhibu/domain';
import { api, describeError } from '../../api/client';
import { useMe } from '../../auth';
import { useIsPhone } from '../../components/PageCard';
import { showDate } from '../../lib/dates';
import { useFormSubmit } from '../../lib/form-errors';
import { LoadError } from '../errors/ErrorPages';
import { MemberSelect, orgName, ReasonModal, useProposingOrgs } from './PioneerBits';

const key = ['pioneers', 'rounds'] as const;
const stateColor: Record<Nomination['state'], string> = { nominated: 'orange', selected: 'red', notSelected: 'default', withdrawn: 'default' };

export function ExcellenceTab({ manage }: { manage: boolean }) {
  const me = useMe();
  const rounds = useQuery({ queryKey: key, queryFn: () => api.get<{ items: ExcellenceRound[] }>('/pioneers/rounds') });
  const [creating, setCreating] = useState(false);
  const isOffice = me.grants.some((g) => g.role === 'courtAdmin');
  const items = rounds.data?.items ?? [];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">机关党委发起年度评选，党支部按名额推荐本支部正式党员并附主要事迹，机关党委决定；当选者记入荣誉库。</Typography.Text>
        {isOffice && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-round">
            发起评选
          </Button>
        )}
      </Space>
      {rounds.error ? (
        <LoadError error={rounds.error} onRetry={() => void rounds.refetch()} />
      ) : !rounds.isLoading && !items.length ? (
        <Empty description={isOffice ? '还没有优秀党员评选。点击「发起评选」设定名额和推荐截止日期。' : '还没有优秀党员评选。'} />
      ) : (
        items.map((r) => <RoundCard key={r.id} round={r} manage={manage} />)
      )}
      {isOffice && <CreateRoundModal open={creating} onClose={() => setCreating(false)} courtId={me.grants.find((g) => g.role === 'courtAdmin')?.courtId ?? ''} existingYears={items.map((r) => r.year)} />}
    </Space>
  );
}

function RoundCard({ round, manage }: { round: ExcellenceRound; manage: boolean }) {
  const isPhone = useIsPhone();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [nominating, setNominating] = useState(false);
  const close = async () => {
    try {
      await api.post(`/pioneers/rounds/${round.id}/close`, { version: round.version });
      message.success('评选已结束');
    } catch (err) {
      message.error(describeError(err));
      throw err;
    } finally {
      void client.invalidateQueries({ queryKey: key });
    }
  };
  const pending = round.nominations.filter((n) => n.state === 'nominated').length;
  return (
    <Card
      size="small"
      data-testid="round"
      data-year={round.year}
      title={
        <Space wrap>
          <TrophyOutlined style={{ color: '#c41d1d' }} />
          <span>{round.year}年度优秀党员评选</span>
          {round.state === 'closed' ? <Tag>已结束</Tag> : round.nominationOpen ? <Tag color="green">推荐中</Tag> : <Tag color="orange">推荐已截止，待决定</Tag>}
        </Space>
      }
      extra={
        !isPhone && <RoundButtons round={round} manage={manage} pending={pending} onNominate={() => setNominating(true)} onClose={() => modal.confirm({ title: '结束评选', content: '结束后不再推荐和决定。', okText: '结束', cancelText: '取消', onOk: close })} />
      }
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          荣誉：{round.honorName}（{round.honorLevelLabel}，{round.issuer}）· 名额：{round.quotaModeLabel}
          {round.quota}名 · 推荐截止：{showDate(round.deadline)} · 已推荐{round.nominatedCount}人，当选{round.selectedCount}人
        </Typography.Text>
        {isPhone && <RoundButtons round={round} manage={manage} pending={pending} onNominate={() => setNominating(true)} onClose={() => modal.confirm({ title: '结束评选', content: '结束后不再推荐和决定。', okText: '结束', cancelText: '取消', onOk: close })} />}
        {round.nominations.length ? (
          isPhone ? (
            <Space orientation="vertical" size={8} style={{ width: '100%' }}>
              {round.nominations.map((n) => (
                <div key={n.id} data-testid="nomination" data-name={n.memberName} style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 10 }}>
                  <Space wrap>
                    <strong>{n.memberName}</strong>
                    <span>{n.orgName}</span>
                    <Tag color={stateColor[n.state]}>{n.stateLabel}</Tag>
                  </Space>
                  <Typography.Paragraph style={{ margin: '6px 0' }}>{n.deeds}</Typography.Paragraph>
                  {n.decisionReason && <Typography.Text type="secondary">理由：{n.decisionReason}</Typography.Text>}
                  {n.honorId && (
                    <Typography.Text type="success" style={{ fontSize: 12 }}>
                      {showDate(n.decidedOn)} 当选，已记入荣誉库
                    </Typography.Text>
                  )}
                  <NominationActions n={n} round={round} />
                </div>
              ))}
            </Space>
          ) : (
            <Table<Nomination>
              rowKey="id"
              size="small"
              dataSource={round.nominations}
              pagination={false}
              onRow={(n) => ({ 'data-testid': 'nomination', 'data-name': n.memberName }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: '党员', dataIndex: 'memberName', width: 90 },
                { title: '推荐党支部', dataIndex: 'orgName', width: 130 },
                { title: '主要事迹', dataIndex: 'deeds' },
                {
                  title: '结果',
                  key: 'state',
                  width: 190,
                  render: (_, n) => (
                    <Space orientation="vertical" size={0}>
                      <Tag color={stateColor[n.state]}>{n.stateLabel}</Tag>
                      {n.decidedOn && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {n.decidedByName} {showDate(n.decidedOn)}
                        </Typography.Text>
                      )}
                      {n.decisionReason && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          理由：{n.decisionReason}
                        </Typography.Text>
                      )}
                      {n.honorId && (
                        <Typography.Text type="success" style={{ fontSize: 12 }}>
                          已记入荣誉库
                        </Typography.Text>
                      )}
                    </Space>
                  ),
                },
                ...(manage ? [{ title: '操作', key: 'op', width: 170, render: (_: unknown, n: Nomination) => <NominationActions n={n} round={round} /> }] : []),
              ]}
            />
          )
        ) : (
          <Typography.Text type="secondary">{round.state === 'closed' ? '本次评选没有当选者。' : '还没有推荐。'}</Typography.Text>
        )}
      </Space>
      <NominateModal round={round} open={nominating} onClose={() => setNominating(false)} />
    </Card>
  );
}

function RoundButtons({ round, manage, pending, onNominate, onClose }: { round: ExcellenceRound; manage: boolean; pending: number; onNominate: () => void; onClose: () => void }) {
  if (!manage) return null;
  return (
    <Space wrap>
      {round.canNominate && (
        <Button size="small" type="primary" icon={<PlusOutlined />} onClick={onNominate} data-testid="nominate">
          推荐优秀党员
        </Button>
      )}
      {round.canManage && round.state === 'open' && (
        <Button size="small" onClick={onClose} disabled={pending > 0} title={pending > 0 ? `还有${pending}名被推荐人未作决定` : undefined}>
          结束评选
        </Button>
      )}
    </Space>
  );
}

function NominationActions({ n, round }: { n: Nomination; round: ExcellenceRound }) {
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const decide = async (decision: 'select' | 'reject' | 'withdraw', reason?: string) => {
    try {
      await api.post(`/pioneers/nominations/${n.id}/decide`, { decision, reason: reason ?? null, version: n.version });
      message.success({ select: `${n.memberName}当选，荣誉已记入荣誉库`, reject: '已决定未当选', withdraw: '已撤回推荐' }[decision]);
    } catch (err) {
      message.error(describeError(err));
      throw err;
    } finally {
      void client.invalidateQueries({ queryKey: key });
      void client.invalidateQueries({ queryKey: ['honors'] });
    }
  };
  if (!n.canDecide && !n.canWithdraw) return null;
  return (
    <Space size={4} wrap>
      {n.canDecide && (
        <Button
          size="small"
          type="primary"
          data-testid="select-nomination"
          onClick={() =>
            modal.confirm({
              title: '确认当选',
              content: `${n.memberName}（${n.orgName}）当选“${round.honorName}”，荣誉（${round.honorLevelLabel}，${round.issuer}，${showDate(dayjs().format('YYYY-MM-DD'))}）即记入荣誉库。`,
              okText: '当选',
              cancelText: '取消',
              onOk: () => decide('select'),
            })
          }
        >
          当选
        </Button>
      )}
      {n.canDecide && (
        <Button size="small" danger onClick={() => setRejecting(true)}>
          未当选
        </Button>
      )}
      {n.canWithdraw && (
        <Button size="small" onClick={() => modal.confirm({ title: '撤回推荐', content: `撤回对${n.memberName}的推荐？`, okText: '撤回', okButtonProps: { danger: true }, cancelText: '取消', onOk: () => decide('withdraw') })}>
          撤回
        </Button>
      )}
      <ReasonModal open={rejecting} title={`${n.memberName}未当选`} okText="确定" placeholder="如：名额有限，列为下一年度重点培养对象" onClose={() => setRejecting(false)} onSubmit={(reason) => decide('reject', reason)} />
    </Space>
  );
}

function NominateModal({ round, open, onClose }: { round: ExcellenceRound; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ orgId: string; memberId: string; deeds: string }>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const orgs = useProposingOrgs({ branchesOnly: true }).filter((o) => o.courtId === round.courtId);
  const orgId = Form.useWatch('orgId', form);
  const only = orgs.length === 1 ? orgs[0]!.id : undefined;
  useEffect(() => {
    if (open && only && !form.getFieldValue('orgId')) form.setFieldsValue({ orgId: only });
  }, [open, only, form]);
  const { busy, submit } = useFormSubmit(form, async (v) => {
    await api.post('/pioneers/nominations', { roundId: round.id, orgId: v.orgId, memberId: v.memberId, deeds: v.deeds.trim() });
    message.success('已推荐，待机关党委决定');
    form.resetFields();
    onClose();
    void client.invalidateQueries({ queryKey: key });
  });
  return (
    <Modal open={open} title={`推荐${round.year}年度优秀党员`} okText="提交推荐" cancelText="取消" onOk={() => form.submit()} confirmLoading={busy} onCancel={onClose} forceRender width={560}>
      <Form form={form} name={`nominate-${round.year}`} layout="vertical" initialValues={{ orgId: orgs.length === 1 ? orgs[0]!.id : undefined }} onFinish={(v) => void submit(v)} onValuesChange={(c) => 'orgId' in c && form.setFieldsValue({ memberId: undefined })}>
        <Form.Item name="orgId" label="推荐党支部" rules={[{ required: true, message: '请选择推荐的党支部' }]}>
          <Select options={orgs.map((o) => ({ value: o.id, label: orgName(o) }))} placeholder="选择党支部" showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="memberId" label="被推荐党员" rules={[{ required: true, message: '请选择被推荐的党员' }]} extra="只能推荐本支部的正式党员；预备党员不参加评选。">
          <MemberSelect orgId={orgId} fullOnly placeholder="输入姓名查找本支部正式党员" />
        </Form.Item>
        <Form.Item name="deeds" label="主要事迹" rules={[{ required: true, whitespace: true, message: '请填写主要事迹' }, { max: 2000, message: '最多2000个字' }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 8 }} placeholder="如：全年审结案件286件，结案率98.6%，无一被发回改判" />
        </Form.Item>
        <Alert type="info" showIcon title={`名额：${round.quotaModeLabel}${round.quota}名；推荐截止${showDate(round.deadline)}（当天可推荐）。`} />
      </Form>
    </Modal>
  );
}

type RoundValues = { year: number; deadline: Dayjs; quotaMode: ExcellenceQuotaMode; quota: number; honorLevel: HonorLevel; honorName?: string; note?: string };

function CreateRoundModal({ open, onClose, courtId, existingYears }: { open: boolean; onClose: () => void; courtId: string; existingYears: number[] }) {
  const [form] = Form.useForm<RoundValues>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const year = Form.useWatch('year', form);
  const { busy, submit } = useFormSubmit(form, async (v) => {
    await api.post('/pioneers/rounds', {
      courtId,
      year: v.year,
      deadline: v.deadline.format('YYYY-MM-DD'),
      quotaMode: v.quotaMode,
      quota: v.quota,
      honorLevel: v.honorLevel,
      honorName: v.honorName?.trim() || null,
      note: v.note?.trim() || null,
    });
    message.success('已发起评选，党支部可以推荐');
    form.resetFields();
    onClose();
    void client.invalidateQueries({ queryKey: key });
  });
  const thisYear = dayjs().year();
  return (
    <Modal open={open} title="发起优秀党员评选" okText="发起" cancelText="取消" onOk={() => form.submit()} confirmLoading={busy} onCancel={onClose} forceRender width={560}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year: existingYears.includes(thisYear) ? thisYear + 1 : thisYear, deadline: dayjs().add(14, 'day'), quotaMode: 'perBranch', quota: 2, honorLevel: 'court' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="year" label="评选年度" rules={[{ required: true, message: '请填写评选年度' }]}>
          <InputNumber min={2000} max={2100} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="honorName" label="荣誉名称（可不填）">
          <Input placeholder={`${year ?? thisYear}年度优秀共产党员`} maxLength={60} />
        </Form.Item>
        <Form.Item name="honorLevel" label="荣誉级别">
          <Radio.Group options={(['court', 'city', 'province', 'national'] as const).map((l) => ({ value: l, label: honorLevelLabels[l] }))} />
        </Form.Item>
        <Form.Item label="名额" required>
          <Space wrap>
            <Form.Item name="quotaMode" noStyle>
              <Select style={{ width: 140 }} options={(['perBranch', 'total'] as const).map((m) => ({ value: m, label: excellenceQuotaModeLabels[m] }))} />
            </Form.Item>
            <Form.Item name="quota" noStyle rules={[{ required: true, message: '请填写名额' }]}>
              <InputNumber min={1} max={500} addonAfter="名" style={{ width: 140 }} />
            </Form.Item>
          </Space>
        </Form.Item>
        <Form.Item name="deadline" label="推荐截止日期" rules={[{ required: true, message: '请选择推荐截止日期' }]}>
          <DatePicker format="YYYY年M月D日" disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="note" label="说明（可不填）">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
