import { NotFoundError, isUuid, pageQuery, paginate } from '@gametriggers/federation';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { actorOf, requireAdmin, requireOwnerAdminOrService, requireOwnerOrAdmin } from '../access/access';
import type { Context } from '../context';
import { WithdrawalStatus } from '../generated/prisma/enums';
import { streamerOwner } from '../ledger/ledger-owner';
import { decideWithdrawal } from './decide-withdrawal';
import { requestWithdrawal } from './request-withdrawal';
import { toWithdrawal } from './to-withdrawal';
import { DecideWithdrawalInput, RequestWithdrawalInput, WithdrawalsArgs } from './withdrawal.inputs';
import { Withdrawal, WithdrawalConnection, WithdrawalTransition } from './withdrawal.type';

@Resolver(() => Withdrawal)
export class WithdrawalResolver {
  @Query(() => Withdrawal, {
    nullable: true,
    description: 'A withdrawal by id (its streamer, admins, services); NOT_FOUND when there is none.',
  })
  async withdrawal(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Withdrawal> {
    const row = isUuid(id) ? await ctx.db.withdrawal.findUnique({ where: { id: id.toLowerCase() } }) : null;
    if (!row) throw new NotFoundError('Withdrawal', id);
    requireOwnerAdminOrService(ctx, streamerOwner(row.streamerId));
    return toWithdrawal(row);
  }

  @Query(() => WithdrawalConnection, {
    description: 'Admins: withdrawals waiting for approval (default) or in another status, newest first: the approval queue.',
  })
  async pendingWithdrawals(@Args(() => WithdrawalsArgs) args: WithdrawalsArgs, @Ctx() ctx: Context): Promise<WithdrawalConnection> {
    requireAdmin(ctx);
    const status = args.status ?? WithdrawalStatus.PENDING_APPROVAL;
    const page = await paginate(args, (window) => ctx.db.withdrawal.findMany({ ...pageQuery(window), where: { status } }));
    return { ...page, nodes: page.nodes.map(toWithdrawal) };
  }

  @Query(() => WithdrawalConnection, { description: "A streamer's withdrawals (the streamer or an admin), newest first." })
  async withdrawals(
    @Arg('streamerId', () => ID) streamerId: string,
    @Args(() => WithdrawalsArgs) args: WithdrawalsArgs,
    @Ctx() ctx: Context,
  ): Promise<WithdrawalConnection> {
    const owner = streamerOwner(streamerId.toLowerCase());
    requireOwnerOrAdmin(ctx, owner);
    if (!isUuid(streamerId)) return { nodes: [], pageInfo: { endCursor: null, hasNextPage: false } };
    const page = await paginate(args, (window) =>
      ctx.db.withdrawal.findMany({
        ...pageQuery(window),
        where: { streamerId: owner.ownerId!, ...(args.status ? { status: args.status } : {}) },
      }),
    );
    return { ...page, nodes: page.nodes.map(toWithdrawal) };
  }

  @FieldResolver(() => [WithdrawalTransition], { description: 'Every status change, oldest first.' })
  async history(@Root() withdrawal: Withdrawal, @Ctx() ctx: Context): Promise<WithdrawalTransition[]> {
    return ctx.db.withdrawalTransition.findMany({ where: { withdrawalId: withdrawal.id }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  }

  @Mutation(() => Withdrawal, {
    description:
      'A streamer (or an admin on its behalf) asks to be paid out: KYC_REQUIRED without an approved KYC, WITHDRAWAL_LIMIT_EXCEEDED over a limit, INSUFFICIENT_FUNDS beyond the available balance. Idempotent per key.',
  })
  async requestWithdrawal(
    @Arg('input', () => RequestWithdrawalInput) input: RequestWithdrawalInput,
    @Ctx() ctx: Context,
  ): Promise<Withdrawal> {
    const viewer = requireOwnerOrAdmin(ctx, streamerOwner(input.streamerId.toLowerCase()));
    return toWithdrawal(await requestWithdrawal(ctx, input, actorOf(viewer)));
  }

  @Mutation(() => Withdrawal, { description: 'Admins: approves a withdrawal waiting for approval; never by its requester (FORBIDDEN).' })
  async approveWithdrawal(
    @Arg('input', () => DecideWithdrawalInput) input: DecideWithdrawalInput,
    @Ctx() ctx: Context,
  ): Promise<Withdrawal> {
    const viewer = requireAdmin(ctx);
    return toWithdrawal(await decideWithdrawal(ctx, input, 'approve', actorOf(viewer)));
  }

  @Mutation(() => Withdrawal, {
    description: 'Admins: rejects a withdrawal waiting for approval, with a reason; its money returns to the wallet.',
  })
  async rejectWithdrawal(
    @Arg('input', () => DecideWithdrawalInput) input: DecideWithdrawalInput,
    @Ctx() ctx: Context,
  ): Promise<Withdrawal> {
    const viewer = requireAdmin(ctx);
    return toWithdrawal(await decideWithdrawal(ctx, input, 'reject', actorOf(viewer)));
  }
}
