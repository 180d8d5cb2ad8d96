import { booleanParam, enumParam, numberParam } from '@/lib/url-state';

import { X_AXES } from './curve-x-axis';

/**
 * The curves' controls as they read in the query string, shared by every page
 * that shows `RunCurves`: `xaxis` (epoch, steps, images or time; @default
 * 'epoch'), `logloss` (loss on a log scale; @default false), `smoothing` (the
 * EMA weight, 0–0.99; @default 0) and `combine` (repeats of a cell as mean ±
 * 1 sd; @default false).
 */
export const curvesUrlState = {
  xaxis: enumParam(X_AXES, 'epoch'),
  logloss: booleanParam(false),
  smoothing: numberParam(0, { min: 0, max: 0.99 }),
  combine: booleanParam(false),
};
