import { CampaignMetrics } from './campaign-metrics.type';
import type { CampaignTotalsRow } from './load-campaign-totals';
import { ZERO_TOTALS, toCounters } from './metrics-totals';

/** The GraphQL metrics of a campaign; zeros (and null spend) when nothing was recorded. */
export function toCampaignMetrics(campaignId: string, row: CampaignTotalsRow | null): CampaignMetrics {
  return Object.assign(new CampaignMetrics(), {
    campaignId,
    ...toCounters(row?.totals ?? ZERO_TOTALS),
    lastUpdatedAt: row?.lastUpdatedAt ?? null,
  });
}
