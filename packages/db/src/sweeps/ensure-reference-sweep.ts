import { referenceStudy } from '@sweepscope/core';
import type { PrismaClient } from '../generated/prisma/client.js';
import { createStagingTable, stageRows } from '../imports/stage-epoch-rows.js';
import { storeStagedRuns } from '../imports/store-staged-runs.js';

// First key of the advisory lock that lets one process at a time add a built-in sweep.
const builtInLock = 0x53_57_42_49;

/** Where the reference study's numbers come from, stored as each run's `importedFrom`. */
const referenceSource = 'seed-experiment.md';

/**
 * Makes sure the database holds the reference study ({@link referenceStudy}) as a built-in,
 * read-only sweep (`builtIn` = `reference-study`): five succeeded runs, each with the one
 * epoch the study's table reports, numbered 50, without timings. Does nothing when the sweep
 * is there already; processes starting together add it once. Its settings are the study's;
 * the study does not give its seed, so the sweep records 42, the default.
 * @returns the sweep, with its runs in the table's order
 */
export async function ensureReferenceSweep(prisma: PrismaClient) {
  const include = { runs: { orderBy: { id: 'asc' } } } as const;
  const where = { builtIn: referenceStudy.key };
  const found = await prisma.sweep.findUnique({ where, include });
  if (found !== null) return found;
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${builtInLock}::int, 0)`;
    const added = await tx.sweep.findUnique({ where, include });
    if (added !== null) return added;
    const { key, name, dataset, alpha, inputSize, batchNormMomentum, epochs, shuffleBuffer, weights } = referenceStudy;
    const sweep = await tx.sweep.create({
      data: {
        name,
        dataset,
        alpha,
        inputSize,
        batchNormMomentum,
        epochs,
        shuffleBuffer,
        weights,
        seed: 42,
        preset: 'seed',
        repeats: 1,
        createdBy: 'built-in',
        builtIn: key,
        readOnly: true,
      },
    });
    // The table's rows go in as an import's do, without an import's checks: each run's one epoch is its 50th.
    await createStagingTable(tx);
    const rows = referenceStudy.rows.map((row) => ({ ...row, repeat: 1, durationMs: null, imagesPerSecond: null, noiseScale: null }));
    await stageRows(
      tx,
      rows.map((row, index) => ({ row, status: 'succeeded' as const, tags: '', notes: '', place: index + 1 })),
      1,
    );
    const runs = rows.map(({ batchSize, learningRate }) => ({
      staged: { batchSize, learningRate, repeat: 1, status: 'succeeded' as const, tags: [], notes: '', epochs: 1 },
      repeat: 1,
      seed: sweep.seed,
    }));
    await storeStagedRuns(tx, sweep.id, runs, referenceSource);
    return tx.sweep.findUniqueOrThrow({ where: { id: sweep.id }, include });
  });
}
