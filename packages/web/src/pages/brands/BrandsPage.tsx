// 党建品牌: placeholder until the module's pages land.
import { Empty } from 'antd';

export default function BrandsPage() {
  return <Empty description="党建品牌：建设中" />;
}
