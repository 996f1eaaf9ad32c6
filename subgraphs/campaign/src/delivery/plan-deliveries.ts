import type { DeliveryStatus } from '../generated/prisma/enums';
import type { DeliveryConfig } from './delivery-config';
import type { DeliveredItem, EarlierDelivery, ItemState, LockedCampaign } from './delivery-statements';
import { capped, priceOf } from './pricing';
import { DeliveryRefusedError } from './record-delivery-types';
import type { DeliveryReport, RecordedDelivery } from './record-delivery-types';

/** A report waiting for its campaign's transaction, with what was settled before it. */
export interface PendingDelivery {
  report: DeliveryReport;
  /** When it arrived: its occurredAt, and the instant its checks use. */
  now: Date;
  deliveryId: string;
  earningId: string;
}

export type Outcome = { recorded: RecordedDelivery } | { refused: DeliveryRefusedError };

/** A participation's state as the deliveries before the current one in the batch left it. */
interface RunningParticipation {
  streamerId: string;
  status: string;
  overlayGeneration: number;
  viewMinutes: bigint;
  earningsMinor: bigint;
  lastSampleAt: Date | null;
  knownPeak: number | null;
  /** When each click of this batch was recorded (the burst rule counts them with the stored ones). */
  clicksAt: number[];
}

/** What a batch comes to: an outcome per report (in order) and the deliveries to write. */
export interface BatchPlan {
  outcomes: Outcome[];
  recorded: DeliveredItem[];
  /** The campaign's spend after the batch reached its budget: it completes in the same transaction. */
  completes: boolean;
}

/**
 * Decides a batch of deliveries of one locked campaign, one after the other, exactly as if each
 * had its own transaction in that order: every recorded delivery updates the running state (the
 * campaign's spend and status, the day's spend, the participation's counters, the keys seen, the
 * clicks) that the next one is checked and priced against. `states` are read once, after the lock,
 * in the order of `batch`.
 */
export function planBatch(campaign: LockedCampaign, batch: PendingDelivery[], states: ItemState[], config: DeliveryConfig): BatchPlan {
  const running = { spentMinor: campaign.spentMinor, status: campaign.status, spentByDay: new Map<string, bigint>() };
  const participations = new Map<string, RunningParticipation>();
  const seen = new Map<string, EarlierDelivery>();
  const plan: BatchPlan = { outcomes: [], recorded: [], completes: false };
  batch.forEach((pending, index) => {
    const { report, now } = pending;
    const state = states[index];
    const stored = state?.participation;
    if (!state || !stored) return plan.outcomes.push({ refused: new DeliveryRefusedError('UNKNOWN_LINK', 'No such overlay or link') });
    let participation = participations.get(report.participationId);
    if (!participation) {
      participation = { ...stored, clicksAt: [] };
      participations.set(report.participationId, participation);
    }
    const refusal = refusalOf({ ...campaign, status: running.status }, participation, report, now);
    if (refusal) return plan.outcomes.push({ refused: refusal });
    const key = `${report.participationId}\n${report.kind}\n${report.dedupKey}`;
    const earlier = seen.get(key) ?? state.earlier;
    if (earlier) return plan.outcomes.push({ recorded: { delivery: earlier, duplicate: true } });

    const day = now.toISOString().slice(0, 10);
    const spentToday = running.spentByDay.get(day) ?? state.spentToday;
    const recentClicks = state.recentClicks + BigInt(participation.clicksAt.filter((at) => at > now.getTime() - 60_000).length);
    const { status, charge, reason } = decide(
      { ...campaign, spentMinor: running.spentMinor },
      participation,
      { spentToday, recentClicks },
      report,
      now,
      config,
    );
    const viewMinutes = status !== 'FLAGGED' && report.kind === 'VIEWER_SAMPLE' ? report.quantity : 0n;
    plan.recorded.push({
      report,
      now,
      deliveryId: pending.deliveryId,
      earningId: pending.earningId,
      streamerId: participation.streamerId,
      status,
      charge,
      reason,
      viewMinutes,
      day,
    });
    const delivery = { id: pending.deliveryId, status, costMinor: charge, reason };
    seen.set(key, delivery);
    plan.outcomes.push({ recorded: { delivery, duplicate: false } });

    participation.viewMinutes += viewMinutes;
    participation.earningsMinor += charge;
    if (report.kind === 'VIEWER_SAMPLE') participation.lastSampleAt = now;
    if (report.kind === 'CLICK') participation.clicksAt.push(now.getTime());
    running.spentMinor += charge;
    if (charge > 0n) running.spentByDay.set(day, spentToday + charge);
    if (running.spentMinor >= campaign.budgetMinor && running.status === 'ACTIVE') {
      // The delivery that spends the budget completes the campaign: later ones find it not running.
      plan.completes = true;
      running.status = 'COMPLETED';
    }
  });
  return plan;
}

