import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EpochAddedEvent, RunProgressEvent } from '@sweepscope/core';
import { createProgressDisplay, type ProgressOutput } from './progress-display.js';

const runs = new Map([
  [1, { label: 'run 1 (batch 32, lr 0.1)', batchSize: 32 }],
  [2, { label: 'run 2 (batch 128, lr 0.001)', batchSize: 128 }],
]);

function progress(runId: number, batch: number, overrides: Partial<RunProgressEvent> = {}): RunProgressEvent {
  return { sweepId: 1, runId, epoch: 1, epochs: 2, batch, batches: 10, imagesPerSecond: 32, ...overrides };
}

const epoch: EpochAddedEvent = {
  seq: 3,
  sweepId: 1,
  runId: 1,
  epochId: 9,
  attempt: 1,
  epoch: 1,
  loss: 2.1,
  accuracy: 0.25,
  valLoss: 2.2,
  valAccuracy: 0.3,
  durationMs: 4000,
  imagesPerSecond: 80,
};

/** An output that records what was written, as a terminal or a pipe would receive it. */
function recordOutput(isTTY: boolean): ProgressOutput & { text: () => string } {
  const chunks: string[] = [];
  return { isTTY, columns: 120, write: (chunk: string) => chunks.push(chunk), text: () => chunks.join('') };
}

describe('createProgressDisplay', () => {
  it('draws a bar per running run on a terminal with epoch, batch, images/s and ETA, redrawn in place', () => {
    const output = recordOutput(true);
    let clock = 0;
    const display = createProgressDisplay({ output, runs, now: () => clock });
    display.progress(progress(1, 5));
    clock += 1000;
    display.progress(progress(2, 2, { imagesPerSecond: 64 }));
    const text = output.text();
    // Run 1: 15 batches of 32 left at 32 img/s = 15 s.
    assert.match(text, /run 1 \(batch 32, lr 0\.1\) {2}epoch 1\/2 \[█{12}░{12}\] 5\/10 {2}32\.0 img\/s {2}ETA 15\.0 s\n/);
    // Run 2: 18 batches of 128 left at 64 img/s = 36 s.
    assert.match(text, /run 2 \(batch 128, lr 0\.001\) {2}epoch 1\/2 \[█{5}░{19}\] 2\/10 {2}64\.0 img\/s {2}ETA 36\.0 s\n$/);
    // The second draw first moved up over the one bar drawn before.
    assert.ok(text.includes('\x1b[1F\x1b[J'));
  });

  it('prints finished epochs above the bars and removes a run’s bar when it ends', () => {
    const output = recordOutput(true);
    const display = createProgressDisplay({ output, runs, now: () => 0 });
    display.progress(progress(1, 10));
    display.epoch(epoch, 2);
    display.ended(1);
    display.close();
    const text = output.text();
    assert.match(
      text,
      /run 1 \(batch 32, lr 0\.1\) epoch 1\/2: loss 2\.1000 accuracy 0\.2500 val_loss 2\.2000 val_accuracy 0\.3000 \(4\.0 s, 80\.0 img\/s\)\n/,
    );
    const afterEpoch = text.slice(text.indexOf('val_accuracy'));
    assert.equal((afterEpoch.match(/█/g) ?? []).length > 0, true, 'the bar is drawn again under the epoch line');
    assert.ok(text.endsWith('\x1b[1F\x1b[J'), 'ending the run erases its bar');
  });

  it('writes plain lines without escape codes when the output is not a terminal, at most one per run per interval', () => {
    const output = recordOutput(false);
    let clock = 0;
    const display = createProgressDisplay({ output, runs, now: () => clock, plainIntervalMs: 10_000 });
    display.progress(progress(1, 1));
    clock = 5_000;
    display.progress(progress(1, 2));
    display.progress(progress(2, 1));
    clock = 10_000;
    display.progress(progress(1, 3));
    display.epoch(epoch, 2);
    display.close();
    const lines = output.text().trimEnd().split('\n');
    assert.deepEqual(lines.slice(0, 3), [
      'run 1 (batch 32, lr 0.1) epoch 1/2: batch 1/10, 32.0 img/s, ETA 19.0 s',
      'run 2 (batch 128, lr 0.001) epoch 1/2: batch 1/10, 32.0 img/s, ETA 1 min 16 s',
      'run 1 (batch 32, lr 0.1) epoch 1/2: batch 3/10, 32.0 img/s, ETA 17.0 s',
    ]);
    assert.match(lines[3] ?? '', /^run 1 .* epoch 1\/2: loss 2\.1000/);
    assert.ok(!output.text().includes('\x1b'), 'an escape sequence was written');
  });

  it('shows a rate below one image a second with two significant digits, not as 0.0', () => {
    const output = recordOutput(false);
    createProgressDisplay({ output, runs, now: () => 0 }).progress(progress(1, 1, { imagesPerSecond: 0.0157 }));
    assert.match(output.text(), /batch 1\/10, 0\.016 img\/s, ETA /);
  });
});
