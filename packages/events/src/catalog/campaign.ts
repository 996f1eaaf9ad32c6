import { z } from 'zod';
import { defineEvent } from '../contract';

const platform = z.enum(['TWITCH', 'YOUTUBE', 'TIKTOK', 'KICK']);

/** The facts of a campaign that other domains keep a copy of (conflict rules, eligibility). */
export const CampaignChanged = defineEvent({
  type: 'campaign.campaign.changed',
  version: 1,
  source: 'campaign',
  description: 'A campaign was created or its status, schedule or targeting changed; carries its current facts.',
  schema: z.object({
    campaignId: z.uuid(),
    brandId: z.uuid(),
    status: z.string(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    categories: z.array(z.string()),
    platforms: z.array(platform),
    /** Streamers with an accepted participation. */
    streamerIds: z.array(z.uuid()),
    /** Increases with every change of the campaign: consumers ignore facts older than what they hold. */
    revision: z.number().int().nonnegative(),
  }),
});

/** An amount in minor units of its currency, as a decimal string (64-bit integers do not fit JSON numbers). */
const minorUnits = z.string().regex(/^(0|[1-9][0-9]{0,18})$/, 'a non-negative integer in minor units');
const currency = z.string().regex(/^[A-Z]{3}$/);

/** One delivery of a campaign by a streamer, as recorded and charged: analytics counts it. */
export const DeliveryRecorded = defineEvent({
  type: 'campaign.delivery.recorded',
  version: 1,
  source: 'campaign',
  description: 'A viewer sample, click or conversion was recorded for a participation, with what it cost (zero if flagged or capped).',
  schema: z.object({
    deliveryId: z.uuid(),
    campaignId: z.uuid(),
    participationId: z.uuid(),
    streamerId: z.uuid(),
    brandId: z.uuid(),
    kind: z.enum(['VIEWER_SAMPLE', 'CLICK', 'CONVERSION']),
    /** Viewers of a sample (view-minutes), 1 for a click or a conversion. */
    quantity: z.number().int().nonnegative(),
    status: z.enum(['PAID', 'CAPPED', 'FLAGGED']),
    costMinor: minorUnits,
    currency,
    occurredAt: z.iso.datetime(),
  }),
});

/** Earnings past their review period: the wallet credits them to the streamer, from the brand's campaign budget. */
export const EarningsReleased = defineEvent({
  type: 'campaign.earnings.released',
  version: 1,
  source: 'campaign',
  description: "A streamer's held earnings of one participation passed their review period and are due to the streamer.",
  schema: z.object({
    /** Unique per release: the wallet's idempotency key. */
    releaseId: z.uuid(),
    campaignId: z.uuid(),
    participationId: z.uuid(),
    streamerId: z.uuid(),
    brandId: z.uuid(),
    currency,
    amountMinor: minorUnits,
    /** The earnings released (each a paid delivery). */
    earningIds: z.array(z.uuid()).min(1),
  }),
});

/**
 * A campaign was submitted: the wallet reserves its budget out of the brand's available money (a
 * hold) and answers with wallet.budget.reserved or wallet.budget.reservation-failed. Each
 * submission has a reservation of its own.
 */
export const BudgetReservationRequested = defineEvent({
  type: 'campaign.budget.reservation-requested',
  version: 1,
  source: 'campaign',
  description: "A submitted campaign's budget is to be reserved in its brand's wallet.",
  schema: z.object({
    reservationId: z.uuid(),
    campaignId: z.uuid(),
    brandId: z.uuid(),
    currency,
    amountMinor: minorUnits,
  }),
});

/**
 * A campaign whose budget was (or was being) reserved ended, or went back to its brand: the wallet
 * gives back what will never be spent (the reservation less `spentMinor`, everything the campaign
 * has charged, paid out or still held for review) and keeps the rest for the pending releases.
 */
export const BudgetReleaseRequested = defineEvent({
  type: 'campaign.budget.release-requested',
  version: 1,
  source: 'campaign',
  description: "A campaign ended or left review: its unspent reserved budget goes back to the brand's available money.",
  schema: z.object({
    reservationId: z.uuid(),
    campaignId: z.uuid(),
    brandId: z.uuid(),
    currency,
    /** Everything the campaign has charged (earnings released or still in review). */
    spentMinor: minorUnits,
    /** The campaign's status that ends the reservation: COMPLETED, CANCELLED, REJECTED or DRAFT (withdrawn). */
    status: z.enum(['COMPLETED', 'CANCELLED', 'REJECTED', 'DRAFT']),
  }),
});

/** A streamer applied to a campaign: the conflict engine checks the participation before anyone may accept it. */
export const ParticipationApplied = defineEvent({
  type: 'campaign.participation.applied',
  version: 1,
  source: 'campaign',
  description: 'A streamer applied to a campaign; the conflict engine checks what their participation would bring.',
  schema: z.object({
    participationId: z.uuid(),
    campaignId: z.uuid(),
    streamerId: z.uuid(),
    brandId: z.uuid(),
  }),
});
