// The audit log (审计员 only): who did what, when, before/after, and a check of the hash chain.
import { useState } from 'react';
import { Alert, App, AutoComplete, Button, Card, Col, DatePicker, Input, Row, Space, Table, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useUrlFilters } from '../../lib/url-filters';
import type { AuditEntry } from '@zhibu/contracts';
import type { Dayjs } from 'dayjs';
import { api, describeError } from '../../api/client';
import { chineseDateFormat, fromIsoDate, showDateTime, toIsoDate } from '../../lib/dates';
import { LoadError } from '../errors/ErrorPages';
import { useIsPhone } from '../../components/PageCard';

/** Chinese names of the actions the server records; an unknown one shows as written. */
export const auditActionLabels: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.loginFailed': '登录失败',
  'auth.locked': '账号锁定',
  'auth.passwordChanged': '修改密码',
  'court.create': '新增法院',
  'court.update': '修改法院',
  'department.create': '新增庭室',
  'org.create': '新增党组织',
  'org.update': '修改党组织',
  'org.term.create': '登记换届',
  'org.committee.add': '任命支委',
  'org.committee.end': '支委离任',
  'member.create': '新增党员',
  'member.update': '修改党员',
  'member.statusChange': '变更党员状态',
  'member.reveal': '查看完整号码',
  'member.reveal.denied': '查看完整号码（被拒绝）',
  'member.import': '导入党员',
  'member.export': '导出名册',
  'user.create': '新建用户',
  'user.resetPassword': '重置密码',
  'user.disable': '停用账号',
  'user.enable': '启用账号',
  'user.unlock': '解锁账号',
  'user.grant': '授予角色',
  'user.revoke': '撤销角色',
  'security.update': '修改安全策略',
  'court.rules.update': '修改组织规则设置',
  'demo.seed': '载入演示数据',
  'activity.create': '计划活动',
  'activity.create.lateEntry': '补录活动',
  'activity.update': '修改活动',
  'activity.update.recorded': '修改已记录的活动',
  'activity.notify': '通知应到人员',
  'activity.record': '记录活动',
  'activity.record.lateEntry': '补录活动记录',
  'activity.cancel': '取消活动',
  'activity.submit': '报送上级',
  'activity.review.approve': '上级审核通过',
  'activity.review.return': '上级退回',
  'activity.attendance.mark': '登记出席',
  'activity.signIn': '签到',
  'activity.signIn.open': '开启签到',
  'activity.signIn.close': '结束签到',
  'activity.attachment.add': '上传附件',
  'activity.caseReview.create': '登记讲评案例',
  'activity.caseReview.update': '修改讲评案例',
  'activityCatalogue.update': '调整活动类型目录',
  'microLecture.schedule.save': '保存微党课排期',
  'quorumExclusion.request': '申请不计入应到会人数',
  'quorumExclusion.approve': '批准不计入应到会人数',
  'quorumExclusion.reject': '不予批准不计入应到会人数',
  'quorumExclusion.end': '终止不计入应到会人数',
  'reminderNotice.send': '发送党建工作提示',
  'reminderNotice.acknowledge': '确认收到党建工作提示',
  'evaluation.open': '开启民主评议',
  'evaluation.advance': '推进民主评议步骤',
  'evaluation.exempt': '登记不参加民主评议',
  'evaluation.selfAssessment': '提交个人自评',
  'evaluation.paperVotes': '录入纸质测评票数',
  'evaluation.ballot': '提交民主测评票（匿名）',
  'evaluation.grade': '评定民主评议等次',
  'evaluation.acknowledge': '确认民主评议结果',
  'transfer.send': '发起组织关系转接',
  'transfer.accept': '接收组织关系',
  'transfer.return': '退回组织关系转接',
  'transfer.cancel': '撤回组织关系转接',
  'transfer.complete': '登记介绍信回执',
  'transfer.letter': '下载组织关系介绍信',
  'development.case.create': '建立发展档案',
  'development.step.record': '办理发展党员步骤',
  'development.file.add': '上传发展党员材料',
  'partnership.create': '登记联建（即时生效）',
  'partnership.propose': '发出联建邀请',
  'partnership.accept': '同意联建',
  'partnership.decline': '不同意联建',
  'partnership.update': '修改联建协议',
  'partnership.end': '结束联建',
  'brand.create': '创建党建品牌',
  'brand.update': '修改党建品牌',
  'brand.submit': '申报党建品牌',
  'brand.recognize': '认定党建品牌',
  'brand.return': '退回党建品牌申报',
  'brand.reject': '不予认定党建品牌',
  'brand.cultivate': '党建品牌开始培育',
  'brand.promote': '党建品牌宣传推广',
  'brand.select': '选树党建品牌',
  'brand.panel': '组成品牌认定评审组',
  'brand.score': '品牌认定评分',
  'brand.milestone.create': '添加品牌培育节点',
  'brand.milestone.update': '修改品牌培育节点',
  'brand.progress': '报送品牌培育进展',
  'brand.evidence.add': '关联品牌佐证',
  'brand.evidence.remove': '取消关联品牌佐证',
  'brand.logo': '上传品牌标识',
  'brandSelection.create': '发起品牌选树',
  'brandSelection.update': '修改品牌选树设置与评审组',
  'brandSelection.review': '品牌选树进入评审',
  'brandSelection.publish': '公布品牌选树结果',
  'brandSelection.nominate': '推荐品牌参加选树',
  'brandSelection.withdraw': '撤回选树推荐',
  'brandSelection.score': '品牌选树评分',
  'brandSelection.decide': '决定品牌是否选树',
  'honor.create': '登记荣誉',
  'honor.update': '修改荣誉',
  'honor.delete': '删除荣誉',
  'honor.certificate': '上传荣誉证书',
  'pioneer.propose': '申报示范岗/先锋队',
  'pioneer.approve': '批准示范岗/先锋队挂牌',
  'pioneer.reject': '不予批准示范岗/先锋队',
  'pioneer.withdraw': '撤回示范岗/先锋队申报',
  'pioneer.revoke': '撤销示范岗/先锋队（摘牌）',
  'pioneer.review': '示范岗/先锋队年度考评',
  'pioneer.achievement': '记录示范岗/先锋队工作成效',
  'excellence.round.create': '发起优秀党员评选',
  'excellence.round.close': '结束优秀党员评选',
  'excellence.nominate': '推荐优秀党员',
  'excellence.select': '决定优秀党员当选',
  'excellence.reject': '决定优秀党员未当选',
  'excellence.withdraw': '撤回优秀党员推荐',
  'dues.payment.record': '登记党费交纳',
  'dues.payment.delete': '撤销党费交纳登记',
  'dues.base.create': '核定党费基数',
  'dues.base.update': '修改党费基数',
  'dues.adjustment.request': '申请少交/免交党费',
  'dues.adjustment.approve': '批准少交/免交党费',
  'dues.adjustment.reject': '不予批准少交/免交党费',
  'dues.components.save': '设定党费基数构成项目',
  'talk.create': '记录谈心谈话',
  'talk.update': '修改谈心谈话记录',
  'talk.delete': '删除谈心谈话记录',
  'talk.ledger.export': '导出谈心谈话记录',
  'care.record.create': '登记关怀对象',
  'care.record.update': '修改关怀记录',
  'care.record.read': '查看关怀记录',
  'care.visit.create': '登记关怀走访',
  'care.visit.delete': '删除关怀走访',
};

