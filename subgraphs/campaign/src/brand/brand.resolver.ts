import { isOwner, pageQuery, paginate } from '@gametriggers/federation';
import { PUBLIC_STATUSES } from '../campaign/campaign-access';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CampaignListArgs } from '../campaign/campaign.inputs';
import { CampaignConnection } from '../campaign/campaign.type';
import { toCampaign } from '../campaign/to-campaign';
import type { Context } from '../context';
import { BrandReference } from './brand.type';

@Resolver(() => BrandReference)
export class BrandCampaignsResolver {
  @FieldResolver(() => CampaignConnection, {
    description: "The brand's campaigns, newest first: all of them for the brand itself and admins, the public ones for others.",
  })
  async campaigns(
    @Root() brand: BrandReference,
    @Args(() => CampaignListArgs) args: CampaignListArgs,
    @Ctx() ctx: Context,
  ): Promise<CampaignConnection> {
    if (ctx.viewer.kind !== 'ADMIN' && !isOwner(ctx.viewer, { brandId: brand.id })) {
      const visible = await paginate(args, (window) =>
        ctx.db.campaign.findMany({
          ...pageQuery(window),
          where: {
            brandId: brand.id,
            status: args.status ? { equals: args.status, in: [...PUBLIC_STATUSES] } : { in: [...PUBLIC_STATUSES] },
          },
        }),
      );
      return { ...visible, nodes: visible.nodes.map(toCampaign) };
    }
    const page = await paginate(args, (window) =>
      ctx.loaders.campaignsOfBrand.load({ parentId: brand.id, ...window, filter: args.status ?? null }),
    );
    return { ...page, nodes: page.nodes.map(toCampaign) };
  }
}
