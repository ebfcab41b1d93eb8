// 示范岗与评优: placeholder until the module's pages land.
import { Empty } from 'antd';

export default function PioneersPage() {
  return <Empty description="示范岗与评优：建设中" />;
}
