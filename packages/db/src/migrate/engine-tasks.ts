import { readFile } from 'node:fs/promises';
import { env } from '../env.js';
import { loadSchemaEngine } from './load-schema-engine.js';
import { readMigrations } from './read-migrations.js';

/** Work for the schema engine, run in its own thread by {@link runEngineTask}. */
export type EngineTask = { kind: 'apply'; connectionString: string } | { kind: 'diff'; connectionString: string; from: 'empty' | 'migrations' };

const noFilter = { externalTables: [], externalEnums: [] };

/** Runs one task on a fresh engine in the current thread. */
export async function performEngineTask(task: EngineTask): Promise<string[] | string> {
  const { engine, dispose } = await loadSchemaEngine(task.connectionString);
  try {
    if (task.kind === 'apply') {
      const { appliedMigrationNames } = await engine.applyMigrations({
        migrationsList: await readMigrations(),
        filters: noFilter,
      });
      return appliedMigrationNames;
    }
    const content = await readFile(env.schemaPath, 'utf8');
    const result = await engine.diff({
      from: task.from === 'empty' ? { tag: 'empty' } : { tag: 'migrations', ...(await readMigrations()) },
      to: { tag: 'schemaDatamodel', files: [{ path: env.schemaPath, content }] },
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    return result.stdout ?? '';
  } finally {
    await dispose();
  }
}
