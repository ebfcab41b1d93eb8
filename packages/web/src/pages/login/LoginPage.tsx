// Sign-in. Shows the server's own message (wrong password, locked account, disabled account).
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, StarFilled, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import type { Me } from '@zhibu/contracts';
import { api, describeError } from '../../api/client';
import { meQueryKey } from '../../auth';
import { landingPath } from '../../routes';
import { partyRed } from '../../theme';

/** Only a path on this site may follow the login (no open redirect). */
function safeNext(raw: string | null): string | null {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/login')) return null;
  return raw;
}

export default function LoginPage() {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const notice = (location.state as { message?: string } | null)?.message;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = '登录 - 法院智慧党建平台';
  }, []);

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const me = await api.post<Me>('/auth/login', values);
      client.clear();
      client.setQueryData(meQueryKey, me);
      if (me.mustChangePassword) navigate('/account/password', { replace: true });
      else navigate(safeNext(params.get('next')) ?? landingPath(me), { replace: true });
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        boxSizing: 'border-box',
        background: `linear-gradient(160deg, ${partyRed} 0%, #8c0e13 45%, #f5f5f5 45%)`,
      }}
    >
      <div style={{ width: '100%', maxWidth: 400 }}>
        <div style={{ textAlign: 'center', color: '#fff', marginBottom: 24 }}>
          <StarFilled style={{ fontSize: 40, color: '#ffd666' }} />
          <h1 style={{ margin: '8px 0 4px', fontSize: 26, letterSpacing: 2 }}>法院智慧党建平台</h1>
          <div style={{ opacity: 0.9 }}>支部建在庭上 · 党小组建在审判团队上</div>
        </div>
        <Card styles={{ body: { padding: 24 } }}>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            账号登录
          </Typography.Title>
          {notice && !error && <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} />}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
          <Form layout="vertical" onFinish={(v) => void submit(v as { username: string; password: string })} requiredMark={false}>
            <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" size="large" placeholder="请输入用户名" autoFocus />
            </Form.Item>
            <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" placeholder="请输入密码" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={busy}>
              登录
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
            连续输错密码将临时锁定账号。忘记密码请联系本院系统管理员重置。
          </Typography.Paragraph>
        </Card>
      </div>
    </div>
  );
}
