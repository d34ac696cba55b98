import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';

const EXCEPTIONS = {
  403: { title: '403', subTitle: '抱歉，您没有权限访问此页面。' },
  404: { title: '404', subTitle: '抱歉，您访问的页面不存在。' },
} as const;

function Exception({ status }: { status: keyof typeof EXCEPTIONS }) {
  return (
    <Result
      status={status}
      {...EXCEPTIONS[status]}
      extra={
        <Link to="/">
          <Button type="primary">返回首页</Button>
        </Link>
      }
    />
  );
}

export function NotFound() {
  return <Exception status={404} />;
}

export function Forbidden() {
  return <Exception status={403} />;
}
