import { assertOwner, NotFoundError } from '@gametriggers/federation';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Campaign } from '../campaign/campaign.type';
import type { Context } from '../context';
import { Participation } from '../participation/participation.type';
import { toParticipation } from '../participation/to-participation';
import { deliverySecret, linkToken, postbackSecret } from './delivery-tokens';
import { ConversionPostback, ParticipationLinks } from './delivery-links.type';

/** The participation's current links, from its generation and the subgraph's secret. */
async function linksOf(ctx: Context, participationId: string): Promise<ParticipationLinks> {
  const row = await ctx.loaders.participation.load(participationId);
  if (!row) throw new NotFoundError('Participation', participationId);
  const campaign = await ctx.loaders.campaign.load(row.campaignId);
  const secret = await deliverySecret(ctx.db);
  return {
    overlayUrl: `${ctx.deliveryOrigin}/overlay/${linkToken(secret, 'overlay', row.id, row.overlayGeneration)}`,
    clickUrl: campaign?.landingUrl ? `${ctx.deliveryOrigin}/c/${linkToken(secret, 'click', row.id, row.overlayGeneration)}` : null,
  };
}

@Resolver(() => Participation)
export class ParticipationLinksResolver {
  @FieldResolver(() => ParticipationLinks, { description: 'The overlay and click links: the streamer taking part (or an admin) only.' })
  async links(@Root() participation: Participation, @Ctx() ctx: Context): Promise<ParticipationLinks> {
    assertOwner(ctx.viewer, { streamerId: participation.streamer.id });
    return linksOf(ctx, participation.id);
  }

  @Mutation(() => Participation, {
    description: 'Replaces the overlay and click links (the old ones stop working): the streamer or an admin.',
  })
  async rotateParticipationLinks(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Participation> {
    const row = await ctx.loaders.participation.load(id);
    if (!row) throw new NotFoundError('Participation', id);
    assertOwner(ctx.viewer, { streamerId: row.streamerId });
    return toParticipation(await ctx.db.participation.update({ where: { id }, data: { overlayGeneration: { increment: 1 } } }));
  }
}

@Resolver(() => Campaign)
export class CampaignPostbackResolver {
  @FieldResolver(() => ConversionPostback, { description: 'Where and how to report conversions: the owning brand (or an admin) only.' })
  async conversionPostback(@Root() campaign: Campaign, @Ctx() ctx: Context): Promise<ConversionPostback> {
    assertOwner(ctx.viewer, { brandId: campaign.brand.id });
    return { url: `${ctx.deliveryOrigin}/postback/${campaign.id}`, secret: postbackSecret(await deliverySecret(ctx.db), campaign.id) };
  }
}
