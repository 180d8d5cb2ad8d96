import { runMigrations as runQueueMigrations } from 'graphile-worker';
import { logErrorsOnly } from '../queue/log-errors-only.js';
import { runEngineTask } from './run-engine-task.js';

/**
 * Brings a database up to date: applies the pending `prisma/migrations` with Prisma's own
 * schema engine (recorded in `_prisma_migrations`, as `prisma migrate deploy` does), then
 * installs the job queue's schema. Safe on every start and from several processes at once:
 * both steps lock, and skip what is applied.
 * @param connectionString PostgreSQL URL
 * @returns the names of the Prisma migrations applied by this call
 */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  const applied = (await runEngineTask({ kind: 'apply', connectionString })) as string[];
  await runQueueMigrations({ connectionString, logger: logErrorsOnly('job queue') });
  return applied;
}
