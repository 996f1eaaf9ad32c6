import { assertOwner } from '@gametriggers/federation';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { StreamerCampaignMetrics } from '../metrics/campaign-metrics.type';
import { toStreamerCampaignMetrics } from '../metrics/to-campaign-metrics';
import { StreamerReference } from './streamer.type';

@Resolver(() => StreamerReference)
export class StreamerMetricsResolver {
  @FieldResolver(() => [StreamerCampaignMetrics], {
    nullable: true,
    description:
      "The streamer's own delivery totals in each campaign they delivered, most view-minutes first. The streamer themself and admins only.",
  })
  async campaignMetrics(@Root() streamer: StreamerReference, @Ctx() ctx: Context): Promise<StreamerCampaignMetrics[]> {
    assertOwner(ctx.viewer, { streamerId: streamer.id });
    // Batched: one grouped query for every streamer of a request.
    return (await ctx.loaders.totalsOfStreamer.load(streamer.id.toLowerCase())).map(toStreamerCampaignMetrics);
  }
}
