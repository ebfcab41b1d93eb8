// Small pieces shared by the brand pages: state tag, the five steps, the overdue reminders, the
// honor form.
import { Alert, Avatar, Col, DatePicker, Form, Input, InputNumber, List, Row, Select, Steps, Tag, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { brandStandardLabels, brandStandards, honorKindLabels, honorKinds, honorLevelLabels, honorLevels } from '@zhibu/domain';
import type { Dayjs } from 'dayjs';
import { brandStateColors, useBrandReminders, type BrandSummary } from '../../api/brands';
import { chineseDateFormat, showDate, toIsoDate } from '../../lib/dates';
import { partyRed } from '../../theme';

export function BrandStateTag({ b }: { b: Pick<BrandSummary, 'state' | 'stateLabel'> }) {
  return <Tag color={brandStateColors[b.state] ?? 'default'}>{b.stateLabel}</Tag>;
}

/** The brand's logo, or a round badge with its first characters when it has none. */
export function BrandMark({ name, size = 48, logo }: { name: string; size?: number; logo?: { id: string; hasLogo: boolean; updatedAt: string } }) {
  const text = name.replace(/[“”"'‘’\s]/g, '').slice(0, 2);
  if (logo?.hasLogo) return <Avatar size={size} shape="square" src={`/api/v1/brands/${logo.id}/logo?v=${encodeURIComponent(logo.updatedAt)}`} alt={`${name}品牌标识`} style={{ flex: 'none' }} />;
  return (
    <Avatar size={size} style={{ background: partyRed, flex: 'none', fontSize: size / 3 }} aria-hidden>
      {text}
    </Avatar>
  );
}

const stepIndex: Record<string, number> = { draft: 0, submitted: 0, returned: 0, rejected: 1, recognized: 1, cultivating: 2, promoting: 3, selected: 4 };

/** 申报 → 认定 → 培育 → 宣传 → 选树, with the brand's place (returned / rejected shown on the step). */
export function BrandSteps({ state, stateLabel, phone }: { state: string; stateLabel: string; phone: boolean }) {
  const current = stepIndex[state] ?? 0;
  const status = state === 'rejected' ? 'error' : state === 'returned' ? 'error' : state === 'selected' ? 'finish' : 'process';
  return (
    <Steps
      size="small"
      orientation={phone ? 'vertical' : 'horizontal'}
      current={current}
      status={status}
      items={[
        { title: '申报', description: ['draft', 'submitted', 'returned'].includes(state) ? stateLabel : undefined },
        { title: '认定', description: state === 'rejected' ? stateLabel : undefined },
        { title: '培育' },
        { title: '宣传' },
        { title: '选树' },
      ]}
    />
  );
}

/** Overdue cultivation milestones of the caller's brands (party office: the court; secretary: the branch). */
export function BrandRemindersAlert({ enabled }: { enabled: boolean }) {
  const q = useBrandReminders(enabled);
  const items = q.data?.items ?? [];
  if (!enabled || !items.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      icon={<ClockCircleOutlined />}
      style={{ marginBottom: 16 }}
      data-testid="brand-reminders"
      message={`品牌培育提醒：${items.length}个培育节点已逾期`}
      description={
        <List
          size="small"
          dataSource={items}
          renderItem={(r) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Link to={`/brands/${r.brandId}`}>{r.message}</Link>
            </List.Item>
          )}
        />
      }
    />
  );
}

export type HonorFormValues = { kind: string; name: string; level: string; issuer: string; awardedOn: Dayjs; recipientName?: string };

export function honorPayload(v: HonorFormValues) {
  return { kind: v.kind, name: v.name, level: v.level, issuer: v.issuer, awardedOn: toIsoDate(v.awardedOn), recipientName: v.recipientName || null };
}

/** The fields of an honor (名称、级别、授予单位、日期), used in the 选树 dialog and the honors page. */
export function HonorFields({ withKind = true }: { withKind?: boolean }) {
  return (
    <>
      {withKind && (
        <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Select options={honorKinds.map((k) => ({ value: k, label: honorKindLabels[k] }))} />
        </Form.Item>
      )}
      <Form.Item name="name" label="荣誉名称" rules={[{ required: true, message: '请填写荣誉名称' }]}>
        <Input maxLength={100} placeholder="如：安顺市直机关党建特色品牌" />
      </Form.Item>
      <Form.Item name="level" label="级别" rules={[{ required: true, message: '请选择级别' }]}>
        <Select options={honorLevels.map((l) => ({ value: l, label: honorLevelLabels[l] }))} />
      </Form.Item>
      <Form.Item name="issuer" label="授予单位" rules={[{ required: true, message: '请填写授予单位' }]}>
        <Input maxLength={100} placeholder="如：中共安顺市直属机关工作委员会" />
      </Form.Item>
      <Form.Item name="awardedOn" label="授予日期" rules={[{ required: true, message: '请选择授予日期' }]}>
        <DatePicker format={chineseDateFormat} style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
}

export function HonorLine({ h }: { h: { name: string; levelLabel: string; issuer: string; awardedOn: string; recipientName: string } }) {
  return (
    <Typography.Text>
      <Tag color="red">{h.levelLabel}</Tag>
      {h.name}
      <Typography.Text type="secondary">
        （{h.issuer}，{showDate(h.awardedOn)}，{h.recipientName}）
      </Typography.Text>
    </Typography.Text>
  );
}


/** The four standards (有主题、有内涵、有特色、有融合), 0–100 each, and a comment: the 认定 review's and the 选树 round's scoring form. */
export function BrandScoreFields() {
  return (
    <>
      <Row gutter={8}>
        {brandStandards.map((s) => (
          <Col key={s} xs={12} md={6}>
            <Form.Item name={s} label={brandStandardLabels[s]} rules={[{ required: true, message: '请评分' }]}>
              <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} aria-label={brandStandardLabels[s]} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Form.Item name="comment" label="评审意见">
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </>
  );
}
