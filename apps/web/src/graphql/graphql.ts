import { initGraphQLTada } from 'gql.tada';

import type { introspection } from './graphql-env.d.ts';

/**
 * gql.tada's `graphql()` for the Sweepscope API: a document written with it is
 * typed from `apps/server/schema.graphql` (through the generated
 * `graphql-env.d.ts`), results and variables alike, with nothing written by hand.
 * Regenerate the introspection with `npm run generate -w @sweepscope/web`
 * (`build` and `typecheck` run it first).
 *
 * Custom scalars arrive as JSON: `DateTimeISO` is an ISO 8601 timestamp string
 * such as `2025-01-31T12:00:00.000Z`, every `ID` is a string, and a
 * `MetricSeries` is an array of numbers and nulls, one per epoch.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTimeISO: string; ID: string; MetricSeries: (number | null)[] };
}>();
