-- Written by hand: what schema.prisma cannot express.

-- One bucket per campaign, streamer (or none) and hour. NULL streamers must collide too, so the
-- key uses the nil UUID as a sentinel, and record-delivery-metrics.ts upserts against this index.
CREATE UNIQUE INDEX "MetricsBucket_campaign_streamer_hour_key" ON "MetricsBucket" (
    "campaignId",
    COALESCE("streamerId", '00000000-0000-0000-0000-000000000000'::uuid),
    "bucketStart"
);

ALTER TABLE "MetricsBucket"
    ADD CONSTRAINT "MetricsBucket_counters_non_negative"
        CHECK ("impressions" >= 0 AND "clicks" >= 0 AND "viewMinutes" >= 0 AND "conversions" >= 0 AND "spendMinor" >= 0),
    ADD CONSTRAINT "MetricsBucket_bucketStart_hour"
        CHECK ("bucketStart" = date_trunc('hour', "bucketStart", 'UTC')),
    ADD CONSTRAINT "MetricsBucket_currency_iso"
        CHECK ("currency" ~ '^[A-Z]{3}$');

ALTER TABLE "DeliveryBatch"
    ADD CONSTRAINT "DeliveryBatch_counters_non_negative"
        CHECK ("impressions" >= 0 AND "clicks" >= 0 AND "viewMinutes" >= 0 AND "conversions" >= 0 AND "spendMinor" >= 0),
    ADD CONSTRAINT "DeliveryBatch_currency_iso"
        CHECK ("currency" ~ '^[A-Z]{3}$');
