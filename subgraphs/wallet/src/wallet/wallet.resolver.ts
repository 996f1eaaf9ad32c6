import { NotFoundError, paginate } from '@gametriggers/federation';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { LedgerTransactionConnection } from '../transaction/ledger-transaction.type';
import { toLedgerTransaction } from '../transaction/to-ledger-transaction';
import { toWallet, toWalletBalances } from './to-wallet';
import { WalletTransactionsArgs } from './wallet.inputs';
import { Wallet, WalletBalance } from './wallet.type';

@Resolver(() => Wallet)
export class WalletResolver {
  @Query(() => Wallet, { nullable: true, description: 'A wallet by id; null with a NOT_FOUND error when there is none.' })
  async wallet(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Wallet> {
    const row = await ctx.loaders.wallet.load(id);
    if (!row) throw new NotFoundError('Wallet', id);
    return toWallet(row);
  }

  @FieldResolver(() => [WalletBalance], { description: 'Balances per currency, alphabetically.' })
  async balances(@Root() wallet: Wallet, @Ctx() ctx: Context): Promise<WalletBalance[]> {
    return toWalletBalances(await ctx.loaders.accountsByWallet.load(wallet.id));
  }

  @FieldResolver(() => LedgerTransactionConnection, { description: "Transactions touching the wallet's accounts, newest first." })
  async transactions(
    @Root() wallet: Wallet,
    @Args(() => WalletTransactionsArgs) args: WalletTransactionsArgs,
    @Ctx() ctx: Context,
  ): Promise<LedgerTransactionConnection> {
    const page = await paginate(args, (window) =>
      ctx.loaders.walletTransactionPages.load({ parentId: wallet.id, ...window, filter: args.kind ?? null }),
    );
    return { ...page, nodes: page.nodes.map(toLedgerTransaction) };
  }
}
