import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { childEnvironment } from '../../env.js';

/** The built command, as `npm run train` and the `sweepscope-train` bin run it. */
export const builtCli = fileURLToPath(new URL('../../../dist/cli/main.js', import.meta.url));

/** How the command ended: its exit status (null when a signal ended it) and what it printed. */
export interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built command against a database and resolves once it exits, with
 * whatever status: the tests check the statuses themselves.
 * @throws {Error} when the command is not built, could not start, or outran `timeoutMs`
 */
export function runBuiltCli(databaseUrl: string, args: readonly string[], timeoutMs = 30_000): Promise<Finished> {
  if (!existsSync(builtCli)) throw new Error(`${builtCli} is missing: run npm run build -w @sweepscope/trainer first`);
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [builtCli, ...args],
      { env: childEnvironment({ DATABASE_URL: databaseUrl }), timeout: timeoutMs, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(new Error(error.message, { cause: error }));
        else resolve({ status: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
}
