import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { evaluateConflicts } from './evaluate-conflicts';
import { ConflictEvaluation } from './evaluation.type';
import { toConflictEvaluation } from './to-conflict-evaluation';

@Resolver(() => ConflictEvaluation)
export class ConflictEvaluationResolver {
  @Query(() => ConflictEvaluation, {
    description:
      "Every violation of the enabled conflict rules by a campaign and the decision (ALLOW, WARN, BLOCK) with the rule that decided. With streamerId: that streamer's participation, as if booked (only rules about a streamer apply). Admins, services and the campaign's brand.",
  })
  async evaluateConflicts(
    @Arg('campaignId', () => ID) campaignId: string,
    @Arg('streamerId', () => ID, { nullable: true }) streamerId: string | null,
    @Ctx() ctx: Context,
  ): Promise<ConflictEvaluation> {
    return toConflictEvaluation(await evaluateConflicts(ctx.db, ctx.viewer, campaignId, streamerId));
  }

  @Query(() => ConflictEvaluation, {
    description:
      "The check before a streamer joins a campaign: the violations their participation would bring (double-booking, frequency caps, custom rules about streamers) and the decision. Admins, services and the campaign's brand.",
  })
  async checkParticipation(
    @Arg('campaignId', () => ID) campaignId: string,
    @Arg('streamerId', () => ID) streamerId: string,
    @Ctx() ctx: Context,
  ): Promise<ConflictEvaluation> {
    return toConflictEvaluation(await evaluateConflicts(ctx.db, ctx.viewer, campaignId, streamerId));
  }
}
