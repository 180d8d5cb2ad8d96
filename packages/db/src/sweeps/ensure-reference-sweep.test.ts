import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { referenceStudy } from '@sweepscope/core';
import { createPrisma } from '../client/create-prisma.js';
import { createTestDatabase, useTestDatabase } from '../testing/index.js';
import { ensureReferenceSweep } from './ensure-reference-sweep.js';

describe('ensureReferenceSweep', () => {
  const database = useTestDatabase();

  it('stores the reference study as a built-in read-only sweep of five succeeded runs, each with its table row as epoch 50', async () => {
    const sweep = await ensureReferenceSweep(database.prisma);
    assert.deepEqual(
      { builtIn: sweep.builtIn, readOnly: sweep.readOnly, name: sweep.name, epochs: sweep.epochs, alpha: sweep.alpha, inputSize: sweep.inputSize },
      { builtIn: 'reference-study', readOnly: true, name: referenceStudy.name, epochs: 50, alpha: 1, inputSize: 224 },
    );
    const runs = await database.prisma.run.findMany({ where: { sweepId: sweep.id }, orderBy: { id: 'asc' }, include: { epochs: true } });
    assert.deepEqual(
      runs.map((run) => ({
        cell: `${run.batchSize}:${run.learningRate}`,
        status: run.status,
        importedFrom: run.importedFrom,
        epochs: run.epochs.map(({ attempt, epoch, loss, accuracy, valLoss, valAccuracy, durationMs }) => ({
          attempt,
          epoch,
          loss,
          accuracy,
          valLoss,
          valAccuracy,
          durationMs,
        })),
      })),
      referenceStudy.rows.map(({ batchSize, learningRate, epoch, loss, accuracy, valLoss, valAccuracy }) => ({
        cell: `${batchSize}:${learningRate}`,
        status: 'succeeded',
        importedFrom: 'seed-experiment.md',
        epochs: [{ attempt: 1, epoch, loss, accuracy, valLoss, valAccuracy, durationMs: null }],
      })),
    );
    const events = await database.prisma.sweepEvent.groupBy({ by: ['name'], where: { sweepId: sweep.id }, _count: true, orderBy: { name: 'asc' } });
    assert.deepEqual(
      events.map((event) => [event.name, event._count]),
      [
        ['epoch:added', 5],
        ['run:updated', 5],
      ],
    );
  });

  it('adds it once however often it is called, processes starting together included', async () => {
    const first = await ensureReferenceSweep(database.prisma);
    const again = await Promise.all([ensureReferenceSweep(database.prisma), ensureReferenceSweep(database.prisma), ensureReferenceSweep(database.prisma)]);
    assert.deepEqual(
      again.map((sweep) => sweep.id),
      [first.id, first.id, first.id],
    );
    assert.equal(await database.prisma.sweep.count({ where: { builtIn: referenceStudy.key } }), 1);
    assert.equal(await database.prisma.run.count({ where: { sweepId: first.id } }), 5);
  });

  it('adds it once when two processes find the database without it at the same moment', async () => {
    const fresh = await createTestDatabase();
    const clients = [createPrisma(fresh.url), createPrisma(fresh.url)];
    try {
      const sweeps = await Promise.all(clients.map((client) => ensureReferenceSweep(client)));
      assert.equal(sweeps[0]?.id, sweeps[1]?.id);
      assert.equal(await clients[0]!.run.count(), 5);
    } finally {
      await Promise.all(clients.map((client) => client.$disconnect()));
      await fresh.drop();
    }
  });
});
