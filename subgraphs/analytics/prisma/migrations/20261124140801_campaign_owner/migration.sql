-- CreateTable
CREATE TABLE "CampaignOwner" (
    "campaignId" UUID NOT NULL,
    "brandId" UUID NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignOwner_pkey" PRIMARY KEY ("campaignId")
);
