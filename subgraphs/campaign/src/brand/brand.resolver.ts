import { paginate } from '@gametriggers/federation';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CampaignListArgs } from '../campaign/campaign.inputs';
import { CampaignConnection } from '../campaign/campaign.type';
import { toCampaign } from '../campaign/to-campaign';
import type { Context } from '../context';
import { BrandReference } from './brand.type';

@Resolver(() => BrandReference)
export class BrandCampaignsResolver {
  @FieldResolver(() => CampaignConnection, { description: "The brand's campaigns, newest first." })
  async campaigns(
    @Root() brand: BrandReference,
    @Args(() => CampaignListArgs) args: CampaignListArgs,
    @Ctx() ctx: Context,
  ): Promise<CampaignConnection> {
    const page = await paginate(args, (window) =>
      ctx.loaders.campaignsOfBrand.load({ parentId: brand.id, ...window, filter: args.status ?? null }),
    );
    return { ...page, nodes: page.nodes.map(toCampaign) };
  }
}
