-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'SCHEDULED', 'ACTIVE', 'PAUSED', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "CampaignPricingModel" AS ENUM ('CPM', 'CPC', 'CPA', 'FLAT_FEE');

-- CreateEnum
CREATE TYPE "ParticipationStatus" AS ENUM ('APPLIED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN', 'COMPLETED');

-- CreateTable
CREATE TABLE "Campaign" (
    "id" UUID NOT NULL,
    "brandId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "status" "CampaignStatus" NOT NULL DEFAULT 'DRAFT',
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "budgetMinor" BIGINT NOT NULL,
    "dailyCapMinor" BIGINT,
    "perStreamerCapMinor" BIGINT,
    "pricingModel" "CampaignPricingModel" NOT NULL,
    "rateMinor" BIGINT NOT NULL,
    "spentMinor" BIGINT NOT NULL DEFAULT 0,
    "targetPlatforms" TEXT[],
    "targetCategories" TEXT[],
    "targetCountries" TEXT[],
    "targetLanguages" TEXT[],
    "targetAgeRanges" TEXT[],
    "minAverageViewers" INTEGER,
    "maxAverageViewers" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Participation" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "streamerId" UUID NOT NULL,
    "status" "ParticipationStatus" NOT NULL DEFAULT 'APPLIED',
    "currency" CHAR(3) NOT NULL,
    "earningsMinor" BIGINT NOT NULL DEFAULT 0,
    "appliedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Participation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Campaign_brandId_id_idx" ON "Campaign"("brandId", "id");

-- CreateIndex
CREATE INDEX "Campaign_status_id_idx" ON "Campaign"("status", "id");

-- CreateIndex
CREATE INDEX "Participation_campaignId_id_idx" ON "Participation"("campaignId", "id");

-- CreateIndex
CREATE INDEX "Participation_streamerId_id_idx" ON "Participation"("streamerId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Participation_campaignId_streamerId_key" ON "Participation"("campaignId", "streamerId");

-- AddForeignKey
ALTER TABLE "Participation" ADD CONSTRAINT "Participation_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Invariants Prisma cannot express (written by hand): the database refuses what the API would.
ALTER TABLE "Campaign"
    ADD CONSTRAINT "Campaign_schedule_check" CHECK ("endsAt" > "startsAt"),
    ADD CONSTRAINT "Campaign_amounts_check" CHECK (
        "budgetMinor" > 0 AND "rateMinor" > 0 AND "spentMinor" >= 0
        AND ("dailyCapMinor" IS NULL OR ("dailyCapMinor" > 0 AND "dailyCapMinor" <= "budgetMinor"))
        AND ("perStreamerCapMinor" IS NULL OR ("perStreamerCapMinor" > 0 AND "perStreamerCapMinor" <= "budgetMinor"))
    ),
    ADD CONSTRAINT "Campaign_viewers_check" CHECK (
        "minAverageViewers" IS NULL OR "maxAverageViewers" IS NULL OR "minAverageViewers" <= "maxAverageViewers"
    );

ALTER TABLE "Participation"
    ADD CONSTRAINT "Participation_earnings_check" CHECK ("earningsMinor" >= 0);
