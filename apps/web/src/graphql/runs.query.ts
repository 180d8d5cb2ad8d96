import type { ResultOf, VariablesOf } from 'gql.tada';

import { graphql } from './graphql';

/** The API's largest page of runs, a whole sweep's: a runs table reads this many at once. */
export const RUNS_TABLE_SIZE = 10_000;

/**
 * Runs of every sweep, or of one (`$sweepId`), filtered (by status, batch size and tag), searched and sorted by the API,
 * with what a runs table shows of each: the cell, its sweep, status, tags, epochs, throughput,
 * when it started and finished, and the validation accuracy and loss of its newest and best epochs.
 */
export const RunsQuery = graphql(`
  query Runs($sweepId: ID, $statuses: [RunStatus!], $batchSizes: [Int!], $tag: String, $search: String, $sort: RunSort, $first: Int!) {
    runs(sweepId: $sweepId, statuses: $statuses, batchSizes: $batchSizes, tag: $tag, search: $search, sort: $sort, first: $first) {
      totalCount
      nodes {
        id
        batchSize
        learningRate
        repeat
        status
        tags
        epochsDone
        imagesPerSecond
        startedAt
        finishedAt
        sweep {
          id
          name
          epochs
        }
        latestEpoch {
          loss
          valAccuracy
        }
        bestEpoch {
          valAccuracy
        }
      }
    }
  }
`);

/** What {@link RunsQuery} returns. */
export type RunsQueryData = ResultOf<typeof RunsQuery>;

/** What {@link RunsQuery} takes. */
export type RunsQueryVariables = VariablesOf<typeof RunsQuery>;

/** One run of a runs table. */
export type RunsTableRun = RunsQueryData['runs']['nodes'][number];
