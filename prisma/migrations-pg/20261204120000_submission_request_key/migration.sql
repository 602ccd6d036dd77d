-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "requestKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Submission_userId_requestKey_key" ON "Submission"("userId", "requestKey");
