import type { Holds, IsSame, RunStatus } from '@sweepscope/core';
import type { RunStatus as StoredRunStatus } from '../generated/prisma/enums.js';

/**
 * Compiles only while the database's `RunStatus` enum holds exactly core's run statuses: a
 * migration that adds or drops one fails the build here until core's list says the same.
 */
export type StoredRunStatusesMatch = Holds<IsSame<StoredRunStatus, RunStatus>>;
