import { numberParam } from '@/lib/url-state';

/**
 * The run page's own state in its query string: `attempt`, whose epochs the
 * table shows (1-based; @default 0, the current attempt). The curves' keys
 * (`xaxis`, `logloss`, `smoothing`, `combine`) sit beside it.
 */
export const runPageUrlState = {
  attempt: numberParam(0, { min: 0, integer: true }),
};
