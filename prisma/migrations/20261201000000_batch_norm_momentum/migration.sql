-- Batch-norm momentum as a sweep setting (issue 4). Every sweep before it trained with
-- Keras' 0.999, which the default records.
ALTER TABLE "Sweep" ADD COLUMN "batchNormMomentum" DOUBLE PRECISION NOT NULL DEFAULT 0.999;
