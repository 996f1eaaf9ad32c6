import { randomUUID } from 'node:crypto';
import { EarningsReleased, defineJob, handleJob, writeEvent } from '@gametriggers/events';
import type { JobHandler } from '@gametriggers/events';
import { z } from 'zod';
import type { Db } from '../db';

/** Earnings past their review period go to the streamers' wallets: every minute, and at each start. */
export const ReleaseEarningsJob = defineJob({ name: 'campaign.release-earnings', schema: z.object({}), maxAttempts: 10 });

/** Earnings released per transaction at most. */
const BATCH = 500;

interface Released {
  id: string;
  participationId: string;
  campaignId: string;
  streamerId: string;
  brandId: string;
  currency: string;
  amountMinor: bigint;
}

/**
 * Releases the HELD earnings whose review period is over, a batch per transaction: marks them
 * RELEASED and writes one EarningsReleased per participation and currency with their sum, in the
 * same transaction (the wallet credits the streamer from it, once: releaseId is its idempotency
 * key). `SKIP LOCKED` lets two runners share the work without releasing anything twice.
 * Returns how many earnings were released.
 */
export async function releaseDueEarnings(db: Db, now = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const released = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<Released[]>`
        UPDATE "Earning" SET "status" = 'RELEASED', "releasedAt" = ${now}
        WHERE "id" IN (
          SELECT "id" FROM "Earning" WHERE "status" = 'HELD' AND "releaseAt" <= ${now}
          ORDER BY "releaseAt", "id" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        RETURNING "id"::text, "participationId"::text, "campaignId"::text, "streamerId"::text, "brandId"::text, "currency", "amountMinor"`;
      const groups = new Map<string, Released[]>();
      for (const row of rows) {
        const key = `${row.participationId}:${row.currency}`;
        groups.set(key, [...(groups.get(key) ?? []), row]);
      }
      for (const group of groups.values()) {
        const first = group[0]!;
        await writeEvent(tx, EarningsReleased, {
          subject: first.participationId,
          data: {
            releaseId: randomUUID(),
            campaignId: first.campaignId,
            participationId: first.participationId,
            streamerId: first.streamerId,
            brandId: first.brandId,
            currency: first.currency.trim(),
            amountMinor: group.reduce((sum, row) => sum + BigInt(row.amountMinor), 0n).toString(),
            earningIds: group.map((row) => row.id).sort(),
          },
        });
      }
      return rows.length;
    });
    total += released;
    if (released < BATCH) return total;
  }
}

export function createReleaseEarningsHandler(db: Db): JobHandler {
  return handleJob(
    ReleaseEarningsJob,
    async (_payload, { logger }) => {
      const released = await releaseDueEarnings(db);
      if (released) logger.info({ released }, 'earnings released to the streamers');
    },
    { cron: '* * * * *', payload: {}, atStart: true },
  );
}
