import { randomInt } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { allPermissions, defaultRoles, type Role, type Staff, type StaffSession } from '@minimall/contracts';
import { and, asc, count, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Infra } from '../../infra/index.ts';
import { newId } from '../../infra/ids.ts';
import { withTx, type Actor, type Ctx } from '../../shared/context.ts';
import { DomainError, notFound } from '../../shared/errors.ts';
import { enforceLimits } from '../../shared/rate-limit.ts';
import { recordAudit } from './audit.service.ts';
import { roles, staff, staffRoles } from './identity.schema.ts';
import { startSession, type ClientMeta, type Tokens } from './sessions.service.ts';

const LOCK_AFTER_FAILURES = 5;
const LOCK_MS = 15 * 60_000;
const ACCESS_CACHE_MS = 30_000;

type StaffRow = typeof staff.$inferSelect;
type RoleRow = typeof roles.$inferSelect;

export const StaffError = {
  invalidCredentials: (attemptsLeft?: number) =>
    new DomainError('INVALID_CREDENTIALS', '账号或密码错误', 401, attemptsLeft === undefined ? undefined : { attemptsLeft }),
  locked: (until: Date) => new DomainError('ACCOUNT_LOCKED', '密码错误次数过多，账号已临时锁定', 423, { lockedUntil: until.toISOString() }),
  disabled: () => new DomainError('ACCOUNT_DISABLED', '账号已停用，请联系店主', 403),
  passwordChangeRequired: () => new DomainError('PASSWORD_CHANGE_REQUIRED', '请先修改初始密码', 403),
  usernameTaken: () => new DomainError('USERNAME_TAKEN', '该账号已存在', 409),
  roleInUse: (staffCount: number) => new DomainError('ROLE_IN_USE', '仍有员工使用该角色，无法删除', 409, { staffCount }),
  ownerRoleLocked: () => new DomainError('OWNER_ROLE_LOCKED', '店主角色拥有全部权限，不能修改', 400),
  systemRole: () => new DomainError('SYSTEM_ROLE', '系统角色不能删除', 400),
  unknownRoles: () => new DomainError('VALIDATION_FAILED', '角色不存在', 400, { fields: [{ in: 'body', path: 'roleIds', message: '角色不存在' }] }),
  lastOwner: () => new DomainError('LAST_OWNER', '至少保留一名启用的店主', 409),
  wrongPassword: () => new DomainError('VALIDATION_FAILED', '当前密码不正确', 400, { fields: [{ in: 'body', path: 'currentPassword', message: '当前密码不正确' }] }),
  samePassword: () => new DomainError('VALIDATION_FAILED', '新密码不能与当前密码相同', 400, { fields: [{ in: 'body', path: 'newPassword', message: '新密码不能与当前密码相同' }] }),
};

// verified when a username does not exist, so both failures take the same time
let dummyHash: Promise<string> | undefined;

