import type { PrismaClient } from '@sweepscope/db';
import { coerceError, finalRunStatuses } from '@sweepscope/core';
import type { EventSubscriber } from '@sweepscope/db/events';
import { readSweepRuns } from '@sweepscope/db/runs';
import { readSweeps } from '@sweepscope/db/sweeps';
import { createProgressDisplay, type ProgressOutput, type RunLabel } from './progress-display.js';

/** Options of {@link watchSweep}. */
export interface WatchSweepOptions {
  prisma: PrismaClient;
  events: EventSubscriber;
  sweepId: number;
  epochs: number;
  /** Where progress goes: bars on a terminal, plain lines elsewhere. */
  output: ProgressOutput;
  /** How often to re-read the runs' statuses, in case a notification was missed. @default 2000 */
  pollIntervalMs?: number;
  signal?: AbortSignal;
}

const finalStatuses = new Set<string>(finalRunStatuses);

/**
 * Shows a sweep's runs as they train, whichever worker trains them: progress inside each
 * epoch, a line per finished epoch and per status change. Resolves once every run has
 * ended, or when `signal` fires.
 */
export async function watchSweep(options: WatchSweepOptions): Promise<void> {
  const { prisma, events, sweepId } = options;
  const labels = await labelRuns(prisma, sweepId);
  const display = createProgressDisplay({ output: options.output, runs: labels });
  const labelOf = (runId: number): string => labels.get(runId)?.label ?? `run ${runId}`;

  return new Promise<void>((resolve, reject) => {
    const stops = [
      events.on('run:progress', (event) => {
        if (event.sweepId === sweepId) display.progress(event);
      }),
      events.on('epoch:added', (event) => {
        if (event.sweepId === sweepId) display.epoch(event, options.epochs);
      }),
      events.on('run:updated', (event) => {
        if (event.sweepId !== sweepId) return;
        if (event.status !== 'running') display.ended(event.runId);
        display.line(`${labelOf(event.runId)} ${event.status}`);
        void check();
      }),
    ];
    const timer = setInterval(() => void check(), options.pollIntervalMs ?? 2000);
    const finish = (error?: unknown): void => {
      clearInterval(timer);
      for (const stop of stops) stop();
      options.signal?.removeEventListener('abort', onAbort);
      display.close();
      if (error === undefined) resolve();
      else reject(coerceError(error));
    };
    const onAbort = (): void => finish();
    options.signal?.addEventListener('abort', onAbort);

    async function check(): Promise<void> {
      try {
        const [runs = []] = await readSweepRuns(prisma, [sweepId]);
        if (runs.every((run) => finalStatuses.has(run.status))) finish();
      } catch (error) {
        finish(error);
      }
    }
    void check();
  });
}

/**
 * How each run of the sweep is named on screen: `run 12 (batch 128, lr 0.1)`, with the
 * repeat and its seed when cells are trained more than once.
 */
export async function labelRuns(prisma: PrismaClient, sweepId: number): Promise<Map<number, RunLabel>> {
  const [[runs = []], [sweep]] = await Promise.all([readSweepRuns(prisma, [sweepId]), readSweeps(prisma, [sweepId])]);
  const repeated = (sweep?.repeats ?? 1) > 1;
  return new Map(
    runs.map((run) => {
      const repeat = repeated ? `, repeat ${run.repeat} seed ${run.seed}` : '';
      return [run.id, { label: `run ${run.id} (batch ${run.batchSize}, lr ${run.learningRate}${repeat})`, batchSize: run.batchSize }];
    }),
  );
}
