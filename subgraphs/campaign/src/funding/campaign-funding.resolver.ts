import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { assertCampaignManager } from '../campaign/campaign-access';
import { Campaign } from '../campaign/campaign.type';
import type { Context } from '../context';
import { CampaignFunding } from './campaign-funding.type';

@Resolver(() => Campaign)
export class CampaignFundingResolver {
  @FieldResolver(() => CampaignFunding, { description: "The budget's reservation in the brand's wallet: its brand and admins only." })
  async funding(@Root() campaign: Campaign, @Ctx() ctx: Context): Promise<CampaignFunding> {
    assertCampaignManager(ctx.viewer, { brandId: campaign.brand.id });
    const row = await ctx.loaders.campaign.load(campaign.id);
    return { status: row?.fundingStatus ?? 'NONE', reservationId: row?.fundingReservationId ?? null, error: row?.fundingError ?? null };
  }
}
