import { useEffect, useState } from 'react';

export const SPINNER_FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * A clock for the running view: the spinner frame and the elapsed time. With a screen reader the
 * animation would be read out again and again, so it only ticks every few seconds.
 */
export function useTicker(active: boolean, screenReader: boolean, now: () => number = Date.now): number {
  const [time, setTime] = useState(now);
  useEffect(() => {
    if (!active) return;
    setTime(now());
    const timer = setInterval(() => setTime(now()), screenReader ? 5000 : 100);
    return () => clearInterval(timer);
  }, [active, screenReader, now]);
  return time;
}

export function spinnerFrame(elapsedMs: number): string {
  return SPINNER_FRAMES[Math.floor(elapsedMs / 100) % SPINNER_FRAMES.length] as string;
}

/** Elapsed time as `3.2 s` (below a minute) or `1 min 05 s`. */
export function elapsed(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${String(Math.floor(s % 60)).padStart(2, '0')} s`;
}
