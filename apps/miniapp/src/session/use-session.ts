import { useSyncExternalStore } from 'react';
import type { CustomerProfile } from '@minimall/contracts';
import { session } from './session';

export interface SessionView {
  signedIn: boolean;
  customer: CustomerProfile | null;
}

/** The signed-in shopper; re-renders on login, profile changes and logout. */
export function useSession(): SessionView {
  const state = useSyncExternalStore(session.subscribe, session.getState);
  return { signedIn: state.session !== null, customer: state.session?.customer ?? null };
}
