import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { Breadcrumb, Flex, Typography } from 'antd';
import type { AppRoute } from '../router/types.ts';

/** The routes from the top group down to the current page; provided by the layout. */
export const PageTrailContext = createContext<AppRoute[]>([]);

export interface PageContainerProps {
  /** Page-level actions, shown right of the title. */
  extra?: ReactNode;
  children: ReactNode;
}

export function PageContainer({ extra, children }: PageContainerProps) {
  const trail = useContext(PageTrailContext);
  const page = trail.at(-1);
  return (
    <>
      <div style={{ marginBottom: 16 }}>
        {trail.length > 1 && <Breadcrumb style={{ marginBottom: 8 }} items={trail.map((route) => ({ title: route.title }))} />}
        <Flex justify="space-between" align="center" gap={16}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {page?.title}
          </Typography.Title>
          {extra}
        </Flex>
      </div>
      {children}
    </>
  );
}
