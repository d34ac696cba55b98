import { permissionCatalog } from '@minimall/contracts';
import type { Permission } from '@minimall/contracts';

export interface PermissionGroup {
  group: string;
  permissions: Array<{ code: Permission; label: string }>;
}

/** The catalog grouped for display, groups in order of first appearance, permissions in catalog order. */
export const permissionGroups: PermissionGroup[] = permissionCatalog.reduce<PermissionGroup[]>((groups, { group, code, label }) => {
  const existing = groups.find((g) => g.group === group);
  if (existing) existing.permissions.push({ code, label });
  else groups.push({ group, permissions: [{ code, label }] });
  return groups;
}, []);

const labels = new Map<string, string>(permissionCatalog.map(({ code, label }) => [code, label]));

/** "查看订单" for order.read; a code this build does not know stays as it is. */
export function permissionLabel(code: string): string {
  return labels.get(code) ?? code;
}

const order = new Map<string, number>(permissionCatalog.map(({ code }, index) => [code, index]));

/** Catalog order, so a role's permissions compare and save the same way whatever order they were ticked in. */
export function sortPermissions(codes: Iterable<Permission>): Permission[] {
  return [...new Set(codes)].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}
