// 本院规则设置 (court party admin): the numbers the regulations leave to local practice ([U] rules
// of RULES.md), per court. Each field shows the national default and whether this court set its own;
// saving stores only what differs from the default (PUT /courts/:id/rule-config, audited).
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Switch, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { useMe } from '../../auth';
import { useFormSubmit } from '../../lib/form-errors';
import { LoadError } from '../errors/ErrorPages';
import { courtRuleGroups, overridesAfterEdit, readableRuleProblem, valueAt, type RuleField } from './court-rule-fields';

type RuleConfigResponse = { overrides: Record<string, unknown>; effective: Record<string, unknown>; defaults: Record<string, unknown>; version: number };
type Court = { id: string; name: string; shortName: string | null };

const fields = courtRuleGroups.flatMap((g) => g.fields);
/** Form field names: dots would make antd nest the values, so the path's dots become '__'. */
const nameOf = (f: RuleField) => f.path.replaceAll('.', '__');

function shown(f: RuleField, v: unknown): unknown {
  return f.scale && typeof v === 'number' ? v / f.scale : v;
}
function stored(f: RuleField, v: unknown): unknown {
  if (f.scale && typeof v === 'number') return Math.round(v * f.scale);
  return typeof v === 'string' ? v.trim() : v;
}
function describe(f: RuleField, v: unknown): string {
  if (f.kind === 'bool') return v ? '是' : '否';
  if (f.kind === 'select') return f.options?.find((o) => o.value === v)?.label ?? String(v);
  if (f.scale && typeof v === 'number') return (v / f.scale).toFixed(2);
  return v === null || v === undefined ? '—' : String(v);
}

export default function CourtRulesPage() {
  const me = useMe();
  const courtIds = useMemo(() => [...new Set(me.grants.filter((g) => g.role === 'courtAdmin' && g.courtId).map((g) => g.courtId!))], [me.grants]);
  const courts = useQuery({ queryKey: ['courts'], queryFn: () => api.get<{ items: Court[] }>('/courts'), enabled: courtIds.length > 1 });
  const [courtId, setCourtId] = useState<string | null>(courtIds[0] ?? null);
  if (!courtId) return <Alert type="info" showIcon message="只有法院党建管理员可以设置本院规则" />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {courtIds.length > 1 && (
        <Select
          aria-label="法院"
          style={{ minWidth: 280 }}
          value={courtId}
          onChange={setCourtId}
          options={courtIds.map((id) => {
            const c = courts.data?.items.find((x) => x.id === id);
            return { value: id, label: c ? c.shortName || c.name : id };
          })}
        />
      )}
      <RulesForm key={courtId} courtId={courtId} />
    </Space>
  );
}

function RulesForm({ courtId }: { courtId: string }) {
  const [form] = Form.useForm<Record<string, unknown>>();
  const { message } = App.useApp();
  const config = useQuery({ queryKey: ['courts', courtId, 'rule-config'], queryFn: () => api.get<RuleConfigResponse>(`/courts/${courtId}/rule-config`) });
  const data = config.data;
  const fill = (d: RuleConfigResponse) => form.setFieldsValue(Object.fromEntries(fields.map((f) => [nameOf(f), shown(f, valueAt(d.effective, f.path))])));
  useEffect(() => {
    // Refilled only when the server's values change, not on every render.
    if (data) fill(data);
  }, [data]);

  const save = async (overrides: Record<string, unknown>, done: string) => {
    const res = await api.put<RuleConfigResponse>(`/courts/${courtId}/rule-config`, { overrides, version: data!.version }).catch((err: unknown) => {
      if (err instanceof ApiError) err.message = readableRuleProblem(err.message);
      throw err;
    });
    config.refetch().catch(() => undefined);
    fill(res);
    message.success(done);
  };
  const { busy, submit } = useFormSubmit(
    form,
    async (values: Record<string, unknown>) => {
      const edited = new Map(fields.map((f) => [f.path, stored(f, values[nameOf(f)])]));
      await save(overridesAfterEdit(data!.overrides, data!.defaults, edited), '本院规则已保存，提醒与校验按新规则计算');
    },
    () => void config.refetch(),
  );
  const [resetting, setResetting] = useState(false);
  const reset = async () => {
    setResetting(true);
    try {
      await save({}, '已恢复全部默认规则');
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setResetting(false);
    }
  };

  if (config.error) return <LoadError error={config.error} onRetry={() => void config.refetch()} />;
  const own = data ? fields.filter((f) => valueAt(data.overrides, f.path) !== undefined && valueAt(data.overrides, f.path) !== valueAt(data.defaults, f.path)).length : 0;
  return (
    <Card
      title="本院规则设置"
      loading={config.isLoading}
      extra={
        <Popconfirm title="恢复全部默认规则？" description="本院自行设置的各项都将改回全国默认值" okText="恢复默认" cancelText="取消" onConfirm={() => void reset()} disabled={!own}>
          <Button disabled={!own} loading={resetting}>
            恢复全部默认
          </Button>
        </Popconfirm>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={own ? `本院自行设置了 ${own} 项，其余按全国默认` : '本院全部按全国默认'}
        description="这些数值是条例留给各地掌握、或尚无明文的做法；修改后，党建工作提示、组织设置检查、党费、发展党员等都按本院规则计算。每次保存都记入审计日志。"
      />
      <Form form={form} name="court-rules" layout="vertical" onFinish={(v) => void submit(v)} disabled={!data}>
        {courtRuleGroups.map((g) => (
          <Card key={g.title} type="inner" size="small" title={g.title} style={{ marginBottom: 12 }}>
            {/* The source under the title, not beside it: on a phone it would push the title out. */}
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              依据：{g.source}
            </Typography.Paragraph>
            <Row gutter={16}>
              {g.fields.map((f) => {
                const def = data ? valueAt(data.defaults, f.path) : undefined;
                const mine = data && valueAt(data.overrides, f.path) !== undefined && valueAt(data.overrides, f.path) !== def;
                return (
                  <Col key={f.path} xs={24} md={12} xl={8}>
                    <Form.Item
                      name={nameOf(f)}
                      label={
                        <Space size={4}>
                          {f.label}
                          {mine && <Tag color="blue">本院设置</Tag>}
                        </Space>
                      }
                      valuePropName={f.kind === 'bool' ? 'checked' : 'value'}
                      extra={`默认：${describe(f, def)}${f.hint ? `（${f.hint}）` : ''}`}
                      rules={f.kind === 'bool' ? [] : [{ required: true, message: `请填写${f.label}` }]}
                    >
                      {f.kind === 'int' ? (
                        <InputNumber min={f.scale ? f.min! / f.scale : f.min} max={f.scale ? f.max! / f.scale : f.max} precision={f.scale ? 2 : 0} step={f.scale ? 0.1 : 1} style={{ width: '100%' }} aria-label={f.label} />
                      ) : f.kind === 'select' ? (
                        <Select options={f.options} aria-label={f.label} />
                      ) : f.kind === 'bool' ? (
                        <Switch aria-label={f.label} />
                      ) : (
                        <Input maxLength={12} aria-label={f.label} />
                      )}
                    </Form.Item>
                  </Col>
                );
              })}
            </Row>
          </Card>
        ))}
        <Button type="primary" htmlType="submit" loading={busy}>
          保存本院规则
        </Button>
      </Form>
    </Card>
  );
}
