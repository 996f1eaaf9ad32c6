import { NotFoundError } from '@gametriggers/federation';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { actorOf, requireAdmin, requireOwnerOrAdmin, requirePlatform, requireSignedIn } from '../access/access';
import type { Context } from '../context';
import { brandOwner } from '../ledger/ledger-owner';
import { assertCanSeeTransaction } from './can-see-transaction';
import { captureHold } from './capture-hold';
import { chargePlatformFee } from './charge-platform-fee';
import { convertCurrency } from './convert-currency';
import { creditEarnings } from './credit-earnings';
import { depositFunds } from './deposit-funds';
import { holdFunds } from './hold-funds';
import {
  BrandHoldInput,
  ChargePlatformFeeInput,
  ConvertCurrencyInput,
  CreditEarningsInput,
  DepositFundsInput,
  ReverseTransactionInput,
  TransferFundsInput,
} from './ledger-transaction.inputs';
import { LedgerEntry, LedgerTransaction } from './ledger-transaction.type';
import { ownerOfInput } from './parse-conditions';
import { releaseHold } from './release-hold';
import { reverseTransaction } from './reverse-transaction';
import { toLedgerEntry, toLedgerTransaction } from './to-ledger-transaction';
import { transferFunds } from './transfer-funds';

@Resolver(() => LedgerTransaction)
export class LedgerTransactionResolver {
  @Query(() => LedgerTransaction, {
    nullable: true,
    description: 'A ledger transaction by id (its owners, admins and services); null with a NOT_FOUND error when there is none.',
  })
  async walletTransaction(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<LedgerTransaction> {
    requireSignedIn(ctx);
    const row = await ctx.loaders.transaction.load(id);
    if (!row) throw new NotFoundError('LedgerTransaction', id);
    await assertCanSeeTransaction(ctx, row.id);
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

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Who asked for the movement (`ADMIN:<account>`, `SERVICE:<name>`, ...); admins only, null for others.',
  })
  createdBy(@Root() transaction: LedgerTransaction, @Ctx() ctx: Context): string | null {
    return ctx.viewer?.kind === 'ADMIN' ? transaction.createdByActor : null;
  }

  @Mutation(() => LedgerTransaction, {
    description: "Credits a brand's available balance with a payment the provider received (ADMIN or SERVICE). Idempotent per key.",
  })
  async depositFunds(@Arg('input', () => DepositFundsInput) input: DepositFundsInput, @Ctx() ctx: Context): Promise<LedgerTransaction> {
    const viewer = requirePlatform(ctx);
    return toLedgerTransaction(await depositFunds(ctx, input, actorOf(viewer)));
  }

  @Mutation(() => LedgerTransaction, {
    description:
      "Moves available money between two wallets (the sender's owner or an admin); INSUFFICIENT_FUNDS when the sender has less. Idempotent per key.",
  })
  async transferFunds(@Arg('input', () => TransferFundsInput) input: TransferFundsInput, @Ctx() ctx: Context): Promise<LedgerTransaction> {
    const viewer = requireOwnerOrAdmin(ctx, ownerOfInput(input.from));
    return toLedgerTransaction(await transferFunds(ctx, input, actorOf(viewer)));
  }

  @Mutation(() => LedgerTransaction, {
    description:
      "Reserves a brand's available money (the brand, an admin or a service); INSUFFICIENT_FUNDS when less is available. Idempotent per key.",
  })
  async holdFunds(@Arg('input', () => BrandHoldInput) input: BrandHoldInput, @Ctx() ctx: Context): Promise<LedgerTransaction> {
    const viewer = ctx.viewer?.kind === 'SERVICE' ? ctx.viewer : requireOwnerOrAdmin(ctx, brandOwner(input.brandId.toLowerCase()));
    return toLedgerTransaction(await holdFunds(ctx, input, actorOf(viewer)));
  }

  @Mutation(() => LedgerTransaction, {
    description:
      "Returns held money to a brand's available balance (ADMIN or SERVICE); INSUFFICIENT_FUNDS when less is held. Idempotent per key.",
  })
  async releaseHold(@Arg('input', () => BrandHoldInput) input: BrandHoldInput, @Ctx() ctx: Context): Promise<LedgerTransaction> {
    const viewer = requirePlatform(ctx);
    return toLedgerTransaction(await releaseHold(ctx, input, actorOf(viewer)));
  }

  @Mutation(() => LedgerTransaction, {
    description:
      "Captures a brand's held money as platform revenue (ADMIN or SERVICE); INSUFFICIENT_FUNDS when less is held. Idempotent per key.",
  })
  async captureHold(@Arg('input', () => BrandHoldInput) input: BrandHoldInput, @Ctx() ctx: Context): Promise<LedgerTransaction> {
    const viewer = requirePlatform(ctx);
    return toLedgerTransaction(await captureHold(ctx, input, actorOf(viewer)));
  }

  @Mutation(() => LedgerTransaction, {
    description: "Pays a streamer's earnings from a brand's held money, less the platform fee (ADMIN or SERVICE). Idempotent per key.",
  })
  async creditEarnings(
    @Arg('input', () => CreditEarningsInput) input: CreditEarningsInput,
    @Ctx() ctx: Context,
  ): Promise<LedgerTransaction> {
    const viewer = requirePlatform(ctx);
    return toLedgerTransaction(await creditEarnings(ctx, input, actorOf(viewer)));
  }

  @Mutation(() => LedgerTransaction, {
    description: "Charges a platform fee from a wallet's available balance (ADMIN or SERVICE). Idempotent per key.",
  })
  async chargePlatformFee(
    @Arg('input', () => ChargePlatformFeeInput) input: ChargePlatformFeeInput,
    @Ctx() ctx: Context,
  ): Promise<LedgerTransaction> {
    const viewer = requirePlatform(ctx);
    return toLedgerTransaction(await chargePlatformFee(ctx, input, actorOf(viewer)));
  }

  @Mutation(() => LedgerTransaction, {
    description:
      "Converts a wallet's available money into another currency at the configured rate (the owner or an admin). Idempotent per key.",
  })
  async convertCurrency(
    @Arg('input', () => ConvertCurrencyInput) input: ConvertCurrencyInput,
    @Ctx() ctx: Context,
  ): Promise<LedgerTransaction> {
    const viewer = requireOwnerOrAdmin(ctx, ownerOfInput(input.owner));
    return toLedgerTransaction(await convertCurrency(ctx, input, actorOf(viewer)));
  }

  @Mutation(() => LedgerTransaction, {
    description: 'Reverses a transaction with a new, opposite one (admins; recorded as an admin action). Idempotent per key.',
  })
  async reverseTransaction(
    @Arg('input', () => ReverseTransactionInput) input: ReverseTransactionInput,
    @Ctx() ctx: Context,
  ): Promise<LedgerTransaction> {
    const viewer = requireAdmin(ctx);
    return toLedgerTransaction(await reverseTransaction(ctx, input, actorOf(viewer)));
  }
}
