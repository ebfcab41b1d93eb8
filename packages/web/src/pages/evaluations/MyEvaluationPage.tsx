// 我的民主评议 (a member's own page, phone first): write the 个人自评 (党性分析), rate the other
// members anonymously (民主测评, one ballot, not changeable), then read the grade and the 支委会's
// comment and confirm receipt. Nothing of other members' grades is ever shown here.
import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, Popconfirm, Radio, Skeleton, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { MyEvaluation } from '@zhibu/contracts';
import { evaluationGradeLabels, evaluationGrades, type EvaluationGrade } from '@zhibu/domain';
import { api, describeError } from '../../api/client';
import { showDate, showDateTime } from '../../lib/dates';
import { useFormSubmit } from '../../lib/form-errors';
import { LoadError } from '../errors/ErrorPages';

const key = ['evaluations', 'me'] as const;
const gradeColor: Record<EvaluationGrade, string> = { excellent: 'red', qualified: 'green', basicallyQualified: 'orange', unqualified: 'volcano' };

export default function MyEvaluationPage() {
  const q = useQuery({ queryKey: key, queryFn: () => api.get<{ items: MyEvaluation[] }>('/evaluations/me') });
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <Typography.Title level={4}>我的民主评议</Typography.Title>
      {q.isLoading && <Skeleton active />}
      {q.error && <LoadError error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && !q.data.items.length && <Empty description="您所在的党支部还没有开展民主评议。" />}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {q.data?.items.map((e) => <RoundCard key={e.participantId} e={e} />)}
      </Space>
    </div>
  );
}

function RoundCard({ e }: { e: MyEvaluation }) {
  const resultVisible = e.stage === 'feedback' || e.stage === 'completed';
  return (
    <Card
      size="small"
      data-testid="my-evaluation"
      title={`${e.year}年度民主评议`}
      extra={<Tag color={e.stage === 'completed' ? 'green' : 'blue'}>{e.stageLabel}</Tag>}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {e.orgName} · 评议日期 {showDate(e.heldOn)}
        {!e.graded && !e.exempt && '。您是预备党员，参加自评和测评，不评定等次。'}
      </Typography.Paragraph>
      {e.exempt && <Alert type="info" showIcon message="您不参加本次评议（已由支部登记原因）。" />}
      {!e.exempt && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {resultVisible && <ResultPart e={e} />}
          {!resultVisible && <SelfPart e={e} />}
          {e.canVote && <BallotPart e={e} />}
          {e.stage === 'peerReview' && e.hasVoted && <Alert type="success" showIcon message="您已提交民主测评票。测评匿名进行，支部只看到每名党员的各等次票数。" />}
        </Space>
      )}
    </Card>
  );
}

function SelfPart({ e }: { e: MyEvaluation }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ selfAssessment: string }>();
  const [editing, setEditing] = useState(!e.selfAssessment);
  const { busy, submit } = useFormSubmit(form, async (v) => {
    await api.put<MyEvaluation>(`/evaluations/me/${e.participantId}/self-assessment`, { ...v, version: e.version });
    message.success('个人自评已提交');
    setEditing(false);
    await qc.invalidateQueries({ queryKey: key });
  });
  if (!e.canWriteSelfAssessment) {
    return e.selfAssessment ? (
      <div>
        <Typography.Text strong>我的个人自评</Typography.Text>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{e.selfAssessment}</Typography.Paragraph>
      </div>
    ) : (
      <Alert type="info" showIcon message={e.stage === 'preparing' ? '支部正在准备，开始个人自评后可在此填写。' : '个人自评阶段已结束。'} />
    );
  }
  if (!editing) {
    return (
      <div>
        <Space style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Text strong>我的个人自评（已提交）</Typography.Text>
          <Button size="small" onClick={() => setEditing(true)}>
            修改
          </Button>
        </Space>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>{e.selfAssessment}</Typography.Paragraph>
      </div>
    );
  }
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ selfAssessment: e.selfAssessment ?? '' }}>
      <Form.Item
        name="selfAssessment"
        label="个人自评（党性分析）"
        rules={[{ required: true, whitespace: true, message: '请填写个人自评' }]}
        extra="对照合格党员标准和入党誓词，从理想信念、遵规守纪、履职尽责、作风表现等方面查找差距，提出改进措施。"
      >
        <Input.TextArea rows={8} maxLength={5000} showCount data-testid="self-assessment" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} block data-testid="submit-self">
        提交自评
      </Button>
    </Form>
  );
}

