import type { CampaignPricingModel, DeliveryKind } from '../generated/prisma/enums';

/** View-minutes per CPM unit: a CPM rate is the price of a thousand view-minutes. */
const PER_MILLE = 1000n;

export interface PriceInput {
  model: CampaignPricingModel;
  /** The campaign's rate in minor units: per 1,000 view-minutes (CPM), per click, per conversion or per stream. */
  rateMinor: bigint;
  kind: DeliveryKind;
  /** Viewers of a sample; 1 for a click or a conversion. */
  quantity: bigint;
  /** The participation's view-minutes before this sample (CPM is charged on the running total). */
  viewMinutesBefore: bigint;
  /** Whether this sample starts a new stream (FLAT_FEE is charged once per stream). */
  startsStream: boolean;
}

/**
 * The price of one delivery, in whole minor units, before caps. CPM charges the running total
 * (floor(total x rate / 1000) minus what the earlier total was charged), so fractions of a cent
 * add up over samples instead of being lost or rounded up on each one. Kinds a model does not
 * price (a click on a CPM campaign, a sample on a CPC one) are counted and cost nothing.
 */
export function priceOf(input: PriceInput): bigint {
  switch (input.model) {
    case 'CPM': {
      if (input.kind !== 'VIEWER_SAMPLE') return 0n;
      const before = (input.viewMinutesBefore * input.rateMinor) / PER_MILLE;
      const after = ((input.viewMinutesBefore + input.quantity) * input.rateMinor) / PER_MILLE;
      return after - before;
    }
    case 'CPC':
      return input.kind === 'CLICK' ? input.rateMinor * input.quantity : 0n;
    case 'CPA':
      return input.kind === 'CONVERSION' ? input.rateMinor * input.quantity : 0n;
    case 'FLAT_FEE':
      return input.kind === 'VIEWER_SAMPLE' && input.startsStream ? input.rateMinor : 0n;
  }
}

/** What is left under each limit; null = no such limit. */
export interface Headroom {
  budget: bigint;
  daily: bigint | null;
  perStreamer: bigint | null;
}

/** The part of `price` the limits allow (never negative), and which limit cut it, if one did. */
export function capped(price: bigint, headroom: Headroom): { charge: bigint; limit?: 'budget' | 'daily cap' | 'per-streamer cap' } {
  let charge = price;
  let limit: 'budget' | 'daily cap' | 'per-streamer cap' | undefined;
  const apply = (left: bigint | null, name: NonNullable<typeof limit>) => {
    if (left === null) return;
    const room = left < 0n ? 0n : left;
    if (room < charge) {
      charge = room;
      limit = name;
    }
  };
  apply(headroom.budget, 'budget');
  apply(headroom.daily, 'daily cap');
  apply(headroom.perStreamer, 'per-streamer cap');
  return limit ? { charge, limit } : { charge };
}
