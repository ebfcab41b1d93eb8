// Change password; forced after the first login with an initial password.
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { Me } from '@zhibu/contracts';
import { checkPasswordPolicy } from '@zhibu/domain';
import { api } from '../../api/client';
import { meQueryKey, useMe } from '../../auth';
import { useFormSubmit } from '../../lib/form-errors';
import { landingPath } from '../../routes';

export const passwordPolicyHint = '密码≥8位，含大写字母、小写字母、数字、符号中的至少3类，且不能包含用户名';

type Values = { oldPassword: string; newPassword: string; confirm: string };

export default function PasswordPage() {
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { busy, submit } = useFormSubmit(form, async (values: Values) => {
    await api.post('/auth/password', { oldPassword: values.oldPassword, newPassword: values.newPassword });
    message.success('密码已修改');
    const fresh = await client.fetchQuery({ queryKey: meQueryKey, queryFn: () => api.get<Me>('/auth/me'), staleTime: 0 });
    navigate(landingPath(fresh), { replace: true });
  });

  return (
    <Card title="修改密码" style={{ maxWidth: 560 }}>
      {me.mustChangePassword && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="首次登录请先修改密码" description="为保护账号安全，请把管理员告知的初始密码改为只有您知道的新密码，修改后即可使用全部功能。" />
      )}
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={passwordPolicyHint} />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} autoComplete="off">
        <Form.Item name="oldPassword" label={me.mustChangePassword ? '初始密码' : '原密码'} rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          rules={[
            { required: true, message: '请输入新密码' },
            {
              validator: async (_, value: string | undefined) => {
                if (!value) return;
                const problems = checkPasswordPolicy(value, { username: me.username });
                if (problems.length) throw new Error(problems.join('；'));
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: async (_, value: string | undefined) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          确认修改
        </Button>
      </Form>
    </Card>
  );
}
