'use client';

import { useSyncExternalStore } from 'react';

const subscribeToNothing = () => () => {};

/**
 * Returns false while rendering on the server and during hydration, true
 * afterwards. urql hooks start a request during render; pausing them until
 * hydration keeps the server from firing requests it then throws away.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}
