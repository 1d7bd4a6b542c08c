import { useEffect, useState } from 'react';

/** Re-renders every `everyMs` while `active` (a running step's clock on the board); idle otherwise. */
export function useClock(active: boolean, everyMs = 1000): number {
  const [ticks, setTicks] = useState(0);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setTicks((n) => n + 1), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs]);
  return ticks;
}
