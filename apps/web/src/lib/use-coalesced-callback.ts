'use client';

import { useCallback, useEffect, useRef } from 'react';

/**
 * Returns a stable function that schedules `callback` to run once, `delayMs`
 * milliseconds after the first call; further calls before it runs are folded
 * into that one. A burst of events thus costs one refetch. The pending call is
 * dropped on unmount.
 */
export function useCoalescedCallback(callback: () => void, delayMs: number): () => void {
  const latest = useRef(callback);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    latest.current = callback;
  });
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    },
    [],
  );
  return useCallback(() => {
    if (timer.current !== null) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current();
    }, delayMs);
  }, [delayMs]);
}
