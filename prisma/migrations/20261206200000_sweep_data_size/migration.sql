-- Where chance accuracy lies for each sweep: its data set's classes and validation images.
-- Sweeps trained before these columns existed get what their settings fix: Fashion-MNIST
-- has 10 classes and 10,000 test images, the synthetic set 4 classes and 64 images by default.
ALTER TABLE "Sweep" ADD COLUMN "classes" INTEGER,
ADD COLUMN "valImages" INTEGER;

UPDATE "Sweep" SET "classes" = 10, "valImages" = LEAST(COALESCE("valLimit", 10000), 10000) WHERE "dataset" = 'fashion-mnist' AND "createdBy" <> 'import';

UPDATE "Sweep" SET "classes" = 4, "valImages" = COALESCE("valLimit", 64) WHERE "dataset" = 'synthetic' AND "createdBy" <> 'import';
