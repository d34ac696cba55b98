import { createContext, useContext } from 'react';

/** Permission strings a route or action can require; the identity module will grant them per staff role. */
export type Permission = 'system.read';

export type AccessFn = (permission: Permission) => boolean;

/** Until staff accounts exist every signed-in merchant may see everything. */
export const allowAll: AccessFn = () => true;

export function isAllowed(required: Permission | undefined, access: AccessFn): boolean {
  return required === undefined || access(required);
}

export const AccessContext = createContext<AccessFn>(allowAll);

export function useAccess(): AccessFn {
  return useContext(AccessContext);
}
