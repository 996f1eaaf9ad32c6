import { Money } from '@gametriggers/federation';
import type { CampaignMetricsCounters } from './campaign-metrics.type';

/** Summed counters as stored: exact integers, spend in minor units of the campaign's currency. */
export interface MetricsTotals {
  impressions: bigint;
  clicks: bigint;
  viewMinutes: bigint;
  conversions: bigint;
  spendMinor: bigint;
  /** null when nothing was recorded. */
  currency: string | null;
}

export const ZERO_TOTALS: MetricsTotals = { impressions: 0n, clicks: 0n, viewMinutes: 0n, conversions: 0n, spendMinor: 0n, currency: null };

/** Prisma's `_sum` of a group (null where the group is empty) as totals. */
export function sumsToTotals(
  sum: {
    impressions: bigint | null;
    clicks: bigint | null;
    viewMinutes: bigint | null;
    conversions: bigint | null;
    spendMinor: bigint | null;
  },
  currency: string | null,
): MetricsTotals {
  return {
    impressions: sum.impressions ?? 0n,
    clicks: sum.clicks ?? 0n,
    viewMinutes: sum.viewMinutes ?? 0n,
    conversions: sum.conversions ?? 0n,
    spendMinor: sum.spendMinor ?? 0n,
    currency,
  };
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`counter ${value} does not fit a SafeInt`);
  return Number(value);
}

/** `numerator / denominator` rounded half up, for non-negative integers. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** The GraphQL counters and derived figures (ctr, effective CPM) of some totals. */
export function toCounters(totals: MetricsTotals): CampaignMetricsCounters {
  const { currency } = totals;
  return {
    impressions: safeNumber(totals.impressions),
    clicks: safeNumber(totals.clicks),
    viewMinutes: safeNumber(totals.viewMinutes),
    conversions: safeNumber(totals.conversions),
    spend: currency ? Money.of(totals.spendMinor, currency) : null,
    // A ratio, not money: a float is what a dashboard plots.
    ctr: totals.impressions > 0n ? Number(totals.clicks) / Number(totals.impressions) : null,
    effectiveCpm:
      currency && totals.viewMinutes > 0n ? Money.of(divideHalfUp(totals.spendMinor * 1000n, totals.viewMinutes), currency) : null,
  };
}
