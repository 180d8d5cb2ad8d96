/**
 * Scalar and enum types of the Sweepscope API, written by hand to match
 * `apps/server/schema.graphql`. Keep them in step with that file.
 */

/** A GraphQL `ID`: serialised as a string. */
export type ID = string;

/** The `DateTimeISO` scalar: an ISO 8601 timestamp such as `2025-01-31T12:00:00.000Z`. */
export type DateTimeISO = string;

/** `enum SweepStatus`: derived by the server from the sweep's runs. */
export type SweepStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

/** `enum RunStatus`: the state of one cell of a sweep. */
export type RunStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'DIVERGED' | 'CANCELLED';
