// Import wizard: template → upload → result. Every row is checked first; one bad row and nothing is
// written, and the user gets the problems by row and column (on screen and as an .xlsx report).
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Result, Space, Steps, Table, TreeSelect, Typography, Upload } from 'antd';
import { DownloadOutlined, FileExcelOutlined, InboxOutlined, ReloadOutlined, TeamOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { ImportProblem, ImportResult } from '@zhibu/contracts';
import { ApiError, api, describeError, downloadFile } from '../../api/client';
import { useOrgs } from '../../api/queries';
import { toTreeData } from '../../components/org-tree';

type Outcome =
  | { kind: 'ok'; created: number; updated: number; fileName: string }
  | { kind: 'invalid'; message: string; problems: ImportProblem[]; problemCount?: number; reportId: string | null; fileName: string }
  | { kind: 'error'; message: string; fileName: string };

export default function ImportPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const orgs = useOrgs();
  const [step, setStep] = useState(0);
  const [orgId, setOrgId] = useState<string | undefined>();
  const [uploading, setUploading] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const treeData = useMemo(() => toTreeData((orgs.data ?? []).filter((o) => o.type !== 'partyGroup' && o.type !== 'youthStudyGroup')), [orgs.data]);

  const downloadTemplate = async () => {
    try {
      await downloadFile('/members/import-template', undefined, '党员导入模板.xlsx');
      setStep((s) => Math.max(s, 1));
    } catch (err) {
      message.error(describeError(err));
    }
  };

  const upload = async (file: File) => {
    setUploading(true);
    const form = new FormData();
    if (orgId) form.append('orgId', orgId);
    form.append('file', file, file.name);
    try {
      const result = await api.upload<ImportResult>('/members/import', form, orgId ? { orgId } : undefined);
      if (result.ok) {
        setOutcome({ kind: 'ok', created: result.created, updated: result.updated, fileName: file.name });
        void client.invalidateQueries({ queryKey: ['members'] });
        void client.invalidateQueries({ queryKey: ['orgs'] });
        void client.invalidateQueries({ queryKey: ['dashboard'] });
      } else {
        setOutcome({ kind: 'invalid', message: '导入文件有错误，未写入任何数据', problems: result.problems, reportId: result.reportId, fileName: file.name });
      }
    } catch (err) {
      if (err instanceof ApiError && err.code === 'IMPORT_INVALID') {
        const problems = Array.isArray(err.body.problems) ? (err.body.problems as ImportProblem[]) : [];
        const reportId = typeof err.body.reportId === 'string' ? err.body.reportId : null;
        const problemCount = typeof err.body.problemCount === 'number' ? err.body.problemCount : undefined;
        setOutcome({ kind: 'invalid', message: err.message, problems, problemCount, reportId, fileName: file.name });
      } else {
        setOutcome({ kind: 'error', message: describeError(err), fileName: file.name });
      }
    } finally {
      setUploading(false);
      setStep(2);
    }
  };

  const restart = () => {
    setOutcome(null);
    setStep(1);
  };

  return (
    <Card title="导入党员" style={{ maxWidth: 1100 }}>
      <Steps
        current={step}
        status={step === 2 && outcome && outcome.kind !== 'ok' ? 'error' : 'process'}
        style={{ marginBottom: 24 }}
        items={[
          { title: '下载模板', content: '按模板整理名册' },
          { title: '上传文件', content: '先逐行检查' },
          { title: '导入结果', content: '有错则不写入' },
        ]}
      />
      {step === 0 && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Alert
            type="info"
            showIcon
            title="请使用平台提供的Excel模板"
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                <li>模板第一行是中文表头，请勿修改；从第二行起每行一名党员。</li>
                <li>身份证号必填，系统会校验校验位，并核对出生日期和性别。</li>
                <li>同一身份证号再次导入会更新原有记录，不会重复新增。</li>
                <li>只要有一行有错，整份文件都不会写入；系统会列出每个错误所在的行和列。</li>
              </ul>
            }
          />
          <Space wrap>
            <Button type="primary" icon={<DownloadOutlined />} onClick={() => void downloadTemplate()}>
              下载导入模板
            </Button>
            <Button onClick={() => setStep(1)}>已有模板，下一步</Button>
          </Space>
        </Space>
      )}
      {step === 1 && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <div>
            <Typography.Text strong>导入到党组织（可不选）</Typography.Text>
            <TreeSelect
              style={{ width: '100%', marginTop: 8 }}
              allowClear
              showSearch={{ treeNodeFilterProp: 'label' }}
              treeNodeLabelProp="label"
              treeDefaultExpandAll
              treeData={treeData}
              value={orgId}
              onChange={(v?: string) => setOrgId(v)}
              placeholder="不选则按表格中「所在党组织」一列导入"
            />
          </div>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            showUploadList={false}
            disabled={uploading}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{uploading ? '正在检查并导入，请稍候…' : '点击或把Excel文件拖到这里上传'}</p>
            <p className="ant-upload-hint">仅支持 .xlsx 文件（WPS、Excel 另存为“Excel 工作簿”即可）</p>
          </Upload.Dragger>
          <Button onClick={() => setStep(0)}>上一步</Button>
        </Space>
      )}
      {step === 2 && outcome && <OutcomeView outcome={outcome} onRestart={restart} onDone={() => navigate('/members')} />}
    </Card>
  );
}

