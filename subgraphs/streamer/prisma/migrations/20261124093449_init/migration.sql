-- CreateEnum
CREATE TYPE "Platform" AS ENUM ('TWITCH', 'YOUTUBE', 'TIKTOK', 'KICK');

-- CreateEnum
CREATE TYPE "AgeRange" AS ENUM ('AGE_13_17', 'AGE_18_24', 'AGE_25_34', 'AGE_35_44', 'AGE_45_54', 'AGE_55_PLUS');

-- CreateEnum
CREATE TYPE "StreamerVerificationStatus" AS ENUM ('UNVERIFIED', 'PENDING', 'VERIFIED', 'REJECTED');

-- CreateTable
CREATE TABLE "Streamer" (
    "id" UUID NOT NULL,
    "displayName" TEXT NOT NULL,
    "bio" TEXT,
    "avatarUrl" TEXT,
    "contactEmail" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "languages" TEXT[],
    "audienceAgeRanges" "AgeRange"[],
    "interests" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Streamer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StreamerPlatformProfile" (
    "id" UUID NOT NULL,
    "streamerId" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "username" TEXT NOT NULL,
    "channelUrl" TEXT NOT NULL,
    "followers" INTEGER NOT NULL,
    "averageViewers" INTEGER NOT NULL,
    "peakViewers" INTEGER NOT NULL,
    "categories" TEXT[],
    "verificationStatus" "StreamerVerificationStatus" NOT NULL DEFAULT 'UNVERIFIED',
    "lastSyncedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StreamerPlatformProfile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Streamer_country_id_idx" ON "Streamer"("country", "id");

-- CreateIndex
CREATE INDEX "StreamerPlatformProfile_platform_averageViewers_idx" ON "StreamerPlatformProfile"("platform", "averageViewers");

-- CreateIndex
CREATE INDEX "StreamerPlatformProfile_categories_idx" ON "StreamerPlatformProfile" USING GIN ("categories");

-- CreateIndex
CREATE UNIQUE INDEX "StreamerPlatformProfile_streamerId_platform_key" ON "StreamerPlatformProfile"("streamerId", "platform");

-- AddForeignKey
ALTER TABLE "StreamerPlatformProfile" ADD CONSTRAINT "StreamerPlatformProfile_streamerId_fkey" FOREIGN KEY ("streamerId") REFERENCES "Streamer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Added by hand (Prisma cannot express these).
-- displayName is unique ignoring case.
CREATE UNIQUE INDEX "Streamer_displayName_lower_key" ON "Streamer"(lower("displayName"));

-- Audience numbers are counts, and a peak is never below the average.
ALTER TABLE "StreamerPlatformProfile"
    ADD CONSTRAINT "StreamerPlatformProfile_counts_check"
        CHECK ("followers" >= 0 AND "averageViewers" >= 0 AND "peakViewers" >= "averageViewers");
