// One branch's round of 民主评议党员: the steps, the participants with their 自评, the 测评 counts
// (online ballots are anonymous: counts only; paper ballots as tallied), the 支委会's grade with the
// 优秀 quota shown beside it, and who has confirmed their result. The secretary acts; committee
// members read.
import { useState } from 'react';
import { Alert, App, Button, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Radio, Space, Steps, Switch, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import type { EvaluationParticipant, EvaluationRound } from '@zhibu/contracts';
import { evaluationGradeLabels, evaluationGrades, evaluationStageLabels, evaluationStages, type EvaluationGrade } from '@zhibu/domain';
import { api, describeError, downloadFile } from '../../api/client';
import { PageCard, useIsPhone } from '../../components/PageCard';
import { showDate, showDateTime } from '../../lib/dates';
import { useFormSubmit } from '../../lib/form-errors';
import { LoadError } from '../errors/ErrorPages';

const gradeColor: Record<EvaluationGrade, string> = { excellent: 'red', qualified: 'green', basicallyQualified: 'orange', unqualified: 'volcano' };
const votesText = (v: EvaluationParticipant['onlineVotes']) => `${v.excellent}/${v.qualified}/${v.basicallyQualified}/${v.unqualified}`;

export function RoundDetail({ id, onBack }: { id: string; onBack: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['evaluations', 'round', id], queryFn: () => api.get<EvaluationRound>(`/evaluations/rounds/${id}`) });
  const [editing, setEditing] = useState<{ p: EvaluationParticipant; kind: 'grade' | 'self' | 'paper' | 'exempt' } | null>(null);
  const isPhone = useIsPhone();
  const r = q.data;
  const refresh = (next: EvaluationRound) => {
    qc.setQueryData(['evaluations', 'round', id], next);
    void qc.invalidateQueries({ queryKey: ['evaluations', 'rounds'] });
    void qc.invalidateQueries({ queryKey: ['evaluations', 'overview'] });
  };
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
      返回
    </Button>
  );
  if (q.error) return <PageCard title="民主评议" actions={back}><LoadError error={q.error} onRetry={() => void q.refetch()} /></PageCard>;
  if (!r) return <PageCard title="民主评议" actions={back}>加载中…</PageCard>;
  const stageIdx = evaluationStages.indexOf(r.stage);
  const next = evaluationStages[stageIdx + 1];
  const advance = async () => {
    try {
      refresh(await api.post<EvaluationRound>(`/evaluations/rounds/${id}/advance`, { version: r.version }));
      message.success('已进入下一步');
    } catch (e) {
      message.error(describeError(e));
      void q.refetch();
    }
  };
  const excellentNow = r.gradeCounts.excellent;
  return (
    <PageCard
      title={`${r.orgName} ${r.year}年度民主评议党员`}
      actions={
        <Space wrap>
          {back}
          <Button icon={<DownloadOutlined />} onClick={() => downloadFile(`/evaluations/rounds/${id}/result.xlsx`, undefined, '民主评议结果.xlsx').catch((e: unknown) => message.error(describeError(e)))}>
            导出结果表
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Steps
          size="small"
          current={r.stage === 'completed' ? evaluationStages.length : stageIdx}
          direction={isPhone ? 'vertical' : 'horizontal'}
          items={evaluationStages.map((s) => ({ title: evaluationStageLabels[s] }))}
        />
        <Descriptions size="small" column={isPhone ? 1 : 4} bordered>
          <Descriptions.Item label="评议日期">{showDate(r.heldOn)}</Descriptions.Item>
          <Descriptions.Item label="参评人员">
            {r.participantCount}人（评定等次{r.gradedCount}人{r.exemptCount ? `，不参加${r.exemptCount}人` : ''}）
          </Descriptions.Item>
          <Descriptions.Item label="自评 / 已投票">
            {r.selfAssessedCount} / {r.ballotCount}
          </Descriptions.Item>
          <Descriptions.Item label="优秀名额">
            <span data-testid="excellent-quota">
              已评{excellentNow}人，最多{r.maxExcellent}人（不超过{r.excellentRatioLabel}）
            </span>
          </Descriptions.Item>
        </Descriptions>
        {r.canManage && next && (
          <Space wrap>
            {r.advanceBlocker ? (
              <Alert type="warning" showIcon message={r.advanceBlocker} />
            ) : (
              <Popconfirm
                title={`进入“${evaluationStageLabels[next]}”？`}
                description={next === 'feedback' ? '反馈后党员可在“我的民主评议”中看到本人的等次和评语。' : next === 'completed' ? '完成后不能再修改本轮评议。' : undefined}
                onConfirm={advance}
                okText="确定"
              >
                <Button type="primary" data-testid="advance">
                  进入下一步：{evaluationStageLabels[next]}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )}
        {r.stage === 'peerReview' && <Alert type="info" showIcon message="民主测评匿名进行：只显示每名党员得到的各等次票数，不显示谁投了谁。采用纸质票的，可录入各等次汇总票数。" />}
        <Table<EvaluationParticipant>
          rowKey="id"
          size="small"
          dataSource={r.participants}
          pagination={false}
          scroll={{ x: isPhone ? 600 : 980 }}
          onRow={(p) => ({ 'data-testid': 'participant', 'data-name': p.memberName }) as React.HTMLAttributes<HTMLElement>}
          // On a phone the 类别 and 自评 columns give way, so that the grade and the receipt are in view.
          columns={(isPhone ? (cols: TableColumnsType<EvaluationParticipant>) => cols.filter((c) => c.key !== 'status' && c.key !== 'self') : (cols: TableColumnsType<EvaluationParticipant>) => cols)([
            {
              title: '姓名',
              key: 'name',
              width: 90,
              fixed: 'left',
              render: (_, p) => (
                <Space orientation="vertical" size={0}>
                  <span>{p.memberName}</span>
                  {isPhone && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.exempt ? '不参加' : p.graded ? p.memberStatusLabel : '预备党员·不评等次'}</Typography.Text>}
                  {isPhone && !p.exempt && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.selfAssessment ? '自评已交' : '自评未交'}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: '类别',
              key: 'status',
              width: 110,
              render: (_, p) =>
                p.exempt ? (
                  <Tag title={p.exemptReason ?? ''}>不参加</Tag>
                ) : (
                  <Space orientation="vertical" size={0}>
                    <span>{p.memberStatusLabel}</span>
                    {!p.graded && <Typography.Text type="secondary" style={{ fontSize: 12 }}>不评定等次</Typography.Text>}
                  </Space>
                ),
            },
            {
              title: '个人自评',
              key: 'self',
              width: 200,
              render: (_, p) =>
                p.selfAssessment ? (
                  <Typography.Paragraph ellipsis={{ rows: 2, tooltip: p.selfAssessment }} style={{ margin: 0 }}>
                    {p.selfAssessmentSource === 'secretary' && <Tag>纸质</Tag>}
                    {p.selfAssessment}
                  </Typography.Paragraph>
                ) : (
                  <Typography.Text type="secondary">{p.exempt ? '—' : '未交'}</Typography.Text>
                ),
            },
            {
              title: '测评票（优/合/基/不）',
              key: 'votes',
              width: 160,
              render: (_, p) => (
                <Space orientation="vertical" size={0}>
                  <span data-testid="online-votes">{stageIdx < 2 || p.exempt ? '—' : votesText(p.onlineVotes)}</span>
                  {p.paperVotes && <Typography.Text type="secondary" style={{ fontSize: 12 }}>纸质 {votesText(p.paperVotes)}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: '评定等次',
              key: 'grade',
              width: 210,
              render: (_, p) =>
                p.grade ? (
                  <Space orientation="vertical" size={0}>
                    <Tag color={gradeColor[p.grade]} data-testid="grade">
                      {p.gradeLabel}
                    </Tag>
                    {p.gradeReason && <Typography.Text style={{ fontSize: 12 }}>差距：{p.gradeReason}</Typography.Text>}
                    {p.committeeComment && <Typography.Text type="secondary" style={{ fontSize: 12 }}>评语：{p.committeeComment}</Typography.Text>}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{p.graded && !p.exempt ? '未评定' : '—'}</Typography.Text>
                ),
            },
            { title: '本人确认', key: 'ack', width: 110, render: (_, p) => (p.acknowledgedAt ? <Tag color="green">{showDateTime(p.acknowledgedAt).slice(0, 11)}已确认</Tag> : p.grade && stageIdx >= 4 ? <Tag>未确认</Tag> : '') },
            {
              title: '操作',
              key: 'op',
              width: 190,
              render: (_, p) =>
                r.canManage && r.stage !== 'completed' && r.stage !== 'feedback' ? (
                  <Space size={4} wrap>
                    {r.stage === 'committeeReview' && p.graded && !p.exempt && (
                      <Button size="small" type="link" onClick={() => setEditing({ p, kind: 'grade' })} data-testid="grade-button">
                        评定
                      </Button>
                    )}
                    {['selfAssessment', 'peerReview', 'committeeReview'].includes(r.stage) && !p.exempt && (
                      <Button size="small" type="link" onClick={() => setEditing({ p, kind: 'self' })}>
                        {p.selfAssessment ? '改自评' : '录入自评'}
                      </Button>
                    )}
                    {['peerReview', 'committeeReview'].includes(r.stage) && !p.exempt && (
                      <Button size="small" type="link" onClick={() => setEditing({ p, kind: 'paper' })}>
                        纸质票
                      </Button>
                    )}
                    <Button size="small" type="link" onClick={() => setEditing({ p, kind: 'exempt' })}>
                      {p.exempt ? '恢复参加' : '不参加'}
                    </Button>
                  </Space>
                ) : null,
            },
          ])}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {r.rule}
        </Typography.Text>
      </Space>
      {editing?.kind === 'grade' && <GradeModal round={r} p={editing.p} onClose={() => setEditing(null)} onSaved={refresh} />}
      {editing?.kind === 'self' && <SelfModal p={editing.p} onClose={() => setEditing(null)} onSaved={refresh} />}
      {editing?.kind === 'paper' && <PaperModal p={editing.p} onClose={() => setEditing(null)} onSaved={refresh} />}
      {editing?.kind === 'exempt' && <ExemptModal p={editing.p} onClose={() => setEditing(null)} onSaved={refresh} />}
    </PageCard>
  );
}

type ModalProps = { p: EvaluationParticipant; onClose: () => void; onSaved: (r: EvaluationRound) => void };

function GradeModal({ round, p, onClose, onSaved }: ModalProps & { round: EvaluationRound }) {
  const [form] = Form.useForm<{ grade: EvaluationGrade; gradeReason?: string; committeeComment?: string }>();
  const grade = Form.useWatch('grade', form);
  const { busy, submit } = useFormSubmit(form, async (v) => {
    onSaved(await api.put<EvaluationRound>(`/evaluations/participants/${p.id}/grade`, { ...v, version: p.version }));
    onClose();
  });
  const needsReason = grade === 'basicallyQualified' || grade === 'unqualified';
  const online = p.onlineVotes;
  const paper = p.paperVotes;
  return (
    <Modal title={`评定等次：${p.memberName}`} open onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={busy}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          民主测评（优秀/合格/基本合格/不合格）：{votesText(online)}
          {paper ? `；纸质 ${votesText(paper)}` : ''}。优秀已评{round.gradeCounts.excellent}人，最多{round.maxExcellent}人。
        </Typography.Text>
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ grade: p.grade ?? undefined, gradeReason: p.gradeReason ?? '', committeeComment: p.committeeComment ?? '' }}>
          <Form.Item name="grade" label="评定等次" rules={[{ required: true, message: '请选择评定等次' }]}>
            <Radio.Group optionType="button" buttonStyle="solid" options={evaluationGrades.map((g) => ({ value: g, label: evaluationGradeLabels[g] }))} />
          </Form.Item>
          {grade === 'unqualified' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="不合格不等于组织处置" description={round.disposalNotice} />}
          <Form.Item
            name="gradeReason"
            label={grade === 'unqualified' ? '不合格的事实与教育转化措施' : '差距与改进要求'}
            rules={needsReason ? [{ required: true, whitespace: true, message: '评定为基本合格、不合格须写明理由（指出差距、帮助改进）' }] : []}
            extra={needsReason ? undefined : '评定为基本合格、不合格时必填'}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
          <Form.Item name="committeeComment" label="支委会评语（反馈本人）">
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Space>
    </Modal>
  );
}

function SelfModal({ p, onClose, onSaved }: ModalProps) {
  const [form] = Form.useForm<{ selfAssessment: string }>();
  const { busy, submit } = useFormSubmit(form, async (v) => {
    onSaved(await api.put<EvaluationRound>(`/evaluations/participants/${p.id}/self-assessment`, { ...v, version: p.version }));
    onClose();
  });
  return (
    <Modal title={`录入纸质个人自评：${p.memberName}`} open onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={busy}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ selfAssessment: p.selfAssessment ?? '' }}>
        <Form.Item name="selfAssessment" label="个人自评（党性分析）" rules={[{ required: true, whitespace: true, message: '请录入自评内容' }]}>
          <Input.TextArea rows={8} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PaperModal({ p, onClose, onSaved }: ModalProps) {
  const [form] = Form.useForm<{ excellent: number; qualified: number; basicallyQualified: number; unqualified: number }>();
  const { busy, submit } = useFormSubmit(form, async (v) => {
    onSaved(await api.put<EvaluationRound>(`/evaluations/participants/${p.id}/paper-votes`, { paperVotes: v, version: p.version }));
    onClose();
  });
  const init = p.paperVotes ?? { excellent: 0, qualified: 0, basicallyQualified: 0, unqualified: 0 };
  return (
    <Modal title={`纸质测评票数：${p.memberName}`} open onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={busy}>
      <Form form={form} layout="inline" onFinish={submit} initialValues={init} style={{ rowGap: 12 }}>
        {evaluationGrades.map((g) => (
          <Form.Item key={g} name={g} label={evaluationGradeLabels[g]} rules={[{ required: true, message: '请填写票数' }]}>
            <InputNumber min={0} max={999} precision={0} style={{ width: 80 }} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

function ExemptModal({ p, onClose, onSaved }: ModalProps) {
  const [form] = Form.useForm<{ exempt: boolean; exemptReason?: string }>();
  const exempt = Form.useWatch('exempt', form);
  const { busy, submit } = useFormSubmit(form, async (v) => {
    onSaved(await api.put<EvaluationRound>(`/evaluations/participants/${p.id}/exempt`, { ...v, version: p.version }));
    onClose();
  });
  return (
    <Modal title={`参加评议：${p.memberName}`} open onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={busy}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ exempt: !p.exempt, exemptReason: p.exemptReason ?? '' }}>
        <Form.Item name="exempt" label="不参加本次评议" valuePropName="checked">
          <Switch />
        </Form.Item>
        {exempt && (
          <Form.Item name="exemptReason" label="原因" rules={[{ required: true, whitespace: true, message: '请写明不参加评议的原因' }]} extra="年老体弱、长期患病等，组织活动不作硬性要求（教育管理条例 第二十三条）">
            <Input maxLength={200} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
