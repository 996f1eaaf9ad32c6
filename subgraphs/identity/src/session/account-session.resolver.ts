import { NotFoundError } from '@gametriggers/federation';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Account } from '../account/account.type';
import { toAccount } from '../account/to-account';
import type { Context } from '../context';
import { requireAccount } from '../viewer/require-viewer';
import { AccountSession } from './account-session.type';
import { toAccountSession } from './to-account-session';

@Resolver(() => AccountSession)
export class AccountSessionResolver {
  @Query(() => [AccountSession], { description: "The viewer's live sessions (signed-in devices), newest first; `current` marks this one." })
  async mySessions(@Ctx() ctx: Context): Promise<AccountSession[]> {
    const viewer = requireAccount(ctx);
    const rows = await ctx.loaders.activeSessionsOf.load(viewer.accountId);
    return rows.map((row) => toAccountSession(row, ctx.now, viewer.sessionId));
  }

  @Query(() => AccountSession, {
    nullable: true,
    description: "One of the viewer's own sessions; null with NOT_FOUND for an unknown id or anyone else's session.",
  })
  async accountSession(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<AccountSession> {
    const viewer = requireAccount(ctx);
    const row = await ctx.loaders.session.load(id);
    if (!row || row.accountId !== viewer.accountId) throw new NotFoundError('AccountSession', id);
    return toAccountSession(row, ctx.now, viewer.sessionId);
  }

  @FieldResolver(() => Account)
  async account(@Root() session: AccountSession, @Ctx() ctx: Context): Promise<Account> {
    const row = await ctx.loaders.account.load(session.accountId);
    if (!row) throw new NotFoundError('Account', session.accountId);
    return toAccount(row);
  }
}
