-- Presets, repeated seeds, image folders, pretrained weights (issue 4)
ALTER TABLE "Sweep" ADD COLUMN "dataDir" TEXT,
ADD COLUMN "weights" TEXT,
ADD COLUMN "preset" TEXT,
ADD COLUMN "repeats" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "Run" ADD COLUMN "repeat" INTEGER NOT NULL DEFAULT 1;

-- One checkpoint per run, overwritten at the end of every epoch, so a run resumes where it stopped.
CREATE TABLE "Checkpoint" (
    "runId" INTEGER NOT NULL,
    "epoch" INTEGER NOT NULL,
    "weights" BYTEA NOT NULL,
    "state" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Checkpoint_pkey" PRIMARY KEY ("runId")
);

ALTER TABLE "Checkpoint" ADD CONSTRAINT "Checkpoint_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;
