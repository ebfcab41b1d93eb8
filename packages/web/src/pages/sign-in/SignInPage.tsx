// A member's phone after scanning the room's QR code: /sign-in?t=<token> signs in at once and shows
// the activity, or the server's Chinese reason (expired, not open yet, not on the list …). Without a
// token: pick one of today's activities and type the 6-digit code shown on the screen.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Empty, Input, Radio, Result, Space, Spin, Tag, Typography } from 'antd';
import { CheckCircleFilled, EnvironmentOutlined, NumberOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { ActivityDetail, ActivitySummary, signInResponse, z } from '@zhibu/contracts';
import { ApiError, api, describeError } from '../../api/client';
import { useCan } from '../../auth';
import { todayIso } from '../../lib/dates';
import { showTime, showWhen } from './time';

type SignInResult = z.infer<typeof signInResponse>;
type SignInBody = { token: string } | { activityId: string; code: string };

/** The server's reason without the field label it is prefixed with (「签到二维码：」): the page says what it is about. */
function reasonOf(err: unknown): string {
  if (err instanceof ApiError && err.details.length === 1 && err.details[0]?.message) return err.details[0].message;
  return describeError(err);
}

const pageStyle = { maxWidth: 520, margin: '0 auto' } as const;

/** Success: the activity's title, when and where (from the activity itself when the caller may read it). */
function SignedIn({ result }: { result: SignInResult }) {
  const canRead = useCan('activities:read');
  const activity = useQuery({
    queryKey: ['activity', result.activityId],
    queryFn: () => api.get<ActivityDetail>(`/activities/${result.activityId}`),
    enabled: canRead,
    retry: false,
  });
  const a = activity.data;
  return (
    <Result
      status="success"
      icon={<CheckCircleFilled />}
      title={result.alreadySignedIn ? '您已签到' : '签到成功'}
      subTitle={
        <div data-testid="sign-in-result" style={{ fontSize: 16, color: 'rgba(0,0,0,0.75)' }}>
          <div style={{ fontSize: 18, fontWeight: 600, marginBottom: 8 }}>{result.activityTitle}</div>
          {a && (
            <div>
              {a.orgName} · {showWhen(a.startsAt)}
              {a.place ? (
                <>
                  {' '}
                  <EnvironmentOutlined /> {a.place}
                </>
              ) : null}
            </div>
          )}
          <div style={{ marginTop: 8 }}>{result.alreadySignedIn ? result.message : `签到时间：${showWhen(result.signedInAt)}`}</div>
        </div>
      }
      extra={
        <Link to="/">
          <Button size="large">返回首页</Button>
        </Link>
      }
    />
  );
}

/** /sign-in?t=…: posts the token once, straight away. */
function TokenSignIn({ token }: { token: string }) {
  const [, setParams] = useSearchParams();
  const sent = useRef(false);
  const signIn = useMutation({ mutationFn: (body: SignInBody) => api.post<SignInResult>('/sign-in', body) });
  const { mutate } = signIn;
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    mutate({ token });
  }, [token, mutate]);

  if (signIn.data) return <SignedIn result={signIn.data} />;
  if (signIn.error) {
    return (
      <Result
        status="error"
        title="签到未成功"
        subTitle={
          <span data-testid="sign-in-error" style={{ fontSize: 16 }}>
            {reasonOf(signIn.error)}
          </span>
        }
        extra={
          <Space orientation="vertical" style={{ width: '100%' }} size={12}>
            <Typography.Text type="secondary">请重新扫描会场屏幕上的最新二维码，或改用6位签到码签到。</Typography.Text>
            <Button type="primary" size="large" block icon={<NumberOutlined />} onClick={() => setParams({}, { replace: true })}>
              改用签到码签到
            </Button>
          </Space>
        }
      />
    );
  }
  return (
    <div style={{ textAlign: 'center', padding: '80px 0' }}>
      <Spin size="large" />
      <div style={{ marginTop: 16, fontSize: 16 }}>正在签到…</div>
    </div>
  );
}

