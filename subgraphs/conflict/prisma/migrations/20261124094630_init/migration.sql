-- CreateEnum
CREATE TYPE "ConflictRuleType" AS ENUM ('TIME_OVERLAP', 'CATEGORY_CONFLICT', 'PLATFORM_EXCLUSIVITY');

-- CreateEnum
CREATE TYPE "ConflictSeverity" AS ENUM ('BLOCK', 'WARN');

-- CreateTable
CREATE TABLE "ConflictRule" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "type" "ConflictRuleType" NOT NULL,
    "severity" "ConflictSeverity" NOT NULL,
    "priority" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "competingCategories" TEXT[],
    "exclusiveBrandId" UUID,
    "exclusivePlatform" TEXT,
    "minimumOverlapMinutes" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConflictRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignFacts" (
    "campaignId" UUID NOT NULL,
    "brandId" UUID NOT NULL,
    "categories" TEXT[],
    "platforms" TEXT[],
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "streamerIds" UUID[],
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CampaignFacts_pkey" PRIMARY KEY ("campaignId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConflictRule_name_key" ON "ConflictRule"("name");

-- CreateIndex
CREATE INDEX "ConflictRule_type_id_idx" ON "ConflictRule"("type", "id");

-- CreateIndex
CREATE INDEX "ConflictRule_enabled_id_idx" ON "ConflictRule"("enabled", "id");

-- CreateIndex
CREATE INDEX "CampaignFacts_startsAt_endsAt_idx" ON "CampaignFacts"("startsAt", "endsAt");

-- CreateIndex
CREATE INDEX "CampaignFacts_brandId_idx" ON "CampaignFacts"("brandId");

-- Invariants Prisma cannot express (written by hand): each rule holds exactly the conditions of its type.
ALTER TABLE "ConflictRule"
    ADD CONSTRAINT "ConflictRule_conditions_check" CHECK (
        CASE "type"
            WHEN 'CATEGORY_CONFLICT' THEN cardinality("competingCategories") >= 2
                AND "exclusiveBrandId" IS NULL AND "exclusivePlatform" IS NULL AND "minimumOverlapMinutes" IS NULL
            WHEN 'PLATFORM_EXCLUSIVITY' THEN "exclusiveBrandId" IS NOT NULL AND "exclusivePlatform" IS NOT NULL
                AND cardinality("competingCategories") = 0 AND "minimumOverlapMinutes" IS NULL
            WHEN 'TIME_OVERLAP' THEN ("minimumOverlapMinutes" IS NULL OR "minimumOverlapMinutes" >= 0)
                AND cardinality("competingCategories") = 0 AND "exclusiveBrandId" IS NULL AND "exclusivePlatform" IS NULL
        END
    ),
    ADD CONSTRAINT "ConflictRule_priority_check" CHECK ("priority" >= 0);

ALTER TABLE "CampaignFacts"
    ADD CONSTRAINT "CampaignFacts_window_check" CHECK ("endsAt" > "startsAt");
