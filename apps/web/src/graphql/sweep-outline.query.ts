import type { ResultOf } from 'gql.tada';

import { graphql } from './graphql';

/** What a page about one sweep's runs names it by: its name and batch sizes. `sweep` is null for an unknown id. */
export const SweepOutlineQuery = graphql(`
  query SweepOutline($id: ID!) {
    sweep(id: $id) {
      id
      name
      batchSizes
    }
  }
`);

/** What {@link SweepOutlineQuery} returns. */
export type SweepOutlineQueryData = ResultOf<typeof SweepOutlineQuery>;
