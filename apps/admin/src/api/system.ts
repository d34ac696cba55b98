import { systemEndpoints } from '@minimall/contracts';
import type { SystemInfo } from '@minimall/contracts';
import { apiClient } from './client.ts';
import { readinessEndpoint } from './endpoints.ts';

export function fetchSystemInfo(): Promise<SystemInfo> {
  return apiClient.call(systemEndpoints.info);
}

export function fetchReadiness() {
  return apiClient.call(readinessEndpoint);
}
