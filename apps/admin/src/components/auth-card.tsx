import type { ReactNode } from 'react';
import { Card, Flex, Typography, theme } from 'antd';
import { APP_TITLE } from '../hooks/use-document-title.ts';
import { useSystemInfo } from '../hooks/use-system-info.tsx';

export interface AuthCardProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}

/** The full-screen frame of the login and initial-password pages: the shop's name over one card. */
export function AuthCard({ title, description, children, footer }: AuthCardProps) {
  const { token } = theme.useToken();
  const shop = useSystemInfo();
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{
        minHeight: '100vh',
        padding: 24,
        background: `radial-gradient(circle at 20% 0%, ${token.colorPrimaryBg} 0, transparent 45%), ${token.colorBgLayout}`,
      }}
    >
      <Flex align="center" gap={12} style={{ marginBottom: 24 }}>
        <span
          aria-hidden
          style={{
            width: 40,
            height: 40,
            borderRadius: token.borderRadiusLG,
            background: token.colorPrimary,
            color: '#fff',
            fontWeight: 700,
            fontSize: 22,
            lineHeight: '40px',
            textAlign: 'center',
          }}
        >
          M
        </span>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {shop.data?.name ?? APP_TITLE}
          </Typography.Title>
          <Typography.Text type="secondary">{shop.data ? APP_TITLE : '商家管理控制台'}</Typography.Text>
        </div>
      </Flex>
      <Card style={{ width: '100%', maxWidth: 420, boxShadow: token.boxShadowTertiary }} styles={{ body: { padding: 32 } }}>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: description ? 8 : 24 }}>
          {title}
        </Typography.Title>
        {description && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 24 }}>
            {description}
          </Typography.Paragraph>
        )}
        {children}
      </Card>
      {footer && <div style={{ marginTop: 16 }}>{footer}</div>}
    </Flex>
  );
}
