import { BadUserInputError } from '@gametriggers/federation';
import type { MoneyInput } from '@gametriggers/federation';
import type { Db } from '../db';
import { LedgerAccountKind, LedgerTransactionKind } from '../generated/prisma/enums';
import { PLATFORM, brandOwner, streamerOwner } from '../ledger/ledger-owner';
import { parseMovementAmount } from '../ledger/parse-movement-amount';
import { postLedgerTransaction } from '../ledger/post-ledger-transaction';
import type { LedgerLeg } from '../ledger/post-ledger-transaction';

export interface PayEarningsInput {
  brandId: string;
  streamerId: string;
  /** What the brand pays, out of its held money. */
  amount: MoneyInput;
  /** The platform's share, in basis points of the amount (1000 = 10 %), rounded half up to the minor unit. */
  feeBasisPoints: number;
  idempotencyKey: string;
  description: string;
}

/**
 * A streamer earned money on a brand's campaign: the brand's held money goes to the streamer's available
 * balance, less the platform fee. Not a GraphQL mutation yet: the campaign flow (and the seed) call it.
 */
export async function payEarnings(db: Db, input: PayEarningsInput) {
  const amountMinor = parseMovementAmount(input.amount, 'input.amount');
  if (!Number.isInteger(input.feeBasisPoints) || input.feeBasisPoints < 0 || input.feeBasisPoints >= 10_000) {
    throw new BadUserInputError('input.feeBasisPoints', 'feeBasisPoints must be an integer from 0 to 9999');
  }
  const feeMinor = (amountMinor * BigInt(input.feeBasisPoints) + 5_000n) / 10_000n;
  const legs: LedgerLeg[] = [
    { owner: brandOwner(input.brandId), kind: LedgerAccountKind.HELD, amountMinor: -amountMinor, field: 'input.amount' },
    { owner: streamerOwner(input.streamerId), kind: LedgerAccountKind.AVAILABLE, amountMinor: amountMinor - feeMinor },
    { owner: PLATFORM, kind: LedgerAccountKind.PLATFORM_FEES, amountMinor: feeMinor },
  ];
  return postLedgerTransaction(db, {
    kind: LedgerTransactionKind.EARNINGS,
    description: input.description,
    idempotencyKey: input.idempotencyKey,
    currency: input.amount.currency,
    request: {
      brandId: input.brandId,
      streamerId: input.streamerId,
      amountMinor,
      feeBasisPoints: input.feeBasisPoints,
      description: input.description,
    },
    legs: legs.filter((leg) => leg.amountMinor !== 0n),
  });
}