/** Refuses a delivery through a replaced link, from a streamer not taking part, or outside the campaign's run. */
function refusalOf(campaign: LockedCampaign, participation: RunningParticipation, report: DeliveryReport, now: Date) {
  if (report.generation !== undefined && report.generation !== participation.overlayGeneration) {
    return new DeliveryRefusedError('UNKNOWN_LINK', 'This link was replaced; use the current one');
  }
  if (participation.status !== 'ACCEPTED')
    return new DeliveryRefusedError('NOT_TAKING_PART', 'The streamer is not taking part in this campaign');
  if (campaign.status !== 'ACTIVE' || now < campaign.startsAt || now >= campaign.endsAt) {
    return new DeliveryRefusedError('CAMPAIGN_NOT_RUNNING', 'The campaign is not running now');
  }
  return undefined;
}

/** What a new delivery becomes: its status, what it is charged (after the caps) and why, if not PAID. */
function decide(
  campaign: LockedCampaign,
  participation: RunningParticipation,
  counts: { spentToday: bigint; recentClicks: bigint },
  report: DeliveryReport,
  now: Date,
  config: DeliveryConfig,
): { status: DeliveryStatus; charge: bigint; reason: string | null } {
  const flag = implausibility(campaign, participation, counts.recentClicks, report, now, config);
  if (flag) return { status: 'FLAGGED', charge: 0n, reason: flag };
  const startsStream =
    report.kind === 'VIEWER_SAMPLE' &&
    (!participation.lastSampleAt || now.getTime() - participation.lastSampleAt.getTime() >= config.STREAM_GAP_SECONDS * 1000);
  const price = priceOf({
    model: campaign.pricingModel,
    rateMinor: campaign.rateMinor,
    kind: report.kind,
    quantity: report.quantity,
    viewMinutesBefore: participation.viewMinutes,
    startsStream,
  });
  const { charge, limit } = capped(price, {
    budget: campaign.budgetMinor - campaign.spentMinor,
    daily: campaign.dailyCapMinor === null ? null : campaign.dailyCapMinor - counts.spentToday,
    perStreamer: campaign.perStreamerCapMinor === null ? null : campaign.perStreamerCapMinor - participation.earningsMinor,
  });
  return limit
    ? { status: 'CAPPED', charge, reason: `${limit} reached: charged ${charge} of ${price}` }
    : { status: 'PAID', charge, reason: null };
}

/** Why a delivery should not be paid, or undefined when it is plausible. */
function implausibility(
  campaign: LockedCampaign,
  participation: RunningParticipation,
  recentClicks: bigint,
  report: DeliveryReport,
  now: Date,
  config: DeliveryConfig,
): string | undefined {
  if (report.kind === 'VIEWER_SAMPLE') {
    if (participation.lastSampleAt && now.getTime() - participation.lastSampleAt.getTime() < config.SAMPLE_MIN_INTERVAL_SECONDS * 1000) {
      return `burst: a sample ${Math.round((now.getTime() - participation.lastSampleAt.getTime()) / 1000)} s after the previous one (overlays report once a minute)`;
    }
    if (participation.knownPeak !== null && report.quantity > BigInt(participation.knownPeak * config.VIEWER_PEAK_FACTOR)) {
      return `implausible audience: ${report.quantity} viewers reported, more than ${config.VIEWER_PEAK_FACTOR}x the streamer's known peak of ${participation.knownPeak}`;
    }
    const ceiling = Math.min(
      config.VIEWER_CEILING,
      campaign.maxAverageViewers ? campaign.maxAverageViewers * config.VIEWER_PLAUSIBILITY_FACTOR : config.VIEWER_CEILING,
    );
    if (report.quantity > BigInt(ceiling)) return `implausible audience: ${report.quantity} viewers reported, at most ${ceiling} expected`;
  }
  if (report.kind === 'CLICK' && recentClicks >= BigInt(config.CLICKS_PER_MINUTE_LIMIT)) {
    return `burst: more than ${config.CLICKS_PER_MINUTE_LIMIT} clicks in a minute`;
  }
  return undefined;
}
