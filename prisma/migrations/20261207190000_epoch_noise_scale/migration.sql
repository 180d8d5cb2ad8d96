-- The gradient noise scale measured during training (see schema.prisma); epochs stored before
-- it was measured have none.
ALTER TABLE "Epoch" ADD COLUMN "noiseScale" DOUBLE PRECISION;
