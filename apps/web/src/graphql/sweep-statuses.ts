import type { SweepStatus } from './schema-types';

/**
 * Every value of `enum SweepStatus`, in the order a sweep passes through them,
 * for filters and menus. Typechecking fails when the schema gains or loses a
 * value, so the list cannot drift from the generated types.
 */
export const SWEEP_STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'] as const satisfies readonly SweepStatus[];

// Compile-time check that the list names every status the schema has.
type Missing = Exclude<SweepStatus, (typeof SWEEP_STATUSES)[number]>;
const everyStatusListed: [Missing] extends [never] ? true : Missing = true;
void everyStatusListed;
