import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs` (for clocks and the "now" line). */
export function useNow(intervalMs = 30_000, now: () => number = Date.now): number {
  const [value, setValue] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setValue(now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, now]);
  return value;
}
