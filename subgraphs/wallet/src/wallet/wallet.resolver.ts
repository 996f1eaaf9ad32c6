import { NotFoundError, paginate } from '@gametriggers/federation';
import { GraphQLDateTime } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { requireOwnerAdminOrService } from '../access/access';
import type { Context } from '../context';
import { LedgerTransactionConnection } from '../transaction/ledger-transaction.type';
import { toLedgerTransaction } from '../transaction/to-ledger-transaction';
import { balancesAsOf } from './balances-as-of';
import { toWallet, toWalletBalances } from './to-wallet';
import { WalletTransactionsArgs } from './wallet.inputs';
import { Wallet, WalletBalance } from './wallet.type';

@Resolver(() => Wallet)
export class WalletResolver {
  @Query(() => Wallet, {
    nullable: true,
    description: "A wallet by id (its owner's viewer, admins, services); null with a NOT_FOUND error when there is none.",
  })
  async wallet(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Wallet> {
    const row = await ctx.loaders.wallet.load(id);
    if (!row) throw new NotFoundError('Wallet', id);
    requireOwnerAdminOrService(ctx, row);
    return toWallet(row);
  }

  @FieldResolver(() => [WalletBalance], {
    description: 'Balances per currency, alphabetically; with `asOf`, as they were at that instant, rebuilt from the journal.',
  })
  async balances(
    @Root() wallet: Wallet,
    @Ctx() ctx: Context,
    @Arg('asOf', () => GraphQLDateTime, { nullable: true }) asOf?: Date | null,
  ): Promise<WalletBalance[]> {
    if (asOf) return toWalletBalances(await balancesAsOf(ctx.db, wallet.id, asOf));
    return toWalletBalances(await ctx.loaders.accountsByWallet.load(wallet.id));
  }

  @FieldResolver(() => LedgerTransactionConnection, {
    description: "Transactions touching the wallet's accounts, newest first, optionally filtered by kind, currency and time.",
  })
  async transactions(
    @Root() wallet: Wallet,
    @Args(() => WalletTransactionsArgs) args: WalletTransactionsArgs,
    @Ctx() ctx: Context,
  ): Promise<LedgerTransactionConnection> {
    const filter = {
      kind: args.kind ?? null,
      currency: args.currency ?? null,
      since: args.since?.toISOString() ?? null,
      until: args.until?.toISOString() ?? null,
    };
    const page = await paginate(args, (window) => ctx.loaders.walletTransactionPages.load({ parentId: wallet.id, ...window, filter }));
    return { ...page, nodes: page.nodes.map(toLedgerTransaction) };
  }
}
