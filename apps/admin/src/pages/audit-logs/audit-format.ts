import type { AuditLog, Permission } from '@minimall/contracts';
import { formatDateTime } from '../../format.ts';
import { permissionLabel, sortPermissions } from '../../permissions.ts';

/** Actions the server records today; later domains add more, which show under their raw names. */
export const AUDIT_ACTIONS: Record<string, string> = {
  'staff.create': '新建员工',
  'staff.update': '修改员工',
  'staff.reset-password': '重置密码',
  'staff.password-change': '修改密码',
  'staff.locked': '账号锁定',
  'role.create': '新建角色',
  'role.update': '修改角色',
  'role.delete': '删除角色',
};

export function actionLabel(action: string): string {
  return AUDIT_ACTIONS[action] ?? action;
}

const TARGET_TYPES: Record<string, string> = { staff: '员工', role: '角色' };

/** Known fields in the order a person reads them: who or what first, then what it may do, then bookkeeping. */
const FIELD_LABELS: Record<string, string> = {
  username: '账号',
  displayName: '姓名',
  name: '名称',
  code: '编码',
  description: '描述',
  status: '状态',
  roles: '角色',
  roleIds: '角色',
  permissions: '权限',
  storeIds: '门店范围',
  isSystem: '系统角色',
  staffCount: '员工数',
  mustChangePassword: '需修改初始密码',
  lockedUntil: '锁定至',
  failedAttempts: '连续失败次数',
  lastLoginAt: '最近登录',
  ip: 'IP',
  id: 'ID',
  createdAt: '创建时间',
  updatedAt: '更新时间',
};
const FIELD_ORDER = new Map(Object.keys(FIELD_LABELS).map((key, index) => [key, index]));

const VALUE_LABELS: Record<string, Record<string, string>> = {
  status: { active: '启用', disabled: '停用' },
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A field's value for people: nothing, one line, or a list whose items can be compared one by one. */
export type DisplayValue = { kind: 'none' } | { kind: 'text'; text: string } | { kind: 'list'; items: string[] };

export interface DiffRow {
  /** Dotted path of the field, `limits.daily` for nested objects. */
  key: string;
  label: string;
  before: DisplayValue;
  after: DisplayValue;
  /** Both sides were recorded and this field differs. */
  changed: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Nested objects become dotted keys; arrays stay whole values. */
function flatten(value: unknown, prefix = '', into = new Map<string, unknown>()): Map<string, unknown> {
  if (!isRecord(value)) {
    if (value !== null && value !== undefined) into.set(prefix || 'value', value);
    return into;
  }
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isRecord(child) && Object.keys(child).length > 0) flatten(child, path, into);
    else into.set(path, child);
  }
  return into;
}

function fieldOf(key: string): string {
  return key.split('.').at(-1) ?? key;
}

export function fieldLabel(key: string): string {
  if (key === 'value') return '值';
  return FIELD_LABELS[key] ?? FIELD_LABELS[fieldOf(key)] ?? key;
}

function itemText(field: string, item: unknown): string {
  if (isRecord(item)) {
    const named = item.name ?? item.displayName ?? item.label ?? item.username ?? item.code;
    return typeof named === 'string' ? named : JSON.stringify(item);
  }
  if (field === 'permissions' && typeof item === 'string') return permissionLabel(item);
  return scalarText(field, item);
}

function scalarText(field: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') {
    const label = VALUE_LABELS[field]?.[value];
    if (label) return label;
    return ISO_INSTANT.test(value) ? formatDateTime(value) : value;
  }
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

export function displayValue(key: string, value: unknown): DisplayValue {
  if (value === undefined || value === null || value === '') return { kind: 'none' };
  const field = fieldOf(key);
  // A member limited to no store in particular works in every store (see staffSchema.storeIds).
  if (field === 'storeIds' && Array.isArray(value) && value.length === 0) return { kind: 'text', text: '全部门店' };
  if (Array.isArray(value)) {
    // Permissions are stored sorted by code; shown in catalog order they group the way the role editor does.
    const items = field === 'permissions' ? sortPermissions(value as Permission[]) : value;
    return { kind: 'list', items: items.map((item) => itemText(field, item)) };
  }
  if (isRecord(value)) return { kind: 'text', text: '{}' };
  return { kind: 'text', text: scalarText(field, value) };
}

function fieldRank(key: string): number {
  return FIELD_ORDER.get(key) ?? FIELD_ORDER.get(fieldOf(key)) ?? FIELD_ORDER.size;
}

/**
 * Before and after of an audit entry as rows of readable fields: known fields in reading order, others
 * after them as recorded (the database does not keep a JSON object's key order).
 */
export function auditDiff(before: unknown, after: unknown): DiffRow[] {
  const left = flatten(before);
  const right = flatten(after);
  const bothRecorded = before !== null && before !== undefined && after !== null && after !== undefined;
  const keys = [...new Set([...left.keys(), ...right.keys()])]
    .map((key, index) => ({ key, index }))
    .sort((a, b) => fieldRank(a.key) - fieldRank(b.key) || a.index - b.index)
    .map(({ key }) => key);
  return keys.map((key) => ({
    key,
    label: fieldLabel(key),
    before: displayValue(key, left.get(key)),
    after: displayValue(key, right.get(key)),
    changed: bothRecorded && JSON.stringify(left.get(key) ?? null) !== JSON.stringify(right.get(key) ?? null),
  }));
}

/**
 * "员工 · 张三": the target's kind, named from the recorded state, else from `knownNames` (staff the page
 * has loaded), else by the start of its id.
 */
export function targetText(log: Pick<AuditLog, 'targetType' | 'targetId' | 'before' | 'after'>, knownNames?: ReadonlyMap<string, string>): string {
  const kind = TARGET_TYPES[log.targetType] ?? log.targetType;
  const state = isRecord(log.after) ? log.after : isRecord(log.before) ? log.before : {};
  const recorded = state.displayName ?? state.name ?? state.username;
  const name = typeof recorded === 'string' ? recorded : log.targetId ? knownNames?.get(log.targetId) : undefined;
  if (name) return `${kind} · ${name}`;
  return log.targetId ? `${kind} · ${log.targetId.slice(0, 8)}` : kind;
}
