import { BadUserInputError, isUuid } from '@gametriggers/federation';
import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import { CampaignMetricsGranularity } from './campaign-metrics.type';
import type { CampaignMetricsBucket } from './campaign-metrics.type';
import { toCounters } from './metrics-totals';

const MAX_RANGE_MS = 366 * 24 * 60 * 60 * 1000;

export interface ListMetricsBucketsOptions {
  campaignId: string;
  granularity: CampaignMetricsGranularity;
  from: Date;
  to: Date;
  streamerId?: string | null;
}

interface BucketRow {
  bucketStart: Date;
  impressions: bigint;
  clicks: bigint;
  viewMinutes: bigint;
  conversions: bigint;
  spendMinor: bigint;
  currency: string;
}

/**
 * The campaign's counters per UTC hour or day over the hours starting in [from, to), summed in SQL,
 * oldest first. Hours without deliveries are left out.
 */
export async function listMetricsBuckets(db: Db, options: ListMetricsBucketsOptions): Promise<CampaignMetricsBucket[]> {
  const { from, to } = options;
  if (from.getTime() >= to.getTime()) throw new BadUserInputError('to', 'to must be after from');
  if (to.getTime() - from.getTime() > MAX_RANGE_MS) throw new BadUserInputError('to', 'from and to may be at most 366 days apart');

  if (!isUuid(options.campaignId)) return []; // such a campaign has no metrics

  const unit = options.granularity === CampaignMetricsGranularity.DAY ? 'day' : 'hour';
  const byStreamer = options.streamerId ? Prisma.sql`AND "streamerId" = ${options.streamerId}::uuid` : Prisma.empty;
  const rows = await db.$queryRaw<BucketRow[]>`
    SELECT date_trunc(${unit}, "bucketStart", 'UTC') AS "bucketStart",
           SUM("impressions")::bigint AS "impressions",
           SUM("clicks")::bigint AS "clicks",
           SUM("viewMinutes")::bigint AS "viewMinutes",
           SUM("conversions")::bigint AS "conversions",
           SUM("spendMinor")::bigint AS "spendMinor",
           MIN("currency") AS "currency"
      FROM "MetricsBucket"
     WHERE "campaignId" = ${options.campaignId}::uuid
       AND "bucketStart" >= ${from}::timestamptz
       AND "bucketStart" < ${to}::timestamptz
       ${byStreamer}
     GROUP BY 1
     ORDER BY 1`;
  return rows.map((row) => ({ bucketStart: row.bucketStart, ...toCounters(row) }));
}
