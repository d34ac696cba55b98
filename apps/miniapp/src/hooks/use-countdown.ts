import { useCallback, useEffect, useState } from 'react';

/**
 * Seconds left until a deadline; `start(sec)` sets a new one. Counted from the clock rather
 * than by decrementing, so a backgrounded page catches up when shown again.
 */
export function useCountdown(): { remaining: number; start: (seconds: number) => void } {
  const [deadline, setDeadline] = useState(0);
  const [remaining, setRemaining] = useState(0);

  useEffect(() => {
    if (!deadline) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const leftMs = Math.max(0, deadline - Date.now());
      setRemaining(Math.ceil(leftMs / 1000));
      // Wake at the next whole second of the deadline, so the label never skips a number.
      if (leftMs > 0) timer = setTimeout(tick, leftMs % 1000 || 1000);
    };
    tick();
    return () => clearTimeout(timer);
  }, [deadline]);

  const start = useCallback((seconds: number) => setDeadline(Date.now() + seconds * 1000), []);
  return { remaining, start };
}
