import { staffEndpoints } from '@minimall/contracts';
import type { EndpointInput, EndpointOutput, Role, Staff, StaffSession } from '@minimall/contracts';
import { apiClient } from './client.ts';

type BodyOf<E> = EndpointInput<E> extends { body: infer B } ? B : never;
type QueryOf<E> = NonNullable<EndpointInput<E> extends { query?: infer Q } ? Q : never>;

export type StaffQuery = QueryOf<typeof staffEndpoints.listStaff>;
export type StaffPage = EndpointOutput<typeof staffEndpoints.listStaff>;
export type CreateStaffBody = BodyOf<typeof staffEndpoints.createStaff>;
export type UpdateStaffBody = BodyOf<typeof staffEndpoints.updateStaff>;
export type RoleBody = BodyOf<typeof staffEndpoints.updateRole>;
export type AuditLogQuery = QueryOf<typeof staffEndpoints.auditLogs>;
export type AuditLogPage = EndpointOutput<typeof staffEndpoints.auditLogs>;
export type Me = EndpointOutput<typeof staffEndpoints.me>;

export function login(username: string, password: string): Promise<StaffSession> {
  return apiClient.call(staffEndpoints.login, { body: { username, password } });
}

export function logout(refreshToken: string): Promise<unknown> {
  return apiClient.call(staffEndpoints.logout, { body: { refreshToken } });
}

export function fetchMe(): Promise<Me> {
  return apiClient.call(staffEndpoints.me);
}

export function changePassword(currentPassword: string, newPassword: string): Promise<unknown> {
  return apiClient.call(staffEndpoints.changePassword, { body: { currentPassword, newPassword } });
}

export function listStaff(query: StaffQuery): Promise<StaffPage> {
  return apiClient.call(staffEndpoints.listStaff, { query });
}

export function createStaff(body: CreateStaffBody): Promise<{ staff: Staff; temporaryPassword: string }> {
  return apiClient.call(staffEndpoints.createStaff, { body });
}

export function updateStaff(id: string, body: UpdateStaffBody): Promise<Staff> {
  return apiClient.call(staffEndpoints.updateStaff, { params: { id }, body });
}

export function resetStaffPassword(id: string): Promise<{ temporaryPassword: string }> {
  return apiClient.call(staffEndpoints.resetPassword, { params: { id } });
}

export function listRoles(): Promise<Role[]> {
  return apiClient.call(staffEndpoints.listRoles);
}

export function createRole(body: RoleBody): Promise<Role> {
  return apiClient.call(staffEndpoints.createRole, { body });
}

export function updateRole(id: string, body: RoleBody): Promise<Role> {
  return apiClient.call(staffEndpoints.updateRole, { params: { id }, body });
}

export function deleteRole(id: string): Promise<unknown> {
  return apiClient.call(staffEndpoints.deleteRole, { params: { id } });
}

export function listAuditLogs(query: AuditLogQuery): Promise<AuditLogPage> {
  return apiClient.call(staffEndpoints.auditLogs, { query });
}
