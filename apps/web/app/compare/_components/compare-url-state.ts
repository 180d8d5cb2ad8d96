import { listParam } from '@/lib/url-state';

/**
 * The compare page's own state in its query string: `runs`, the ids of the
 * runs compared, in order (`/compare?runs=12,15,40`; @default none). The
 * curves' keys (`xaxis`, `logloss`, `smoothing`, `combine`) sit beside it.
 */
export const compareUrlState = {
  runs: listParam(),
};
