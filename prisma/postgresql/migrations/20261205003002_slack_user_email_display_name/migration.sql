-- AlterTable
ALTER TABLE "SlackUser" ADD COLUMN     "displayName" TEXT,
ADD COLUMN     "displayNameFetchedAt" TIMESTAMP(3),
ADD COLUMN     "email" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "SlackUser_email_key" ON "SlackUser"("email");