export function temporaryPassword(): string {
  const letters = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
  const digits = '23456789';
  const all = letters + digits;
  const chars = [letters[randomInt(letters.length)]!, digits[randomInt(digits.length)]!];
  while (chars.length < 12) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

const hashPassword = (password: string) => argonHash(password);

async function rolesOf(ctx: Pick<Ctx, 'db'>, staffIds: string[]): Promise<Map<string, RoleRow[]>> {
  const byStaff = new Map<string, RoleRow[]>(staffIds.map((id) => [id, []]));
  if (!staffIds.length) return byStaff;
  const rows = await ctx.db
    .select({ staffId: staffRoles.staffId, role: roles })
    .from(staffRoles)
    .innerJoin(roles, eq(roles.id, staffRoles.roleId))
    .where(inArray(staffRoles.staffId, staffIds))
    .orderBy(asc(roles.createdAt));
  for (const r of rows) byStaff.get(r.staffId)?.push(r.role);
  return byStaff;
}

function toStaff(row: StaffRow, roleRows: RoleRow[], now: Date): Staff {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    status: row.status,
    roles: roleRows.map((r) => ({ id: r.id, code: r.code, name: r.name })),
    storeIds: row.storeIds,
    mustChangePassword: row.mustChangePassword,
    lockedUntil: row.lockedUntil && row.lockedUntil > now ? row.lockedUntil.toISOString() : null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

const permissionsOf = (roleRows: RoleRow[]) => [...new Set(roleRows.flatMap((r) => r.permissions))].filter((p) => (allPermissions as string[]).includes(p)).sort();

const accessKey = (staffId: string) => `staff-access:${staffId}`;

interface CachedAccess {
  name: string;
  permissions: string[];
  storeIds: string[];
  mustChangePassword: boolean;
  active: boolean;
}

/** The actor behind a staff access token: permissions cached briefly and dropped on every change. */
export async function staffActor(infra: Infra, staffId: string): Promise<Actor | undefined> {
  const access = await infra.cache.getOrLoad<CachedAccess | null>(accessKey(staffId), ACCESS_CACHE_MS, async () => {
    const [row] = await infra.database.db.select().from(staff).where(eq(staff.id, staffId)).limit(1);
    if (!row) return null;
    const roleRows = (await rolesOf({ db: infra.database.db }, [row.id])).get(row.id) ?? [];
    return { name: row.displayName, permissions: permissionsOf(roleRows), storeIds: row.storeIds, mustChangePassword: row.mustChangePassword, active: row.status === 'active' };
  });
  if (!access?.active) return undefined;
  return {
    kind: 'staff',
    staffId,
    name: access.name,
    permissions: new Set(access.permissions),
    storeIds: new Set(access.storeIds),
    mustChangePassword: access.mustChangePassword,
  };
}

async function dropAccess(ctx: Ctx, staffIds: string[]): Promise<void> {
  if (staffIds.length) await ctx.infra.cache.del(...staffIds.map(accessKey));
}

async function session(ctx: Ctx, row: StaffRow, tokens: Tokens): Promise<StaffSession> {
  const roleRows = (await rolesOf(ctx, [row.id])).get(row.id) ?? [];
  return {
    accessToken: tokens.accessToken,
    accessTokenExpiresAt: tokens.accessTokenExpiresAt.toISOString(),
    refreshToken: tokens.refreshToken,
    refreshTokenExpiresAt: tokens.refreshTokenExpiresAt.toISOString(),
    staff: toStaff(row, roleRows, ctx.now),
    permissions: permissionsOf(roleRows) as StaffSession['permissions'],
  };
}

/**
 * Password sign-in. Five wrong passwords lock the account for 15 minutes (and leave an audit record);
 * an unknown username costs the same time as a wrong password and says the same thing.
 */
export async function staffLogin(ctx: Ctx, username: string, password: string, meta: ClientMeta): Promise<StaffSession> {
  await enforceLimits(ctx.infra.cache, [{ key: `staff-login:ip:${meta.ip ?? 'unknown'}`, max: 20, windowMs: 60_000 }]);
  const [row] = await ctx.db.select().from(staff).where(eq(staff.username, username.toLowerCase())).limit(1);
  if (!row) {
    dummyHash ??= argonHash(temporaryPassword());
    await argonVerify(await dummyHash, password);
    throw StaffError.invalidCredentials();
  }
  if (row.lockedUntil && row.lockedUntil > ctx.now) throw StaffError.locked(row.lockedUntil);
  if (!(await argonVerify(row.passwordHash, password))) {
    const failed = await withTx(ctx, async (tx) => {
      const [updated] = await tx.db
        .update(staff)
        .set({ failedAttempts: sql`${staff.failedAttempts} + 1` })
        .where(eq(staff.id, row.id))
        .returning({ failedAttempts: staff.failedAttempts });
      const attempts = updated!.failedAttempts;
      if (attempts < LOCK_AFTER_FAILURES) return { attemptsLeft: LOCK_AFTER_FAILURES - attempts };
      const until = new Date(tx.now.getTime() + LOCK_MS);
      await tx.db.update(staff).set({ failedAttempts: 0, lockedUntil: until }).where(eq(staff.id, row.id));
      await recordAudit({ ...tx, actor: { kind: 'system', job: 'staff-login' } }, { action: 'staff.locked', targetType: 'staff', targetId: row.id, after: { lockedUntil: until.toISOString(), ip: meta.ip ?? null } });
      return { lockedUntil: until };
    });
    if (failed.lockedUntil) throw StaffError.locked(failed.lockedUntil);
    throw StaffError.invalidCredentials(failed.attemptsLeft);
  }
  if (row.status !== 'active') throw StaffError.disabled();
  const [updated] = await ctx.db.update(staff).set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: ctx.now }).where(eq(staff.id, row.id)).returning();
  return session(ctx, updated!, await startSession(ctx, { kind: 'staff', id: row.id }, meta));
}

