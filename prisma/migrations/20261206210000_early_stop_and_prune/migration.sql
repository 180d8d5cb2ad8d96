-- Runs that early stopping or the pruner ended, and the sweep settings that ask for them.
-- Earlier sweeps stop no run early and prune none.
ALTER TYPE "RunStatus" ADD VALUE 'stopped_early';

ALTER TYPE "RunStatus" ADD VALUE 'pruned';

ALTER TABLE "Sweep" ADD COLUMN "earlyStopPatience" INTEGER,
ADD COLUMN "pruner" TEXT,
ADD COLUMN "pruneWarmupEpochs" INTEGER NOT NULL DEFAULT 2;
