// 联建共建: placeholder until the module's pages land.
import { Empty } from 'antd';

export default function PartnershipsPage() {
  return <Empty description="联建共建：建设中" />;
}