function BallotPart({ e }: { e: MyEvaluation }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [votes, setVotes] = useState<Record<string, EvaluationGrade>>({});
  const [busy, setBusy] = useState(false);
  const missing = e.peers.filter((p) => !votes[p.participantId]).length;
  const cast = async () => {
    setBusy(true);
    try {
      await api.post<MyEvaluation>(`/evaluations/me/${e.participantId}/ballot`, { votes: e.peers.map((p) => ({ participantId: p.participantId, grade: votes[p.participantId] })) });
      message.success('测评票已提交');
      await qc.invalidateQueries({ queryKey: key });
    } catch (err) {
      message.error(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="ballot">
      <Typography.Text strong>民主测评（匿名）</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        请对本支部其他党员逐一评价。测评匿名进行，提交后不能修改。
      </Typography.Paragraph>
      <Button size="small" style={{ marginBottom: 8 }} onClick={() => setVotes(Object.fromEntries(e.peers.map((p) => [p.participantId, votes[p.participantId] ?? 'qualified'])))}>
        未评的均选“合格”
      </Button>
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {e.peers.map((p) => (
          <div key={p.participantId} data-testid="peer" data-name={p.memberName} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}>
            <div style={{ marginBottom: 4 }}>
              {p.memberName}
              <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
                {p.memberStatusLabel}
              </Typography.Text>
            </div>
            <Radio.Group
              size="small"
              optionType="button"
              value={votes[p.participantId]}
              onChange={(ev) => setVotes({ ...votes, [p.participantId]: ev.target.value as EvaluationGrade })}
              options={evaluationGrades.map((g) => ({ value: g, label: evaluationGradeLabels[g] }))}
            />
          </div>
        ))}
      </Space>
      <Popconfirm title="提交测评票？" description="提交后不能修改。" onConfirm={cast} okText="提交" disabled={missing > 0}>
        <Button type="primary" block style={{ marginTop: 12 }} loading={busy} disabled={missing > 0} data-testid="submit-ballot">
          {missing > 0 ? `还有${missing}人未评` : '提交测评票'}
        </Button>
      </Popconfirm>
    </div>
  );
}

function ResultPart({ e }: { e: MyEvaluation }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const ack = async () => {
    setBusy(true);
    try {
      await api.post<MyEvaluation>(`/evaluations/me/${e.participantId}/acknowledge`);
      message.success('已确认');
      await qc.invalidateQueries({ queryKey: key });
    } catch (err) {
      message.error(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="my-result">
      <Typography.Text strong>我的评议结果</Typography.Text>
      <div style={{ margin: '8px 0' }}>
        {e.grade ? (
          <Space wrap>
            <Tag color={gradeColor[e.grade]} style={{ fontSize: 16, padding: '4px 12px' }} data-testid="my-grade">
              {e.gradeLabel}
            </Tag>
            <Typography.Text type="secondary">{e.gradeUse}</Typography.Text>
          </Space>
        ) : (
          <Typography.Text type="secondary">{e.graded ? '支部尚未评定' : '预备党员不评定等次'}</Typography.Text>
        )}
      </div>
      {e.gradeReason && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} message="差距与改进要求" description={e.gradeReason} />
      )}
      {e.committeeComment && (
        <Typography.Paragraph>
          <Typography.Text type="secondary">支委会评语：</Typography.Text>
          {e.committeeComment}
        </Typography.Paragraph>
      )}
      {e.acknowledgedAt ? (
        <Tag color="green">已于{showDateTime(e.acknowledgedAt)}确认</Tag>
      ) : (
        <Button type="primary" block loading={busy} onClick={ack} data-testid="acknowledge">
          我已知悉评议结果
        </Button>
      )}
    </div>
  );
}
