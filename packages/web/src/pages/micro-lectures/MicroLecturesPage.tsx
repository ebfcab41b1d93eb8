// 一刻钟微党课轮讲: a branch's speaker schedule as a list or a month calendar; a member's own turns are
// marked 「我的轮讲」. The secretary (activities:manage) asks the server for a suggestion (书记带头讲,
// 支委和青年党员轮流讲, everyone once before anyone twice), adjusts dates and speakers, and saves it —
// which replaces the branch's slots from today on.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Calendar, Card, Checkbox, Col, DatePicker, Empty, Input, List, Row, Segmented, Select, Space, Spin, Table, Tag, TreeSelect, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { generateMicroLecturesResponse, Member, MemberProfile, MicroLectureSlot, microLecturesResponse, z } from '@zhibu/contracts';
import { api, describeError } from '../../api/client';
import { useOrgs } from '../../api/queries';
import { useCan, useMe } from '../../auth';
import { useIsPhone } from '../../components/PageCard';
import { toTreeData } from '../../components/org-tree';
import { chineseDateFormat, fromIsoDate, showDate, todayIso, toIsoDate } from '../../lib/dates';
import { useUrlFilters } from '../../lib/url-filters';
import { LoadError } from '../errors/ErrorPages';
import { weekdayOf } from '../sign-in/time';

type Suggestion = z.infer<typeof generateMicroLecturesResponse>;
type EditRow = { key: string; slotDate: string | null; memberId: string | undefined; tier: string | null; tierLabel: string | null; topic: string };

const weekdayOptions = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'].map((label, i) => ({ value: i + 1, label: `每${label}` }));
const monthOptions = [1, 2, 3, 6, 12].map((m) => ({ value: m, label: `${m}个月` }));
const tierColors: Record<string, string> = { secretary: 'red', committee: 'volcano', young: 'cyan', other: 'default' };
const mineStyle = { background: '#fff7e6' };

let keySeq = 0;
const newKey = () => `row-${(keySeq += 1)}`;

function MineTag() {
  return (
    <Tag color="gold" data-testid="my-turn" style={{ marginInlineStart: 4 }}>
      我的轮讲
    </Tag>
  );
}

/** The branch whose schedule opens first: the URL's, the secretary's own branch, or the member's. */
function useDefaultOrg(): { orgId: string | undefined; loading: boolean } {
  const me = useMe();
  const grantOrg = me.grants.find((g) => (g.role === 'branchSecretary' || g.role === 'committeeMember') && g.orgId)?.orgId ?? undefined;
  const own = useQuery({
    queryKey: ['member', me.memberId],
    queryFn: () => api.get<MemberProfile>(`/members/${me.memberId}`),
    enabled: !!me.memberId && !grantOrg,
    retry: false,
  });
  return { orgId: grantOrg ?? own.data?.orgId, loading: own.isLoading && !!me.memberId && !grantOrg };
}

function SlotCalendar({ items, myId, month, onMonth }: { items: MicroLectureSlot[]; myId: string | null; month: Dayjs; onMonth: (d: Dayjs) => void }) {
  const byDay = new Map(items.map((s) => [s.slotDate, s]));
  return (
    <Calendar
      value={month}
      onPanelChange={(d) => onMonth(d)}
      onSelect={(d) => onMonth(d)}
      mode="month"
      cellRender={(d, info) => {
        if (info.type !== 'date') return info.originNode;
        const s = byDay.get(d.format('YYYY-MM-DD'));
        if (!s) return null;
        const mine = !!myId && s.memberId === myId;
        return (
          <div data-testid="lecture-cell" style={{ padding: '2px 6px', borderRadius: 4, background: mine ? '#ffe7ba' : '#fff1f0', fontSize: 12 }}>
            <div style={{ fontWeight: 600 }}>{s.memberName}</div>
            {s.topic && <div style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{s.topic}</div>}
            {mine && <div style={{ color: '#d46b08' }}>我的轮讲</div>}
          </div>
        );
      }}
    />
  );
}

