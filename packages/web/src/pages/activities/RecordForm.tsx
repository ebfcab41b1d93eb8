// 记录活动: minutes, resolutions, 第一议题, each expected attendee's attendance (出席 / 请假 with
// reason / 缺席 / 免于参加 with reason) and guests (列席 / 来宾 / 线上参加). Whoever is left
// unmarked is recorded by the server as signed in (出席) or else 缺席.
import { useState } from 'react';
import { App, Button, Card, Col, Form, Input, Radio, Row, Select, Space, Tag, Typography } from 'antd';
import { CheckOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { attendanceChoiceLabels, guestRoleLabels, type ActivityDetail, type AttendanceChoice, type AttendanceEntry, type GuestRole } from '../../api/activities';
import { ApiError, api, describeError } from '../../api/client';
import { applyFieldErrors } from '../../lib/form-errors';

type Mark = { status?: AttendanceChoice; reason?: string };
type Marks = Record<string, Mark>;
type Guest = { guestName?: string; guestUnit?: string; role?: GuestRole };
type Values = { minutes?: string; resolutions?: string; firstAgendaItem?: string; attendance?: Marks; guests?: Guest[] };

const choices = Object.keys(attendanceChoiceLabels) as AttendanceChoice[];
const needsReason: Partial<Record<AttendanceChoice, string>> = { onLeave: '请假须填写原因', exempt: '免于参加须填写原因（年老体弱、长期患病等）' };

function initialMarks(rows: AttendanceEntry[]): Marks {
  const out: Marks = {};
  for (const r of rows) {
    if (!r.memberId) continue;
    out[r.memberId] = r.status in attendanceChoiceLabels ? { status: r.status as AttendanceChoice, reason: r.reason ?? undefined } : {};
  }
  return out;
}

function AttendanceEditor({ rows, value = {}, onChange }: { rows: AttendanceEntry[]; value?: Marks; onChange?: (v: Marks) => void }) {
  const set = (memberId: string, mark: Mark) => onChange?.({ ...value, [memberId]: mark });
  const unmarked = rows.filter((r) => r.memberId && !value[r.memberId]?.status).length;
  return (
    <div data-testid="attendance-editor">
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">应到 {rows.length} 人，未标记 {unmarked} 人（未标记的按缺席记录）</Typography.Text>
        <Button
          size="small"
          icon={<CheckOutlined />}
          disabled={unmarked === 0}
          onClick={() => {
            const next = { ...value };
            for (const r of rows) if (r.memberId && !next[r.memberId]?.status) next[r.memberId] = { status: 'present' };
            onChange?.(next);
          }}
        >
          未标记的设为出席
        </Button>
      </Space>
      {rows.map((r) => {
        const mark = (r.memberId && value[r.memberId]) || {};
        const reasonHint = mark.status ? needsReason[mark.status] : undefined;
        return (
          <div key={r.id} data-testid="attendance-row" data-name={r.name} style={{ padding: '8px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}>
            <Row gutter={[8, 6]} align="middle">
              <Col xs={24} sm={6}>
                <Typography.Text strong>{r.name}</Typography.Text>
                {r.signedInAt && (
                  <Tag color="green" style={{ marginInlineStart: 6 }}>
                    已签到
                  </Tag>
                )}
              </Col>
              <Col xs={24} sm={18}>
                <Radio.Group
                  size="small"
                  optionType="button"
                  buttonStyle="solid"
                  value={mark.status}
                  onChange={(e) => set(r.memberId!, { status: e.target.value as AttendanceChoice, reason: mark.reason })}
                  options={choices.map((c) => ({ value: c, label: attendanceChoiceLabels[c] }))}
                  aria-label={`${r.name}的出席情况`}
                />
              </Col>
              {reasonHint && (
                <Col xs={24} sm={{ span: 18, offset: 6 }}>
                  <Input
                    size="small"
                    maxLength={200}
                    value={mark.reason}
                    placeholder={reasonHint}
                    aria-label={`${r.name}的${attendanceChoiceLabels[mark.status!]}原因`}
                    status={mark.reason?.trim() ? undefined : 'warning'}
                    onChange={(e) => set(r.memberId!, { ...mark, reason: e.target.value })}
                  />
                </Col>
              )}
            </Row>
          </div>
        );
      })}
    </div>
  );
}

export function RecordForm({ activity, onDone, onCancel }: { activity: ActivityDetail; onDone: (a: ActivityDetail) => void; onCancel: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const expected = activity.attendance.filter((r) => r.role === 'expected' && r.memberId);

  const submit = async (v: Values) => {
    setBusy(true);
    const marks = v.attendance ?? {};
    const body = {
      minutes: v.minutes?.trim(),
      resolutions: v.resolutions?.trim() || null,
      firstAgendaItem: v.firstAgendaItem?.trim() || null,
      attendance: expected
        .filter((r) => marks[r.memberId!]?.status)
        .map((r) => ({ memberId: r.memberId!, status: marks[r.memberId!]!.status!, reason: marks[r.memberId!]!.reason?.trim() || null })),
      guests: (v.guests ?? []).filter((g) => g.guestName?.trim()).map((g) => ({ guestName: g.guestName!.trim(), guestUnit: g.guestUnit?.trim() || null, role: g.role ?? 'observer' })),
      version: activity.version,
    };
    try {
      const saved = await api.post<ActivityDetail>(`/activities/${activity.id}/record`, body);
      message.success('已记录');
      onDone(saved);
    } catch (err) {
      applyFieldErrors(form, err);
      message.error(describeError(err));
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') onCancel();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="记录活动" size="small" style={{ marginTop: 16 }} data-testid="record-form">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ firstAgendaItem: activity.firstAgendaItem ?? undefined, attendance: initialMarks(expected), guests: [] }}
        onFinish={(v) => void submit(v)}
        scrollToFirstError
      >
        <Form.Item
          name="firstAgendaItem"
          label="第一议题"
          extra={activity.requiresFirstAgenda ? undefined : '本类型不要求第一议题，可不填'}
          rules={[
            { required: activity.requiresFirstAgenda, whitespace: true, message: `${activity.typeLabel}须记录第一议题` },
            { max: 500, message: '最多500个字' },
          ]}
        >
          <Input.TextArea rows={2} maxLength={500} showCount placeholder="如：学习习近平总书记关于……的重要讲话精神" />
        </Form.Item>
        <Form.Item name="minutes" label="会议记录" rules={[{ required: true, whitespace: true, message: '请填写会议记录' }, { max: 50000, message: '最多50000个字' }]}>
          <Input.TextArea rows={6} maxLength={50000} placeholder="会议议程、发言要点、讨论情况等" />
        </Form.Item>
        <Form.Item name="resolutions" label="决议事项" rules={[{ max: 10000, message: '最多10000个字' }]}>
          <Input.TextArea rows={3} maxLength={10000} placeholder="可不填" />
        </Form.Item>
        <Form.Item
          name="attendance"
          label="出席情况"
          rules={[
            {
              validator: async (_, value: Marks | undefined) => {
                for (const r of expected) {
                  const m = value?.[r.memberId!];
                  const need = m?.status ? needsReason[m.status] : undefined;
                  if (need && !m?.reason?.trim()) throw new Error(`${r.name}：${need}`);
                }
              },
            },
          ]}
        >
          <AttendanceEditor rows={expected} />
        </Form.Item>
        <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
          列席与来宾
        </Typography.Text>
        <Form.List name="guests">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Row key={f.key} gutter={8} align="top">
                  <Col xs={12} md={7}>
                    <Form.Item name={[f.name, 'guestName']} rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 50, message: '最多50个字' }]}>
                      <Input placeholder="姓名" maxLength={50} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={8}>
                    <Form.Item name={[f.name, 'guestUnit']} rules={[{ max: 100, message: '最多100个字' }]}>
                      <Input placeholder="单位（可不填）" maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col xs={18} md={6}>
                    <Form.Item name={[f.name, 'role']} initialValue="observer">
                      <Select options={(Object.keys(guestRoleLabels) as GuestRole[]).map((r) => ({ value: r, label: guestRoleLabels[r] }))} aria-label="身份" />
                    </Form.Item>
                  </Col>
                  <Col xs={6} md={3}>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除" />
                  </Col>
                </Row>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ role: 'observer' })} style={{ marginBottom: 16 }}>
                添加列席人员或来宾
              </Button>
            </>
          )}
        </Form.List>
        <div>
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={busy}>
              保存记录
            </Button>
            <Button onClick={onCancel}>收起</Button>
          </Space>
        </div>
      </Form>
    </Card>
  );
}
