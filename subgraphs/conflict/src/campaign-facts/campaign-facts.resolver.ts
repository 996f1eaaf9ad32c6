import { NotFoundError, isUuid } from '@gametriggers/federation';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { CampaignFactsInput } from './campaign-facts.inputs';
import { CampaignFacts } from './campaign-facts.type';
import { recordCampaignFacts } from './record-campaign-facts';
import { toCampaignFacts } from './to-campaign-facts';

@Resolver(() => CampaignFacts)
export class CampaignFactsResolver {
  @Authorized('ADMIN', 'SERVICE')
  @Query(() => CampaignFacts, {
    nullable: true,
    description: 'The recorded facts of a campaign; null with NOT_FOUND when none were recorded.',
  })
  async campaignFacts(@Arg('campaignId', () => ID) campaignId: string, @Ctx() ctx: Context): Promise<CampaignFacts> {
    const row = isUuid(campaignId) ? await ctx.db.campaignFacts.findUnique({ where: { campaignId } }) : null;
    if (!row) throw new NotFoundError('CampaignFacts', campaignId);
    return toCampaignFacts(row);
  }

  @Authorized('ADMIN')
  @Mutation(() => CampaignFacts, {
    description:
      "Records (idempotently replaces) what the conflict rules know about a campaign: for corrections and backfills, as the facts follow the campaign subgraph's events on their own. The campaign's next change replaces them.",
  })
  async recordCampaignFacts(
    @Arg('input', () => CampaignFactsInput) input: CampaignFactsInput,
    @Ctx() ctx: Context,
  ): Promise<CampaignFacts> {
    return toCampaignFacts(await recordCampaignFacts(ctx.db, input));
  }
}
