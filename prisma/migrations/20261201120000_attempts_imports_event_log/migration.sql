-- Attempts, imports and the stored event log (issue 6).

-- Until now `attempt` counted worker starts, and no run could be retried, so every stored
-- epoch belongs to a run's first attempt as a person sees it.
ALTER TABLE "Run" ALTER COLUMN "attempt" SET DEFAULT 1;
UPDATE "Run" SET "attempt" = 1;
ALTER TABLE "Run" ADD COLUMN "importedFrom" TEXT;

ALTER TABLE "Epoch" ADD COLUMN "attempt" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Epoch" ALTER COLUMN "durationMs" DROP NOT NULL;
ALTER TABLE "Epoch" ALTER COLUMN "imagesPerSecond" DROP NOT NULL;
DROP INDEX "Epoch_runId_epoch_key";
CREATE UNIQUE INDEX "Epoch_runId_attempt_epoch_key" ON "Epoch"("runId", "attempt", "epoch");

ALTER TABLE "Sweep" ADD COLUMN "builtIn" TEXT;
ALTER TABLE "Sweep" ADD COLUMN "readOnly" BOOLEAN NOT NULL DEFAULT false;
CREATE UNIQUE INDEX "Sweep_builtIn_key" ON "Sweep"("builtIn");

CREATE TABLE "SweepEvent" (
    "id" SERIAL NOT NULL,
    "sweepId" INTEGER NOT NULL,
    "runId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SweepEvent_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "SweepEvent_sweepId_id_idx" ON "SweepEvent"("sweepId", "id");
CREATE INDEX "SweepEvent_runId_id_idx" ON "SweepEvent"("runId", "id");
ALTER TABLE "SweepEvent" ADD CONSTRAINT "SweepEvent_sweepId_fkey" FOREIGN KEY ("sweepId") REFERENCES "Sweep"("id") ON DELETE CASCADE ON UPDATE CASCADE;
