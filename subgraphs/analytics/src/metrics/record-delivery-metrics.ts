import { BadUserInputError, ConflictError, parseAmount } from '@gametriggers/federation';
import type { Db } from '../db';
import { uuidv7 } from '../uuid';
import type { RecordDeliveryMetricsInput } from './campaign-metrics.inputs';

/** Clock skew we tolerate between a reporter and us. */
const MAX_FUTURE_MS = 5 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export interface RecordDeliveryResult {
  campaignId: string;
  /** false when the idempotency key was seen before and nothing changed. */
  recorded: boolean;
}

/** The currency of the campaign's recorded deliveries, or null before its first one. */
async function recordedCurrency(tx: Tx, campaignId: string): Promise<string | null> {
  const bucket = await tx.metricsBucket.findFirst({ where: { campaignId }, select: { currency: true } });
  return bucket?.currency ?? null;
}

/**
 * A campaign keeps the currency of its first delivery. Once set it never changes, so a reader who
 * finds one needs no lock; the first deliveries of a campaign take a transaction-scoped advisory
 * lock so two of them in different currencies cannot both become the first.
 */
async function assertCampaignCurrency(tx: Tx, campaignId: string, currency: string): Promise<void> {
  let recorded = await recordedCurrency(tx, campaignId);
  if (recorded === null) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`analytics:campaign-currency:${campaignId}`}, 0))`;
    recorded = await recordedCurrency(tx, campaignId);
  }
  if (recorded !== null && recorded !== currency) {
    throw new BadUserInputError('input.spend.currency', `this campaign's metrics are recorded in ${recorded}, not ${currency}`);
  }
}

function sameDelivery(stored: { [key: string]: unknown }, batch: { [key: string]: unknown }): boolean {
  return Object.entries(batch).every(([key, value]) =>
    value instanceof Date ? (stored[key] as Date).getTime() === value.getTime() : stored[key] === value,
  );
}

/**
 * Adds one delivery report to its campaign's hourly bucket, exactly once per idempotency key.
 * The batch row and the bucket increment commit together; the increment is one atomic
 * `INSERT ... ON CONFLICT DO UPDATE`, so concurrent reports on one bucket all count.
 */
export async function recordDeliveryMetrics(db: Db, input: RecordDeliveryMetricsInput, now = new Date()): Promise<RecordDeliveryResult> {
  if (input.occurredAt.getTime() > now.getTime() + MAX_FUTURE_MS) {
    throw new BadUserInputError('input.occurredAt', 'occurredAt must not be more than 5 minutes in the future');
  }
  const spendMinor = parseAmount(input.spend.amount, input.spend.currency, 'input.spend.amount');
  const batch = {
    campaignId: input.campaignId.toLowerCase(),
    streamerId: input.streamerId?.toLowerCase() ?? null,
    occurredAt: input.occurredAt,
    impressions: BigInt(input.impressions),
    clicks: BigInt(input.clicks),
    viewMinutes: BigInt(input.viewMinutes),
    conversions: BigInt(input.conversions),
    spendMinor,
    currency: input.spend.currency,
  };

  return db.$transaction(
    (tx) => recordDeliveryIn(tx, input.idempotencyKey, batch),
    // Reports on one bucket queue on its row lock; give a burst of them time to get a connection.
    { maxWait: 10_000, timeout: 15_000 },
  );
}

export interface DeliveryBatchData {
  campaignId: string;
  streamerId: string | null;
  occurredAt: Date;
  impressions: bigint;
  clicks: bigint;
  viewMinutes: bigint;
  conversions: bigint;
  spendMinor: bigint;
  currency: string;
}

/**
 * The batch row, then the atomic increment of its hourly bucket, in the caller's transaction
 * (a report's own, or the event consumer's inbox transaction). Counted once per key.
 */
export async function recordDeliveryIn(tx: Tx, key: string, batch: DeliveryBatchData): Promise<RecordDeliveryResult> {
  const bucketStart = new Date(Math.floor(batch.occurredAt.getTime() / HOUR_MS) * HOUR_MS);
  // First, so a concurrent retry waits on this row and then sees it as a duplicate.
  const { count } = await tx.deliveryBatch.createMany({ data: [{ id: key, ...batch }], skipDuplicates: true });
  if (count === 0) {
    const stored = await tx.deliveryBatch.findUniqueOrThrow({ where: { id: key } });
    if (!sameDelivery(stored, batch as unknown as Record<string, unknown>)) {
      throw new ConflictError('idempotencyKey was already used for a different delivery', 'input.idempotencyKey');
    }
    return { campaignId: stored.campaignId, recorded: false };
  }
  await assertCampaignCurrency(tx, batch.campaignId, batch.currency);
  await tx.$executeRaw`
    INSERT INTO "MetricsBucket" ("id", "campaignId", "streamerId", "bucketStart",
                                 "impressions", "clicks", "viewMinutes", "conversions", "spendMinor", "currency",
                                 "createdAt", "updatedAt")
    VALUES (${uuidv7()}::uuid, ${batch.campaignId}::uuid, ${batch.streamerId}::uuid, ${bucketStart}::timestamptz,
            ${batch.impressions}, ${batch.clicks}, ${batch.viewMinutes}, ${batch.conversions}, ${batch.spendMinor}, ${batch.currency},
            now(), now())
    ON CONFLICT ("campaignId", COALESCE("streamerId", '00000000-0000-0000-0000-000000000000'::uuid), "bucketStart")
    DO UPDATE SET "impressions" = "MetricsBucket"."impressions" + EXCLUDED."impressions",
                  "clicks" = "MetricsBucket"."clicks" + EXCLUDED."clicks",
                  "viewMinutes" = "MetricsBucket"."viewMinutes" + EXCLUDED."viewMinutes",
                  "conversions" = "MetricsBucket"."conversions" + EXCLUDED."conversions",
                  "spendMinor" = "MetricsBucket"."spendMinor" + EXCLUDED."spendMinor",
                  "updatedAt" = now()`;
  return { campaignId: batch.campaignId, recorded: true };
}
