-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ReviewWindow" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fiscalYearId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "opensOn" DATETIME NOT NULL,
    "closesOn" DATETIME NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'self',
    CONSTRAINT "ReviewWindow_fiscalYearId_fkey" FOREIGN KEY ("fiscalYearId") REFERENCES "FiscalYear" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReviewWindow" ("closesOn", "fiscalYearId", "id", "name", "opensOn") SELECT "closesOn", "fiscalYearId", "id", "name", "opensOn" FROM "ReviewWindow";
DROP TABLE "ReviewWindow";
ALTER TABLE "new_ReviewWindow" RENAME TO "ReviewWindow";
CREATE UNIQUE INDEX "ReviewWindow_fiscalYearId_name_key" ON "ReviewWindow"("fiscalYearId", "name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Existing windows get the role their name implies (the import's default, src/review/window-role.ts).
UPDATE "ReviewWindow" SET "role" = 'approve' WHERE "name" LIKE '%承認%' OR lower("name") LIKE '%approv%';
UPDATE "ReviewWindow" SET "role" = 'check'
  WHERE "role" = 'self' AND ("name" LIKE '%本部%' OR "name" LIKE '%確認%' OR lower("name") LIKE '%check%');
