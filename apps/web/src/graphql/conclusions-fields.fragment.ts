import { graphql } from './graphql';

// The pieces the Conclusions query selects more than once. Unmasked: the page reads them as
// fields of the query, typed by it.

/** A ranked cell: the best cell and both rankings. */
export const CellRankFieldsFragment = graphql(`
  fragment CellRankFields on CellRank @_unmask {
    batchSize
    learningRate
    rank
    value
    repeats
  }
`);

/** A run that ended short of its plan: the failures and the runs stopped by the sweep's rules. */
export const RunFailureFieldsFragment = graphql(`
  fragment RunFailureFields on RunFailure @_unmask {
    runId
    batchSize
    learningRate
    repeat
    status
    epochsDone
    error
  }
`);

/** A run still to train: those not run yet and those unfinished. */
export const RunReferenceFieldsFragment = graphql(`
  fragment RunReferenceFields on RunReference @_unmask {
    runId
    batchSize
    learningRate
    repeat
    status
    epochsDone
  }
`);