export default function MicroLecturesPage() {
  const me = useMe();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const isPhone = useIsPhone();
  const canManage = useCan('activities:manage');
  const canReadMembers = useCan('members:read');
  const [params, update] = useUrlFilters();
  const fallback = useDefaultOrg();
  const orgs = useOrgs();
  const orgId = params.get('org') ?? fallback.orgId ?? (canManage ? orgs.data?.find((o) => o.type === 'branch')?.id : undefined);
  const view = params.get('view') === 'calendar' ? 'calendar' : 'list';
  const [calMonth, setCalMonth] = useState<Dayjs>(() => dayjs());
  const [showPast, setShowPast] = useState(false);
  const today = todayIso();

  const treeData = useMemo(() => toTreeData(orgs.data ?? [], undefined, { disable: (o) => o.type !== 'branch' }), [orgs.data]);
  const org = orgs.data?.find((o) => o.id === orgId);

  const schedule = useQuery({
    queryKey: ['micro-lectures', orgId],
    queryFn: () => api.get<z.infer<typeof microLecturesResponse>>('/micro-lectures', { orgId }),
    enabled: !!orgId,
  });
  const roster = useQuery({
    queryKey: ['members', 'branch', orgId],
    queryFn: () => api.get<{ items: Member[]; total: number }>('/members', { orgId, pageSize: 500 }),
    enabled: !!orgId && canManage && canReadMembers,
  });

  // The editor: a suggestion or the saved future schedule, row by row.
  const [rows, setRows] = useState<EditRow[] | null>(null);
  const [suggestion, setSuggestion] = useState<Suggestion | null>(null);
  const [genFrom, setGenFrom] = useState<Dayjs | null>(() => dayjs());
  const [genMonths, setGenMonths] = useState(3);
  const [genWeekday, setGenWeekday] = useState(5);

  const memberOptions = useMemo(() => {
    const names = new Map<string, string>();
    for (const m of roster.data?.items ?? []) if (m.orgId === orgId && (m.status === 'probationaryMember' || m.status === 'fullMember')) names.set(m.id, m.name);
    for (const s of suggestion?.slots ?? []) names.set(s.memberId, s.memberName);
    for (const u of suggestion?.unscheduled ?? []) if (u.memberName) names.set(u.memberId, u.memberName);
    for (const s of schedule.data?.items ?? []) if (!names.has(s.memberId)) names.set(s.memberId, s.memberName);
    return [...names.entries()].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'zh-Hans-CN'));
  }, [roster.data, suggestion, schedule.data, orgId]);

  const generate = useMutation({
    mutationFn: () => {
      const from = toIsoDate(genFrom) ?? today;
      const to = dayjs(from).add(genMonths, 'month').subtract(1, 'day').format('YYYY-MM-DD');
      return api.post<Suggestion>('/micro-lectures/generate', { orgId, from, to, weekday: genWeekday });
    },
    onSuccess: (s) => {
      setSuggestion(s);
      setRows(s.slots.map((slot) => ({ key: newKey(), slotDate: slot.slotDate, memberId: slot.memberId, tier: slot.tier, tierLabel: slot.tierLabel, topic: slot.topic ?? '' })));
      message.success(`已生成 ${s.slots.length} 场轮讲建议，确认后请保存`);
    },
    onError: (err) => message.error(describeError(err)),
  });

  const save = useMutation({
    mutationFn: (slots: { slotDate: string; memberId: string; topic: string | null }[]) => api.put<z.infer<typeof microLecturesResponse>>('/micro-lectures', { orgId, slots }),
    onSuccess: (r) => {
      message.success(`排期已保存：今后共 ${r.total} 场`);
      setRows(null);
      setSuggestion(null);
      void client.invalidateQueries({ queryKey: ['micro-lectures', orgId] });
    },
    onError: (err) => message.error(describeError(err)),
  });

  const items = schedule.data?.items ?? [];
  const future = items.filter((s) => s.slotDate >= today);
  const pastCount = items.length - future.length;
  const shown = showPast ? items : future;
  const myTurns = me.memberId ? future.filter((s) => s.memberId === me.memberId) : [];

  const editSaved = () => {
    setSuggestion(null);
    setRows(future.map((s) => ({ key: newKey(), slotDate: s.slotDate, memberId: s.memberId, tier: null, tierLabel: null, topic: s.topic ?? '' })));
  };

  const setRow = (key: string, patch: Partial<EditRow>) => setRows((rs) => rs?.map((r) => (r.key === key ? { ...r, ...patch } : r)) ?? null);

  const confirmSave = () => {
    if (!rows) return;
    const problems: string[] = [];
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      if (!r.slotDate) problems.push(`第${i + 1}行：请选择日期`);
      else if (r.slotDate < today) problems.push(`第${i + 1}行：只能安排今天及以后的场次`);
      else if (seen.has(r.slotDate)) problems.push(`第${i + 1}行：${showDate(r.slotDate)}重复安排`);
      if (r.slotDate) seen.add(r.slotDate);
      if (!r.memberId) problems.push(`第${i + 1}行：请选择主讲人`);
    });
    if (problems.length) {
      message.error(problems.slice(0, 3).join('；'));
      return;
    }
    modal.confirm({
      title: '保存轮讲排期',
      content: `保存后将替换${org?.shortName ?? org?.name ?? '本支部'}今天及以后的全部场次（现有 ${future.length} 场，保存后 ${rows.length} 场），今天以前的记录保留不变。是否继续？`,
      okText: '替换并保存',
      cancelText: '取消',
      onOk: () =>
        save.mutateAsync(
          [...rows].sort((a, b) => a.slotDate!.localeCompare(b.slotDate!)).map((r) => ({ slotDate: r.slotDate!, memberId: r.memberId!, topic: r.topic.trim() || null })),
        ),
    });
  };

  const orgPicker = (canManage || canReadMembers) && (
    <TreeSelect
      style={{ width: isPhone ? '100%' : 360 }}
      aria-label="党支部"
      showSearch={{ treeNodeFilterProp: 'label' }}
      treeNodeLabelProp="label"
      placeholder="选择党支部"
      loading={orgs.isLoading}
      treeData={treeData}
      value={orgId}
      onChange={(v?: string) => {
        setRows(null);
        setSuggestion(null);
        update({ org: v });
      }}
      popupMatchSelectWidth={isPhone ? true : 440}
    />
  );

  const editor = rows && (
    <Card
      type="inner"
      title={suggestion ? '轮讲建议（未保存）' : '调整排期（未保存）'}
      style={{ marginBottom: 16 }}
      data-testid="lecture-editor"
      extra={
        !isPhone && (
          <Space>
            <Button onClick={() => (setRows(null), setSuggestion(null))}>放弃</Button>
            <Button type="primary" loading={save.isPending} onClick={confirmSave}>
              保存排期
            </Button>
          </Space>
        )
      }
    >
      {suggestion && (
        <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
          <Alert
            type="info"
            showIcon
            title="安排依据：支部书记带头讲，支部委员与青年党员轮流讲，其他党员随后；每人讲过一次后才安排第二次；请假、免于参加的党员不安排。"
          />
          {suggestion.unfilledDates.length > 0 && <Alert type="warning" showIcon title={`以下日期无人可讲，未安排：${suggestion.unfilledDates.map(showDate).join('、')}`} />}
          {suggestion.unscheduled.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={`${suggestion.unscheduled.length} 名党员本次未安排`}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="lecture-unscheduled">
                  {suggestion.unscheduled.map((u) => (
                    <li key={u.memberId}>{u.message}</li>
                  ))}
                </ul>
              }
            />
          )}
        </Space>
      )}
      <Table<EditRow>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 760 }}
        locale={{ emptyText: '没有场次，请点击「添加场次」' }}
        columns={[
          { title: '序号', width: 56, render: (_v, _r, i) => i + 1 },
          {
            title: '日期',
            width: 190,
            render: (_v, r) => (
              <DatePicker
                aria-label="场次日期"
                format={chineseDateFormat}
                value={fromIsoDate(r.slotDate)}
                allowClear={false}
                disabledDate={(d) => d.isBefore(dayjs(), 'day')}
                onChange={(d) => setRow(r.key, { slotDate: toIsoDate(d) })}
                style={{ width: 170 }}
              />
            ),
          },
          { title: '星期', width: 64, render: (_v, r) => (r.slotDate ? weekdayOf(r.slotDate) : '—') },
          {
            title: '主讲人',
            width: 170,
            render: (_v, r) => (
              <Select
                aria-label="主讲人"
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="选择党员"
                value={r.memberId}
                options={memberOptions}
                onChange={(v: string) => setRow(r.key, { memberId: v, tier: null, tierLabel: null })}
                style={{ width: 150 }}
                status={r.memberId ? undefined : 'error'}
              />
            ),
          },
          {
            title: '安排依据',
            width: 150,
            render: (_v, r) =>
              r.tierLabel ? <Tag color={tierColors[r.tier ?? 'other']}>{r.tierLabel}</Tag> : <Typography.Text type="secondary">{suggestion ? '手工调整' : '—'}</Typography.Text>,
          },
          { title: '题目（可选）', render: (_v, r) => <Input aria-label="题目" maxLength={200} placeholder="可稍后填写" value={r.topic} onChange={(e) => setRow(r.key, { topic: e.target.value })} /> },
          {
            title: '操作',
            width: 64,
            render: (_v, r) => <Button type="text" danger aria-label="删除场次" icon={<DeleteOutlined />} onClick={() => setRows((rs) => rs?.filter((x) => x.key !== r.key) ?? null)} />,
          },
        ]}
      />
      <Space wrap style={{ marginTop: 12, width: '100%', justifyContent: isPhone ? 'stretch' : 'space-between' }}>
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            setRows((rs) => {
              const last = [...(rs ?? [])].map((r) => r.slotDate).filter(Boolean).sort().pop();
              const next = last ? dayjs(last).add(7, 'day').format('YYYY-MM-DD') : today;
              return [...(rs ?? []), { key: newKey(), slotDate: next, memberId: undefined, tier: null, tierLabel: null, topic: '' }];
            })
          }
        >
          添加场次
        </Button>
        {isPhone && (
          <Space>
            <Button onClick={() => (setRows(null), setSuggestion(null))}>放弃</Button>
            <Button type="primary" loading={save.isPending} onClick={confirmSave}>
              保存排期
            </Button>
          </Space>
        )}
      </Space>
    </Card>
  );

  const generator = canManage && orgId && (
    <Card type="inner" title="生成轮讲建议" style={{ marginBottom: 16 }}>
      <Row gutter={[12, 12]} align="middle">
        <Col xs={24} sm={8} lg={6}>
          <DatePicker
            aria-label="开始日期"
            format={chineseDateFormat}
            value={genFrom}
            onChange={setGenFrom}
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            style={{ width: '100%' }}
            placeholder="开始日期"
          />
        </Col>
        <Col xs={12} sm={5} lg={4}>
          <Select aria-label="排期范围" value={genMonths} options={monthOptions} onChange={setGenMonths} style={{ width: '100%' }} />
        </Col>
        <Col xs={12} sm={5} lg={4}>
          <Select aria-label="每周几" value={genWeekday} options={weekdayOptions} onChange={setGenWeekday} style={{ width: '100%' }} />
        </Col>
        <Col xs={24} sm={6} lg={10}>
          <Space wrap>
            <Button type="primary" icon={<ThunderboltOutlined />} loading={generate.isPending} disabled={!genFrom} onClick={() => generate.mutate()}>
              生成建议
            </Button>
            {future.length > 0 && !rows && (
              <Button icon={<EditOutlined />} onClick={editSaved}>
                调整已保存排期
              </Button>
            )}
          </Space>
        </Col>
      </Row>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
        建议不会自动保存；保存时将替换本支部今天及以后的场次。
      </Typography.Text>
    </Card>
  );

  const listView =
    shown.length === 0 ? (
      <Empty
        description={
          items.length
            ? `今后暂无已排的场次${canManage ? '，可生成新的轮讲建议' : ''}`
            : canManage
              ? '本支部还没有保存的轮讲排期，请先生成建议并保存'
              : '本支部还没有安排一刻钟微党课轮讲'
        }
      />
    ) : isPhone ? (
      <List
        dataSource={shown}
        pagination={shown.length > 12 ? { pageSize: 12, size: 'small', align: 'center' } : false}
        data-testid="lecture-list"
        renderItem={(s) => {
          const mine = !!me.memberId && s.memberId === me.memberId;
          return (
            <List.Item style={{ ...(mine ? mineStyle : {}), paddingInline: 8, opacity: s.slotDate < today ? 0.55 : 1 }}>
              <div>
                <div style={{ fontWeight: 600 }}>
                  {showDate(s.slotDate)} {weekdayOf(s.slotDate)}
                </div>
                <div>
                  {s.memberName}
                  {mine && <MineTag />}
                </div>
                {s.topic && <Typography.Text type="secondary">{s.topic}</Typography.Text>}
              </div>
              <Tag>{s.slotDate < today ? '已过' : '待讲'}</Tag>
            </List.Item>
          );
        }}
      />
    ) : (
      <Table<MicroLectureSlot>
        data-testid="lecture-list"
        rowKey={(s) => s.id ?? s.slotDate}
        size="middle"
        dataSource={shown}
        pagination={shown.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        onRow={(s) => ({ style: { ...(me.memberId && s.memberId === me.memberId ? mineStyle : {}), opacity: s.slotDate < today ? 0.6 : 1 } })}
        columns={[
          { title: '日期', dataIndex: 'slotDate', width: 160, render: (d: string) => showDate(d) },
          { title: '星期', dataIndex: 'slotDate', key: 'weekday', width: 80, render: (d: string) => weekdayOf(d) },
          {
            title: '主讲人',
            dataIndex: 'memberName',
            width: 200,
            render: (name: string, s) => (
              <span>
                {name}
                {me.memberId && s.memberId === me.memberId && <MineTag />}
              </span>
            ),
          },
          { title: '题目', dataIndex: 'topic', render: (t: string | null) => t ?? <Typography.Text type="secondary">待定</Typography.Text> },
          { title: '状态', key: 'state', width: 90, render: (_v, s) => (s.slotDate < today ? <Tag>已过</Tag> : <Tag color="red">待讲</Tag>) },
        ]}
      />
    );

  return (
    <Card title="一刻钟微党课轮讲">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', marginBottom: 16 }}>
        {orgPicker || (org && <Typography.Text strong>{org.name}</Typography.Text>)}
        <Segmented
          value={view}
          options={[
            { value: 'list', label: '列表' },
            { value: 'calendar', label: '日历' },
          ]}
          onChange={(v) => update({ view: v === 'calendar' ? 'calendar' : undefined })}
        />
        {view === 'list' && pastCount > 0 && (
          <Checkbox checked={showPast} onChange={(e) => setShowPast(e.target.checked)}>
            显示已过场次（{pastCount}）
          </Checkbox>
        )}
        {schedule.isFetching && <Spin size="small" />}
      </div>
      {!orgId ? (
        fallback.loading || orgs.isLoading ? (
          <Spin />
        ) : (
          <Empty description={canManage || canReadMembers ? '请选择一个党支部' : '您的账号未关联党支部，无法查看轮讲安排'} />
        )
      ) : schedule.error ? (
        <LoadError error={schedule.error} onRetry={() => void schedule.refetch()} />
      ) : (
        <>
          {me.memberId && schedule.data && (
            <Alert
              style={{ marginBottom: 16 }}
              type={myTurns.length ? 'warning' : 'info'}
              showIcon
              data-testid="my-turns"
              title={
                myTurns.length
                  ? `我的轮讲：${myTurns.map((s) => `${showDate(s.slotDate)}（${weekdayOf(s.slotDate)}）${s.topic ? `「${s.topic}」` : ''}`).join('、')}`
                  : '当前排期中暂无您的轮讲'
              }
            />
          )}
          {generator}
          {editor}
          {schedule.isLoading ? (
            <Spin />
          ) : view === 'calendar' ? (
            <SlotCalendar items={items} myId={me.memberId} month={calMonth} onMonth={setCalMonth} />
          ) : (
            listView
          )}
        </>
      )}
    </Card>
  );
}
