import { AppError, Connection, NotFoundError, pageQuery, paginate } from '@gametriggers/federation';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { BrandReference } from '../brand/brand.type';
import type { Context } from '../context';
import { AccountSession } from '../session/account-session.type';
import { toAccountSession } from '../session/to-account-session';
import { StreamerReference } from '../streamer/streamer.type';
import { requireAccount, requireAdmin, requireSelfOrAdmin } from '../viewer/require-viewer';
import { AccountsArgs } from './account.inputs';
import { Account, AccountStatus, REGISTRATION_STATUSES } from './account.type';
import { setAccountStatus } from './set-account-status';
import { toAccount } from './to-account';

@ObjectType()
class AccountConnection extends Connection(Account) {}

@Resolver(() => Account)
export class AccountResolver {
  @Query(() => Account, { description: "The viewer's own account (UNAUTHENTICATED when signed out)." })
  async me(@Ctx() ctx: Context): Promise<Account> {
    const viewer = requireAccount(ctx);
    const row = await ctx.loaders.account.load(viewer.accountId);
    if (!row) throw new NotFoundError('Account', viewer.accountId);
    return toAccount(row);
  }

  @Query(() => Account, {
    nullable: true,
    description: 'An account by id, for itself or an admin (FORBIDDEN otherwise); null with a NOT_FOUND error when there is none.',
  })
  async account(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Account> {
    requireSelfOrAdmin(ctx, id);
    const row = await ctx.loaders.account.load(id);
    if (!row) throw new NotFoundError('Account', id);
    return toAccount(row);
  }

  @Query(() => AccountConnection, {
    description:
      'Admins only. Accounts, newest first. Registrations in progress or refused (PENDING, FAILED) only when asked for by status.',
  })
  async accounts(@Args(() => AccountsArgs) args: AccountsArgs, @Ctx() ctx: Context): Promise<AccountConnection> {
    requireAdmin(ctx);
    const where = {
      ...(args.kind ? { kind: args.kind } : {}),
      status: args.status ? args.status : { notIn: [...REGISTRATION_STATUSES] },
    };
    const page = await paginate(args, (window) => ctx.db.account.findMany({ ...pageQuery(window), where }));
    return { ...page, nodes: page.nodes.map(toAccount) };
  }

  @Mutation(() => Account, {
    description:
      'Admins only. Suspending or disabling an account also revokes all its sessions. PENDING and FAILED are set by registrations only (BAD_USER_INPUT), and accounts in them cannot be changed (CONFLICT).',
  })
  async setAccountStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => AccountStatus) status: AccountStatus,
    @Ctx() ctx: Context,
  ): Promise<Account> {
    requireAdmin(ctx);
    return toAccount(await setAccountStatus(ctx.db, id, status));
  }

  @FieldResolver(() => BrandReference, { nullable: true, description: 'The brand a BRAND account acts for.' })
  brand(@Root() account: Account): BrandReference | null {
    return account.brandId ? { id: account.brandId } : null;
  }

  @FieldResolver(() => StreamerReference, { nullable: true, description: 'The streamer a STREAMER account acts for.' })
  streamer(@Root() account: Account): StreamerReference | null {
    return account.streamerId ? { id: account.streamerId } : null;
  }

  @FieldResolver(() => [AccountSession], {
    description: 'Sessions of the account, newest first: for the account itself only (FORBIDDEN for anyone else, admins included).',
  })
  async sessions(
    @Root() account: Account,
    @Arg('active', () => Boolean, { nullable: true, description: 'true: only usable ones, false: only revoked or expired ones.' })
    active: boolean | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<AccountSession[]> {
    const viewer = requireAccount(ctx);
    if (viewer.accountId !== account.id) throw new AppError('FORBIDDEN', 'Only the account itself may see its sessions');
    const loader = active === true ? ctx.loaders.activeSessionsOf : active === false ? ctx.loaders.endedSessionsOf : ctx.loaders.sessionsOf;
    return (await loader.load(account.id)).map((row) => toAccountSession(row, ctx.now, viewer.sessionId));
  }
}
