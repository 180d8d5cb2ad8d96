import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode } from '@sweepscope/core';
import { ensureReferenceSweep } from '../sweeps/ensure-reference-sweep.js';
import { createSweep } from '../sweeps/create-sweep.js';
import { claimTestRun, useTestDatabase } from '../testing/index.js';
import { recordEpoch } from './record-epoch.js';
import { updateRun } from './update-run.js';

const metrics = { loss: 1, accuracy: 0.5, valLoss: 1, valAccuracy: 0.5, durationMs: 1, imagesPerSecond: 1 };

describe('updateRun', () => {
  const database = useTestDatabase();

  it('tags and notes a run while it trains, without taking it from its worker', async () => {
    const sweep = await createSweep(database.prisma, { input: { preset: 'smoke', cells: '8:0.1' }, createdBy: 'test' });
    const run = sweep.runs[0]!;
    const lease = await claimTestRun(database.prisma, run.id);
    await recordEpoch(database.prisma, lease, { epoch: 1, ...metrics });
    const tagged = await updateRun(database.prisma, run.id, { tags: 'lr-too-high, look again', notes: ' spiky ' });
    assert.deepEqual([tagged.tags, tagged.notes, tagged.status, tagged.leaseToken], [['lr-too-high', 'look again'], 'spiky', 'running', lease.token]);
    await recordEpoch(database.prisma, lease, { epoch: 2, ...metrics });
    const stored = await database.prisma.run.findUniqueOrThrow({ where: { id: run.id } });
    assert.deepEqual([stored.epochsDone, stored.tags, stored.notes], [2, ['lr-too-high', 'look again'], 'spiky']);
  });

  it('changes only what is given, and nothing when a value is refused', async () => {
    const sweep = await createSweep(database.prisma, { input: { preset: 'smoke', cells: '8:0.1' }, createdBy: 'test' });
    const run = sweep.runs[0]!;
    await updateRun(database.prisma, run.id, { tags: ['a'], notes: 'first' });
    assert.deepEqual((await updateRun(database.prisma, run.id, { notes: 'second' })).tags, ['a']);
    await assert.rejects(updateRun(database.prisma, run.id, { tags: ['b'], notes: 'x\u0000' }), { code: ErrorCode.BadUserInput, field: ['notes'] });
    const tooMany = Array.from({ length: 21 }, (_, index) => `t${index}`);
    await assert.rejects(updateRun(database.prisma, run.id, { tags: tooMany }), {
      code: ErrorCode.BadUserInput,
      message: 'tags has 21 tags: expected at most 20 tags.',
    });
    const stored = await database.prisma.run.findUniqueOrThrow({ where: { id: run.id } });
    assert.deepEqual([stored.tags, stored.notes], [['a'], 'second']);
  });

  it('refuses an unknown run and a run of a read-only sweep', async () => {
    await assert.rejects(updateRun(database.prisma, 999_999, { tags: ['a'] }), { code: ErrorCode.NotFound });
    const reference = await ensureReferenceSweep(database.prisma);
    await assert.rejects(updateRun(database.prisma, reference.runs[0]!.id, { tags: ['a'] }), { code: ErrorCode.Conflict, message: /cannot be edited\.$/ });
  });
});
