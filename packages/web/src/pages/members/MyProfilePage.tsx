// 我的档案: the signed-in member's own profile.
import { Card, Empty, Space } from 'antd';
import { useMe } from '../../auth';
import { MemberProfileView } from './MemberProfilePage';
import { MyDuesCard } from '../dues/MyDuesCard';

export default function MyProfilePage() {
  const me = useMe();
  if (!me.memberId) {
    return (
      <Card title="我的档案">
        <Empty description="您的账号尚未关联党员档案。请联系本院系统管理员在「用户管理」中关联。" />
      </Card>
    );
  }
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <MyDuesCard />
      <MemberProfileView id={me.memberId} own />
    </Space>
  );
}