export async function staffSessionFor(ctx: Ctx, staffId: string, tokens: Tokens): Promise<StaffSession> {
  const [row] = await ctx.db.select().from(staff).where(eq(staff.id, staffId)).limit(1);
  if (!row || row.status !== 'active') throw StaffError.disabled();
  return session(ctx, row, tokens);
}

export async function staffMe(ctx: Ctx, staffId: string): Promise<{ staff: Staff; permissions: StaffSession['permissions'] }> {
  const [row] = await ctx.db.select().from(staff).where(eq(staff.id, staffId)).limit(1);
  if (!row) throw notFound('员工');
  const roleRows = (await rolesOf(ctx, [row.id])).get(row.id) ?? [];
  return { staff: toStaff(row, roleRows, ctx.now), permissions: permissionsOf(roleRows) as StaffSession['permissions'] };
}

export async function changePassword(ctx: Ctx, staffId: string, current: string, next: string): Promise<void> {
  const [row] = await ctx.db.select().from(staff).where(eq(staff.id, staffId)).limit(1);
  if (!row) throw notFound('员工');
  if (!(await argonVerify(row.passwordHash, current))) throw StaffError.wrongPassword();
  if (current === next) throw StaffError.samePassword();
  const passwordHash = await hashPassword(next);
  await withTx(ctx, async (tx) => {
    await tx.db.update(staff).set({ passwordHash, mustChangePassword: false, updatedAt: tx.now }).where(eq(staff.id, staffId));
    await recordAudit(tx, { action: 'staff.password-change', targetType: 'staff', targetId: staffId });
  });
  await dropAccess(ctx, [staffId]);
}

