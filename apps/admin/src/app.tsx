import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { BrowserRouter } from 'react-router-dom';
import { AccessContext, allowAll } from './access.ts';
import type { AccessFn } from './access.ts';
import { SystemInfoProvider } from './hooks/use-system-info.tsx';
import { AppRoutes } from './router/app-routes.tsx';
import { appRoutes } from './routes.tsx';
import { createTheme } from './theme.ts';

export interface AppProvidersProps {
  access?: AccessFn;
  brandColor?: string;
  children: ReactNode;
}

/** Locale, brand theme, access and the shop's system info for everything below; tests wrap pages in it too. */
export function AppProviders({ access = allowAll, brandColor, children }: AppProvidersProps) {
  const themeConfig = useMemo(() => createTheme(brandColor), [brandColor]);
  return (
    <ConfigProvider locale={zhCN} theme={themeConfig}>
      <AccessContext.Provider value={access}>
        <SystemInfoProvider>{children}</SystemInfoProvider>
      </AccessContext.Provider>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <AppProviders>
      <BrowserRouter basename="/admin">
        <AppRoutes routes={appRoutes} />
      </BrowserRouter>
    </AppProviders>
  );
}
