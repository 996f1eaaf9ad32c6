import { ForbiddenError, NotFoundError, UnauthenticatedError, assertOwner, isOwner, isSignedIn } from '@gametriggers/federation';
import { assertCampaignManager } from '../campaign/campaign-access';
import { assertCanSeeParticipation } from './participation-access';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Campaign } from '../campaign/campaign.type';
import { toCampaign } from '../campaign/to-campaign';
import type { Context } from '../context';
import { applyToCampaign } from './apply-to-campaign';
import { decideParticipation } from './decide-participation';
import { ApplyToCampaignArgs } from './participation.inputs';
import { Participation } from './participation.type';
import { toParticipation } from './to-participation';
import { withdrawParticipation } from './withdraw-participation';

@Resolver(() => Participation)
export class ParticipationResolver {
  @Query(() => Participation, { nullable: true, description: 'A participation by id; null with a NOT_FOUND error when there is none.' })
  async participation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Participation> {
    const row = await ctx.loaders.participation.load(id);
    if (!row) throw new NotFoundError('Participation', id);
    assertCanSeeParticipation(ctx.viewer, row, await ctx.loaders.campaign.load(row.campaignId));
    return toParticipation(row);
  }

  @Mutation(() => Participation, {
    description: 'A streamer applies (for themself; an admin for anyone) to an APPROVED, SCHEDULED or ACTIVE campaign; once per campaign.',
  })
  async applyToCampaign(@Args(() => ApplyToCampaignArgs) args: ApplyToCampaignArgs, @Ctx() ctx: Context): Promise<Participation> {
    if (!isSignedIn(ctx.viewer)) throw new UnauthenticatedError();
    if (ctx.viewer.kind !== 'ADMIN' && !isOwner(ctx.viewer, { streamerId: args.streamerId })) {
      throw new ForbiddenError('A streamer applies for themself only');
    }
    return toParticipation(await applyToCampaign(ctx.db, args.campaignId, args.streamerId));
  }

  @Mutation(() => Participation, {
    description: "The campaign's brand (or an admin) accepts (true) or rejects (false) an APPLIED participation.",
  })
  async decideParticipation(
    @Arg('id', () => ID) id: string,
    @Arg('accept', () => Boolean) accept: boolean,
    @Ctx() ctx: Context,
  ): Promise<Participation> {
    if (!isSignedIn(ctx.viewer)) throw new UnauthenticatedError();
    const row = await ctx.loaders.participation.load(id);
    if (row) {
      const campaign = await ctx.loaders.campaign.load(row.campaignId);
      if (campaign) assertCampaignManager(ctx.viewer, campaign);
    } else if (ctx.viewer.kind !== 'ADMIN' && ctx.viewer.kind !== 'BRAND') throw new ForbiddenError();
    return toParticipation(await decideParticipation(ctx.db, id, accept));
  }

  @Mutation(() => Participation, { description: 'The streamer (or an admin) withdraws an APPLIED or ACCEPTED participation.' })
  async withdrawParticipation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Participation> {
    const row = await ctx.loaders.participation.load(id);
    if (row) assertOwner(ctx.viewer, { streamerId: row.streamerId });
    else if (!isSignedIn(ctx.viewer)) throw new UnauthenticatedError();
    return toParticipation(await withdrawParticipation(ctx.db, id));
  }

  @FieldResolver(() => Campaign)
  async campaign(@Root() participation: Participation, @Ctx() ctx: Context): Promise<Campaign> {
    const row = await ctx.loaders.campaign.load(participation.campaignId);
    if (!row) throw new NotFoundError('Campaign', participation.campaignId);
    return toCampaign(row);
  }
}
