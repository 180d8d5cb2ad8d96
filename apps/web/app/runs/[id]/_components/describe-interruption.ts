import { formatDateTime } from '@/lib/format';
import { describeWorker } from '@/lib/describe-worker';

/** One interruption of a run, as the run page reads it (times ISO 8601). */
export interface InterruptionFields {
  kind: 'RECLAIMED' | 'RELEASED' | 'RETRIED';
  attempt: number;
  worker: string | null;
  lastHeartbeatAt: string | null;
  at: string;
  epochsDone: number;
  resumedBy: string | null;
  resumedAt: string | null;
}

/**
 * One sentence for an interruption: who stopped, when, how far the run had
 * got, and who took it up again — "worker 1234 on box-a stopped answering at
 * 12:01:07 after epoch 3; resumed by worker 5678 on box-b at 12:01:12."
 * @param formatTime how times are written @default the reader's locale
 */
export function describeInterruption(interruption: InterruptionFields, formatTime: (iso: string) => string = formatDateTime): string {
  const worker = interruption.worker === null ? 'its worker' : describeWorker(interruption.worker);
  const after = interruption.epochsDone === 0 ? 'before its first epoch' : `after epoch ${interruption.epochsDone}`;
  const what = {
    RECLAIMED: `${worker} stopped answering at ${formatTime(interruption.lastHeartbeatAt ?? interruption.at)} ${after}; taken back at ${formatTime(interruption.at)}`,
    RELEASED: `${worker} was stopped at ${formatTime(interruption.at)} ${after} and gave the run back`,
    RETRIED: `retried at ${formatTime(interruption.at)} ${after}, keeping its epochs`,
  }[interruption.kind];
  const resumed =
    interruption.resumedBy === null
      ? 'waiting for a worker to resume it'
      : `resumed by ${describeWorker(interruption.resumedBy)}${interruption.resumedAt === null ? '' : ` at ${formatTime(interruption.resumedAt)}`}`;
  return `${what.charAt(0).toUpperCase()}${what.slice(1)}; ${resumed}.`;
}