export async function listStaff(ctx: Ctx, q: { page: number; pageSize: number; keyword?: string }) {
  const where = q.keyword ? or(ilike(staff.username, `%${q.keyword}%`), ilike(staff.displayName, `%${q.keyword}%`)) : undefined;
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(staff).where(where).orderBy(asc(staff.createdAt)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(staff).where(where),
  ]);
  const byStaff = await rolesOf(ctx, rows.map((r) => r.id));
  return { items: rows.map((r) => toStaff(r, byStaff.get(r.id) ?? [], ctx.now)), total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

async function assertRoles(ctx: Ctx, roleIds: string[]): Promise<void> {
  const found = await ctx.db.select({ id: roles.id }).from(roles).where(inArray(roles.id, roleIds));
  if (found.length !== new Set(roleIds).size) throw StaffError.unknownRoles();
}

const auditView = (s: Staff) => ({ username: s.username, displayName: s.displayName, status: s.status, roles: s.roles.map((r) => r.name), storeIds: s.storeIds });

export async function createStaff(ctx: Ctx, input: { username: string; displayName: string; roleIds: string[]; storeIds: string[] }) {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const created = await withTx(ctx, async (tx) => {
    await assertRoles(tx, input.roleIds);
    const id = newId();
    const inserted = await tx.db
      .insert(staff)
      .values({ id, username: input.username, displayName: input.displayName, passwordHash, storeIds: input.storeIds, createdAt: tx.now, updatedAt: tx.now })
      .onConflictDoNothing({ target: staff.username })
      .returning();
    if (!inserted[0]) throw StaffError.usernameTaken();
    await tx.db.insert(staffRoles).values([...new Set(input.roleIds)].map((roleId) => ({ staffId: id, roleId })));
    const view = toStaff(inserted[0], (await rolesOf(tx, [id])).get(id) ?? [], tx.now);
    await recordAudit(tx, { action: 'staff.create', targetType: 'staff', targetId: id, after: auditView(view) });
    return view;
  });
  return { staff: created, temporaryPassword: password };
}

async function enabledOwners(ctx: Ctx): Promise<string[]> {
  const rows = await ctx.db
    .select({ id: staff.id })
    .from(staff)
    .innerJoin(staffRoles, eq(staffRoles.staffId, staff.id))
    .innerJoin(roles, eq(roles.id, staffRoles.roleId))
    .where(and(eq(roles.code, 'owner'), eq(staff.status, 'active')));
  return rows.map((r) => r.id);
}

export async function updateStaff(ctx: Ctx, id: string, patch: { displayName?: string; roleIds?: string[]; storeIds?: string[]; status?: 'active' | 'disabled' }) {
  const result = await withTx(ctx, async (tx) => {
    const [row] = await tx.db.select().from(staff).where(eq(staff.id, id)).limit(1).for('update');
    if (!row) throw notFound('员工');
    const before = toStaff(row, (await rolesOf(tx, [id])).get(id) ?? [], tx.now);
    if (patch.roleIds) {
      await assertRoles(tx, patch.roleIds);
      await tx.db.delete(staffRoles).where(eq(staffRoles.staffId, id));
      await tx.db.insert(staffRoles).values([...new Set(patch.roleIds)].map((roleId) => ({ staffId: id, roleId })));
    }
    const [updated] = await tx.db
      .update(staff)
      .set({ displayName: patch.displayName, storeIds: patch.storeIds, status: patch.status, updatedAt: tx.now })
      .where(eq(staff.id, id))
      .returning();
    if ((await enabledOwners(tx)).length === 0) throw StaffError.lastOwner();
    const after = toStaff(updated!, (await rolesOf(tx, [id])).get(id) ?? [], tx.now);
    await recordAudit(tx, { action: 'staff.update', targetType: 'staff', targetId: id, before: auditView(before), after: auditView(after) });
    return { after, disabled: patch.status === 'disabled' };
  });
  await dropAccess(ctx, [id]);
  return result.after;
}

export async function resetStaffPassword(ctx: Ctx, id: string): Promise<string> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await withTx(ctx, async (tx) => {
    const updated = await tx.db
      .update(staff)
      .set({ passwordHash, mustChangePassword: true, failedAttempts: 0, lockedUntil: null, updatedAt: tx.now })
      .where(eq(staff.id, id))
      .returning({ id: staff.id });
    if (!updated.length) throw notFound('员工');
    await recordAudit(tx, { action: 'staff.reset-password', targetType: 'staff', targetId: id });
  });
  await dropAccess(ctx, [id]);
  return password;
}

async function toRoles(ctx: Ctx, rows: RoleRow[]): Promise<Role[]> {
  const counts = await ctx.db.select({ roleId: staffRoles.roleId, n: count() }).from(staffRoles).groupBy(staffRoles.roleId);
  const byRole = new Map(counts.map((c) => [c.roleId, Number(c.n)]));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    description: r.description,
    permissions: r.permissions.filter((p) => (allPermissions as string[]).includes(p)) as Role['permissions'],
    isSystem: r.isSystem,
    staffCount: byRole.get(r.id) ?? 0,
  }));
}

export async function listRoles(ctx: Ctx): Promise<Role[]> {
  return toRoles(ctx, await ctx.db.select().from(roles).orderBy(asc(roles.createdAt), asc(roles.code)));
}

