-- Which settings an imported sweep's results never stated (see schema.prisma). Nullable, as Prisma
-- makes every list column, though Prisma never writes a null there.
ALTER TABLE "Sweep" ADD COLUMN "unstatedSettings" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Sweeps imported before this was recorded: a setting holding the value an import fills in
-- when none is given (the seed preset's, and the data set "unnamed (imported)") is taken as
-- not stated. One stated as that same value reads as unstated: that is the safer mistake.
UPDATE "Sweep" SET "unstatedSettings" = ARRAY(
  SELECT name FROM (VALUES
    ('dataset', "dataset" = 'unnamed (imported)'),
    ('alpha', "alpha" = 1),
    ('inputSize', "inputSize" = 224),
    ('batchNormMomentum', "batchNormMomentum" = 0.999),
    ('shuffleBuffer', "shuffleBuffer" = 1000),
    ('seed', "seed" = 42),
    ('trainLimit', "trainLimit" IS NULL),
    ('valLimit', "valLimit" IS NULL),
    ('weights', "weights" IS NULL)
  ) AS defaulted(name, unstated) WHERE unstated)
WHERE "createdBy" = 'import';
