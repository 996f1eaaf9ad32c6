import type { Context } from '../context';
import type { CampaignMetrics } from './campaign-metrics.type';
import { toCampaignMetrics } from './to-campaign-metrics';

/** Resolves `CampaignMetrics` entities (key `campaignId`) for the router: one query for all of a request. */
export async function resolveCampaignMetricsReference(reference: { campaignId: string }, ctx: Context): Promise<CampaignMetrics> {
  return toCampaignMetrics(reference.campaignId, await ctx.loaders.campaignTotals.load(reference.campaignId.toLowerCase()));
}