export async function createRole(ctx: Ctx, input: { name: string; description: string; permissions: string[] }): Promise<Role> {
  return withTx(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(roles)
      .values({ id: newId(), code: `custom-${newId().slice(-12)}`, name: input.name, description: input.description, permissions: [...new Set(input.permissions)].sort(), createdAt: tx.now, updatedAt: tx.now })
      .returning();
    await recordAudit(tx, { action: 'role.create', targetType: 'role', targetId: row!.id, after: { name: row!.name, permissions: row!.permissions } });
    return (await toRoles(tx, [row!]))[0]!;
  });
}

export async function updateRole(ctx: Ctx, id: string, input: { name: string; description: string; permissions: string[] }): Promise<Role> {
  const result = await withTx(ctx, async (tx) => {
    const [row] = await tx.db.select().from(roles).where(eq(roles.id, id)).limit(1).for('update');
    if (!row) throw notFound('角色');
    const permissions = [...new Set(input.permissions)].sort();
    if (row.code === 'owner' && permissions.length !== allPermissions.length) throw StaffError.ownerRoleLocked();
    const [updated] = await tx.db.update(roles).set({ name: input.name, description: input.description, permissions, updatedAt: tx.now }).where(eq(roles.id, id)).returning();
    await recordAudit(tx, {
      action: 'role.update',
      targetType: 'role',
      targetId: id,
      before: { name: row.name, description: row.description, permissions: row.permissions },
      after: { name: updated!.name, description: updated!.description, permissions },
    });
    const holders = await tx.db.select({ staffId: staffRoles.staffId }).from(staffRoles).where(eq(staffRoles.roleId, id));
    return { role: (await toRoles(tx, [updated!]))[0]!, holders: holders.map((h) => h.staffId) };
  });
  await dropAccess(ctx, result.holders);
  return result.role;
}

export async function deleteRole(ctx: Ctx, id: string): Promise<void> {
  await withTx(ctx, async (tx) => {
    const [row] = await tx.db.select().from(roles).where(eq(roles.id, id)).limit(1).for('update');
    if (!row) throw notFound('角色');
    if (row.isSystem) throw StaffError.systemRole();
    const [holders] = await tx.db.select({ n: count() }).from(staffRoles).where(eq(staffRoles.roleId, id));
    if (Number(holders?.n ?? 0) > 0) throw StaffError.roleInUse(Number(holders!.n));
    await tx.db.delete(roles).where(eq(roles.id, id));
    await recordAudit(tx, { action: 'role.delete', targetType: 'role', targetId: id, before: { name: row.name, permissions: row.permissions } });
  });
}

/**
 * First start: the default roles, and an owner account whose initial password is printed once (or taken
 * from OWNER_INITIAL_PASSWORD) and must be changed at first sign-in. Safe to run in every process.
 */
export async function bootstrapStaff(infra: Infra): Promise<void> {
  const db = infra.database.db;
  const now = infra.clock.now();
  await db
    .insert(roles)
    .values(defaultRoles.map((r) => ({ id: newId(), code: r.code, name: r.name, description: r.description, permissions: [...r.permissions].sort(), isSystem: true, createdAt: now, updatedAt: now })))
    .onConflictDoNothing({ target: roles.code });
  const [existing] = await db.select({ n: count() }).from(staff);
  if (Number(existing?.n ?? 0) > 0) return;
  const password = infra.config.OWNER_INITIAL_PASSWORD ?? temporaryPassword();
  const id = newId();
  const inserted = await db
    .insert(staff)
    .values({ id, username: 'owner', displayName: '店主', passwordHash: await hashPassword(password), createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: staff.username })
    .returning({ id: staff.id });
  if (!inserted.length) return;
  const [ownerRole] = await db.select({ id: roles.id }).from(roles).where(eq(roles.code, 'owner'));
  await db.insert(staffRoles).values({ staffId: id, roleId: ownerRole!.id });
  if (!infra.config.OWNER_INITIAL_PASSWORD) {
    infra.log.warn(`首次启动：已创建店主账号 owner，初始密码 ${password} —— 只显示这一次，请登录 /admin/ 后立即修改。`);
  }
}
