#!/usr/bin/env node
import { coerceError, ErrorCode, SweepscopeError } from '@sweepscope/core';
import { classifyDatabaseError } from '@sweepscope/db/errors';
import { parseTrainArgs, usage } from './parse-train-args.js';

/** Exit status of each error code: 2 is the shell's usage error. */
const exitStatus: Record<ErrorCode, number> = {
  [ErrorCode.BadUserInput]: 2,
  [ErrorCode.NotFound]: 2,
  [ErrorCode.Conflict]: 1,
  [ErrorCode.Unauthenticated]: 2,
  [ErrorCode.LeaseLost]: 1,
  [ErrorCode.DatabaseUnavailable]: 1,
  [ErrorCode.Internal]: 1,
};

async function main(argv: readonly string[]): Promise<number> {
  const write = (line: string): void => void process.stdout.write(`${line}\n`);
  const interrupt = new AbortController();
  let onStopping = 'stopping (Ctrl-C again to quit at once)';
  const onSignal = (): void => {
    if (interrupt.signal.aborted) process.exit(130);
    process.stderr.write(`${onStopping}\n`);
    interrupt.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const command = parseTrainArgs(argv);
    switch (command.kind) {
      case 'help':
        write(usage);
        return 0;
      case 'worker': {
        onStopping = 'stopping: the run in training goes back in the queue (Ctrl-C again to quit at once)';
        // Each command loads only what it needs: an import or a retry never loads TensorFlow.js.
        const { runWorkerCommand } = await import('./run-worker-command.js');
        return await runWorkerCommand({
          backend: command.backend,
          ...(command.sweepId === undefined ? {} : { sweepId: command.sweepId }),
          write,
          signal: interrupt.signal,
        });
      }
      case 'import': {
        const { runImportCommand } = await import('./run-import-command.js');
        return await runImportCommand({ command, write });
      }
      case 'retry': {
        const { runRetryCommand } = await import('./run-retry-command.js');
        return await runRetryCommand({ command, write });
      }
      case 'plan': {
        const { runPlanCommand } = await import('./run-plan-command.js');
        return await runPlanCommand({
          sweep: command.sweep,
          backend: command.backend,
          json: command.json,
          stdout: process.stdout,
          stderr: process.stderr,
          signal: interrupt.signal,
        });
      }
      case 'train': {
        onStopping = 'stopping: unfinished runs of this sweep are cancelled (Ctrl-C again to quit at once)';
        const { runTrainCommand } = await import('./run-train-command.js');
        return await runTrainCommand({
          sweep: command.sweep,
          backend: command.backend,
          json: command.json,
          ...(command.workers === undefined ? {} : { workers: command.workers }),
          stdout: process.stdout,
          stderr: process.stderr,
          signal: interrupt.signal,
        });
      }
    }
  } catch (thrown) {
    const error = classifyDatabaseError(thrown) ?? coerceError(thrown);
    if (error instanceof SweepscopeError) {
      process.stderr.write(`sweepscope-train: ${error.message}\n`);
      return exitStatus[error.code];
    }
    process.stderr.write(`sweepscope-train: unexpected error: ${error.stack ?? error.message}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
