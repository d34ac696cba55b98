import { staffSessionSchema } from '@minimall/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../infra/clock.ts';
import { registeredEndpoints } from '../../http/route.ts';
import { findPlaintext, TEST_OWNER_PASSWORD, testApp } from '../../../test/harness.ts';

describe('staff accounts, roles and permissions', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let app: FastifyInstance;
  const clock = new ManualClock('2026-11-21T09:00:00.000Z');
  let owner: Record<string, string>;

  let ipSeq = 0;
  // each sign-in from its own address: this suite is about accounts, not the per-IP limit
  const login = (username: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/admin/auth/login', payload: { username, password }, remoteAddress: `10.9.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}` });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, headers: Record<string, string>, payload?: object) =>
    app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const roleId = async (code: string) => ((await call('GET', '/api/admin/roles', owner)).json() as { id: string; code: string }[]).find((r) => r.code === code)!.id;

  /** A staff member with the given roles who has already replaced the temporary password. */
  const member = async (username: string, roleIds: string[]) => {
    const created = await call('POST', '/api/admin/staff', owner, { username, displayName: username, roleIds });
    expect(created.statusCode).toBe(201);
    const first = staffSessionSchema.parse((await login(username, created.json().temporaryPassword)).json());
    await call('POST', '/api/admin/me/password', bearer(first.accessToken), { currentPassword: created.json().temporaryPassword, newPassword: `${username}-Pass-2026` });
    const session = staffSessionSchema.parse((await login(username, `${username}-Pass-2026`)).json());
    return { id: created.json().staff.id as string, headers: bearer(session.accessToken) };
  };

  beforeAll(async () => {
    // tokens outlive the lockout window this suite moves the clock across
    t = await testApp({ clock, env: { ACCESS_TOKEN_TTL_SEC: '86400' } });
    app = t.app;
  });
  afterAll(async () => {
    await t.close();
  });

  it('the first owner must change the initial password before anything else', async () => {
    const res = await login('owner', TEST_OWNER_PASSWORD);
    expect(res.statusCode).toBe(200);
    const session = staffSessionSchema.parse(res.json());
    expect(session.staff).toMatchObject({ username: 'owner', mustChangePassword: true, roles: [{ code: 'owner' }] });
    const blocked = await call('GET', '/api/admin/staff', bearer(session.accessToken));
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await call('GET', '/api/admin/me', bearer(session.accessToken))).statusCode).toBe(200);
    const weak = await call('POST', '/api/admin/me/password', bearer(session.accessToken), { currentPassword: TEST_OWNER_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    const changed = await call('POST', '/api/admin/me/password', bearer(session.accessToken), { currentPassword: TEST_OWNER_PASSWORD, newPassword: 'Owner-new-pass-1' });
    expect(changed.json()).toEqual({ ok: true });
    owner = bearer(staffSessionSchema.parse((await login('owner', 'Owner-new-pass-1')).json()).accessToken);
    const list = await call('GET', '/api/admin/staff', owner);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, items: [{ username: 'owner', mustChangePassword: false }] });
  });

  it('locks an account after five wrong passwords, for fifteen minutes', async () => {
    await member('cashier.li', [await roleId('customer-service')]);
    const left = [];
    for (let i = 0; i < 4; i += 1) left.push((await login('cashier.li', 'wrong-password-1')).json().details.attemptsLeft);
    expect(left).toEqual([4, 3, 2, 1]);
    const fifth = await login('cashier.li', 'wrong-password-1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json()).toMatchObject({ code: 'ACCOUNT_LOCKED', details: { lockedUntil: '2026-11-21T09:15:00.000Z' } });
    expect((await login('cashier.li', 'cashier.li-Pass-2026')).statusCode).toBe(423);
    clock.advance(15 * 60_000 + 1000);
    expect((await login('cashier.li', 'cashier.li-Pass-2026')).statusCode).toBe(200);
    const audit = (await call('GET', '/api/admin/audit-logs?action=staff.locked', owner)).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ actorName: '系统', targetType: 'staff' });
  });

  it('answers an unknown username exactly like a wrong password', async () => {
    const res = await login('nobody', 'whatever-123');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: '账号或密码错误' });
  });

  it('every admin route refuses a signed-in member without its permission (403), from the route table', async () => {
    // given a member whose only role grants nothing
    const empty = await call('POST', '/api/admin/roles', owner, { name: '无权限', description: '', permissions: [] });
    const nobody = await member('no.perms', [empty.json().id]);
    const guarded = registeredEndpoints.filter((e) => e.auth === 'staff' && e.permission !== 'self');
    expect(guarded.length).toBeGreaterThanOrEqual(9);
    for (const endpoint of guarded) {
      const url = endpoint.path.replace(/:[A-Za-z]+/g, '0190f6a0-0000-7000-8000-000000000001');
      const res = await app.inject({ method: endpoint.method, url, headers: nobody.headers, payload: endpoint.method === 'GET' || endpoint.method === 'DELETE' ? undefined : {} });
      expect({ route: `${endpoint.method} ${endpoint.path}`, status: res.statusCode, code: res.json().code }).toEqual({
        route: `${endpoint.method} ${endpoint.path}`,
        status: 403,
        code: 'FORBIDDEN',
      });
      const anonymous = await app.inject({ method: endpoint.method, url });
      expect(anonymous.statusCode).toBe(401);
    }
  });

  it('a role change takes effect at once for everyone holding the role, and is audited with before/after', async () => {
    const operatorRole = await roleId('operator');
    const op = await member('op.wang', [operatorRole]);
    expect((await call('GET', '/api/admin/staff', op.headers)).statusCode).toBe(403);
    const roles = (await call('GET', '/api/admin/roles', owner)).json();
    const current = roles.find((r: { code: string }) => r.code === 'operator');
    const updated = await call('PUT', `/api/admin/roles/${operatorRole}`, owner, {
      name: current.name,
      description: current.description,
      permissions: [...current.permissions, 'staff.read'],
    });
    expect(updated.statusCode).toBe(200);
    expect((await call('GET', '/api/admin/staff', op.headers)).statusCode).toBe(200);
    const audit = (await call('GET', '/api/admin/audit-logs?action=role.update', owner)).json();
    expect(audit.items[0].before.permissions).not.toContain('staff.read');
    expect(audit.items[0].after.permissions).toContain('staff.read');
    expect(audit.items[0].actorName).toBe('店主');
  });

  it('protects the owner role, system roles and roles in use', async () => {
    const ownerRole = await roleId('owner');
    const reduce = await call('PUT', `/api/admin/roles/${ownerRole}`, owner, { name: '店主', description: '', permissions: ['system.read'] });
    expect(reduce.json().code).toBe('OWNER_ROLE_LOCKED');
    expect((await call('DELETE', `/api/admin/roles/${await roleId('analyst')}`, owner)).json().code).toBe('SYSTEM_ROLE');
    const custom = (await call('POST', '/api/admin/roles', owner, { name: '临时工', description: '', permissions: ['order.read'] })).json();
    await member('temp.zhao', [custom.id]);
    const inUse = await call('DELETE', `/api/admin/roles/${custom.id}`, owner);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json()).toMatchObject({ code: 'ROLE_IN_USE', details: { staffCount: 1 } });
  });

  it('never disables the last active owner', async () => {
    const me = (await call('GET', '/api/admin/me', owner)).json();
    const res = await call('PATCH', `/api/admin/staff/${me.staff.id}`, owner, { status: 'disabled' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('LAST_OWNER');
  });

  it('a disabled member is signed out everywhere at once', async () => {
    const wh = await member('wh.sun', [await roleId('warehouse')]);
    expect((await call('GET', '/api/admin/me', wh.headers)).statusCode).toBe(200);
    expect((await call('PATCH', `/api/admin/staff/${wh.id}`, owner, { status: 'disabled' })).statusCode).toBe(200);
    expect((await call('GET', '/api/admin/me', wh.headers)).statusCode).toBe(401);
    expect((await login('wh.sun', 'wh.sun-Pass-2026')).json().code).toBe('ACCOUNT_DISABLED');
  });

  it('refuses a duplicate username and stores no password in plaintext', async () => {
    const dup = await call('POST', '/api/admin/staff', owner, { username: 'op.wang', displayName: '重复', roleIds: [await roleId('analyst')] });
    expect(dup.json().code).toBe('USERNAME_TAKEN');
    expect(await findPlaintext(t.infra.database.db, 'op.wang-Pass-2026')).toEqual([]);
    expect(await findPlaintext(t.infra.database.db, 'Owner-new-pass-1')).toEqual([]);
  });
});
