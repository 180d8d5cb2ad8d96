import type { PrismaClient } from '@sweepscope/db';
import type { EventSubscriber } from '@sweepscope/db/events';

/** Options of {@link watchSweep}. */
export interface WatchSweepOptions {
  prisma: PrismaClient;
  events: EventSubscriber;
  sweepId: number;
  epochs: number;
  /** Where progress lines go. */
  write: (line: string) => void;
  /** How often to re-read the runs' statuses, in case a notification was missed. @default 2000 */
  pollIntervalMs?: number;
  signal?: AbortSignal;
}

const finalStatuses = new Set(['succeeded', 'failed', 'diverged', 'cancelled']);

/**
 * Prints a line when a run of the sweep starts or ends and for every epoch stored, whichever
 * worker trained it, and resolves once every run has ended (or `signal` fires).
 */
export async function watchSweep(options: WatchSweepOptions): Promise<void> {
  const { prisma, events, sweepId, write } = options;
  const runs = new Map(
    (await prisma.run.findMany({ where: { sweepId }, select: { id: true, batchSize: true, learningRate: true } })).map(
      (run) => [run.id, `run ${run.id} (batch ${run.batchSize}, lr ${run.learningRate})`],
    ),
  );
  const label = (runId: number): string => runs.get(runId) ?? `run ${runId}`;

  return new Promise<void>((resolve, reject) => {
    const stopEpochs = events.on('epoch:added', (event) => {
      if (event.sweepId !== sweepId) return;
      write(
        `${label(event.runId)} epoch ${event.epoch}/${options.epochs}: loss ${event.loss.toFixed(4)} accuracy ${event.accuracy.toFixed(4)} ` +
          `val_loss ${event.valLoss.toFixed(4)} val_accuracy ${event.valAccuracy.toFixed(4)} ` +
          `(${(event.durationMs / 1000).toFixed(1)} s, ${event.imagesPerSecond.toFixed(1)} img/s)`,
      );
    });
    const stopRuns = events.on('run:updated', (event) => {
      if (event.sweepId !== sweepId) return;
      write(`${label(event.runId)} ${event.status}`);
      void check();
    });
    const timer = setInterval(() => void check(), options.pollIntervalMs ?? 2000);
    const finish = (error?: unknown): void => {
      clearInterval(timer);
      stopEpochs();
      stopRuns();
      options.signal?.removeEventListener('abort', onAbort);
      if (error === undefined) resolve();
      else reject(error instanceof Error ? error : new Error(String(error)));
    };
    const onAbort = (): void => finish();
    options.signal?.addEventListener('abort', onAbort);

    async function check(): Promise<void> {
      try {
        const statuses = await prisma.run.findMany({ where: { sweepId }, select: { status: true } });
        if (statuses.every((run) => finalStatuses.has(run.status))) finish();
      } catch (error) {
        finish(error);
      }
    }
    void check();
  });
}
