import { z } from 'zod';
import { defineEndpoint } from './endpoint.ts';
import { allPermissions, type Permission } from './permissions.ts';

const permissionSchema = z.enum(allPermissions as [Permission, ...Permission[]]);

export const staffSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    status: z.enum(['active', 'disabled']),
    roles: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
    /** Stores this member is limited to; empty = every store. */
    storeIds: z.array(z.string()),
    mustChangePassword: z.boolean(),
    lockedUntil: z.iso.datetime({ offset: true }).nullable(),
    lastLoginAt: z.iso.datetime({ offset: true }).nullable(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Staff' });
export type Staff = z.infer<typeof staffSchema>;

export const staffSessionSchema = z
  .object({
    accessToken: z.string(),
    accessTokenExpiresAt: z.iso.datetime({ offset: true }),
    refreshToken: z.string(),
    refreshTokenExpiresAt: z.iso.datetime({ offset: true }),
    staff: staffSchema,
    permissions: z.array(permissionSchema),
  })
  .meta({ id: 'StaffSession' });
export type StaffSession = z.infer<typeof staffSessionSchema>;

export const roleSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    description: z.string(),
    permissions: z.array(permissionSchema),
    isSystem: z.boolean(),
    staffCount: z.number().int(),
  })
  .meta({ id: 'Role' });
export type Role = z.infer<typeof roleSchema>;

export const auditLogSchema = z
  .object({
    id: z.string(),
    at: z.iso.datetime({ offset: true }),
    actorId: z.string().nullable(),
    actorName: z.string(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    ip: z.string().nullable(),
  })
  .meta({ id: 'AuditLog' });
export type AuditLog = z.infer<typeof auditLogSchema>;

/** Staff passwords: 10+ characters mixing letters and digits (argon2id at rest). */
export const newPasswordSchema = z
  .string()
  .min(10, '密码至少 10 位')
  .max(128, '密码最多 128 位')
  .regex(/[A-Za-z]/, '密码需包含字母')
  .regex(/\d/, '密码需包含数字');

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
const pageQuery = { page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) };
const idParam = z.object({ id: z.uuid() });
const usernameSchema = z.string().trim().regex(/^[a-z][a-z0-9_.-]{2,31}$/, '账号为 3–32 位小写字母、数字或 _ . -，以字母开头');
const displayNameSchema = z.string().trim().min(1, '请填写姓名').max(20, '姓名最多 20 个字');

