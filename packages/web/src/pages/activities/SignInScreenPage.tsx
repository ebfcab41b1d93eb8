// The sign-in screen for the meeting room: a large QR code that rotates every 30 s, the 6-digit
// fallback code, when the window closes, and who has signed in so far (refreshed every few seconds).
// 「全屏」 puts it on the room's display: the browser goes full screen and the page covers the frame,
// so dialogs (such as the idle-timeout warning) still show above it.
import { useEffect, useState, type CSSProperties } from 'react';
import { Alert, App, Badge, Button, Card, Col, Empty, Grid, InputNumber, List, Popconfirm, QRCode, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CheckCircleFilled, CompressOutlined, ExpandOutlined, QrcodeOutlined, ReloadOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { ActivityDetail, signInStateSchema, z } from '@zhibu/contracts';
import { api, describeError } from '../../api/client';
import { LoadError } from '../errors/ErrorPages';
import { useKeepAwake } from '../../layout/IdleWatcher';
import { showTime, showWhen } from '../sign-in/time';

type SignInState = z.infer<typeof signInStateSchema>;

/** Ask again just after the token rotates; never more often than every 3 s, never less than every 10 s. */
function nextPollMs(state: SignInState | undefined): number {
  if (!state?.open || !state.tokenRotatesAt) return 10_000;
  const ms = new Date(state.tokenRotatesAt).getTime() - Date.now() + 500;
  return Math.min(10_000, Math.max(3_000, ms));
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** Full screen for the room's display; the page also covers the frame when the browser refuses. */
function useFullScreen() {
  const [on, setOn] = useState(false);
  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement) setOn(false);
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const enter = () => {
    setOn(true);
    document.documentElement.requestFullscreen?.().catch(() => undefined);
  };
  const exit = () => {
    setOn(false);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  };
  return { on, enter, exit };
}

export default function SignInScreenPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const client = useQueryClient();
  const screens = Grid.useBreakpoint();
  const isPhone = screens.md === false;
  const full = useFullScreen();
  const now = useNow(500);
  const [minutes, setMinutes] = useState<number | null>(30);

  const detail = useQuery({
    queryKey: ['activity', id],
    queryFn: () => api.get<ActivityDetail>(`/activities/${id}`),
    refetchInterval: 4_000,
  });
  const state = useQuery({
    queryKey: ['activity', id, 'sign-in'],
    queryFn: () => api.get<SignInState>(`/activities/${id}/sign-in`),
    refetchInterval: (q) => nextPollMs(q.state.data),
    refetchIntervalInBackground: true,
    staleTime: 0,
  });

  const open = useMutation({
    mutationFn: (m: number) => api.post<SignInState>(`/activities/${id}/sign-in/open`, { minutes: m }),
    onSuccess: (s) => {
      client.setQueryData(['activity', id, 'sign-in'], s);
      void client.invalidateQueries({ queryKey: ['activity', id], exact: true });
      message.success(`签到已开启，${showTime(s.closesAt)} 截止`);
    },
    onError: (err) => message.error(describeError(err)),
  });

  const close = useMutation({
    mutationFn: () => api.post<SignInState>(`/activities/${id}/sign-in/close`),
    onSuccess: (s) => {
      client.setQueryData(['activity', id, 'sign-in'], s);
      message.success('签到已结束');
    },
    onError: (err) => message.error(describeError(err)),
  });

  // The screen runs unattended for the whole sign-in window: no idle sign-out while it is open.
  useKeepAwake(!!state.data?.open);
  if (detail.isLoading || state.isLoading) return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;
  if (detail.error || !detail.data) return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  if (state.error && !state.data) return <LoadError error={state.error} onRetry={() => void state.refetch()} />;

  const a = detail.data;
  const s = state.data!;
  const big = full.on || !!screens.xxl;
  // QR size: fits a 390 px phone, a laptop, and a 1920×1080 room display in full screen.
  const qrSize = isPhone ? 300 : full.on ? 520 : big ? 440 : 360;
  const secondsLeft = s.tokenRotatesAt ? Math.max(0, Math.min(s.rotateSeconds, Math.ceil((new Date(s.tokenRotatesAt).getTime() - now) / 1000))) : 0;
  const closesIn = s.closesAt ? new Date(s.closesAt).getTime() - now : 0;
  const absoluteUrl = s.url ? window.location.origin + s.url : '';
  const signedIn = a.attendance
    .filter((e) => e.signedInAt)
    .sort((x, y) => (y.signedInAt ?? '').localeCompare(x.signedInAt ?? ''));
  const expected = s.expected || a.counts.expected;
  const count = Math.max(s.signedIn, signedIn.filter((e) => e.role === 'expected').length);
  const closed = !!s.closesAt && !s.open;

  const openControls = a.status !== 'cancelled' && (
    <Space wrap size={8}>
      <span>签到时长</span>
      <InputNumber
        min={1}
        max={240}
        precision={0}
        value={minutes}
        onChange={(v) => setMinutes(v)}
        suffix="分钟"
        style={{ width: 120 }}
        aria-label="签到时长（分钟）"
        size={isPhone ? 'large' : 'middle'}
      />
      <Button
        type={s.open ? 'default' : 'primary'}
        size={isPhone ? 'large' : 'middle'}
        icon={<QrcodeOutlined />}
        loading={open.isPending}
        disabled={!minutes}
        onClick={() => open.mutate(minutes ?? 30)}
      >
        {s.open ? '重新计时' : closed ? '重新开启签到' : '开启签到'}
      </Button>
      {s.open && (
        <Popconfirm title="结束签到？" description="结束后扫码和签到码都将被拒绝，可再次开启。" okText="结束签到" cancelText="取消" onConfirm={() => close.mutate()}>
          <Button danger size={isPhone ? 'large' : 'middle'} icon={<StopOutlined />} loading={close.isPending} data-testid="close-sign-in">
            结束签到
          </Button>
        </Popconfirm>
      )}
    </Space>
  );

  const header = (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: 12, marginBottom: 16 }}>
      <div style={{ flex: '1 1 320px', minWidth: 0 }}>
        <Typography.Title level={isPhone ? 4 : full.on ? 2 : 3} style={{ margin: 0 }} data-testid="sign-in-title">
          {a.title}
        </Typography.Title>
        <Typography.Text type="secondary" style={{ fontSize: full.on ? 20 : 14 }}>
          {a.orgName} · {a.typeLabel} · {showWhen(a.startsAt)}
          {a.place ? ` · ${a.place}` : ''}
        </Typography.Text>
      </div>
      <Space wrap>
        {!full.on && (
          <Link to={`/activities/${a.id}`}>
            <Button icon={<ArrowLeftOutlined />}>返回活动详情</Button>
          </Link>
        )}
        {full.on ? (
          <Button icon={<CompressOutlined />} onClick={full.exit}>
            退出全屏
          </Button>
        ) : (
          <Button icon={<ExpandOutlined />} onClick={full.enter} disabled={!s.open}>
            全屏
          </Button>
        )}
      </Space>
    </div>
  );

  const qrPanel = s.open && s.url ? (
    <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 12 }} data-testid="sign-in-qr">
      <Typography.Text strong style={{ fontSize: isPhone ? 18 : full.on ? 30 : 22 }}>
        请用手机扫码签到
      </Typography.Text>
      <QRCode value={absoluteUrl} size={qrSize} errorLevel="M" bordered={false} bgColor="#ffffff" style={{ padding: 8, background: '#fff' }} data-url={absoluteUrl} />
      <Typography.Text type="secondary" data-testid="sign-in-countdown">
        <ReloadOutlined /> 二维码 {secondsLeft} 秒后刷新（截图转发无效）
      </Typography.Text>
      <div style={{ textAlign: 'center' }}>
        <div style={{ fontSize: isPhone ? 14 : 18, color: 'rgba(0,0,0,0.65)' }}>无法扫码时，在「签到」页选择本活动并输入签到码</div>
        <div
          data-testid="sign-in-code"
          style={{ fontSize: isPhone ? 44 : full.on ? 96 : 72, fontWeight: 700, letterSpacing: isPhone ? 8 : 16, fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', color: '#c8102e', lineHeight: 1.2 }}
        >
          {s.code}
        </div>
      </div>
      <Tag color={closesIn < 5 * 60_000 ? 'orange' : 'green'} style={{ fontSize: isPhone ? 14 : 18, padding: '4px 12px', marginInlineEnd: 0 }} data-testid="sign-in-closes">
        签到 {showTime(s.closesAt)} 截止{closesIn > 0 ? `（还剩 ${Math.ceil(closesIn / 60_000)} 分钟）` : ''}
      </Tag>
    </div>
  ) : (
    <Result
      data-testid="sign-in-closed"
      status={closed ? 'warning' : 'info'}
      icon={<QrcodeOutlined />}
      title={a.status === 'cancelled' ? '活动已取消，不能签到' : closed ? '签到已结束' : '签到尚未开启'}
      subTitle={
        a.status === 'cancelled'
          ? a.cancelReason ?? undefined
          : closed
            ? `签到已于 ${showWhen(s.closesAt)} 截止，党员现在扫码或输入签到码都会被拒绝。如需继续签到，请重新开启。`
            : '设定签到时长后开启签到，屏幕上将显示签到二维码和6位签到码。'
      }
      extra={openControls}
    />
  );

  const listStyle: CSSProperties = { maxHeight: isPhone ? undefined : full.on ? 'calc(100vh - 260px)' : 560, overflow: 'auto' };
  const attendance = (
    <Card
      title={
        <Space>
          <CheckCircleFilled style={{ color: '#52c41a' }} />
          <span>已签到</span>
        </Space>
      }
      extra={
        <span data-testid="sign-in-count" style={{ fontSize: full.on ? 28 : 18, fontWeight: 600 }}>
          {count} / {expected} 人
        </span>
      }
      styles={{ body: { padding: signedIn.length ? 0 : 24 } }}
    >
      {signedIn.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.open ? '还没有人签到' : '暂无签到记录'} />
      ) : (
        <List
          data-testid="sign-in-list"
          style={listStyle}
          dataSource={signedIn}
          renderItem={(e) => (
            <List.Item style={{ paddingInline: 16 }}>
              <Space>
                <Badge status="success" />
                <span style={{ fontSize: full.on ? 22 : 16 }}>{e.name}</span>
                {e.role !== 'expected' && <Tag>列席</Tag>}
              </Space>
              <Typography.Text type="secondary">
                {showTime(e.signedInAt)} {e.signInMethod === 'code' ? '签到码' : e.signInMethod === 'manual' ? '书记登记' : '扫码'}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );

  const body = (
    <>
      {header}
      {state.error && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`刷新签到二维码失败：${describeError(state.error)}，正在重试`} />}
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={14}>
          <Card>
            {qrPanel}
            {s.open && !full.on && (
              <div style={{ marginTop: 16, paddingTop: 16, borderTop: '1px solid #f0f0f0', display: 'flex', justifyContent: 'center' }}>{openControls}</div>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          {attendance}
        </Col>
      </Row>
    </>
  );

  if (full.on) {
    return (
      <div
        data-testid="sign-in-fullscreen"
        style={{ position: 'fixed', inset: 0, zIndex: 900, background: '#f5f5f5', padding: isPhone ? 12 : 32, overflow: 'auto' }}
      >
        {body}
      </div>
    );
  }
  return body;
}
