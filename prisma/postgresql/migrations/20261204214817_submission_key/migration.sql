-- AlterTable
ALTER TABLE "ProgressUpdate" ADD COLUMN     "submissionKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "ProgressUpdate_submissionKey_key" ON "ProgressUpdate"("submissionKey");
