import { authResultSchema, type AuthResult, type CustomerProfile } from '@minimall/contracts';

/** Synchronous key-value storage: Taro's storage in the app, a Map in tests. */
export interface KeyValueStorage {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  remove(key: string): void;
}

const storedSessionSchema = authResultSchema.omit({ isNewCustomer: true });
export type StoredSession = Omit<AuthResult, 'isNewCustomer'>;

export interface SessionState {
  /** Null when signed out. */
  session: StoredSession | null;
}

export interface SessionStore {
  getState(): SessionState;
  subscribe(listener: () => void): () => void;
  /** Stores the tokens and profile of a login or a refresh. */
  signIn(result: StoredSession): void;
  updateCustomer(customer: CustomerProfile): void;
  signOut(): void;
}

export const SESSION_STORAGE_KEY = 'mm.session';

/**
 * The signed-in shopper and their tokens, persisted so a restart stays signed in. Storage that
 * does not parse (another version, tampering) counts as signed out.
 */
export function createSessionStore(storage: KeyValueStorage): SessionStore {
  let state: SessionState | undefined;
  const listeners = new Set<() => void>();

  function load(): SessionState {
    const parsed = storedSessionSchema.safeParse(storage.get(SESSION_STORAGE_KEY));
    if (!parsed.success) return { session: null };
    return { session: parsed.data };
  }

  function set(session: StoredSession | null) {
    state = { session };
    if (session) storage.set(SESSION_STORAGE_KEY, session);
    else storage.remove(SESSION_STORAGE_KEY);
    for (const listener of listeners) listener();
  }

  function getState(): SessionState {
    state ??= load();
    return state;
  }

  // Plain closures, no `this`: pages pass these methods around as callbacks.
  return {
    getState,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signIn(result) {
      const { accessToken, accessTokenExpiresAt, refreshToken, refreshTokenExpiresAt, customer } = result;
      set({ accessToken, accessTokenExpiresAt, refreshToken, refreshTokenExpiresAt, customer });
    },
    updateCustomer(customer) {
      const current = getState().session;
      if (current) set({ ...current, customer });
    },
    signOut() {
      if (getState().session) set(null);
    },
  };
}
