import type { RunLease } from '@sweepscope/db/leases';
import { queryDatabase } from '@sweepscope/db/testing';

/** Options of {@link seedSweep}. */
export interface SeedSweepOptions {
  name: string;
  /** The grid's rows. */
  batchSizes: readonly number[];
  /** The grid's columns. */
  learningRates: readonly number[];
  /** What every run is: `succeeded` with all its epochs, or `running` part way. */
  status: 'succeeded' | 'running';
  /** Epoch rows stored per run (0 for runs that have not finished one). */
  epochsStored: number;
  /** The sweep's epochs per run. */
  epochs: number;
}

/** A seeded sweep. */
export interface SeededSweep {
  sweepId: number;
  /** Every run's id, in the grid's row-by-row order. */
  runIds: number[];
  /** Epoch rows written. */
  epochRows: number;
  /** Wall time of the insert, in milliseconds. */
  elapsedMs: number;
}

/** The lease every seeded running run is held under, for {@link benchLease}. */
const benchLeaseToken = 'api-bench';

/**
 * The lease a seeded running run is held under, so the bench writes its epochs as its worker
 * would; it lasts a day, longer than any bench.
 */
export function benchLease(runId: number): RunLease {
  return { runId, token: benchLeaseToken, leaseMs: 86_400_000 };
}

// One statement, so one transaction and one round trip: the sweep, one attempt-1 run per
// grid cell, then each run's epochs. The metrics follow a learning curve whose height
// peaks at a learning rate that grows with the batch size, with a little deterministic
// noise (the usual fract(sin) hash), so summaries and "best epoch" have something to pick.
const seedSql = `
WITH sweep AS (
  INSERT INTO "Sweep" ("name", "dataset", "alpha", "inputSize", "epochs", "shuffleBuffer", "seed", "repeats", "createdBy", "preset")
  VALUES ($1, 'synthetic', 0.35, 32, $5, 1000, 42, 1, 'bench', 'quick')
  RETURNING id
), cells AS (
  SELECT b.size AS "batchSize", l.rate AS "learningRate", (b.row - 1) * cardinality($3::float8[]) + l.col AS cell
  FROM unnest($2::int[]) WITH ORDINALITY AS b(size, row)
  CROSS JOIN unnest($3::float8[]) WITH ORDINALITY AS l(rate, col)
), runs AS (
  INSERT INTO "Run" ("sweepId", "batchSize", "learningRate", "repeat", "seed", "status", "attempt", "worker", "backend", "backendNote", "startedAt", "heartbeatAt", "finishedAt", "leaseToken", "leaseExpiresAt")
  SELECT sweep.id, cells."batchSize", cells."learningRate", 1, 42, $4::"RunStatus", 1, 'bench:0', 'wasm', 'seeded by the API bench',
         now(), now(), CASE WHEN $4 = 'succeeded' THEN now() END,
         CASE WHEN $4 = 'running' THEN '${benchLeaseToken}' END, CASE WHEN $4 = 'running' THEN timezone('UTC', now()) + interval '1 day' END
  FROM sweep, cells ORDER BY cells.cell
  RETURNING id, "batchSize", "learningRate"
), heights AS (
  SELECT id AS "runId", "batchSize",
         exp(-power(log("learningRate") - (-2 + 0.5 * log("batchSize"::float8 / 32)), 2) / 1.5) AS height
  FROM runs
), metrics AS (
  SELECT "runId", "batchSize", height, e::float8 AS epoch, noise,
         least(0.99, 0.1 + 0.85 * height * (1 - exp(-e::float8 / 10)) + 0.01 * noise) AS accuracy
  FROM heights CROSS JOIN generate_series(1, $6::int) AS e
  CROSS JOIN LATERAL (SELECT sin("runId" * 12.9898::float8 + e * 78.233::float8) * 43758.5453::float8 AS wave) AS hash
  CROSS JOIN LATERAL (SELECT wave - floor(wave) - 0.5 AS noise) AS jitter
  ORDER BY "runId", e
), epochs AS (
  INSERT INTO "Epoch" ("runId", "attempt", "epoch", "loss", "accuracy", "valLoss", "valAccuracy", "durationMs", "imagesPerSecond")
  SELECT "runId", 1, epoch,
         -ln(greatest(accuracy, 0.05)) * 1.1 + 0.02 * noise,
         accuracy,
         (-ln(greatest(accuracy, 0.05)) * 1.1 + 0.02 * noise) * (1.05 + 0.3 * epoch / $5::int),
         greatest(0, least(0.99, accuracy - 0.04 * height * epoch / $5::int + 0.015 * noise)),
         round(2000 * 1000 / (400 + 2 * "batchSize" + 10 * noise) + 300),
         400 + 2 * "batchSize" + 10 * noise
  FROM metrics
  RETURNING 1
)
SELECT (SELECT id FROM sweep) AS "sweepId",
       (SELECT array_agg(id ORDER BY id) FROM runs) AS "runIds",
       (SELECT count(*) FROM epochs)::int AS "epochRows"`;

/**
 * Writes a whole sweep in one bulk statement, far faster than storing epochs one at a
 * time: one Sweep row, a run per batch size × learning rate (attempt 1, one repeat), and
 * `epochsStored` epochs per run with plausible metrics, then gathers planner statistics.
 * Writes no SweepEvent rows.
 * @param url the benchmark database
 * @throws whatever PostgreSQL throws (e.g. a missing migration)
 */
export async function seedSweep(url: string, options: SeedSweepOptions): Promise<SeededSweep> {
  const start = performance.now();
  const [row] = await queryDatabase<{ sweepId: number; runIds: number[]; epochRows: number }>(url, seedSql, [
    options.name,
    options.batchSizes,
    options.learningRates,
    options.status,
    options.epochs,
    options.epochsStored,
  ]);
  if (!row) throw new Error('seedSweep: expected one summary row, got none');
  const elapsedMs = performance.now() - start;
  // A database that grew to this size has planner statistics (autovacuum gathers them); one
  // seeded a moment ago has none yet, and its first queries would be timed on blind plans.
  await queryDatabase(url, 'ANALYZE "Sweep", "Run", "Epoch"');
  return { ...row, elapsedMs };
}
