import { Card, Skeleton } from 'antd';

/** Placeholder while a page's code or first data is on its way. */
export function PageSkeleton() {
  return (
    <div aria-busy="true" aria-label="加载中">
      <Skeleton.Input active size="small" style={{ width: 200, marginBottom: 16 }} />
      <Card>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    </div>
  );
}

export function CardSkeleton({ rows = 4 }: { rows?: number }) {
  return <Skeleton active title={false} paragraph={{ rows }} />;
}
