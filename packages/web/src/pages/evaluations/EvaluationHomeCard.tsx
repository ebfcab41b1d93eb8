// Home: what a member still has to do in this year's 民主评议 — write the 个人自评, cast the anonymous
// 测评 ballot, or read and confirm the result. Shown only when there is something to do.
import { Button, Card, Space, Typography } from 'antd';
import { SolutionOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { MyEvaluation } from '@zhibu/contracts';
import { api } from '../../api/client';
import { can, useMe } from '../../auth';

function todo(e: MyEvaluation): string | null {
  if (e.exempt) return null;
  if (e.canWriteSelfAssessment && !e.selfAssessment) return '请填写个人自评（党性分析）';
  if (e.canVote) return '请对本支部党员进行民主测评（匿名）';
  if ((e.stage === 'feedback' || e.stage === 'completed') && !e.acknowledgedAt && (e.grade || e.committeeComment)) return '评议结果已反馈，请查看并确认';
  return null;
}

export function EvaluationHomeCard() {
  const me = useMe();
  const q = useQuery({ queryKey: ['evaluations', 'me'], queryFn: () => api.get<{ items: MyEvaluation[] }>('/evaluations/me'), enabled: can(me, 'self:read') && !!me.memberId });
  const items = (q.data?.items ?? []).map((e) => ({ e, what: todo(e) })).filter((x) => x.what);
  if (!items.length) return null;
  return (
    <Card
      data-testid="evaluation-home-card"
      title={
        <Space>
          <SolutionOutlined style={{ color: '#c41d1d' }} />
          民主评议
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {items.map(({ e, what }) => (
          <Space key={e.participantId} wrap style={{ justifyContent: 'space-between', width: '100%' }}>
            <Typography.Text>
              {e.year}年度民主评议（{e.stageLabel}）：{what}
            </Typography.Text>
            <Link to="/my-evaluation">
              <Button type="primary" size="small">
                去办理
              </Button>
            </Link>
          </Space>
        ))}
      </Space>
    </Card>
  );
}
