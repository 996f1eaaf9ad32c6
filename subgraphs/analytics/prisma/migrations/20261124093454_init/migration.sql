-- CreateTable
CREATE TABLE "MetricsBucket" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "streamerId" UUID,
    "bucketStart" TIMESTAMPTZ(3) NOT NULL,
    "impressions" BIGINT NOT NULL DEFAULT 0,
    "clicks" BIGINT NOT NULL DEFAULT 0,
    "viewMinutes" BIGINT NOT NULL DEFAULT 0,
    "conversions" BIGINT NOT NULL DEFAULT 0,
    "spendMinor" BIGINT NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetricsBucket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeliveryBatch" (
    "id" VARCHAR(200) NOT NULL,
    "campaignId" UUID NOT NULL,
    "streamerId" UUID,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "impressions" BIGINT NOT NULL,
    "clicks" BIGINT NOT NULL,
    "viewMinutes" BIGINT NOT NULL,
    "conversions" BIGINT NOT NULL,
    "spendMinor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeliveryBatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MetricsBucket_campaignId_bucketStart_idx" ON "MetricsBucket"("campaignId", "bucketStart");

-- CreateIndex
CREATE INDEX "DeliveryBatch_campaignId_idx" ON "DeliveryBatch"("campaignId");
