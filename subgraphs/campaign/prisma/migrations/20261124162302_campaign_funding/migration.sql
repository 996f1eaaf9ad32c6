-- CreateEnum
CREATE TYPE "CampaignFunding" AS ENUM ('NONE', 'PENDING', 'RESERVED', 'FAILED', 'RELEASED');

-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "fundingError" TEXT,
ADD COLUMN     "fundingReservationId" UUID,
ADD COLUMN     "fundingStatus" "CampaignFunding" NOT NULL DEFAULT 'NONE';

-- Campaigns approved before reservations existed are funded by the brands' holds at large (the
-- wallet pays their earnings out of the brand's held money).
UPDATE "Campaign" SET "fundingStatus" = 'RESERVED'
WHERE "status" IN ('APPROVED', 'SCHEDULED', 'ACTIVE', 'PAUSED');
