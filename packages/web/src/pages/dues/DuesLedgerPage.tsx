// 党费管理: placeholder until the module's pages land.
import { Empty } from 'antd';

export default function DuesLedgerPage() {
  return <Empty description="党费管理：建设中" />;
}
