// 谈心谈话: placeholder until the module's pages land.
import { Empty } from 'antd';

export default function TalksPage() {
  return <Empty description="谈心谈话：建设中" />;
}
