import { createContext, useContext } from 'react';
import type { Permission as StaffPermission } from '@minimall/contracts';

/** What a route or action can require: a catalog permission, or `self` (any signed-in staff member). */
export type Permission = StaffPermission | 'self';

export type AccessFn = (permission: Permission) => boolean;

/** The access check for a staff member holding `granted`; `self` needs nothing beyond being signed in. */
export function accessFor(granted: readonly StaffPermission[]): AccessFn {
  const held = new Set<Permission>(granted);
  return (permission) => permission === 'self' || held.has(permission);
}

export function isAllowed(required: Permission | undefined, access: AccessFn): boolean {
  return required === undefined || access(required);
}

/** Signed out nobody may do anything; the session provider replaces this with the member's own check. */
export const AccessContext = createContext<AccessFn>(accessFor([]));

export function useAccess(): AccessFn {
  return useContext(AccessContext);
}
