import { ApiError } from '@minimall/contracts';
import type { AuditLog, Endpoint, EndpointOutput, Permission, Role, Staff, StaffSession, SystemInfo } from '@minimall/contracts';
import type { readinessEndpoint } from '../api/endpoints.ts';
import type { SignedInStaff } from '../hooks/use-session.tsx';

export type Readiness = EndpointOutput<typeof readinessEndpoint>;

export function systemInfo(overrides: Partial<SystemInfo> = {}): SystemInfo {
  return {
    name: '鲜果小铺',
    version: '0.1.0',
    environment: 'production',
    runtime: { database: 'postgres', cache: 'redis', queue: 'bullmq', storage: 's3', payments: 'sandbox' },
    serverTime: '2025-03-08T02:04:05Z',
    uptimeSec: 2 * 3600 + 5 * 60 + 30,
    schemaVersion: 7,
    ...overrides,
  };
}

export function readiness(overrides: Partial<Readiness> = {}): Readiness {
  return {
    status: 'ready',
    checks: { database: { ok: true, latencyMs: 4.2 }, cache: { ok: true, latencyMs: 0.8 } },
    ...overrides,
  };
}

export interface CallInput {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

/**
 * Answers a mocked `apiClient.call` by endpoint: `'POST /api/admin/staff'` for one method, or the bare path
 * for any. A call without a handler fails the test loudly.
 */
export function byPath(handlers: Record<string, (input: CallInput) => Promise<unknown>>) {
  return (endpoint: Endpoint, input: CallInput = {}) => {
    const handler = handlers[`${endpoint.method} ${endpoint.path}`] ?? handlers[endpoint.path];
    if (!handler) throw new Error(`unexpected call to ${endpoint.method} ${endpoint.path}`);
    return handler(input);
  };
}

export function apiError(status: number, code: string, message: string, details?: unknown): ApiError {
  return new ApiError(status, { code, message, details });
}

export function staffMember(overrides: Partial<Staff> = {}): Staff {
  return {
    id: '0b8c1f1e-5d2a-4c51-9a57-3f1f1a2b3c4d',
    username: 'owner',
    displayName: '林店长',
    status: 'active',
    roles: [{ id: 'role-owner', code: 'owner', name: '店主' }],
    storeIds: [],
    mustChangePassword: false,
    lockedUntil: null,
    lastLoginAt: '2025-03-08T01:00:00Z',
    createdAt: '2025-03-01T00:00:00Z',
    ...overrides,
  };
}

/** A signed-in member for `<AppProviders session>`. */
export function signedIn(permissions: Permission[], staff: Partial<Staff> = {}): SignedInStaff {
  return { staff: staffMember(staff), permissions };
}

export function staffSession(overrides: { staff?: Partial<Staff>; permissions?: Permission[]; accessToken?: string; refreshToken?: string } = {}): StaffSession {
  return {
    accessToken: overrides.accessToken ?? 'access-token-1',
    accessTokenExpiresAt: '2025-03-08T02:15:00Z',
    refreshToken: overrides.refreshToken ?? 'refresh-token-0000000001',
    refreshTokenExpiresAt: '2025-04-07T02:00:00Z',
    staff: staffMember(overrides.staff),
    permissions: overrides.permissions ?? ['system.read', 'staff.read'],
  };
}

export function role(overrides: Partial<Role> = {}): Role {
  return {
    id: 'role-operator',
    code: 'operator',
    name: '运营',
    description: '商品、订单、营销与内容',
    permissions: ['system.read', 'product.read'],
    isSystem: true,
    staffCount: 2,
    ...overrides,
  };
}

export function auditLog(overrides: Partial<AuditLog> = {}): AuditLog {
  return {
    id: 'log-1',
    at: '2025-03-08T02:04:05Z',
    actorId: '0b8c1f1e-5d2a-4c51-9a57-3f1f1a2b3c4d',
    actorName: '林店长',
    action: 'staff.update',
    targetType: 'staff',
    targetId: '7d1c2b3a-0000-4000-8000-000000000001',
    before: { displayName: '王小二', status: 'active', roles: [{ id: 'r1', name: '客服' }] },
    after: { displayName: '王小二', status: 'disabled', roles: [{ id: 'r1', name: '客服' }, { id: 'r2', name: '仓管' }] },
    ip: '192.168.1.20',
    ...overrides,
  };
}
