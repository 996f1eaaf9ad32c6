import { assertCanReadCampaignMetrics } from '../campaign-owner/metrics-access';
import type { Context } from '../context';
import type { CampaignMetrics } from './campaign-metrics.type';
import { toCampaignMetrics } from './to-campaign-metrics';

/** Resolves `CampaignMetrics` entities (key `campaignId`) for the router: one query for all of a request; the campaign's brand and admins only. */
export async function resolveCampaignMetricsReference(reference: { campaignId: string }, ctx: Context): Promise<CampaignMetrics> {
  await assertCanReadCampaignMetrics(ctx, reference.campaignId);
  return toCampaignMetrics(reference.campaignId, await ctx.loaders.campaignTotals.load(reference.campaignId.toLowerCase()));
}
