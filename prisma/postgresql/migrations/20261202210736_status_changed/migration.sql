-- AlterTable
ALTER TABLE "ProgressUpdate" ADD COLUMN     "statusChanged" BOOLEAN NOT NULL DEFAULT true;

-- CreateIndex
CREATE INDEX "ProgressUpdate_targetId_statusChanged_reportedAt_id_status_idx" ON "ProgressUpdate"("targetId", "statusChanged", "reportedAt", "id", "status");

-- Written by hand from here on (Prisma's diff neither writes nor reads triggers or functions).
-- Existing reports: one that repeats the status of the target's report before it is no change.
UPDATE "ProgressUpdate" u SET "statusChanged" = false
FROM (
    SELECT "id", "status",
        LAG("status") OVER (PARTITION BY "targetId" ORDER BY "reportedAt", "id") AS "previous"
    FROM "ProgressUpdate"
) x
WHERE u."id" = x."id" AND x."previous" = x."status";

-- Every new report: compared with the target's report before it in (reportedAt, id) order. A
-- report that lands before a later one (two requests for one target, clocks of two replicas)
-- becomes that one's predecessor, so the later one is compared again.
-- Concurrent inserts for one target (two replicas) must see each other: each first takes a
-- transaction-scoped advisory lock for the target's bucket (targetId mod 256, so a bulk insert
-- holds at most 256 locks), and in READ COMMITTED each query after it takes a fresh snapshot
-- that includes the report committed by the lock's previous holder.
CREATE FUNCTION "ProgressUpdate_statusChanged"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    previous TEXT;
BEGIN
    -- 1886548338: a lock class of its own, so no other advisory lock shares these keys.
    PERFORM pg_advisory_xact_lock(1886548338, NEW."targetId" % 256);
    SELECT p."status" INTO previous FROM "ProgressUpdate" p
    WHERE p."targetId" = NEW."targetId" AND (p."reportedAt", p."id") < (NEW."reportedAt", NEW."id")
    ORDER BY p."reportedAt" DESC, p."id" DESC LIMIT 1;
    NEW."statusChanged" := previous IS DISTINCT FROM NEW."status";
    UPDATE "ProgressUpdate" s SET "statusChanged" = (s."status" <> NEW."status")
    WHERE s."id" = (
        SELECT n."id" FROM "ProgressUpdate" n
        WHERE n."targetId" = NEW."targetId" AND (n."reportedAt", n."id") > (NEW."reportedAt", NEW."id")
        ORDER BY n."reportedAt", n."id" LIMIT 1
    );
    RETURN NEW;
END
$$;

CREATE TRIGGER "ProgressUpdate_statusChanged" BEFORE INSERT ON "ProgressUpdate"
FOR EACH ROW EXECUTE FUNCTION "ProgressUpdate_statusChanged"();
