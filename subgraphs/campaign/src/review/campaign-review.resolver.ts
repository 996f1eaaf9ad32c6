import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { assertCampaignManager } from '../campaign/campaign-access';
import { Campaign } from '../campaign/campaign.type';
import type { Context } from '../context';
import { CampaignReview } from './campaign-review.type';

@Resolver(() => Campaign)
export class CampaignReviewResolver {
  @FieldResolver(() => CampaignReview, { nullable: true, description: 'The verdict on the last submission: its brand and admins only.' })
  async review(@Root() campaign: Campaign, @Ctx() ctx: Context): Promise<CampaignReview | null> {
    assertCampaignManager(ctx.viewer, { brandId: campaign.brand.id });
    const row = await ctx.loaders.campaign.load(campaign.id);
    if (!row?.reviewDecision || !row.reviewedAt) return null;
    return { decision: row.reviewDecision, notes: row.reviewNotes, reviewedAt: row.reviewedAt };
  }
}
