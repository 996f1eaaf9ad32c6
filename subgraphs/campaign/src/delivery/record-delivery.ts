import { DeliveryRecorded, writeEvent } from '@gametriggers/events';
import { scheduleCampaignJobs } from '../campaign/campaign-jobs';
import { writeCampaignChanged } from '../campaign/write-campaign-changed';
import type { Db } from '../db';
import type { Campaign, Delivery, Participation, Prisma } from '../generated/prisma/client';
import type { DeliveryKind, DeliveryStatus } from '../generated/prisma/enums';
import { deliveryConfig } from './delivery-config';
import { capped, priceOf } from './pricing';

export interface DeliveryReport {
  participationId: string;
  kind: DeliveryKind;
  /** Same key, same participation and kind: the same delivery (a retry or a replay), counted once. */
  dedupKey: string;
  /** Viewers of a sample (0 when unknown); 1 for a click or a conversion. */
  quantity: bigint;
  /** Tokens name a generation of the participation's links; an older one is revoked. */
  generation?: number;
}

/** Why a delivery was not recorded at all (the HTTP layer answers with the code). */
export class DeliveryRefusedError extends Error {
  override readonly name = 'DeliveryRefusedError';
  constructor(
    readonly code: 'UNKNOWN_LINK' | 'NOT_TAKING_PART' | 'CAMPAIGN_NOT_RUNNING',
    message: string,
  ) {
    super(message);
  }
}

export interface RecordedDelivery {
  delivery: Delivery;
  /** The delivery had been recorded before: nothing was counted or charged again. */
  duplicate: boolean;
}

const dayOf = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));

/**
 * Records one delivery, in one transaction that first locks the campaign's row: deliveries of a
 * campaign are counted one at a time, so the budget, the daily cap and the per-streamer cap are
 * never overspent however many arrive at once (the database also refuses spent > budget). The
 * delivery is deduplicated, checked for plausibility (flagged ones are recorded and cost nothing),
 * priced, cut to what the limits leave, charged to the campaign and held as the streamer's
 * earning for the review period; DeliveryRecorded goes to the outbox with it. When the budget is
 * spent the campaign completes in the same transaction.
 */
export async function recordDelivery(db: Db, report: DeliveryReport, now = new Date()): Promise<RecordedDelivery> {
  const config = deliveryConfig();
  return db.$transaction(async (tx) => {
    const [campaign] = await tx.$queryRaw<Campaign[]>`
      SELECT campaign.* FROM "Campaign" AS campaign
      JOIN "Participation" AS participation ON participation."campaignId" = campaign."id"
      WHERE participation."id" = ${report.participationId}::uuid
      FOR UPDATE OF campaign`;
    const participation = campaign && (await tx.participation.findUnique({ where: { id: report.participationId } }));
    if (!campaign || !participation) throw new DeliveryRefusedError('UNKNOWN_LINK', 'No such overlay or link');
    if (report.generation !== undefined && report.generation !== participation.overlayGeneration) {
      throw new DeliveryRefusedError('UNKNOWN_LINK', 'This link was replaced; use the current one');
    }
    if (participation.status !== 'ACCEPTED')
      throw new DeliveryRefusedError('NOT_TAKING_PART', 'The streamer is not taking part in this campaign');
    if (campaign.status !== 'ACTIVE' || now < campaign.startsAt || now >= campaign.endsAt) {
      throw new DeliveryRefusedError('CAMPAIGN_NOT_RUNNING', 'The campaign is not running now');
    }

    const key = { participationId_kind_dedupKey: { participationId: participation.id, kind: report.kind, dedupKey: report.dedupKey } };
    const earlier = await tx.delivery.findUnique({ where: key });
    if (earlier) return { delivery: earlier, duplicate: true };

    const flag = await implausibility(tx, campaign, participation, report, now, config);
    const startsStream =
      report.kind === 'VIEWER_SAMPLE' &&
      (!participation.lastSampleAt || now.getTime() - participation.lastSampleAt.getTime() >= config.STREAM_GAP_SECONDS * 1000);
    const price = flag
      ? 0n
      : priceOf({
          model: campaign.pricingModel,
          rateMinor: campaign.rateMinor,
          kind: report.kind,
          quantity: report.quantity,
          viewMinutesBefore: participation.viewMinutes,
          startsStream,
        });
    const day = dayOf(now);
    const spentToday = campaign.dailyCapMinor
      ? ((await tx.campaignDailySpend.findUnique({ where: { campaignId_day: { campaignId: campaign.id, day } } }))?.spentMinor ?? 0n)
      : 0n;
    const { charge, limit } = capped(price, {
      budget: campaign.budgetMinor - campaign.spentMinor,
      daily: campaign.dailyCapMinor === null ? null : campaign.dailyCapMinor - spentToday,
      perStreamer: campaign.perStreamerCapMinor === null ? null : campaign.perStreamerCapMinor - participation.earningsMinor,
    });
    const status: DeliveryStatus = flag ? 'FLAGGED' : limit ? 'CAPPED' : 'PAID';

    const delivery = await tx.delivery.create({
      data: {
        participationId: participation.id,
        campaignId: campaign.id,
        kind: report.kind,
        dedupKey: report.dedupKey,
        quantity: report.quantity,
        costMinor: charge,
        status,
        reason: flag ?? (limit ? `${limit} reached: charged ${charge} of ${price}` : null),
        occurredAt: now,
      },
    });
    const counted = status !== 'FLAGGED' && report.kind === 'VIEWER_SAMPLE';
    await tx.participation.update({
      where: { id: participation.id },
      data: {
        ...(report.kind === 'VIEWER_SAMPLE' ? { lastSampleAt: now } : {}),
        ...(counted ? { viewMinutes: { increment: report.quantity } } : {}),
        ...(charge > 0n ? { earningsMinor: { increment: charge } } : {}),
      },
    });
    let spent = campaign.spentMinor;
    if (charge > 0n) {
      spent += charge;
      await tx.campaign.update({ where: { id: campaign.id }, data: { spentMinor: spent } });
      if (campaign.dailyCapMinor) {
        await tx.campaignDailySpend.upsert({
          where: { campaignId_day: { campaignId: campaign.id, day } },
          create: { campaignId: campaign.id, day, spentMinor: charge },
          update: { spentMinor: { increment: charge } },
        });
      }
      await tx.earning.create({
        data: {
          deliveryId: delivery.id,
          participationId: participation.id,
          campaignId: campaign.id,
          streamerId: participation.streamerId,
          brandId: campaign.brandId,
          currency: campaign.currency,
          amountMinor: charge,
          releaseAt: new Date(now.getTime() + config.EARNINGS_REVIEW_SECONDS * 1000),
        },
      });
    }
    await writeEvent(tx, DeliveryRecorded, {
      subject: campaign.id,
      data: {
        deliveryId: delivery.id,
        campaignId: campaign.id,
        participationId: participation.id,
        streamerId: participation.streamerId,
        brandId: campaign.brandId,
        kind: report.kind,
        quantity: Number(report.quantity),
        status,
        costMinor: charge.toString(),
        currency: campaign.currency,
        occurredAt: now.toISOString(),
      },
    });
    if (spent >= campaign.budgetMinor) await completeSpentCampaign(tx, campaign.id);
    return { delivery, duplicate: false };
  });
}

