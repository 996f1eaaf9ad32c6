import { CampaignMetrics } from './campaign-metrics.type';
import type { StreamerCampaignMetrics } from './campaign-metrics.type';
import type { CampaignTotalsRow, StreamerTotalsRow } from './load-campaign-totals';
import { ZERO_TOTALS, toCounters } from './metrics-totals';

/** The GraphQL metrics of a campaign; zeros (and null spend) when nothing was recorded. */
export function toCampaignMetrics(campaignId: string, row: CampaignTotalsRow | null): CampaignMetrics {
  return Object.assign(new CampaignMetrics(), {
    campaignId,
    ...toCounters(row?.totals ?? ZERO_TOTALS),
    lastUpdatedAt: row?.lastUpdatedAt ?? null,
  });
}

/** The GraphQL totals of one streamer in one campaign. */
export function toStreamerCampaignMetrics(row: StreamerTotalsRow): StreamerCampaignMetrics {
  return {
    campaign: { id: row.campaignId },
    streamer: { id: row.streamerId },
    lastUpdatedAt: row.lastUpdatedAt,
    ...toCounters(row.totals),
  };
}
