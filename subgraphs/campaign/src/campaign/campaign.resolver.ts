import { NotFoundError, pageQuery, paginate } from '@gametriggers/federation';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { ParticipationListArgs } from '../participation/participation.inputs';
import { ParticipationConnection } from '../participation/participation.type';
import { toParticipation } from '../participation/to-participation';
import { CampaignsArgs, CreateCampaignInput, UpdateCampaignInput } from './campaign.inputs';
import { Campaign, CampaignConnection, CampaignStatus } from './campaign.type';
import { createCampaign } from './create-campaign';
import { toCampaign } from './to-campaign';
import { transitionCampaign } from './transition-campaign';
import { updateCampaign } from './update-campaign';

@Resolver(() => Campaign)
export class CampaignResolver {
  @Query(() => Campaign, { nullable: true, description: 'A campaign by id; null with a NOT_FOUND error when there is none.' })
  async campaign(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Campaign> {
    const row = await ctx.loaders.campaign.load(id);
    if (!row) throw new NotFoundError('Campaign', id);
    return toCampaign(row);
  }

  @Query(() => CampaignConnection, { description: 'Campaigns, newest first.' })
  async campaigns(@Args(() => CampaignsArgs) args: CampaignsArgs, @Ctx() ctx: Context): Promise<CampaignConnection> {
    const where = { ...(args.status ? { status: args.status } : {}), ...(args.brandId ? { brandId: args.brandId } : {}) };
    const page = await paginate(args, (window) => ctx.db.campaign.findMany({ ...pageQuery(window), where }));
    return { ...page, nodes: page.nodes.map(toCampaign) };
  }

  @Mutation(() => Campaign, { description: 'Creates a DRAFT campaign.' })
  async createCampaign(@Arg('input', () => CreateCampaignInput) input: CreateCampaignInput, @Ctx() ctx: Context): Promise<Campaign> {
    return toCampaign(await createCampaign(ctx.db, input));
  }

  @Mutation(() => Campaign, { description: 'Edits a DRAFT campaign; any other status is BAD_USER_INPUT.' })
  async updateCampaign(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCampaignInput) input: UpdateCampaignInput,
    @Ctx() ctx: Context,
  ): Promise<Campaign> {
    return toCampaign(await updateCampaign(ctx.db, id, input));
  }

  @Mutation(() => Campaign, { description: 'Moves a campaign to `to` along a legal transition; others are BAD_USER_INPUT on `to`.' })
  async transitionCampaign(
    @Arg('id', () => ID) id: string,
    @Arg('to', () => CampaignStatus) to: CampaignStatus,
    @Ctx() ctx: Context,
  ): Promise<Campaign> {
    return toCampaign(await transitionCampaign(ctx.db, id, to));
  }

  @FieldResolver(() => ParticipationConnection, { description: "The campaign's participations, newest first." })
  async participations(
    @Root() campaign: Campaign,
    @Args(() => ParticipationListArgs) args: ParticipationListArgs,
    @Ctx() ctx: Context,
  ): Promise<ParticipationConnection> {
    const page = await paginate(args, (window) =>
      ctx.loaders.participationsOfCampaign.load({ parentId: campaign.id, ...window, filter: args.status ?? null }),
    );
    return { ...page, nodes: page.nodes.map(toParticipation) };
  }
}
