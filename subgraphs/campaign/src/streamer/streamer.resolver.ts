import { PageArgs, assertOwner, paginate } from '@gametriggers/federation';
import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { eligibleCampaigns } from '../campaign/eligible-campaigns';
import { CampaignConnection } from '../campaign/campaign.type';
import { toCampaign } from '../campaign/to-campaign';
import type { Context } from '../context';
import { ParticipationListArgs } from '../participation/participation.inputs';
import { ParticipationConnection } from '../participation/participation.type';
import { toParticipation } from '../participation/to-participation';
import { StreamerReference } from './streamer.type';

@Resolver(() => StreamerReference)
export class StreamerParticipationsResolver {
  @FieldResolver(() => ParticipationConnection, {
    description: "The streamer's participations in campaigns, newest first: the streamer and admins only.",
  })
  async participations(
    @Root() streamer: StreamerReference,
    @Args(() => ParticipationListArgs) args: ParticipationListArgs,
    @Ctx() ctx: Context,
  ): Promise<ParticipationConnection> {
    assertOwner(ctx.viewer, { streamerId: streamer.id });
    const page = await paginate(args, (window) =>
      ctx.loaders.participationsOfStreamer.load({ parentId: streamer.id, ...window, filter: args.status ?? null }),
    );
    return { ...page, nodes: page.nodes.map(toParticipation) };
  }

  @FieldResolver(() => CampaignConnection, {
    description:
      'Campaigns open for applications whose targeting the streamer meets (country, languages, audience ages, and platform, average viewers and categories on one platform profile), newest first.',
  })
  @Directive('@requires(fields: "demographics { country languages audienceAgeRanges } platforms { platform averageViewers categories }")')
  async eligibleCampaigns(
    @Root() streamer: StreamerReference,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<CampaignConnection> {
    assertOwner(ctx.viewer, { streamerId: streamer.id });
    const facts = { demographics: streamer.demographics!, platforms: streamer.platforms ?? [] };
    const page = await paginate(args, (window) => eligibleCampaigns(ctx.db, facts, window));
    return { ...page, nodes: page.nodes.map(toCampaign) };
  }
}
