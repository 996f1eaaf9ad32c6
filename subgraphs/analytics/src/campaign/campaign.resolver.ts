import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { assertCanReadCampaignMetrics } from '../campaign-owner/metrics-access';
import type { Context } from '../context';
import { CampaignMetrics } from '../metrics/campaign-metrics.type';
import { toCampaignMetrics } from '../metrics/to-campaign-metrics';
import { CampaignReference } from './campaign.type';

@Resolver(() => CampaignReference)
export class CampaignMetricsFieldResolver {
  @FieldResolver(() => CampaignMetrics, {
    nullable: true,
    description: "The campaign's delivery totals, for the campaign's brand and admins; zeros when nothing was recorded.",
  })
  async metrics(@Root() campaign: CampaignReference, @Ctx() ctx: Context): Promise<CampaignMetrics> {
    await assertCanReadCampaignMetrics(ctx, campaign.id);
    // Batched: the router asks for this on many campaigns at once, and they share one query.
    return toCampaignMetrics(campaign.id, await ctx.loaders.campaignTotals.load(campaign.id.toLowerCase()));
  }
}
