// 民主评议: placeholder until the module's pages land.
import { Empty } from 'antd';

export default function EvaluationsPage() {
  return <Empty description="民主评议：建设中" />;
}
