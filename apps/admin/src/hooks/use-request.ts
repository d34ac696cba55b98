import { useCallback, useEffect, useState } from 'react';

export interface RequestState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again; keeps showing the previous data meanwhile, clears a previous error. */
  reload: () => void;
}

/** Runs `load` on mount and on reload; `load` must be stable (module-level or memoised). */
export function useRequest<T>(load: () => Promise<T>): RequestState<T> {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({
    data: undefined,
    error: undefined,
    loading: true,
  });

  useEffect(() => {
    let active = true;
    load().then(
      (data) => active && setState({ data, error: undefined, loading: false }),
      (error: unknown) => active && setState({ data: undefined, error, loading: false }),
    );
    return () => {
      active = false;
    };
  }, [load, attempt]);

  const reload = useCallback(() => {
    setState((prev) => ({ ...prev, error: undefined, loading: true }));
    setAttempt((n) => n + 1);
  }, []);

  return { ...state, reload };
}
