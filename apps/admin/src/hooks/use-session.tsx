import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Permission, Staff, StaffSession } from '@minimall/contracts';
import { AccessContext, accessFor } from '../access.ts';
import { sessionEvents, tokenStore, TOKENS_STORAGE_KEY } from '../api/session.ts';
import { fetchMe, logout } from '../api/staff.ts';

export interface SignedInStaff {
  staff: Staff;
  permissions: Permission[];
}

type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'failed'; error: unknown }
  | ({ status: 'signed-in' } & SignedInStaff);

export type Session = SessionState & {
  /** Keeps the tokens of a fresh login and shows its member. */
  signIn: (session: StaffSession) => void;
  /** Forgets the session here at once and revokes it on the server in the background. */
  signOut: () => void;
  /** Asks the server again who is signed in (after a password change, or to retry a failed start). */
  reload: () => Promise<void>;
};

const SessionContext = createContext<Session | null>(null);

async function revoke(refreshToken: string) {
  try {
    await logout(refreshToken);
  } catch {
    // The tokens are gone from this browser either way; an unrevoked refresh token simply expires.
  }
}

export interface SessionProviderProps {
  /** Starts signed in as this member without asking the server (tests, stories). */
  initial?: SignedInStaff;
  children: ReactNode;
}

/** Who is signed in, and the access check derived from their permissions. */
export function SessionProvider({ initial, children }: SessionProviderProps) {
  const [state, setState] = useState<SessionState>(() => {
    if (initial) return { status: 'signed-in', ...initial };
    return tokenStore.read() ? { status: 'loading' } : { status: 'signed-out' };
  });

  const reload = useCallback(async () => {
    if (!tokenStore.read()) {
      setState({ status: 'signed-out' });
      return;
    }
    try {
      const me = await fetchMe();
      setState({ status: 'signed-in', staff: me.staff, permissions: me.permissions });
    } catch (error) {
      // A dead session has already been cleared by the client; anything else (offline, 5xx) can be retried.
      setState(tokenStore.read() ? { status: 'failed', error } : { status: 'signed-out' });
    }
  }, []);

  const checking = state.status === 'loading';
  useEffect(() => {
    if (checking) void reload();
  }, [checking, reload]);

  useEffect(
    () =>
      sessionEvents.subscribe((event) => {
        if (event.type === 'ended') setState({ status: 'signed-out' });
        if (event.type === 'refreshed') setState({ status: 'signed-in', staff: event.session.staff, permissions: event.session.permissions });
        if (event.type === 'password-change-required')
          setState((prev) => (prev.status === 'signed-in' ? { ...prev, staff: { ...prev.staff, mustChangePassword: true } } : prev));
      }),
    [],
  );

  // Another tab signing in or out changes the shared tokens; follow it.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== TOKENS_STORAGE_KEY) return;
      if (event.newValue === null) setState({ status: 'signed-out' });
      else if (event.oldValue === null) void reload();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [reload]);

  const signIn = useCallback((session: StaffSession) => {
    tokenStore.write(session);
    setState({ status: 'signed-in', staff: session.staff, permissions: session.permissions });
  }, []);

  const signOut = useCallback(() => {
    const tokens = tokenStore.read();
    tokenStore.write(null);
    setState({ status: 'signed-out' });
    if (tokens) void revoke(tokens.refreshToken);
  }, []);

  const value = useMemo<Session>(() => ({ ...state, signIn, signOut, reload }), [state, signIn, signOut, reload]);
  const permissions = state.status === 'signed-in' ? state.permissions : undefined;
  const access = useMemo(() => accessFor(permissions ?? []), [permissions]);

  return (
    <SessionContext.Provider value={value}>
      <AccessContext.Provider value={access}>{children}</AccessContext.Provider>
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider above it');
  return session;
}

/** The signed-in member; only for components rendered behind the session guard. */
export function useStaff(): SignedInStaff {
  const session = useSession();
  if (session.status !== 'signed-in') throw new Error('useStaff is only available to signed-in pages');
  return { staff: session.staff, permissions: session.permissions };
}