const entityLabels: Record<string, string> = {
  evaluationRound: '民主评议',
  evaluationParticipant: '民主评议参评人',
  user: '用户',
  member: '党员',
  partyOrg: '党组织',
  court: '法院',
  department: '庭室',
  orgTerm: '任期',
  committeePosition: '支委',
  roleGrant: '角色授权',
  settings: '设置',
  import: '导入',
  activity: '组织生活活动',
  activityAttendance: '出席记录',
  caseReview: '讲评案例',
  file: '附件',
  quorumExclusion: '不计入应到会人数',
  reminderNotice: '党建工作提示',
  transfer: '组织关系转接',
  developmentCase: '发展档案',
  partnership: '联建关系',
  brand: '党建品牌',
  brandMilestone: '品牌培育节点',
  honor: '荣誉',
  duesPayment: '党费交纳',
  duesBase: '党费基数',
  duesAdjustment: '少交/免交党费',
  talk: '谈心谈话',
  careRecord: '关怀记录',
  careVisit: '关怀走访',
  system: '系统',
};

function actionLabel(action: string): string {
  return auditActionLabels[action] ?? action;
}

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">（无）</Typography.Text>;
  return (
    <pre style={{ margin: 0, maxHeight: 320, overflow: 'auto', background: '#fafafa', padding: 8, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

const filterKeys = ['actor', 'action', 'entity', 'entityId', 'from', 'to'] as const;

export default function AuditPage() {
  const [params, apply] = useUrlFilters();
  const { message } = App.useApp();
  const filters = Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? undefined])) as Record<(typeof filterKeys)[number], string | undefined>;
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const isPhone = useIsPhone();
  const [draft, setDraft] = useState<Record<string, string | undefined>>(filters);
  const [verifying, setVerifying] = useState(false);
  const [verify, setVerify] = useState<{ ok: boolean; checked: number; firstBrokenSeq: number | null; message: string } | null>(null);

  const list = useQuery({
    queryKey: ['audit', filters, page, pageSize],
    queryFn: () => api.get<{ items: AuditEntry[]; total: number }>('/audit-logs', { ...filters, page, pageSize }),
    placeholderData: keepPreviousData,
  });

  const runVerify = async () => {
    setVerifying(true);
    try {
      setVerify(await api.get('/audit-logs/verify'));
    } catch (err) {
      message.error(describeError(err));
    } finally {
      setVerifying(false);
    }
  };

  const search = () => apply(Object.fromEntries(filterKeys.map((k) => [k, draft[k]?.trim() || undefined])));

  return (
    <Card
      title="审计日志"
      extra={
        <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void runVerify()}>
          校验完整性
        </Button>
      }
    >
      {verify && (
        <Alert
          style={{ marginBottom: 16 }}
          type={verify.ok ? 'success' : 'error'}
          showIcon
          closable={{ onClose: () => setVerify(null) }}
          title={verify.ok ? `审计日志完整：已校验 ${verify.checked} 条记录，哈希链未被篡改` : `审计日志可能被篡改：第 ${verify.firstBrokenSeq ?? '?'} 条起哈希链断开`}
          description={verify.message}
          data-testid="audit-verify"
        />
      )}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} sm={12} lg={6}>
          <Input allowClear placeholder="操作人（姓名或用户名）" value={draft.actor} onChange={(e) => setDraft((d) => ({ ...d, actor: e.target.value }))} onPressEnter={search} />
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <AutoComplete
            style={{ width: '100%' }}
            allowClear
            placeholder="操作（如：查看完整号码）"
            value={draft.action}
            onChange={(v?: string) => setDraft((d) => ({ ...d, action: v }))}
            options={Object.entries(auditActionLabels)
              .filter(([k], i, all) => all.findIndex(([, l]) => l === auditActionLabels[k]) === i)
              .map(([value, label]) => ({ value, label: `${label}（${value}）` }))}
            showSearch={{ filterOption: (input, option) => String(option?.label ?? '').includes(input) }}
          />
        </Col>
        <Col xs={12} sm={6} lg={4}>
          <Input allowClear placeholder="对象类型" value={draft.entity} onChange={(e) => setDraft((d) => ({ ...d, entity: e.target.value }))} onPressEnter={search} />
        </Col>
        <Col xs={12} sm={6} lg={8}>
          <Input allowClear placeholder="对象编号" value={draft.entityId} onChange={(e) => setDraft((d) => ({ ...d, entityId: e.target.value }))} onPressEnter={search} />
        </Col>
        <Col xs={24} sm={16} lg={10}>
          <DatePicker.RangePicker
            style={{ width: '100%' }}
            format={chineseDateFormat}
            value={[fromIsoDate(draft.from), fromIsoDate(draft.to)]}
            onChange={(range) => {
              const [from, to] = (range ?? [null, null]) as [Dayjs | null, Dayjs | null];
              setDraft((d) => ({ ...d, from: toIsoDate(from) ?? undefined, to: toIsoDate(to) ?? undefined }));
            }}
            placeholder={['开始日期', '结束日期']}
          />
        </Col>
        <Col xs={24} sm={8} lg={6}>
          <Space>
            <Button type="primary" icon={<SearchOutlined />} onClick={search}>
              查询
            </Button>
            <Button
              onClick={() => {
                setDraft({});
                apply(Object.fromEntries(filterKeys.map((k) => [k, undefined])));
              }}
            >
              清除
            </Button>
          </Space>
        </Col>
      </Row>
      {list.error ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={isPhone ? undefined : { x: 980 }}
          locale={{ emptyText: '没有符合条件的审计记录。请调整筛选条件后再查询。' }}
          expandable={{
            expandedRowRender: (e) => (
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Typography.Text strong>变更前</Typography.Text>
                  <Json value={e.before} />
                </Col>
                <Col xs={24} md={12}>
                  <Typography.Text strong>变更后</Typography.Text>
                  <Json value={e.after} />
                </Col>
                <Col xs={24} style={{ marginTop: 8 }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                    记录哈希：{e.hash}
                  </Typography.Text>
                </Col>
              </Row>
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (t) => `共 ${t} 条`,
            onChange: (p, s) => apply({ page: p === 1 ? undefined : p, pageSize: s === 20 ? undefined : s }),
          }}
          columns={[
            { title: '序号', dataIndex: 'seq', width: 80, responsive: ['md'] },
            { title: '时间', dataIndex: 'at', width: 190, render: (v: string) => showDateTime(v) },
            { title: '操作人', dataIndex: 'actorName', width: 200, ellipsis: true, responsive: ['sm'] },
            {
              title: '操作',
              dataIndex: 'action',
              width: 160,
              render: (a: string) => (
                <Tag color={a.includes('reveal') ? 'orange' : a.includes('Failed') || a.includes('locked') ? 'red' : 'default'} title={a}>
                  {actionLabel(a)}
                </Tag>
              ),
            },
            { title: '对象', dataIndex: 'entity', width: 100, responsive: ['md'], render: (v: string) => entityLabels[v] ?? v },
            { title: '对象编号', dataIndex: 'entityId', ellipsis: true, responsive: ['lg'], render: (v: string | null) => <span style={{ fontFamily: 'monospace', fontSize: 12 }}>{v ?? '—'}</span> },
            { title: 'IP', dataIndex: 'ip', width: 130, responsive: ['lg'], render: (v: string | null) => v ?? '—' },
          ]}
        />
      )}
    </Card>
  );
}
