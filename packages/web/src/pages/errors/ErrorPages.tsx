import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { describeError } from '../../api/client';

export function NotFoundPage() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在，请从左侧菜单进入需要的功能。"
      extra={<Link to="/"><Button type="primary">返回首页</Button></Link>}
    />
  );
}

export function ForbiddenPage() {
  return (
    <Result
      status="403"
      title="没有权限"
      subTitle="您的账号没有访问此页面的权限。如需开通，请联系本院系统管理员。"
      extra={<Link to="/"><Button type="primary">返回首页</Button></Link>}
    />
  );
}

/** A failed load: the server's message and a retry button. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Result
      status="warning"
      title="加载失败"
      subTitle={describeError(error)}
      extra={onRetry ? <Button onClick={onRetry}>重试</Button> : <Link to="/"><Button>返回首页</Button></Link>}
    />
  );
}
