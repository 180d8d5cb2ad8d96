'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { readUrlState, toQueryString, writeUrlState, type UrlParams, type UrlStateOf } from './url-state';

/** A change to URL state: the keys to set, or a function of the current state returning them. */
export type UrlStatePatch<Params extends UrlParams> = Partial<UrlStateOf<Params>> | ((current: UrlStateOf<Params>) => Partial<UrlStateOf<Params>>);

/** Options of {@link useUrlState}. */
export interface UseUrlStateOptions {
  /**
   * Write with `window.history.replaceState` rather than `router.replace`: the
   * URL and `useSearchParams` change as before, but the page's server
   * components are not rendered (and their data not fetched) again. For state
   * that only client components read, changed often (a selection).
   * @default false
   */
  shallow?: boolean;
}

/**
 * Keeps typed page state in the query string. Returns the state read from the
 * URL (defaults for absent keys) and a setter that writes the keys it is given
 * with `router.replace(…, { scroll: false })`: no history entry per change, no
 * jump to the top, and keys that equal their default are removed. Keys not in
 * `params` are left as they are.
 *
 * The new state shows at once: until the navigation lands, the hook reads the
 * query string it asked for, so quick successive changes build on each other.
 * Back and forward (or any other navigation) win over what is pending.
 *
 * Pass the same `params` object on every render (define it at module level).
 * Each call of the hook tracks its own pending changes: keep one component the
 * writer of a given key. It reads `useSearchParams`, so a page that is
 * prerendered statically must wrap its user in `<Suspense>` (every page here is
 * dynamic: the root layout awaits `connection()`).
 * Under the app router, a replace re-renders the page's server components with
 * the new search params (unless `shallow`); a server page can read the same
 * state from its `searchParams` with `readUrlState(params, searchParams)`.
 *
 * @example
 * const chartState = { metric: enumParam(['valLoss', 'loss'], 'valLoss'), smoothing: numberParam(0, { min: 0, max: 0.99 }) };
 * const [{ metric }, setChart] = useUrlState(chartState);
 * setChart({ metric: 'loss' });
 */
export function useUrlState<Params extends UrlParams>(
  params: Params,
  { shallow = false }: UseUrlStateOptions = {},
): [UrlStateOf<Params>, (patch: UrlStatePatch<Params>) => void] {
  const router = useRouter();
  const pathname = usePathname();
  const actual = toQueryString(new URLSearchParams(useSearchParams().toString()));
  // Query strings asked for and not yet seen in the URL, oldest first.
  const inFlight = useRef<string[]>([]);
  const [pending, setPending] = useState<string | null>(null);
  const landed = useRef(actual);

  useEffect(() => {
    landed.current = actual;
    const index = inFlight.current.indexOf(actual);
    // One of ours landed: drop it and older ones. Anything else is a navigation that wins.
    inFlight.current = index === -1 ? [] : inFlight.current.slice(index + 1);
    setPending(inFlight.current.at(-1) ?? null);
  }, [actual]);

  const search = pending ?? actual;
  const state = useMemo(() => readUrlState(params, new URLSearchParams(search)), [params, search]);

  const update = useCallback(
    (patch: UrlStatePatch<Params>) => {
      const newest = inFlight.current.at(-1) ?? landed.current;
      const base = new URLSearchParams(newest);
      const current = readUrlState(params, base);
      const next = { ...current, ...(typeof patch === 'function' ? patch(current) : patch) };
      const query = toQueryString(writeUrlState(params, next, base));
      if (query === newest) return;
      inFlight.current.push(query);
      setPending(query);
      const url = query === '' ? pathname : `${pathname}?${query}`;
      // Next.js folds native history calls into its router: useSearchParams follows, and nothing is fetched.
      if (shallow) window.history.replaceState(null, '', url);
      else router.replace(url, { scroll: false });
    },
    [params, pathname, router, shallow],
  );

  return [state, update];
}
