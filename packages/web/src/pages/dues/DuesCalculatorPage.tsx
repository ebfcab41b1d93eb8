// 党费计算器: the monthly 党费 from a base and a member type, computed in the browser with the
// domain's computeMonthlyDues as the user types. The [U] numbers (农民党员金额, 舍入) come from the
// user's court (GET /courts/:id/rule-config → effective.dues); national defaults when not readable.
// @see RULES.md §4.1
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Form, Input, Select, Typography } from 'antd';
import {
  checkRuleConfig,
  computeMonthlyDues,
  defaultRuleConfig,
  describeDuesRounding,
  duesMemberTypeLabels,
  duesMemberTypes,
  duesTypeUsesBase,
  formatYuan,
  mergeRuleConfig,
  parseYuan,
  YuanFormatError,
  type DuesConfig,
  type DuesMemberType,
  type MonthlyDues,
} from '@zhibu/domain';
import { api } from '../../api/client';
import { useMe } from '../../auth';
import { PageCard } from '../../components/PageCard';

type RuleConfigResponse = { overrides: { dues?: unknown }; effective: { dues?: unknown } };

/** The court's effective dues config, or null when it cannot be read or is not usable. */
function useCourtDuesConfig(courtId: string | null) {
  return useQuery({
    queryKey: ['courts', courtId, 'rule-config'],
    enabled: !!courtId,
    retry: false,
    staleTime: 5 * 60_000,
    queryFn: async () => {
      const res = await api.get<RuleConfigResponse>(`/courts/${courtId}/rule-config`);
      // Merge over the defaults so a partial or stale answer still gives a whole, checked config.
      const merged = mergeRuleConfig({ dues: (res.effective?.dues ?? {}) as DuesConfig });
      if (checkRuleConfig(merged).some((p) => p.startsWith('dues.'))) return null;
      const overridden = !!res.overrides?.dues && Object.keys(res.overrides.dues as object).length > 0;
      return { dues: merged.dues, overridden };
    },
  });
}

const typeOptions = duesMemberTypes.map((t) => ({ value: t, label: duesMemberTypeLabels[t] }));

export default function DuesCalculatorPage() {
  const me = useMe();
  const court = useCourtDuesConfig(me.courtId);
  const [baseText, setBaseText] = useState('');
  const [memberType, setMemberType] = useState<DuesMemberType>('inService');

  const courtConfig = court.data ?? null;
  const dues: DuesConfig = courtConfig?.dues ?? defaultRuleConfig.dues;
  const usesBase = duesTypeUsesBase(memberType);

  const parsed = useMemo((): { fen: number | null; error: string | null } => {
    if (baseText.trim() === '') return { fen: null, error: null };
    try {
      return { fen: parseYuan(baseText), error: null };
    } catch (err) {
      return { fen: null, error: err instanceof YuanFormatError ? err.message : '请输入有效金额' };
    }
  }, [baseText]);

  const result: MonthlyDues | null = useMemo(() => {
    if (usesBase && parsed.fen === null) return null;
    return computeMonthlyDues({ baseFen: parsed.fen, memberType, config: { dues } });
  }, [usesBase, parsed.fen, memberType, dues]);

  const source = !me.courtId
    ? '按全国默认规则计算（账号未关联法院）'
    : court.isPending
      ? '正在读取本院设置，暂按全国默认规则计算'
      : courtConfig
        ? courtConfig.overridden
          ? '按本院设置计算'
          : '按本院设置计算（与全国默认相同）'
        : '未能读取本院设置，按全国默认规则计算';

  return (
    <PageCard title="党费计算器" style={{ maxWidth: 760 }}>
      <Form layout="vertical" onSubmitCapture={(e) => e.preventDefault()}>
        <Form.Item label="党员类别" htmlFor="dues-type">
          <Select id="dues-type" value={memberType} options={typeOptions} onChange={(v) => setMemberType(v)} style={{ maxWidth: 320 }} />
        </Form.Item>
        <Form.Item
          label="工资基数（元）"
          htmlFor="dues-base"
          validateStatus={parsed.error ? 'error' : undefined}
          help={parsed.error ?? undefined}
          extra={
            usesBase
              ? memberType === 'retired'
                ? '以实际领取的离退休费或养老金总额为基数。'
                : '以工资总额中相对固定的、经常性的工资收入（税后）为基数。'
              : '该类别按固定金额交纳，与基数无关，可不填。'
          }
        >
          <Input
            id="dues-base"
            inputMode="decimal"
            autoComplete="off"
            placeholder="如 6000 或 3000.01"
            value={baseText}
            onChange={(e) => setBaseText(e.target.value)}
            suffix="元"
            allowClear
            style={{ maxWidth: 320 }}
          />
        </Form.Item>
      </Form>

      <div data-testid="dues-result" aria-live="polite" style={{ margin: '8px 0 16px' }}>
        <Typography.Text type="secondary">每月应交</Typography.Text>
        <div style={{ fontSize: 32, fontWeight: 600, color: '#c8161d', lineHeight: 1.3 }}>
          {result ? (
            <span data-testid="dues-amount">¥{formatYuan(result.amountFen)}</span>
          ) : (
            <Typography.Text type="secondary" style={{ fontSize: 18, fontWeight: 400 }}>
              {parsed.error ? '请先更正工资基数' : '请输入工资基数'}
            </Typography.Text>
          )}
        </div>
      </div>

      {result && (
        <Descriptions
          column={1}
          bordered
          size="small"
          styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}
          items={[
            { key: 'band', label: '档次', children: result.bandLabel },
            { key: 'rate', label: '比例', children: result.rate ? `${result.rate}（按基数整额计算，非累进）` : '固定金额' },
            ...(result.kind === 'rate' && parsed.fen !== null
              ? [
                  {
                    key: 'calc',
                    label: '计算',
                    children: `${formatYuan(parsed.fen)} × ${result.rate} = ${result.exactYuan} 元，${describeDuesRounding(dues.rounding)}得 ${formatYuan(result.amountFen)} 元`,
                  },
                ]
              : []),
            { key: 'rule', label: '依据', children: result.rule },
          ]}
        />
      )}

      <Alert
        type={courtConfig || !me.courtId ? 'info' : 'warning'}
        showIcon
        style={{ marginTop: 16 }}
        data-testid="dues-config-source"
        title={source}
        description={`农民党员每月 ${formatYuan(dues.farmerFen)} 元；舍入：${describeDuesRounding(dues.rounding)}。交纳确有困难的，经支部研究、报上一级党委批准，可少交或免交。`}
      />
    </PageCard>
  );
}
