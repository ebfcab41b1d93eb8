// The caller's own account: name, username, roles and scope, session timeout; change password.
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { IdcardOutlined, LockOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { describeGrants, useCan, useMe } from '../../auth';

export default function AccountPage() {
  const me = useMe();
  const hasProfile = useCan('self:read') && !!me.memberId;
  const roles = describeGrants(me);
  return (
    <Card title="账号设置" style={{ maxWidth: 760 }}>
      <Descriptions
        column={1}
        bordered
        size="small"
        styles={{ label: { width: 120 } }}
        items={[
          { key: 'name', label: '姓名', children: me.displayName },
          { key: 'username', label: '用户名', children: me.username },
          {
            key: 'roles',
            label: '角色与范围',
            children: roles.length ? (
              <Space orientation="vertical" size={4}>
                {roles.map((r) => (
                  <Tag key={r} color="red" style={{ whiteSpace: 'normal' }}>
                    {r}
                  </Tag>
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">尚未分配角色，请联系安全保密员授权。</Typography.Text>
            ),
          },
          { key: 'idle', label: '自动退出', children: `${me.idleTimeoutMinutes}分钟未操作后自动退出登录` },
        ]}
      />
      <Space wrap style={{ marginTop: 16 }}>
        <Link to="/account/password">
          <Button type="primary" icon={<LockOutlined />}>
            修改密码
          </Button>
        </Link>
        {hasProfile && (
          <Link to="/me">
            <Button icon={<IdcardOutlined />}>我的档案</Button>
          </Link>
        )}
      </Space>
    </Card>
  );
}
