import { describe, expect, it } from 'vitest';
import { actionLabel, auditDiff, targetText } from './audit-format.ts';

describe('auditDiff', () => {
  it('lines up before and after field by field, marking the fields that changed', () => {
    const rows = auditDiff(
      { displayName: '王小二', status: 'active', roles: [{ id: 'r1', name: '客服' }] },
      { displayName: '王小二', status: 'disabled', roles: [{ id: 'r1', name: '客服' }, { id: 'r2', name: '仓管' }] },
    );

    expect(rows.map((row) => [row.label, row.changed])).toEqual([
      ['姓名', false],
      ['状态', true],
      ['角色', true],
    ]);
    expect(rows[1]).toMatchObject({ before: { kind: 'text', text: '启用' }, after: { kind: 'text', text: '停用' } });
    expect(rows[2]?.after).toEqual({ kind: 'list', items: ['客服', '仓管'] });
  });

  it('names permissions in catalog order, formats instants in shop time and flattens nested objects', () => {
    const rows = auditDiff(
      { permissions: ['order.read'], lockedUntil: null, limits: { daily: 5 } },
      { permissions: ['order.refund', 'order.read', 'analytics.read'], lockedUntil: '2025-03-08T02:30:00Z', limits: { daily: 8 }, mustChangePassword: true },
    );

    const byKey = Object.fromEntries(rows.map((row) => [row.key, row]));
    expect(byKey.permissions?.after).toEqual({ kind: 'list', items: ['查看订单', '售后退款', '查看经营数据'] });
    expect(byKey.lockedUntil).toMatchObject({ label: '锁定至', before: { kind: 'none' }, after: { kind: 'text', text: '2025/03/08 10:30:00' }, changed: true });
    expect(byKey['limits.daily']).toMatchObject({ label: 'limits.daily', before: { kind: 'text', text: '5' }, after: { kind: 'text', text: '8' } });
    expect(byKey.mustChangePassword).toMatchObject({ label: '需修改初始密码', after: { kind: 'text', text: '是' }, changed: true });
  });

  it('puts known fields in reading order whatever order the database returned the keys in', () => {
    const rows = auditDiff(
      { roles: ['客服'], status: 'active', storeIds: [], username: 'lina', displayName: '李娜', extra: 1 },
      { roles: ['客服'], status: 'active', storeIds: [], username: 'lina', displayName: '李娜', extra: 2 },
    );

    expect(rows.map((row) => row.label)).toEqual(['账号', '姓名', '状态', '角色', '门店范围', 'extra']);
    expect(rows[4]?.after).toEqual({ kind: 'text', text: '全部门店' });
  });

  it('marks nothing as changed when only one side was recorded (a creation or a deletion)', () => {
    const rows = auditDiff(null, { name: '实习生', permissions: [] });

    expect(rows.map((row) => [row.label, row.before.kind, row.changed])).toEqual([
      ['名称', 'none', false],
      ['权限', 'none', false],
    ]);
    expect(auditDiff(null, null)).toEqual([]);
  });
});

describe('labels', () => {
  it('names known actions in Chinese and keeps actions added later by their raw name', () => {
    expect(actionLabel('staff.reset-password')).toBe('重置密码');
    expect(actionLabel('product.price-change')).toBe('product.price-change');
  });

  it('names the target from its recorded state', () => {
    expect(targetText({ targetType: 'role', targetId: 'x', before: { name: '客服' }, after: null })).toBe('角色 · 客服');
    expect(targetText({ targetType: 'order', targetId: '3f1f1a2b-0000', before: null, after: null })).toBe('order · 3f1f1a2b');
    const locked = { targetType: 'staff', targetId: 's-1', before: null, after: { lockedUntil: '2025-03-08T02:30:00Z' } };
    expect(targetText(locked, new Map([['s-1', '王芳']]))).toBe('员工 · 王芳');
  });
});
