-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "autoAcceptApplications" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Participation" ADD COLUMN     "checkDecision" TEXT,
ADD COLUMN     "checkNotes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "checkedAt" TIMESTAMP(3);
