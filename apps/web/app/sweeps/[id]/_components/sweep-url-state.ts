import { booleanParam, enumParam, listParam } from '@/lib/url-state';

import { GRID_DENSITIES } from './grid/grid-density';
import { GRID_METRICS } from './grid/grid-metrics';

/**
 * The Sweep page's view in its query string, so a link shows another person
 * the same view: `runs` the selected run ids (`?runs=12,15`, @default none),
 * `metric` what colours the grid (@default 'finalValAccuracy'), `cells` how
 * its cells are drawn (`detailed`, `compact`, @default 'auto': by fit), `ratio` the
 * lines of constant learning rate ÷ batch size and `frontier` the stability
 * frontier (both overlays @default off: `?ratio=1&frontier=1`).
 */
export const sweepUrlState = {
  runs: listParam(),
  metric: enumParam(GRID_METRICS, 'finalValAccuracy'),
  cells: enumParam(GRID_DENSITIES, 'auto'),
  ratio: booleanParam(false),
  frontier: booleanParam(false),
};
