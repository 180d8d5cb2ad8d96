-- Each run's best epoch (highest validation accuracy, earliest of ties) as a top-1 per run:
-- the grid of a 1,000-run sweep reads all of them at once.
CREATE INDEX "Epoch_runId_attempt_valAccuracy_epoch_idx" ON "Epoch"("runId", "attempt", "valAccuracy" DESC, "epoch");
