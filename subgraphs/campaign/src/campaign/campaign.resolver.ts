import { ForbiddenError, Money, UnauthenticatedError, isOwner, isSignedIn, isUuid, pageQuery, paginate } from '@gametriggers/federation';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertCampaignManager, assertCanSeeCampaign, assertMayTransition, visibleCampaigns } from './campaign-access';
import type { Context } from '../context';
import { ParticipationListArgs } from '../participation/participation.inputs';
import { ParticipationConnection } from '../participation/participation.type';
import { toParticipation } from '../participation/to-participation';
import { CampaignsArgs, CreateCampaignInput, UpdateCampaignInput } from './campaign.inputs';
import { Campaign, CampaignConnection, CampaignStatus } from './campaign.type';
import { createCampaign } from './create-campaign';
import { toCampaign } from './to-campaign';
import { transitionCampaign } from './transition-campaign';
import { setAutoAccept, updateCampaign } from './update-campaign';

@Resolver(() => Campaign)
export class CampaignResolver {
  @Query(() => Campaign, { nullable: true, description: 'A campaign by id; null with a NOT_FOUND error when there is none.' })
  async campaign(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Campaign> {
    return toCampaign(assertCanSeeCampaign(ctx.viewer, await ctx.loaders.campaign.load(id), id));
  }

  @Query(() => CampaignConnection, {
    description: 'Campaigns, newest first: the public ones (approved and after), plus, for a brand, its own; all of them for admins.',
  })
  async campaigns(@Args(() => CampaignsArgs) args: CampaignsArgs, @Ctx() ctx: Context): Promise<CampaignConnection> {
    const where = {
      AND: [
        { ...(args.status ? { status: args.status } : {}), ...(args.brandId ? { brandId: args.brandId } : {}) },
        visibleCampaigns(ctx.viewer),
      ],
    };
    const page = await paginate(args, (window) => ctx.db.campaign.findMany({ ...pageQuery(window), where }));
    return { ...page, nodes: page.nodes.map(toCampaign) };
  }

  @Authorized('BRAND', 'ADMIN')
  @Mutation(() => Campaign, { description: 'Creates a DRAFT campaign: a brand for itself, or an admin for any brand.' })
  async createCampaign(@Arg('input', () => CreateCampaignInput) input: CreateCampaignInput, @Ctx() ctx: Context): Promise<Campaign> {
    if (ctx.viewer.kind === 'BRAND' && !isOwner(ctx.viewer, { brandId: input.brandId })) {
      throw new ForbiddenError('A brand creates campaigns for itself only');
    }
    return toCampaign(await createCampaign(ctx.db, input));
  }

  @Mutation(() => Campaign, { description: 'Edits a DRAFT campaign (its brand or an admin); any other status is BAD_USER_INPUT.' })
  async updateCampaign(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCampaignInput) input: UpdateCampaignInput,
    @Ctx() ctx: Context,
  ): Promise<Campaign> {
    if (!isSignedIn(ctx.viewer)) throw new UnauthenticatedError();
    assertCampaignManager(ctx.viewer, assertCanSeeCampaign(ctx.viewer, isUuid(id) ? await ctx.loaders.campaign.load(id) : null, id));
    return toCampaign(await updateCampaign(ctx.db, id, input));
  }

  @Mutation(() => Campaign, {
    description:
      'Moves a campaign to `to` along a legal transition (others are BAD_USER_INPUT on `to`). Its brand submits, schedules, pauses, resumes and cancels; review, start and completion are for admins (and the schedule).',
  })
  async transitionCampaign(
    @Arg('id', () => ID) id: string,
    @Arg('to', () => CampaignStatus) to: CampaignStatus,
    @Ctx() ctx: Context,
  ): Promise<Campaign> {
    if (!isSignedIn(ctx.viewer)) throw new UnauthenticatedError();
    const row = assertCanSeeCampaign(ctx.viewer, isUuid(id) ? await ctx.loaders.campaign.load(id) : null, id);
    assertMayTransition(ctx.viewer, row, to);
    return toCampaign(await transitionCampaign(ctx.db, id, to));
  }

  @Mutation(() => Campaign, {
    description:
      "Turns the campaign's auto-approval rule on or off (its brand or an admin, until the campaign ends): applications the conflict check allows are then accepted at once.",
  })
  async setAutoAcceptApplications(
    @Arg('id', () => ID) id: string,
    @Arg('enabled', () => Boolean) enabled: boolean,
    @Ctx() ctx: Context,
  ): Promise<Campaign> {
    if (!isSignedIn(ctx.viewer)) throw new UnauthenticatedError();
    const row = assertCanSeeCampaign(ctx.viewer, isUuid(id) ? await ctx.loaders.campaign.load(id) : null, id);
    assertCampaignManager(ctx.viewer, row);
    return toCampaign(await setAutoAccept(ctx.db, row.id, enabled));
  }

  @FieldResolver(() => ParticipationConnection, {
    nullable: true,
    description:
      "The campaign's participations, newest first: all of them for its brand and admins, a streamer's own for a streamer; null (with the error) for others.",
  })
  async participations(
    @Root() campaign: Campaign,
    @Args(() => ParticipationListArgs) args: ParticipationListArgs,
    @Ctx() ctx: Context,
  ): Promise<ParticipationConnection | null> {
    if (ctx.viewer.kind === 'STREAMER' && ctx.viewer.entityId) {
      const streamerId = ctx.viewer.entityId;
      const own = await paginate(args, (window) =>
        ctx.db.participation.findMany({
          ...pageQuery(window),
          where: { campaignId: campaign.id, streamerId, ...(args.status ? { status: args.status } : {}) },
        }),
      );
      return { ...own, nodes: own.nodes.map(toParticipation) };
    }
    assertCampaignManager(ctx.viewer, { brandId: campaign.brand.id });
    const page = await paginate(args, (window) =>
      ctx.loaders.participationsOfCampaign.load({ parentId: campaign.id, ...window, filter: args.status ?? null }),
    );
    return { ...page, nodes: page.nodes.map(toParticipation) };
  }

  @FieldResolver(() => Money, { description: 'Total budget: its brand and admins only.' })
  budget(@Root() campaign: Campaign, @Ctx() ctx: Context): Money {
    assertCampaignManager(ctx.viewer, { brandId: campaign.brand.id });
    return campaign.budget;
  }

  @FieldResolver(() => Money, { nullable: true, description: 'Most that may be spent in one day: its brand and admins only.' })
  dailyCap(@Root() campaign: Campaign, @Ctx() ctx: Context): Money | null {
    assertCampaignManager(ctx.viewer, { brandId: campaign.brand.id });
    return campaign.dailyCap;
  }

  @FieldResolver(() => Money, { nullable: true, description: 'Most one streamer may earn: its brand and admins only.' })
  perStreamerCap(@Root() campaign: Campaign, @Ctx() ctx: Context): Money | null {
    assertCampaignManager(ctx.viewer, { brandId: campaign.brand.id });
    return campaign.perStreamerCap;
  }

  @FieldResolver(() => Money, { description: 'Spent so far: its brand and admins only.' })
  spent(@Root() campaign: Campaign, @Ctx() ctx: Context): Money {
    assertCampaignManager(ctx.viewer, { brandId: campaign.brand.id });
    return campaign.spent;
  }
}
