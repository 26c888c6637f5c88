-- AlterTable
ALTER TABLE "SlackUser" ADD COLUMN "displayName" TEXT;
ALTER TABLE "SlackUser" ADD COLUMN "displayNameFetchedAt" DATETIME;
ALTER TABLE "SlackUser" ADD COLUMN "email" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "SlackUser_email_key" ON "SlackUser"("email");
