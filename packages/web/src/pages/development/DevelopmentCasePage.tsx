// 发展档案 of one person: the derived dates (入党时间, 预备期满, 转正时间 — never typed twice), the 25
// steps with what was recorded, 办理下一步 (the server checks RULES.md §3.2 and answers with the rule;
// soft rules ask for a reason here), the step documents and the Word 文书.
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, DatePicker, Descriptions, Empty, Form, Input, InputNumber, List, Modal, Radio, Result, Select, Skeleton, Space, Steps, Tag, Typography, Upload } from 'antd';
import { FileWordOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import type { DevelopmentCase, Member } from '@zhibu/contracts';
import { developmentStageLabels, developmentStages, developmentSteps, getDevelopmentStep } from '@zhibu/domain';
import { ApiError, api, describeError, downloadFile } from '../../api/client';
import { developmentKeys, useDevelopmentCase } from '../../api/development';
import { PageCard, useIsPhone } from '../../components/PageCard';
import { chineseDateFormat, showDate, toIsoDate } from '../../lib/dates';

type StepValues = {
  doneOn: Dayjs;
  talker?: string;
  youthLeagueRecommended?: boolean;
  mentorIds?: string[];
  sponsorIds?: string[];
  qualified?: boolean;
  conclusion?: string;
  trainingDays?: number;
  trainingHours?: number;
  publicity?: [Dayjs, Dayjs];
  leavingSoon?: boolean;
  expected?: number;
  attending?: number;
  yes?: number;
  writtenYes?: number;
  outcome?: 'full' | 'extend';
  extensionMonths?: number;
  note?: string;
  reasons?: Record<string, string>;
};

function detailsOf(no: number, v: StepValues): Record<string, unknown> {
  const d: Record<string, unknown> = {};
  if (no === 2 || no === 16) d.talker = v.talker ?? '';
  if (no === 3) d.youthLeagueRecommended = !!v.youthLeagueRecommended;
  if (no === 5) d.mentorIds = v.mentorIds ?? [];
  if (no === 9) d.sponsorIds = v.sponsorIds ?? [];
  if (no === 10) d.politicalReview = { qualified: v.qualified ?? true, conclusion: v.conclusion ?? '' };
  if (no === 11) d.training = { days: v.trainingDays ?? 0, hours: v.trainingHours ?? 0 };
  if (no === 12) {
    d.leavingSoon = !!v.leavingSoon;
    d.publicity = v.publicity ? { from: toIsoDate(v.publicity[0]), to: toIsoDate(v.publicity[1]) } : null;
  }
  if (no === 15 || no === 23) d.vote = { expected: v.expected ?? 0, attending: v.attending ?? 0, yes: v.yes ?? 0, writtenYes: v.writtenYes ?? 0 };
  if (no === 23) {
    d.outcome = v.outcome ?? 'full';
    if (v.outcome === 'extend') d.extensionMonths = v.extensionMonths ?? null;
  }
  return d;
}

function StepModal({ c, no, onClose }: { c: DevelopmentCase; no: number | null; onClose: () => void }) {
  const [form] = Form.useForm<StepValues>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [needReasons, setNeedReasons] = useState<{ rule: string; message: string }[]>([]);
  const def = no ? getDevelopmentStep(no) : undefined;
  const fullMembers = useQuery({
    queryKey: ['members', 'fullMembers', c.orgId],
    queryFn: () => api.get<{ items: Member[] }>('/members', { status: 'fullMember', pageSize: 500 }),
    enabled: no === 5 || no === 9,
  });
  const memberOptions = (fullMembers.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.orgName}）` }));
  const outcome = Form.useWatch('outcome', form);

  const close = () => {
    setRefusal(null);
    setNeedReasons([]);
    onClose();
  };

  const submit = async (v: StepValues) => {
    if (!no) return;
    setBusy(true);
    setRefusal(null);
    try {
      const overrides = needReasons.map((w) => ({ rule: w.rule, reason: v.reasons?.[w.rule] ?? '' }));
      const updated = await api.post<DevelopmentCase>(`/development/cases/${c.id}/steps`, { step: no, doneOn: toIsoDate(v.doneOn), details: detailsOf(no, v), note: v.note || null, overrides, version: c.version });
      client.setQueryData(developmentKeys.case(c.id), updated);
      void client.invalidateQueries({ queryKey: developmentKeys.all });
      void client.invalidateQueries({ queryKey: ['members'] });
      message.success(`已办理第${no}步：${def?.label}`);
      close();
    } catch (err) {
      if (err instanceof ApiError && err.details.some((d) => d.field.startsWith('overrides.'))) {
        // Soft rules: ask for the reasons, keep what the user typed.
        setNeedReasons(err.details.filter((d) => d.field.startsWith('overrides.')).map((d) => ({ rule: d.field.slice('overrides.'.length), message: d.message })));
      } else {
        setRefusal(describeError(err));
        if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') void client.invalidateQueries({ queryKey: developmentKeys.case(c.id) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={def ? `办理第${def.no}步：${def.label}` : ''}
      open={!!no}
      onCancel={close}
      onOk={() => form.submit()}
      okText={needReasons.length ? '说明理由并办理' : '办理'}
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
      width={560}
    >
      {refusal && <Alert type="error" showIcon style={{ marginBottom: 16 }} title="不能办理" description={refusal} data-testid="step-refusal" />}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={{ doneOn: dayjs(), outcome: 'full', qualified: true, expected: c.votingMembers }}>
        <Form.Item name="doneOn" label="办理日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker format={chineseDateFormat} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        {(no === 2 || no === 16) && (
          <Form.Item name="talker" label="谈话人" rules={[{ required: true, message: '请填写谈话人' }]}>
            <Input maxLength={50} placeholder={no === 16 ? '上级党委委员或组织员' : '支部指派的谈话人'} />
          </Form.Item>
        )}
        {no === 3 && (
          <Form.Item name="youthLeagueRecommended" valuePropName="checked">
            <Checkbox>经团组织推优（28周岁以下青年）</Checkbox>
          </Form.Item>
        )}
        {no === 5 && (
          <Form.Item name="mentorIds" label="培养联系人（1至2名正式党员）" rules={[{ required: true, message: '请选择培养联系人' }]}>
            <Select mode="multiple" options={memberOptions} loading={fullMembers.isLoading} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        )}
        {no === 9 && (
          <Form.Item name="sponsorIds" label="入党介绍人（2名正式党员）" rules={[{ required: true, message: '请选择入党介绍人' }]}>
            <Select mode="multiple" options={memberOptions} loading={fullMembers.isLoading} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        )}
        {no === 10 && (
          <>
            <Form.Item name="qualified" label="政审结果">
              <Radio.Group options={[{ value: true, label: '合格' }, { value: false, label: '不合格' }]} />
            </Form.Item>
            <Form.Item name="conclusion" label="政审结论（结论性材料摘要）">
              <Input.TextArea rows={3} maxLength={2000} placeholder="本人、直系亲属和主要社会关系的政治审查结论" />
            </Form.Item>
          </>
        )}
        {no === 11 && (
          <Space wrap>
            <Form.Item name="trainingDays" label="培训天数">
              <InputNumber min={0} max={60} addonAfter="天" />
            </Form.Item>
            <Form.Item name="trainingHours" label="培训学时">
              <InputNumber min={0} max={1000} addonAfter="学时" />
            </Form.Item>
          </Space>
        )}
        {no === 12 && (
          <>
            <Form.Item name="publicity" label="发展对象公示期" rules={[{ required: true, message: '请选择公示起止日期' }]}>
              <DatePicker.RangePicker format={chineseDateFormat} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="leavingSoon" valuePropName="checked">
              <Checkbox>未来3个月内将离开本单位</Checkbox>
            </Form.Item>
          </>
        )}
        {(no === 15 || no === 23) && (
          <Space wrap>
            <Form.Item name="expected" label="应到会有表决权正式党员" tooltip={`按名册中本支部的正式党员预填${c.excludedFromQuorum ? `，已减去经批准不计入应到会的${c.excludedFromQuorum}人` : ''}；会议当天另有经批准不计入的，请相应减去`} rules={[{ required: true, message: '请填写' }]}>
              <InputNumber min={0} max={10000} addonAfter="人" />
            </Form.Item>
            <Form.Item name="attending" label="实到会" rules={[{ required: true, message: '请填写' }]}>
              <InputNumber min={0} max={10000} addonAfter="人" />
            </Form.Item>
            <Form.Item name="yes" label="赞成" rules={[{ required: true, message: '请填写' }]}>
              <InputNumber min={0} max={10000} addonAfter="票" />
            </Form.Item>
            <Form.Item name="writtenYes" label="书面意见赞成" initialValue={0}>
              <InputNumber min={0} max={10000} addonAfter="票" />
            </Form.Item>
          </Space>
        )}
        {no === 23 && (
          <>
            <Form.Item name="outcome" label="支部大会结论">
              <Radio.Group options={[{ value: 'full', label: '按期转为正式党员' }, { value: 'extend', label: '延长预备期' }]} />
            </Form.Item>
            {outcome === 'extend' && (
              <Form.Item name="extensionMonths" label="延长月数（6至12个月，只能一次）" rules={[{ required: true, message: '请填写延长月数' }]}>
                <InputNumber min={1} max={24} addonAfter="个月" />
              </Form.Item>
            )}
          </>
        )}
        <Form.Item name="note" label={no === 2 ? '谈话主要内容' : no === 6 || no === 21 ? '考察意见' : '备注'}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        {needReasons.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title="以下情形须说明理由（将记录在案并记入审计日志）"
            description={
              <Space orientation="vertical" style={{ width: '100%' }}>
                {needReasons.map((w) => (
                  <div key={w.rule}>
                    <Typography.Paragraph style={{ marginBottom: 4 }}>{w.message}</Typography.Paragraph>
                    <Form.Item name={['reasons', w.rule]} rules={[{ required: true, whitespace: true, message: '请填写理由' }]} style={{ marginBottom: 0 }}>
                      <Input.TextArea rows={2} maxLength={500} placeholder={w.rule === 'T12' ? '特批依据与理由' : '理由'} aria-label={`${w.rule}理由`} />
                    </Form.Item>
                  </div>
                ))}
              </Space>
            }
          />
        )}
      </Form>
    </Modal>
  );
}

function stepSummary(s: DevelopmentCase['steps'][number]): string[] {
  type Shown = {
    talker?: string;
    politicalReview?: { qualified: boolean; conclusion: string };
    training?: { days: number; hours: number };
    publicity?: { from: string; to: string };
    vote?: { expected: number; attending: number; yes: number; writtenYes: number };
    outcome?: 'full' | 'extend';
    extensionMonths?: number;
  };
  const d = s.details as Shown;
  const out: string[] = [];
  if (d.talker) out.push(`谈话人：${d.talker}`);
  if (s.mentors.length) out.push(`培养联系人：${s.mentors.map((m) => m.name).join('、')}`);
  if (s.sponsors.length) out.push(`入党介绍人：${s.sponsors.map((m) => m.name).join('、')}`);
  if (d.politicalReview) out.push(`政审：${d.politicalReview.qualified ? '合格' : '不合格'}，${d.politicalReview.conclusion}`);
  if (d.training) out.push(`集中培训：${d.training.days}天、${d.training.hours}学时`);
  if (d.publicity) out.push(`公示：${showDate(d.publicity.from)}至${showDate(d.publicity.to)}`);
  if (d.vote) out.push(`表决：应到${d.vote.expected}人，实到${d.vote.attending}人，赞成${d.vote.yes}票${d.vote.writtenYes ? `，书面意见赞成${d.vote.writtenYes}票` : ''}`);
  if (d.outcome) out.push(d.outcome === 'extend' ? `延长预备期${d.extensionMonths}个月` : '按期转为正式党员');
  if (s.approvingOrgName) out.push(`办理组织：${s.approvingOrgName}`);
  if (s.note) out.push(s.note);
  return out;
}

export default function DevelopmentCasePage() {
  const { id = '' } = useParams();
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const client = useQueryClient();
  const query = useDevelopmentCase(id);
  const [recording, setRecording] = useState<number | null>(null);
  const [uploading, setUploading] = useState<string | null>(null);

  if (query.isLoading) return <Skeleton active />;
  if (query.error) {
    return <Result status={query.error instanceof ApiError && query.error.code === 'NOT_FOUND' ? '404' : 'error'} title="无法打开发展档案" subTitle={describeError(query.error)} />;
  }
  const c = query.data!;
  const byNo = new Map<number, DevelopmentCase['steps']>();
  for (const s of c.steps) byNo.set(s.step, [...(byNo.get(s.step) ?? []), s]);
  const stageIndex = developmentStages.indexOf(c.stage);

  const download = (kind: string, label: string) =>
    downloadFile(`/development/cases/${c.id}/documents/${kind}`, undefined, `${c.memberName}${label}.docx`).catch((err) => message.error(describeError(err)));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageCard
        title={`${c.memberName}的发展档案`}
        actions={
          <Space wrap>
            <Button icon={<FileWordOutlined />} onClick={() => download('talk', '入党申请人谈话记录')}>
              谈话记录
            </Button>
            <Button icon={<FileWordOutlined />} onClick={() => download('register', '入党积极分子考察登记表')}>
              考察登记表
            </Button>
            <Button icon={<FileWordOutlined />} onClick={() => download('summary', '预备党员转正情况汇总')}>
              转正情况汇总
            </Button>
          </Space>
        }
      >
        <Steps
          size="small"
          current={c.state === 'completed' ? 5 : stageIndex}
          orientation={isPhone ? 'vertical' : 'horizontal'}
          items={developmentStages.map((s) => ({ title: developmentStageLabels[s] }))}
          style={{ marginBottom: 16 }}
        />
        <Descriptions size="small" bordered column={isPhone ? 1 : 3}>
          <Descriptions.Item label="所在党支部">{c.orgName}</Descriptions.Item>
          <Descriptions.Item label="当前状态">{c.memberStatus}</Descriptions.Item>
          <Descriptions.Item label="身份证号">{c.idNumberMasked}</Descriptions.Item>
          <Descriptions.Item label="递交申请书">{showDate(c.dates.applicationDate) || '—'}</Descriptions.Item>
          <Descriptions.Item label="确定积极分子">{showDate(c.dates.activistDate) || '—'}</Descriptions.Item>
          <Descriptions.Item label="确定发展对象">{showDate(c.dates.candidateDate) || '—'}</Descriptions.Item>
          <Descriptions.Item label="入党时间（支部大会通过）">{showDate(c.dates.admissionDate) || '—'}</Descriptions.Item>
          <Descriptions.Item label="预备期满">
            {showDate(c.dates.probationEnd) || '—'}
            {c.dates.extensionMonths ? `（延长${c.dates.extensionMonths}个月）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="转正时间（党龄起算）">{showDate(c.dates.fullMemberSince) || '—'}</Descriptions.Item>
        </Descriptions>
        {c.reminder && (
          <Alert style={{ marginTop: 16 }} type={c.reminder.level === 'overdue' ? 'error' : 'warning'} showIcon title={c.reminder.message} />
        )}
        {c.nextSteps.length > 0 && (
          <Space wrap style={{ marginTop: 16 }}>
            {c.nextSteps.map((n) => (
              <Button key={n.no} type={n.canRecord ? 'primary' : 'default'} disabled={!n.canRecord} onClick={() => setRecording(n.no)}>
                办理第{n.no}步：{n.label}
                {n.superior ? '（上级党委）' : ''}
              </Button>
            ))}
            {c.nextSteps.some((n) => n.superior && !n.canRecord) && <Typography.Text type="secondary">由上级党委（机关党委）办理，党支部不能自行办理。</Typography.Text>}
          </Space>
        )}
      </PageCard>
      <PageCard title="二十五个步骤">
        <List
          dataSource={developmentSteps.slice()}
          renderItem={(def) => {
            const done = byNo.get(def.no) ?? [];
            return (
              <List.Item data-testid={`step-${def.no}`}>
                <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                  <Space wrap>
                    <Tag color={done.length ? 'green' : 'default'}>{def.no}</Tag>
                    <Typography.Text strong={done.length > 0} type={done.length ? undefined : 'secondary'}>
                      {def.label}
                    </Typography.Text>
                    {def.superior && <Tag>上级党委</Tag>}
                  </Space>
                  {done.map((s) => (
                    <Card key={s.id} size="small" style={{ width: '100%' }}>
                      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                        <Typography.Text>{showDate(s.doneOn)}</Typography.Text>
                        {stepSummary(s).map((line, i) => (
                          <Typography.Text key={i} type="secondary" style={{ fontSize: 13 }}>
                            {line}
                          </Typography.Text>
                        ))}
                        {s.overrides.map((o) => (
                          <Alert key={o.rule} type="warning" style={{ padding: '4px 8px' }} title={`${o.message} 理由：${o.reason}`} />
                        ))}
                        <Space wrap>
                          {s.files.map((f) => (
                            <Button key={f.id} size="small" type="link" icon={<PaperClipOutlined />} onClick={() => downloadFile(`/development/files/${f.id}`, undefined, f.fileName).catch((err) => message.error(describeError(err)))}>
                              {f.fileName}
                            </Button>
                          ))}
                          {c.canManage && (
                            <Upload
                              showUploadList={false}
                              accept=".jpg,.jpeg,.png,.pdf,.docx,.xlsx"
                              customRequest={({ file }) => {
                                const form = new FormData();
                                form.append('file', file as Blob);
                                setUploading(s.id);
                                api
                                  .upload(`/development/cases/${c.id}/steps/${s.id}/files`, form)
                                  .then(() => {
                                    message.success('材料已上传');
                                    void client.invalidateQueries({ queryKey: developmentKeys.case(c.id) });
                                  })
                                  .catch((err) => message.error(describeError(err)))
                                  .finally(() => setUploading(null));
                              }}
                            >
                              <Button size="small" icon={<UploadOutlined />} loading={uploading === s.id}>
                                上传材料
                              </Button>
                            </Upload>
                          )}
                        </Space>
                      </Space>
                    </Card>
                  ))}
                </Space>
              </List.Item>
            );
          }}
          locale={{ emptyText: <Empty /> }}
        />
      </PageCard>
      <StepModal c={c} no={recording} onClose={() => setRecording(null)} />
    </Space>
  );
}
