// 关心关爱: placeholder until the module's pages land.
import { Empty } from 'antd';

export default function CarePage() {
  return <Empty description="关心关爱：建设中" />;
}
