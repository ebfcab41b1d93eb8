// Bits the two 三员 admin pages share: the account list, state tags and the one-time password.
import { Alert, App, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { User } from '@zhibu/contracts';
import { api, itemsOf } from '../../api/client';

type ModalApi = ReturnType<typeof App.useApp>['modal'];

export function useUsers() {
  return useQuery({ queryKey: ['users'], queryFn: async () => itemsOf(await api.get<{ items: User[] }>('/users')) });
}

export function UserStateTags({ user }: { user: User }) {
  return (
    <Space size={4} wrap>
      {user.disabled && <Tag color="default">已停用</Tag>}
      {user.locked && <Tag color="red">已锁定</Tag>}
      {user.mustChangePassword && <Tag color="orange">待改初始密码</Tag>}
      {!user.disabled && !user.locked && !user.mustChangePassword && <Tag color="green">正常</Tag>}
    </Space>
  );
}

/** Shows a one-time initial password: it is not stored in readable form and cannot be shown again. */
export function showInitialPassword(modal: ModalApi, who: string, password: string) {
  modal.success({
    title: `${who} 的初始密码`,
    width: 480,
    okText: '我已记下',
    content: (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph copyable={{ text: password, tooltips: ['复制', '已复制'] }} style={{ fontSize: 22, fontFamily: 'monospace', margin: '8px 0' }} data-testid="initial-password">
          {password}
        </Typography.Paragraph>
        <Alert type="warning" showIcon title="此密码只显示这一次" description="请当面或通过安全渠道告知本人。对方首次登录时必须修改密码。" />
      </Space>
    ),
  });
}

