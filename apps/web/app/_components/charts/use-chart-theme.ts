'use client';

import { useMemo, useSyncExternalStore } from 'react';

import { readChartTheme, type ChartTheme } from './read-chart-theme';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribeToScheme(onChange: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/**
 * The chart colours of the page's theme, read from its CSS custom properties
 * and read again when the system switches between light and dark (the theme
 * follows `prefers-color-scheme`). Null while rendering on the server and
 * during hydration, where there is no stylesheet to read: a canvas is only
 * drawn once mounted anyway.
 */
export function useChartTheme(): ChartTheme | null {
  const scheme = useSyncExternalStore(
    subscribeToScheme,
    () => (window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light'),
    () => 'server' as const,
  );
  return useMemo(() => (scheme === 'server' ? null : readChartTheme(getComputedStyle(document.documentElement), scheme === 'dark')), [scheme]);
}
