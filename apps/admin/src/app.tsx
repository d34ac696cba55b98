import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import { BrowserRouter } from 'react-router-dom';
import { SessionProvider } from './hooks/use-session.tsx';
import type { SignedInStaff } from './hooks/use-session.tsx';
import { SystemInfoProvider } from './hooks/use-system-info.tsx';
import { AppRoutes } from './router/app-routes.tsx';
import { appRoutes, standaloneRoutes } from './routes.tsx';
import { consoleLocale } from './locale.ts';
import { createTheme } from './theme.ts';

export interface AppProvidersProps {
  /** Start signed in as this member instead of reading the stored session (tests). */
  session?: SignedInStaff;
  brandColor?: string;
  children: ReactNode;
}

/** Locale, brand theme, the staff session with its access check, and the shop's system info; tests wrap pages in it too. */
export function AppProviders({ session, brandColor, children }: AppProvidersProps) {
  const themeConfig = useMemo(() => createTheme(brandColor), [brandColor]);
  return (
    <ConfigProvider locale={consoleLocale} theme={themeConfig}>
      <AntApp>
        <SessionProvider initial={session}>
          <SystemInfoProvider>{children}</SystemInfoProvider>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <AppProviders>
      <BrowserRouter basename="/admin">
        <AppRoutes routes={appRoutes} standaloneRoutes={standaloneRoutes} />
      </BrowserRouter>
    </AppProviders>
  );
}
