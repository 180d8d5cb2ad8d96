-- What each run's current attempt has produced so far, kept on the run's row by the database
-- itself, so that a grid of a thousand runs reads its runs and nothing else: before, every
-- read of the grid aggregated all its epochs (50,000 rows for 1,000 runs × 50 epochs).
-- Triggers keep it: after any statement that inserts, updates or deletes epochs (a worker's
-- epoch, an import, a cascade), and after a run moves to its next attempt. Writers need not
-- know it exists, so no write path can forget it.
ALTER TABLE "Run" ADD COLUMN "epochsDone" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "imagesPerSecond" DOUBLE PRECISION,
ADD COLUMN "firstLoss" DOUBLE PRECISION,
ADD COLUMN "lastLoss" DOUBLE PRECISION,
ADD COLUMN "largestLoss" DOUBLE PRECISION,
ADD COLUMN "bestValAccuracy" DOUBLE PRECISION,
ADD COLUMN "latestEpochId" INTEGER,
ADD COLUMN "bestEpochId" INTEGER,
ADD COLUMN "valAccuracies" JSON NOT NULL DEFAULT '[]';

-- The digest of one attempt of a run. The rules are those the summaries were read by before:
-- the mean of the epochs' throughput (those with one), the newest epoch by number, the best
-- by validation accuracy (the earliest of ties), and element i of the series is epoch i + 1's
-- validation accuracy, null where that epoch is not stored.
CREATE FUNCTION "runDigest"(run_id INTEGER, run_attempt INTEGER)
RETURNS TABLE ("epochsDone" INTEGER, "imagesPerSecond" DOUBLE PRECISION, "firstLoss" DOUBLE PRECISION, "lastLoss" DOUBLE PRECISION,
               "largestLoss" DOUBLE PRECISION, "bestValAccuracy" DOUBLE PRECISION, "latestEpochId" INTEGER, "bestEpochId" INTEGER, "valAccuracies" JSON)
LANGUAGE sql STABLE AS $$
  SELECT totals."epochsDone", totals."imagesPerSecond", earliest.loss, newest.loss, totals."largestLoss", best."valAccuracy", newest.id, best.id,
         coalesce(series."valAccuracies", '[]')
  FROM (
    SELECT count(*)::int AS "epochsDone", avg(e."imagesPerSecond") AS "imagesPerSecond", max(e.loss) AS "largestLoss", max(e.epoch) AS "lastEpoch"
    FROM "Epoch" e WHERE e."runId" = run_id AND e.attempt = run_attempt) totals
  LEFT JOIN LATERAL (
    SELECT e.loss FROM "Epoch" e WHERE e."runId" = run_id AND e.attempt = run_attempt ORDER BY e.epoch LIMIT 1) earliest ON true
  LEFT JOIN LATERAL (
    SELECT e.id, e.loss FROM "Epoch" e WHERE e."runId" = run_id AND e.attempt = run_attempt ORDER BY e.epoch DESC LIMIT 1) newest ON true
  LEFT JOIN LATERAL (
    SELECT e.id, e."valAccuracy" FROM "Epoch" e WHERE e."runId" = run_id AND e.attempt = run_attempt ORDER BY e."valAccuracy" DESC, e.epoch ASC LIMIT 1) best ON true
  CROSS JOIN LATERAL (
    SELECT json_agg(e."valAccuracy" ORDER BY n.epoch) AS "valAccuracies"
    FROM generate_series(1, totals."lastEpoch") AS n(epoch)
    LEFT JOIN "Epoch" e ON e."runId" = run_id AND e.attempt = run_attempt AND e.epoch = n.epoch) series
$$;

CREATE FUNCTION "refreshRunDigest"(run_ids INTEGER[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Run" r SET ("epochsDone", "imagesPerSecond", "firstLoss", "lastLoss", "largestLoss", "bestValAccuracy", "latestEpochId", "bestEpochId", "valAccuracies") =
    (SELECT * FROM "runDigest"(r.id, r.attempt))
  WHERE r.id = ANY(run_ids)
$$;

-- One function per trigger: a statement-level trigger sees the rows it changed under the
-- name its REFERENCING clause gives.
CREATE FUNCTION "refreshDigestAfterEpochsChange"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "refreshRunDigest"(ARRAY(SELECT DISTINCT "runId" FROM changed_epochs));
  RETURN NULL;
END
$$;

CREATE FUNCTION "refreshDigestAfterEpochsUpdate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "refreshRunDigest"(ARRAY(SELECT "runId" FROM new_epochs UNION SELECT "runId" FROM old_epochs));
  RETURN NULL;
END
$$;

-- Before the row is written, so that the statement that starts the attempt (retryRun's
-- UPDATE … RETURNING) already returns the new attempt's digest.
CREATE FUNCTION "digestNewAttempt"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT * INTO NEW."epochsDone", NEW."imagesPerSecond", NEW."firstLoss", NEW."lastLoss", NEW."largestLoss", NEW."bestValAccuracy",
    NEW."latestEpochId", NEW."bestEpochId", NEW."valAccuracies"
  FROM "runDigest"(NEW.id, NEW.attempt);
  RETURN NEW;
END
$$;

CREATE TRIGGER "Epoch_insert_refreshes_run_digest" AFTER INSERT ON "Epoch"
  REFERENCING NEW TABLE AS changed_epochs FOR EACH STATEMENT EXECUTE FUNCTION "refreshDigestAfterEpochsChange"();
CREATE TRIGGER "Epoch_delete_refreshes_run_digest" AFTER DELETE ON "Epoch"
  REFERENCING OLD TABLE AS changed_epochs FOR EACH STATEMENT EXECUTE FUNCTION "refreshDigestAfterEpochsChange"();
CREATE TRIGGER "Epoch_update_refreshes_run_digest" AFTER UPDATE ON "Epoch"
  REFERENCING OLD TABLE AS old_epochs NEW TABLE AS new_epochs FOR EACH STATEMENT EXECUTE FUNCTION "refreshDigestAfterEpochsUpdate"();
-- The digest's own update leaves the attempt alone, so this never fires from it.
CREATE TRIGGER "Run_new_attempt_digest" BEFORE UPDATE OF attempt ON "Run"
  FOR EACH ROW WHEN (OLD.attempt IS DISTINCT FROM NEW.attempt) EXECUTE FUNCTION "digestNewAttempt"();

SELECT "refreshRunDigest"(ARRAY(SELECT id FROM "Run"));
