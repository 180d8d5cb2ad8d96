import { enumParam } from '@/lib/url-state';

import type { RankingMetric } from './build-ranking-rows';

/**
 * The Conclusions page's state in its query string: `rank` picks the ranked
 * table's metric, `final` (each run's last epoch, @default) or `best` (its
 * best epoch), as in `?rank=best`.
 */
export const conclusionsUrlState = {
  rank: enumParam<RankingMetric>(['final', 'best'], 'final'),
};
