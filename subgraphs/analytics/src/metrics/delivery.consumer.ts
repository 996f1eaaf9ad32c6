import { CampaignChanged, DeliveryRecorded, createConsumer, on } from '@gametriggers/events';
import type { ConsumerOptions } from '@gametriggers/events';
import type { SubgraphDependencies } from '@gametriggers/federation';
import { recordCampaignOwner } from '../campaign-owner/record-campaign-owner';
import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { publishMetricsUpdated } from './publish-metrics-updated';
import { recordDeliveryIn } from './record-delivery-metrics';

const COUNTERS = {
  // One overlay sample is one minute on screen: an impression, worth its viewers in view-minutes.
  VIEWER_SAMPLE: (quantity: bigint) => ({ impressions: 1n, clicks: 0n, viewMinutes: quantity, conversions: 0n }),
  CLICK: (quantity: bigint) => ({ impressions: 0n, clicks: quantity, viewMinutes: 0n, conversions: 0n }),
  CONVERSION: (quantity: bigint) => ({ impressions: 0n, clicks: 0n, viewMinutes: 0n, conversions: quantity }),
} as const;

/**
 * The analytics subgraph's event consumer (queue `analytics`): every delivery the campaign subgraph
 * records is added to its campaign's hourly metrics, once (the inbox, and the delivery id as the
 * batch key), in one transaction; live subscribers hear of it after the commit. Flagged deliveries
 * are not counted: metrics show what the brand pays for. Both events also tell it which brand owns
 * the campaign (CampaignOwner), which decides who may read the campaign's metrics.
 */
export function createDeliveryConsumer(db: Db, deps: SubgraphDependencies): ConsumerOptions {
  return createConsumer({
    consumer: 'analytics',
    db,
    handlers: [
      on(CampaignChanged, async (tx: Prisma.TransactionClient, data) => {
        await recordCampaignOwner(tx, data);
      }),
      on(DeliveryRecorded, async (tx: Prisma.TransactionClient, data) => {
        await recordCampaignOwner(tx, { campaignId: data.campaignId, brandId: data.brandId });
        if (data.status === 'FLAGGED') return;
        const { recorded } = await recordDeliveryIn(tx, `delivery:${data.deliveryId}`, {
          campaignId: data.campaignId,
          streamerId: data.streamerId,
          occurredAt: new Date(data.occurredAt),
          ...COUNTERS[data.kind](BigInt(data.quantity)),
          spendMinor: BigInt(data.costMinor),
          currency: data.currency,
        });
        if (recorded) return () => publishMetricsUpdated({ publish: deps.publish, logger: deps.logger }, data.campaignId);
      }),
    ],
  });
}
