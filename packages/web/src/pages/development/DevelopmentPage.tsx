// 发展党员: placeholder until the module's pages land.
import { Empty } from 'antd';

export default function DevelopmentPage() {
  return <Empty description="发展党员：建设中" />;
}
