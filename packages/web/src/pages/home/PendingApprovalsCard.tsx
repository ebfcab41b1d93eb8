// Home inbox of the approving office (机关党委): 不计入应到会人数 requests of its branches waiting for a
// decision (GET /quorum-exclusions?state=pending), approved or rejected right here. Shown only when
// something is waiting (RULES.md §1.2).
import { Card, List, Space, Tag, Typography } from 'antd';
import { AuditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { QuorumExclusion } from '@zhibu/contracts';
import { api } from '../../api/client';
import { useCan } from '../../auth';
import { exclusionPeriod, quorumExclusionsKey, useQuorumExclusionActions } from '../members/QuorumExclusionsCard';

export function PendingApprovalsCard() {
  // Approvers manage the branches' higher-level org; nobody else gets items back.
  const canManage = useCan('members:manage');
  const pending = useQuery({
    queryKey: [...quorumExclusionsKey, 'pending'],
    queryFn: () => api.get<{ items: QuorumExclusion[]; total: number }>('/quorum-exclusions', { state: 'pending' }),
    enabled: canManage,
  });
  const { buttons, modals } = useQuorumExclusionActions();
  const items = (pending.data?.items ?? []).filter((x) => x.canDecide);
  if (items.length === 0) return null;
  return (
    <Card
      data-testid="pending-approvals"
      title={
        <Space>
          <AuditOutlined style={{ color: '#d48806' }} />
          待审批：不计入应到会人数
          <Tag color="gold">{items.length}项</Tag>
        </Space>
      }
      styles={{ title: { whiteSpace: 'normal' } }}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        支部申请，经上级党组织批准后，该党员在批准的期间内不计入支部党员大会应到会人数。
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={items}
        renderItem={(x) => (
          <List.Item key={x.id} data-testid="pending-approval" style={{ display: 'block', paddingInline: 0 }}>
            <Space wrap size={[8, 2]}>
              <Link to={`/members/${x.memberId}`} style={{ fontWeight: 500 }}>
                {x.memberName}
              </Link>
              <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
                {x.orgName}
              </Typography.Text>
            </Space>
            <div style={{ marginTop: 4 }}>
              <Tag color="gold" style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>
                {x.categoryLabel}
              </Tag>
            </div>
            <div style={{ marginTop: 4 }}>期间：{exclusionPeriod(x)}</div>
            <div style={{ wordBreak: 'break-all' }}>
              <Typography.Text type="secondary">原因：</Typography.Text>
              {x.reason}
            </div>
            <div style={{ marginTop: 8 }}>
              <Space wrap>{buttons(x)}</Space>
            </div>
          </List.Item>
        )}
      />
      {modals}
    </Card>
  );
}
