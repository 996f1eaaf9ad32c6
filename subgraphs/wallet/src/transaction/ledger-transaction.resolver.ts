import { NotFoundError } from '@gametriggers/federation';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { depositFunds } from './deposit-funds';
import { holdFunds } from './hold-funds';
import { BrandHoldInput, DepositFundsInput, TransferFundsInput } from './ledger-transaction.inputs';
import { LedgerEntry, LedgerTransaction } from './ledger-transaction.type';
import { releaseHold } from './release-hold';
import { toLedgerEntry, toLedgerTransaction } from './to-ledger-transaction';
import { transferFunds } from './transfer-funds';

@Resolver(() => LedgerTransaction)
export class LedgerTransactionResolver {
  @Query(() => LedgerTransaction, {
    nullable: true,
    description: 'A ledger transaction by id; null with a NOT_FOUND error when there is none.',
  })
  async walletTransaction(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<LedgerTransaction> {
    const row = await ctx.loaders.transaction.load(id);
    if (!row) throw new NotFoundError('LedgerTransaction', id);
    return toLedgerTransaction(row);
  }

  @FieldResolver(() => [LedgerEntry])
  async entries(@Root() transaction: LedgerTransaction, @Ctx() ctx: Context): Promise<LedgerEntry[]> {
    return (await ctx.loaders.entriesByTransaction.load(transaction.id)).map(toLedgerEntry);
  }

  @FieldResolver(() => LedgerTransaction, { nullable: true, description: 'The transaction this one reverses, for a REVERSAL.' })
  async reverses(@Root() transaction: LedgerTransaction, @Ctx() ctx: Context): Promise<LedgerTransaction | null> {
    if (!transaction.reversesId) return null;
    const row = await ctx.loaders.transaction.load(transaction.reversesId);
    return row ? toLedgerTransaction(row) : null;
  }

  @Mutation(() => LedgerTransaction, {
    description: "Credits a brand's available balance with a payment received by the provider. Idempotent per key.",
  })
  async depositFunds(@Arg('input', () => DepositFundsInput) input: DepositFundsInput, @Ctx() ctx: Context): Promise<LedgerTransaction> {
    return toLedgerTransaction(await depositFunds(ctx.db, input));
  }

  @Mutation(() => LedgerTransaction, {
    description: 'Moves available money between two wallets; INSUFFICIENT_FUNDS when the sender has less. Idempotent per key.',
  })
  async transferFunds(@Arg('input', () => TransferFundsInput) input: TransferFundsInput, @Ctx() ctx: Context): Promise<LedgerTransaction> {
    return toLedgerTransaction(await transferFunds(ctx.db, input));
  }

  @Mutation(() => LedgerTransaction, {
    description: "Reserves a brand's available money; INSUFFICIENT_FUNDS when less is available. Idempotent per key.",
  })
  async holdFunds(@Arg('input', () => BrandHoldInput) input: BrandHoldInput, @Ctx() ctx: Context): Promise<LedgerTransaction> {
    return toLedgerTransaction(await holdFunds(ctx.db, input));
  }

  @Mutation(() => LedgerTransaction, {
    description: "Returns held money to a brand's available balance; INSUFFICIENT_FUNDS when less is held. Idempotent per key.",
  })
  async releaseHold(@Arg('input', () => BrandHoldInput) input: BrandHoldInput, @Ctx() ctx: Context): Promise<LedgerTransaction> {
    return toLedgerTransaction(await releaseHold(ctx.db, input));
  }
}
