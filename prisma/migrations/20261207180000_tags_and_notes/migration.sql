-- Tags and notes on sweeps and runs (see schema.prisma). The tag lists are nullable, as Prisma
-- makes every list column, though Prisma never writes a null there.
ALTER TABLE "Sweep" ADD COLUMN "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
                    ADD COLUMN "notes" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Run" ADD COLUMN "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
                  ADD COLUMN "notes" TEXT NOT NULL DEFAULT '';
