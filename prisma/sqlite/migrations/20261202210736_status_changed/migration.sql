-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProgressUpdate" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "targetId" INTEGER NOT NULL,
    "reporterId" TEXT NOT NULL,
    "reportedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL,
    "value" REAL,
    "percent" REAL,
    "comment" TEXT,
    "source" TEXT NOT NULL DEFAULT 'slack',
    "statusChanged" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "ProgressUpdate_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Target" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ProgressUpdate" ("comment", "id", "percent", "reportedAt", "reporterId", "source", "status", "targetId", "value") SELECT "comment", "id", "percent", "reportedAt", "reporterId", "source", "status", "targetId", "value" FROM "ProgressUpdate";
DROP TABLE "ProgressUpdate";
ALTER TABLE "new_ProgressUpdate" RENAME TO "ProgressUpdate";
CREATE INDEX "ProgressUpdate_targetId_reportedAt_idx" ON "ProgressUpdate"("targetId", "reportedAt");
CREATE INDEX "ProgressUpdate_targetId_statusChanged_reportedAt_id_status_idx" ON "ProgressUpdate"("targetId", "statusChanged", "reportedAt", "id", "status");
CREATE INDEX "ProgressUpdate_reportedAt_idx" ON "ProgressUpdate"("reportedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Written by hand from here on (Prisma's diff neither writes nor reads triggers).
-- Existing reports: one that repeats the status of the target's report before it is no change.
UPDATE "ProgressUpdate" SET "statusChanged" = false
WHERE "id" IN (
    SELECT "id" FROM (
        SELECT "id", "status",
            LAG("status") OVER (PARTITION BY "targetId" ORDER BY "reportedAt", "id") AS "previous"
        FROM "ProgressUpdate"
    ) WHERE "previous" = "status"
);

-- Every new report: compared with the target's report before it in (reportedAt, id) order. A
-- report that lands before a later one (two requests for one target, clocks of two replicas)
-- becomes that one's predecessor, so the later one is compared again. SQLite runs one write at a
-- time, so no other insert can come between. A later migration that redefines this table drops
-- the trigger with it: tests/db/status-changed.test.ts fails then.
-- The bot's own insert (record-own-progress-update.ts) computes the value in the INSERT, so the
-- first UPDATE writes nothing then: rewriting the row cost a quarter of that insert's CPU.
CREATE TRIGGER "ProgressUpdate_statusChanged" AFTER INSERT ON "ProgressUpdate"
BEGIN
    UPDATE "ProgressUpdate" SET "statusChanged" = NOT NEW."statusChanged"
    WHERE "id" = NEW."id" AND NEW."statusChanged" <> COALESCE((
        SELECT p."status" <> NEW."status" FROM "ProgressUpdate" p
        WHERE p."targetId" = NEW."targetId" AND (p."reportedAt", p."id") < (NEW."reportedAt", NEW."id")
        ORDER BY p."reportedAt" DESC, p."id" DESC LIMIT 1
    ), true);
    UPDATE "ProgressUpdate" SET "statusChanged" = ("status" <> NEW."status")
    WHERE "id" = (
        SELECT s."id" FROM "ProgressUpdate" s
        WHERE s."targetId" = NEW."targetId" AND (s."reportedAt", s."id") > (NEW."reportedAt", NEW."id")
        ORDER BY s."reportedAt", s."id" LIMIT 1
    );
END;
