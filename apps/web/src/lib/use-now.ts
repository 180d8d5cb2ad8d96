'use client';

import { useEffect, useState } from 'react';

/**
 * The current time in milliseconds since the epoch, refreshed every
 * `intervalMs`. It starts at `initial` (the time the server rendered at), so
 * relative times such as "3 min ago" hydrate without a mismatch, and moves to
 * the browser's clock once mounted.
 */
export function useNow(initial: number, intervalMs: number): number {
  const [now, setNow] = useState(initial);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
