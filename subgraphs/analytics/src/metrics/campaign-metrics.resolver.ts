import { BadUserInputError, isUuid } from '@gametriggers/federation';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertCanReadCampaignMetrics } from '../campaign-owner/metrics-access';
import { CampaignReference } from '../campaign/campaign.type';
import type { Context } from '../context';
import { CampaignMetricsBucketsArgs, RecordDeliveryMetricsInput } from './campaign-metrics.inputs';
import { CampaignMetrics, CampaignMetricsBucket, StreamerCampaignMetrics } from './campaign-metrics.type';
import { listMetricsBuckets } from './list-metrics-buckets';
import { publishMetricsUpdated } from './publish-metrics-updated';
import { recordDeliveryMetrics } from './record-delivery-metrics';
import { toCampaignMetrics, toStreamerCampaignMetrics } from './to-campaign-metrics';

@Resolver(() => CampaignMetrics)
export class CampaignMetricsResolver {
  @Query(() => CampaignMetrics, {
    nullable: true,
    description:
      "Delivery totals of a campaign, for the campaign's brand and admins; zeros when nothing was recorded. The router also runs it for each `campaignMetricsUpdated` event, as the subscriber.",
  })
  async campaignMetrics(@Arg('campaignId', () => ID) campaignId: string, @Ctx() ctx: Context): Promise<CampaignMetrics> {
    if (!isUuid(campaignId)) throw new BadUserInputError('campaignId', 'campaignId must be a UUID');
    await assertCanReadCampaignMetrics(ctx, campaignId);
    return toCampaignMetrics(campaignId, await ctx.loaders.campaignTotals.load(campaignId.toLowerCase()));
  }

  @Authorized('ADMIN', 'SERVICE')
  @Mutation(() => CampaignMetrics, {
    description:
      "Adds a delivery report to its campaign's metrics, once per idempotencyKey; returns the campaign's metrics after it. Admins and services only.",
  })
  async recordDeliveryMetrics(
    @Arg('input', () => RecordDeliveryMetricsInput) input: RecordDeliveryMetricsInput,
    @Ctx() ctx: Context,
  ): Promise<CampaignMetrics> {
    const { campaignId, recorded } = await recordDeliveryMetrics(ctx.db, input);
    if (recorded) await publishMetricsUpdated(ctx, campaignId);
    ctx.loaders.campaignTotals.clear(campaignId);
    return toCampaignMetrics(campaignId, await ctx.loaders.campaignTotals.load(campaignId));
  }

  @FieldResolver(() => CampaignReference)
  campaign(@Root() metrics: CampaignMetrics): CampaignReference {
    return { id: metrics.campaignId };
  }

  @FieldResolver(() => [CampaignMetricsBucket], {
    description: 'The counters per UTC hour or day; periods without deliveries are left out.',
  })
  async buckets(
    @Root() metrics: CampaignMetrics,
    @Args(() => CampaignMetricsBucketsArgs) args: CampaignMetricsBucketsArgs,
    @Ctx() ctx: Context,
  ): Promise<CampaignMetricsBucket[]> {
    return listMetricsBuckets(ctx.db, { ...args, campaignId: metrics.campaignId });
  }

  @FieldResolver(() => [StreamerCampaignMetrics], { description: 'Totals per streamer, most view-minutes first.' })
  async byStreamer(@Root() metrics: CampaignMetrics, @Ctx() ctx: Context): Promise<StreamerCampaignMetrics[]> {
    const rows = await ctx.loaders.streamerTotals.load(metrics.campaignId.toLowerCase());
    return rows.map(toStreamerCampaignMetrics);
  }
}
