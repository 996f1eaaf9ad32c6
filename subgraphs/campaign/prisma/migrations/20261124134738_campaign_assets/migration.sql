-- CreateEnum
CREATE TYPE "CampaignAssetKind" AS ENUM ('IMAGE', 'VIDEO');

-- CreateEnum
CREATE TYPE "CampaignAssetStatus" AS ENUM ('PENDING', 'READY', 'REJECTED');

-- CreateTable
CREATE TABLE "CampaignAsset" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "kind" "CampaignAssetKind" NOT NULL,
    "status" "CampaignAssetStatus" NOT NULL DEFAULT 'PENDING',
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "storageKey" TEXT,
    "renditions" JSONB NOT NULL DEFAULT '[]',
    "rejectionReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uploadedAt" TIMESTAMP(3),

    CONSTRAINT "CampaignAsset_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CampaignAsset_campaignId_id_idx" ON "CampaignAsset"("campaignId", "id");

-- AddForeignKey
ALTER TABLE "CampaignAsset" ADD CONSTRAINT "CampaignAsset_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: what Prisma cannot express.
ALTER TABLE "CampaignAsset"
    ADD CONSTRAINT "CampaignAsset_bytes_check" CHECK ("bytes" > 0),
    ADD CONSTRAINT "CampaignAsset_ready_check" CHECK ("status" <> 'READY' OR ("storageKey" IS NOT NULL AND "uploadedAt" IS NOT NULL)),
    ADD CONSTRAINT "CampaignAsset_rejected_check" CHECK ("status" <> 'REJECTED' OR "rejectionReason" IS NOT NULL);
