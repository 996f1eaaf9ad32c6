-- CreateEnum
CREATE TYPE "DeliveryKind" AS ENUM ('VIEWER_SAMPLE', 'CLICK', 'CONVERSION');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PAID', 'CAPPED', 'FLAGGED');

-- CreateEnum
CREATE TYPE "EarningStatus" AS ENUM ('HELD', 'RELEASED');

-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "landingUrl" TEXT;

-- AlterTable
ALTER TABLE "Participation" ADD COLUMN     "lastSampleAt" TIMESTAMP(3),
ADD COLUMN     "overlayGeneration" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "viewMinutes" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Delivery" (
    "id" UUID NOT NULL,
    "participationId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "kind" "DeliveryKind" NOT NULL,
    "dedupKey" TEXT NOT NULL,
    "quantity" BIGINT NOT NULL,
    "costMinor" BIGINT NOT NULL,
    "status" "DeliveryStatus" NOT NULL,
    "reason" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignDailySpend" (
    "campaignId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "spentMinor" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "CampaignDailySpend_pkey" PRIMARY KEY ("campaignId","day")
);

-- CreateTable
CREATE TABLE "Earning" (
    "id" UUID NOT NULL,
    "deliveryId" UUID NOT NULL,
    "participationId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "streamerId" UUID NOT NULL,
    "brandId" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "status" "EarningStatus" NOT NULL DEFAULT 'HELD',
    "releaseAt" TIMESTAMP(3) NOT NULL,
    "releasedAt" TIMESTAMP(3),

    CONSTRAINT "Earning_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeliverySecret" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "secret" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeliverySecret_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Delivery_campaignId_occurredAt_idx" ON "Delivery"("campaignId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_participationId_kind_dedupKey_key" ON "Delivery"("participationId", "kind", "dedupKey");

-- CreateIndex
CREATE UNIQUE INDEX "Earning_deliveryId_key" ON "Earning"("deliveryId");

-- CreateIndex
CREATE INDEX "Earning_status_releaseAt_idx" ON "Earning"("status", "releaseAt");

-- CreateIndex
CREATE INDEX "Earning_participationId_idx" ON "Earning"("participationId");

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_participationId_fkey" FOREIGN KEY ("participationId") REFERENCES "Participation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Earning" ADD CONSTRAINT "Earning_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: what Prisma cannot express.
-- Spending never passes the budget, whatever the code does (the budget itself may not drop below it).
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_spent_within_budget_check" CHECK ("spentMinor" <= "budgetMinor");
ALTER TABLE "Participation"
    ADD CONSTRAINT "Participation_view_minutes_check" CHECK ("viewMinutes" >= 0),
    ADD CONSTRAINT "Participation_overlay_generation_check" CHECK ("overlayGeneration" >= 1);
ALTER TABLE "Delivery"
    ADD CONSTRAINT "Delivery_amounts_check" CHECK ("quantity" >= 0 AND "costMinor" >= 0),
    ADD CONSTRAINT "Delivery_paid_check" CHECK ("status" <> 'FLAGGED' OR "costMinor" = 0);
ALTER TABLE "CampaignDailySpend" ADD CONSTRAINT "CampaignDailySpend_spent_check" CHECK ("spentMinor" >= 0);
ALTER TABLE "Earning" ADD CONSTRAINT "Earning_amount_check" CHECK ("amountMinor" > 0);
ALTER TABLE "DeliverySecret" ADD CONSTRAINT "DeliverySecret_single_row_check" CHECK ("id" = 1 AND octet_length("secret") >= 32);
