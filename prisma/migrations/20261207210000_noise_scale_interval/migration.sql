-- How often a sweep's runs measure the gradient noise scale; earlier sweeps measured every 20th step.
ALTER TABLE "Sweep" ADD COLUMN "noiseScaleInterval" INTEGER NOT NULL DEFAULT 20;
