'use client';

import { useEffect, useRef } from 'react';

/**
 * Calls `callback` every `ms` milliseconds while `enabled`, skipping ticks
 * while the page is hidden. The latest `callback` is used without restarting
 * the timer.
 */
export function useInterval(callback: () => void, ms: number, enabled: boolean): void {
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') latest.current();
    }, ms);
    return () => clearInterval(timer);
  }, [ms, enabled]);
}
