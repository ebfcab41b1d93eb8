// 党员活动室: placeholder until the module's pages land.
import { Empty } from 'antd';

export default function RoomsPage() {
  return <Empty description="党员活动室：建设中" />;
}