/** No token: choose today's activity and type the code read from the screen. */
function CodeSignIn() {
  const today = todayIso();
  const [activityId, setActivityId] = useState<string>();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string>();
  const list = useQuery({
    queryKey: ['activities', 'today', today],
    queryFn: () => api.get<{ items: ActivitySummary[]; total: number }>('/activities', { from: today, to: today, pageSize: 100 }),
  });
  const signIn = useMutation({ mutationFn: (body: SignInBody) => api.post<SignInResult>('/sign-in', body) });
  const items = (list.data?.items ?? []).filter((a) => a.status !== 'cancelled').sort((x, y) => x.startsAt.localeCompare(y.startsAt));
  const chosen = activityId ?? (items.length === 1 ? items[0]!.id : undefined);

  if (signIn.data) return <SignedIn result={signIn.data} />;

  const submit = () => {
    if (!chosen) return setCodeError('请先选择要签到的活动');
    if (!/^\d{6}$/.test(code)) return setCodeError('签到码应为6位数字');
    setCodeError(undefined);
    signIn.mutate({ activityId: chosen, code });
  };

  return (
    <Card title="签到" styles={{ body: { padding: 16 } }}>
      <Typography.Paragraph style={{ fontSize: 16 }}>请扫描会场屏幕上的二维码签到。无法扫码时，选择今天的活动，输入屏幕上的6位签到码。</Typography.Paragraph>
      <Typography.Title level={5}>今天的活动</Typography.Title>
      {list.isLoading ? (
        <Spin />
      ) : list.error ? (
        <Alert type="error" showIcon title={`活动加载失败：${describeError(list.error)}`} action={<Button onClick={() => void list.refetch()}>重试</Button>} />
      ) : items.length === 0 ? (
        <Empty description="今天没有您需要参加的活动" />
      ) : (
        <Radio.Group value={chosen} onChange={(e) => setActivityId(e.target.value as string)} style={{ width: '100%' }} aria-label="选择活动">
          <Space orientation="vertical" style={{ width: '100%' }} size={8}>
            {items.map((a) => (
              <label
                key={a.id}
                style={{
                  display: 'flex',
                  alignItems: 'center',
                  gap: 12,
                  padding: '14px 12px',
                  minHeight: 64,
                  border: `1px solid ${chosen === a.id ? '#c8102e' : '#d9d9d9'}`,
                  borderRadius: 8,
                  background: chosen === a.id ? '#fff1f0' : '#fff',
                  cursor: 'pointer',
                }}
              >
                <Radio value={a.id} />
                <span style={{ minWidth: 0 }}>
                  <span style={{ display: 'block', fontSize: 16, fontWeight: 600 }}>{a.title}</span>
                  <span style={{ display: 'block', fontSize: 14, color: 'rgba(0,0,0,0.55)' }}>
                    {showTime(a.startsAt)} · {a.orgName} <Tag style={{ marginInlineStart: 4 }}>{a.typeLabel}</Tag>
                  </span>
                </span>
              </label>
            ))}
          </Space>
        </Radio.Group>
      )}
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        签到码
      </Typography.Title>
      <Input
        aria-label="6位签到码"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        placeholder="6位数字"
        value={code}
        onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
        onPressEnter={submit}
        status={codeError ? 'error' : undefined}
        style={{ fontSize: 32, letterSpacing: 12, textAlign: 'center', height: 64, fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}
      />
      {codeError && <Typography.Text type="danger">{codeError}</Typography.Text>}
      {signIn.error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={<span data-testid="sign-in-error">{reasonOf(signIn.error)}</span>} />}
      <Button type="primary" size="large" block style={{ marginTop: 16, height: 52, fontSize: 18 }} loading={signIn.isPending} disabled={items.length === 0} onClick={submit} data-testid="sign-in-submit">
        签到
      </Button>
    </Card>
  );
}

export default function SignInPage() {
  const [params] = useSearchParams();
  const token = params.get('t')?.trim();
  return <div style={pageStyle}>{token ? <TokenSignIn key={token} token={token} /> : <CodeSignIn />}</div>;
}
