import { runEngineTask } from './run-engine-task.js';

/**
 * The SQL that takes a database from `from` to `prisma/schema.prisma`: with `empty`, the
 * whole schema's DDL, which is how a new migration is written.
 * @param connectionString any reachable database: the engine wants a connection even for a diff
 */
export async function diffSchema(connectionString: string, from: 'empty' | 'migrations'): Promise<string> {
  return (await runEngineTask({ kind: 'diff', connectionString, from })) as string;
}
