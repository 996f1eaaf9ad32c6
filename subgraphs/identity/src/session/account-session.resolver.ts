import { NotFoundError } from '@gametriggers/federation';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Account } from '../account/account.type';
import { toAccount } from '../account/to-account';
import type { Context } from '../context';
import { AccountSession } from './account-session.type';
import { revokeSession } from './revoke-session';
import { toAccountSession } from './to-account-session';

@Resolver(() => AccountSession)
export class AccountSessionResolver {
  @Query(() => AccountSession, { nullable: true, description: 'A session by id; null with a NOT_FOUND error when there is none.' })
  async accountSession(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<AccountSession> {
    const row = await ctx.loaders.session.load(id);
    if (!row) throw new NotFoundError('AccountSession', id);
    return toAccountSession(row);
  }

  @Mutation(() => AccountSession, { description: 'Ends a session; its token stops working. Revoking twice changes nothing.' })
  async revokeSession(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<AccountSession> {
    return toAccountSession(await revokeSession(ctx.db, id));
  }

  @FieldResolver(() => Account)
  async account(@Root() session: AccountSession, @Ctx() ctx: Context): Promise<Account> {
    const row = await ctx.loaders.account.load(session.accountId);
    if (!row) throw new NotFoundError('Account', session.accountId);
    return toAccount(row);
  }
}