/** Why a delivery should not be paid, or undefined when it is plausible. */
async function implausibility(
  tx: Prisma.TransactionClient,
  campaign: Campaign,
  participation: Participation,
  report: DeliveryReport,
  now: Date,
  config: ReturnType<typeof deliveryConfig>,
): Promise<string | undefined> {
  if (report.kind === 'VIEWER_SAMPLE') {
    if (participation.lastSampleAt && now.getTime() - participation.lastSampleAt.getTime() < config.SAMPLE_MIN_INTERVAL_SECONDS * 1000) {
      return `burst: a sample ${Math.round((now.getTime() - participation.lastSampleAt.getTime()) / 1000)} s after the previous one (overlays report once a minute)`;
    }
    const ceiling = Math.min(
      config.VIEWER_CEILING,
      campaign.maxAverageViewers ? campaign.maxAverageViewers * config.VIEWER_PLAUSIBILITY_FACTOR : config.VIEWER_CEILING,
    );
    if (report.quantity > BigInt(ceiling)) return `implausible audience: ${report.quantity} viewers reported, at most ${ceiling} expected`;
  }
  if (report.kind === 'CLICK') {
    const recent = await tx.delivery.count({
      where: { participationId: participation.id, kind: 'CLICK', occurredAt: { gt: new Date(now.getTime() - 60_000) } },
    });
    if (recent >= config.CLICKS_PER_MINUTE_LIMIT) return `burst: more than ${config.CLICKS_PER_MINUTE_LIMIT} clicks in a minute`;
  }
  return undefined;
}

/** The budget is spent: the system completes the campaign (with its event and jobs), in the delivery's transaction. */
async function completeSpentCampaign(tx: Prisma.TransactionClient, campaignId: string): Promise<void> {
  const { count } = await tx.campaign.updateMany({
    where: { id: campaignId, status: 'ACTIVE' },
    data: { status: 'COMPLETED', revision: { increment: 1 } },
  });
  if (count !== 1) return;
  const campaign = await tx.campaign.findUniqueOrThrow({ where: { id: campaignId } });
  await writeCampaignChanged(tx, campaign);
  await scheduleCampaignJobs(tx, campaign);
}
