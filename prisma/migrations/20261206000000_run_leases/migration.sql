-- Leases: a worker holds a run while it trains and renews the lease with its heartbeat. A run
-- whose lease runs out is taken back and resumes from its checkpoint. Every interruption is kept.
-- (No semicolons in comments: the migration engine splits statements at every one.)
CREATE TYPE "InterruptionKind" AS ENUM ('reclaimed', 'released', 'retried');

ALTER TABLE "Run" ADD COLUMN "leaseToken" TEXT,
ADD COLUMN "leaseExpiresAt" TIMESTAMP(3);

-- A run that a worker of an earlier version is training holds a lease that ends one default
-- lease, 30 seconds, after its last heartbeat, so a run stranded by a dead worker is taken back.
UPDATE "Run" SET "leaseExpiresAt" = COALESCE("heartbeatAt", "startedAt", "createdAt") + interval '30 seconds'
WHERE status = 'running';

CREATE TABLE "RunInterruption" (
    "id" SERIAL NOT NULL,
    "runId" INTEGER NOT NULL,
    "kind" "InterruptionKind" NOT NULL,
    "attempt" INTEGER NOT NULL,
    "worker" TEXT,
    "lastHeartbeatAt" TIMESTAMP(3),
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "epochsDone" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "resumedBy" TEXT,
    "resumedAt" TIMESTAMP(3),

    CONSTRAINT "RunInterruption_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Run_status_leaseExpiresAt_idx" ON "Run"("status", "leaseExpiresAt");

CREATE INDEX "RunInterruption_runId_id_idx" ON "RunInterruption"("runId", "id");

ALTER TABLE "RunInterruption" ADD CONSTRAINT "RunInterruption_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;
