-- AlterTable
ALTER TABLE "ReviewWindow" ADD COLUMN     "role" TEXT NOT NULL DEFAULT 'self';

-- Existing windows get the role their name implies (the import's default, src/review/window-role.ts).
UPDATE "ReviewWindow" SET "role" = 'approve' WHERE "name" LIKE '%承認%' OR lower("name") LIKE '%approv%';
UPDATE "ReviewWindow" SET "role" = 'check'
  WHERE "role" = 'self' AND ("name" LIKE '%本部%' OR "name" LIKE '%確認%' OR lower("name") LIKE '%check%');
