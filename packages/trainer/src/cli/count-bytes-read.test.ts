import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countBytesRead } from './count-bytes-read.js';

async function* pieces(count: number): AsyncGenerator<Uint8Array> {
  for (let index = 0; index < count; index += 1) yield new Uint8Array(250_000).fill(index);
}

describe('countBytesRead', () => {
  it('passes every byte through and prints a plain line of how far it has read, once an interval has passed, off a terminal', async () => {
    const lines: string[] = [];
    let clock = 0;
    const read: number[] = [];
    const stream = countBytesRead(pieces(4), {
      label: 'runs.csv',
      total: 1_000_000,
      output: { write: (text) => lines.push(text) },
      plainIntervalMs: 10,
      now: () => clock,
    });
    for await (const piece of stream) {
      read.push(piece.byteLength, piece[0]!);
      clock += 10;
    }
    assert.deepEqual(read, [250_000, 0, 250_000, 1, 250_000, 2, 250_000, 3]);
    assert.deepEqual(lines, [
      `reading runs.csv ${'█'.repeat(12)}${'░'.repeat(12)} 50%  500.0 kB of 1.0 MB\n`,
      `reading runs.csv ${'█'.repeat(18)}${'░'.repeat(6)} 75%  750.0 kB of 1.0 MB\n`,
      `reading runs.csv ${'█'.repeat(24)} 100%  1.0 MB of 1.0 MB\n`,
    ]);
  });

  it('redraws one bar in place on a terminal and clears it at the end', async () => {
    const written: string[] = [];
    let clock = 0;
    const stream = countBytesRead(pieces(2), {
      label: 'a.csv',
      total: 500_000,
      output: { write: (text) => written.push(text), isTTY: true },
      now: () => (clock += 100),
    });
    for await (const _ of stream);
    assert.equal(written.length, 3);
    assert.ok(written.slice(0, 2).every((text) => text.startsWith('\r\x1b[K') && !text.includes('\n')));
    assert.equal(written[2], '\r\x1b[K');
  });
});
