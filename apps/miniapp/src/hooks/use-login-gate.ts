import { useCallback, useRef, useState } from 'react';
import { session } from '../session/session';
import type { LoginSheetProps } from '../components/login-sheet/login-sheet';

export interface LoginGate {
  /** Runs `action` now when signed in; otherwise opens the login sheet and runs it after login. */
  requireLogin: (action?: () => void) => void;
  /** Spread onto the page's <LoginSheet />. */
  sheet: LoginSheetProps;
}

export function useLoginGate(): LoginGate {
  const [open, setOpen] = useState(false);
  const pending = useRef<(() => void) | undefined>(undefined);

  const requireLogin = useCallback((action?: () => void) => {
    if (session.getState().session) {
      action?.();
      return;
    }
    pending.current = action;
    setOpen(true);
  }, []);

  const onClose = useCallback(() => {
    pending.current = undefined;
    setOpen(false);
  }, []);

  const onSuccess = useCallback(() => {
    const action = pending.current;
    pending.current = undefined;
    setOpen(false);
    action?.();
  }, []);

  return { requireLogin, sheet: { open, onClose, onSuccess } };
}
