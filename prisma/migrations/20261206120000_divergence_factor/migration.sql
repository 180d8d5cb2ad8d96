-- The divergence rule's factor as a sweep setting. Earlier sweeps get the default, 10.
ALTER TABLE "Sweep" ADD COLUMN "divergenceFactor" DOUBLE PRECISION NOT NULL DEFAULT 10;
