import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode } from '@sweepscope/core';
import { createSweep } from '../sweeps/create-sweep.js';
import { useTestDatabase } from '../testing/index.js';
import { publishEvent } from './publish-event.js';
import { readEventCursor } from './read-event-cursor.js';
import { readSweepEvents } from './read-sweep-events.js';

describe('readSweepEvents', () => {
  const db = useTestDatabase();

  async function sweepWithEvents() {
    const sweep = await createSweep(db.prisma, { input: { preset: 'smoke', cells: '8:0.1,16:0.1' }, createdBy: 'test' });
    const [first, second] = sweep.runs.map((run) => run.id) as [number, number];
    // Creating the sweep logged each run as queued: the events of the test come after these.
    const created = (await readEventCursor(db.prisma, sweep.id)) ?? 0;
    const metrics = { attempt: 1, epoch: 1, loss: 2.3, accuracy: 0.1, valLoss: 2.4, valAccuracy: 0.1, durationMs: 5, imagesPerSecond: 40 };
    await db.prisma.$transaction(async (tx) => {
      await publishEvent(tx, 'epoch:added', { sweepId: sweep.id, runId: first, epochId: 1, ...metrics });
      await publishEvent(tx, 'run:updated', { sweepId: sweep.id, runId: second, status: 'running' });
      await publishEvent(tx, 'epoch:added', { sweepId: sweep.id, runId: second, epochId: 2, ...metrics });
    });
    return { sweepId: sweep.id, first, second, created };
  }

  it("pages through a sweep's log in order, by name, run and cursor, each event with its seq", async () => {
    const { sweepId, first, second, created } = await sweepWithEvents();
    const all = await readSweepEvents(db.prisma, { sweepId, names: ['epoch:added', 'run:updated'], after: created, take: 10 });
    assert.deepEqual(
      all.map(({ name, event }) => [name, event.runId]),
      [
        ['epoch:added', first],
        ['run:updated', second],
        ['epoch:added', second],
      ],
    );
    assert.ok(all.every(({ event }, index) => index === 0 || event.seq > all[index - 1]!.event.seq));
    const ofRun = await readSweepEvents(db.prisma, { sweepId, runId: second, names: ['epoch:added'], after: created, take: 10 });
    assert.deepEqual(
      ofRun.map(({ event }) => event.seq),
      [all[2]!.event.seq],
    );
    const page = await readSweepEvents(db.prisma, { sweepId, names: ['epoch:added', 'run:updated'], after: all[0]!.event.seq, take: 1 });
    assert.deepEqual(
      page.map(({ event }) => event.seq),
      [all[1]!.event.seq],
    );
  });

  it('refuses a damaged stored event as live events are refused, naming the row and the field', async () => {
    const { sweepId } = await sweepWithEvents();
    const [damaged] = await db.prisma.$queryRaw<{ id: number }[]>`
      UPDATE "SweepEvent" SET payload = payload || '{"loss": null}'::jsonb
      WHERE id = (SELECT min(id) FROM "SweepEvent" WHERE "sweepId" = ${sweepId} AND name = 'epoch:added') RETURNING id`;
    await assert.rejects(readSweepEvents(db.prisma, { sweepId, names: ['epoch:added'], after: 0, take: 10 }), {
      code: ErrorCode.Internal,
      message: `Event ${damaged!.id} of sweep ${sweepId}'s log cannot be read: The epoch:added event's loss is null: expected a number.`,
    });
  });
});
