import { formatBytes } from '@sweepscope/core';
import type { ProgressOutput } from './progress-display.js';

/** Options of {@link countBytesRead}. */
export interface CountBytesReadOptions {
  /** What is read, in the progress line: the file's path. */
  label: string;
  /** Bytes in all. */
  total: number;
  output: ProgressOutput;
  /** Least time between two plain progress lines, in ms. @default 10000 */
  plainIntervalMs?: number;
  /** Least time between two redraws of the bar, in ms. @default 100 */
  redrawIntervalMs?: number;
  /** Clock, in ms. @default performance.now */
  now?: () => number;
}

const barWidth = 24;

/**
 * Passes a byte stream through while showing how much of it has been read: a bar redrawn in
 * place on a terminal, and a plain line every `plainIntervalMs` anywhere else (a pipe, `turbo
 * run`), so that a long import shows it is moving. The bar is cleared when the stream ends.
 */
export async function* countBytesRead(stream: AsyncIterable<Uint8Array>, options: CountBytesReadOptions): AsyncGenerator<Uint8Array> {
  const now = options.now ?? (() => performance.now());
  const tty = options.output.isTTY === true;
  const interval = tty ? (options.redrawIntervalMs ?? 100) : (options.plainIntervalMs ?? 10_000);
  const started = now();
  let read = 0;
  let shown = started;
  let drawn = false;
  for await (const piece of stream) {
    read += piece.byteLength;
    if (now() - shown >= interval) {
      shown = now();
      const line = describe(read, options.total, options.label);
      if (tty) {
        options.output.write(`\r\x1b[K${line}`);
        drawn = true;
      } else {
        options.output.write(`${line}\n`);
      }
    }
    yield piece;
  }
  if (drawn) options.output.write('\r\x1b[K');
}

function describe(read: number, total: number, label: string): string {
  const fraction = total > 0 ? Math.min(read / total, 1) : 1;
  const filled = Math.round(fraction * barWidth);
  return `reading ${label} ${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)} ${Math.floor(fraction * 100)}%  ${formatBytes(read)} of ${formatBytes(total)}`;
}
