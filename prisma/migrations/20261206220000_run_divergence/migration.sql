-- Where and how a diverged run blew up, as columns beside its error text. Runs that diverged
-- before these existed keep only their text.
ALTER TABLE "Run" ADD COLUMN "divergenceRule" TEXT,
ADD COLUMN "divergenceEpoch" INTEGER,
ADD COLUMN "divergenceBatch" INTEGER,
ADD COLUMN "divergenceLoss" DOUBLE PRECISION;