export const staffEndpoints = {
  login: defineEndpoint({
    method: 'POST',
    path: '/api/admin/auth/login',
    auth: 'public',
    summary: 'Staff sign-in with username and password (locks after repeated failures)',
    tags: ['staff'],
    body: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(128) }),
    response: staffSessionSchema,
  }),
  refresh: defineEndpoint({
    method: 'POST',
    path: '/api/admin/auth/refresh',
    auth: 'public',
    summary: 'Rotate a staff refresh token',
    tags: ['staff'],
    body: z.object({ refreshToken: z.string().min(20).max(200) }),
    response: staffSessionSchema,
  }),
  logout: defineEndpoint({
    method: 'POST',
    path: '/api/admin/auth/logout',
    auth: 'public',
    summary: 'Revoke a staff session',
    tags: ['staff'],
    body: z.object({ refreshToken: z.string().min(20).max(200) }),
    response: z.object({ ok: z.literal(true) }),
  }),
  me: defineEndpoint({
    method: 'GET',
    path: '/api/admin/me',
    auth: 'staff',
    permission: 'self',
    summary: 'The signed-in staff member and their permissions',
    tags: ['staff'],
    response: z.object({ staff: staffSchema, permissions: z.array(permissionSchema) }),
  }),
  changePassword: defineEndpoint({
    method: 'POST',
    path: '/api/admin/me/password',
    auth: 'staff',
    permission: 'self',
    summary: 'Change own password (required after the first sign-in)',
    tags: ['staff'],
    body: z.object({ currentPassword: z.string().min(1).max(128), newPassword: newPasswordSchema }),
    response: z.object({ ok: z.literal(true) }),
  }),
  listStaff: defineEndpoint({
    method: 'GET',
    path: '/api/admin/staff',
    auth: 'staff',
    permission: 'staff.read',
    summary: 'Staff accounts, paged, with a keyword over username and name',
    tags: ['staff'],
    query: z.object({ ...pageQuery, keyword: z.string().trim().max(32).optional() }),
    response: page(staffSchema),
  }),
  createStaff: defineEndpoint({
    method: 'POST',
    path: '/api/admin/staff',
    auth: 'staff',
    permission: 'staff.manage',
    summary: 'Create a staff account; its temporary password is returned once',
    tags: ['staff'],
    body: z.object({ username: usernameSchema, displayName: displayNameSchema, roleIds: z.array(z.uuid()).min(1, '至少选择一个角色'), storeIds: z.array(z.uuid()).default([]) }),
    response: z.object({ staff: staffSchema, temporaryPassword: z.string() }),
    status: 201,
  }),
  updateStaff: defineEndpoint({
    method: 'PATCH',
    path: '/api/admin/staff/:id',
    auth: 'staff',
    permission: 'staff.manage',
    summary: 'Change name, roles, store scope or status of a staff account',
    tags: ['staff'],
    params: idParam,
    body: z.object({ displayName: displayNameSchema, roleIds: z.array(z.uuid()).min(1), storeIds: z.array(z.uuid()), status: z.enum(['active', 'disabled']) }).partial().strict(),
    response: staffSchema,
  }),
  resetPassword: defineEndpoint({
    method: 'POST',
    path: '/api/admin/staff/:id/reset-password',
    auth: 'staff',
    permission: 'staff.manage',
    summary: 'Issue a new temporary password (shown once) and unlock the account',
    tags: ['staff'],
    params: idParam,
    response: z.object({ temporaryPassword: z.string() }),
  }),
  permissions: defineEndpoint({
    method: 'GET',
    path: '/api/admin/permissions',
    auth: 'staff',
    permission: 'self',
    summary: 'The permission catalog, for the role editor',
    tags: ['staff'],
    response: z.array(z.object({ group: z.string(), code: permissionSchema, label: z.string() })),
  }),
  listRoles: defineEndpoint({
    method: 'GET',
    path: '/api/admin/roles',
    auth: 'staff',
    permission: 'staff.read',
    summary: 'Roles with their permissions and how many staff hold them',
    tags: ['staff'],
    response: z.array(roleSchema),
  }),
  createRole: defineEndpoint({
    method: 'POST',
    path: '/api/admin/roles',
    auth: 'staff',
    permission: 'role.manage',
    summary: 'Create a role',
    tags: ['staff'],
    body: z.object({ name: z.string().trim().min(1).max(20), description: z.string().trim().max(60).default(''), permissions: z.array(permissionSchema) }),
    response: roleSchema,
    status: 201,
  }),
  updateRole: defineEndpoint({
    method: 'PUT',
    path: '/api/admin/roles/:id',
    auth: 'staff',
    permission: 'role.manage',
    summary: 'Change a role’s name, description or permissions (the owner role keeps every permission)',
    tags: ['staff'],
    params: idParam,
    body: z.object({ name: z.string().trim().min(1).max(20), description: z.string().trim().max(60), permissions: z.array(permissionSchema) }),
    response: roleSchema,
  }),
  deleteRole: defineEndpoint({
    method: 'DELETE',
    path: '/api/admin/roles/:id',
    auth: 'staff',
    permission: 'role.manage',
    summary: 'Delete an unused custom role',
    tags: ['staff'],
    params: idParam,
    response: z.object({ ok: z.literal(true) }),
  }),
  auditLogs: defineEndpoint({
    method: 'GET',
    path: '/api/admin/audit-logs',
    auth: 'staff',
    permission: 'audit.read',
    summary: 'Audit trail of sensitive operations, newest first',
    tags: ['staff'],
    query: z.object({
      ...pageQuery,
      action: z.string().max(64).optional(),
      actorId: z.uuid().optional(),
      from: z.iso.datetime({ offset: true }).optional(),
      to: z.iso.datetime({ offset: true }).optional(),
    }),
    response: page(auditLogSchema),
  }),
};