function OutcomeView({ outcome, onRestart, onDone }: { outcome: Outcome; onRestart: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  if (outcome.kind === 'ok') {
    return (
      <Result
        status="success"
        title="导入完成"
        subTitle={`「${outcome.fileName}」：新增 ${outcome.created} 人，更新 ${outcome.updated} 人。`}
        extra={[
          <Button type="primary" key="list" icon={<TeamOutlined />} onClick={onDone}>
            查看党员名册
          </Button>,
          <Button key="again" onClick={onRestart}>
            继续导入
          </Button>,
        ]}
      />
    );
  }
  if (outcome.kind === 'error') {
    return (
      <Result
        status="error"
        title="导入失败，未写入任何数据"
        subTitle={outcome.message}
        extra={<Button type="primary" icon={<ReloadOutlined />} onClick={onRestart}>重新上传</Button>}
      />
    );
  }
  const downloadReport = async () => {
    if (!outcome.reportId) return;
    try {
      await downloadFile(`/members/import-reports/${outcome.reportId}`, undefined, '导入错误报告.xlsx');
    } catch (err) {
      message.error(describeError(err));
    }
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Alert
        type="error"
        showIcon
        title={`${outcome.message}`}
        description={`「${outcome.fileName}」中有 ${outcome.problemCount ?? outcome.problems.length} 处问题${(outcome.problemCount ?? 0) > outcome.problems.length ? `（下表列出前 ${outcome.problems.length} 处，完整清单见错误报告）` : ''}。本次没有写入任何数据；请按下表逐项修改Excel后重新上传。`}
        data-testid="import-invalid"
      />
      <Space wrap>
        {outcome.reportId && (
          <Button icon={<FileExcelOutlined />} onClick={() => void downloadReport()}>
            下载错误报告
          </Button>
        )}
        <Button type="primary" icon={<ReloadOutlined />} onClick={onRestart}>
          修改后重新上传
        </Button>
      </Space>
      <Table<ImportProblem>
        rowKey={(p, i) => `${p.row}-${p.column}-${i ?? 0}`}
        size="small"
        dataSource={outcome.problems}
        pagination={outcome.problems.length > 50 ? { pageSize: 50, showTotal: (t) => `共 ${t} 处问题` } : false}
        scroll={{ x: 560 }}
        columns={[
          { title: '行', dataIndex: 'row', width: 80, render: (r: number) => `第${r}行` },
          { title: '列', dataIndex: 'column', width: 140 },
          { title: '问题', dataIndex: 'message' },
        ]}
        locale={{ emptyText: '服务器没有给出具体问题，请下载错误报告查看。' }}
      />
    </Space>
  );
}
