import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { SystemInfo } from '@minimall/contracts';
import { fetchSystemInfo } from '../api/system.ts';
import { useRequest } from './use-request.ts';
import type { RequestState } from './use-request.ts';

const SystemInfoContext = createContext<RequestState<SystemInfo> | null>(null);

/** One system-info request for the header's shop name and the status page, so a retry updates both. */
export function SystemInfoProvider({ children }: { children: ReactNode }) {
  const { data, error, loading, reload } = useRequest(fetchSystemInfo);
  const value = useMemo(() => ({ data, error, loading, reload }), [data, error, loading, reload]);
  return <SystemInfoContext.Provider value={value}>{children}</SystemInfoContext.Provider>;
}

export function useSystemInfo(): RequestState<SystemInfo> {
  const state = useContext(SystemInfoContext);
  if (!state) throw new Error('useSystemInfo needs a SystemInfoProvider above it');
  return state;
}
