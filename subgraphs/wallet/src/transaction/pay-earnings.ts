import { BadUserInputError, formatAmount } from '@gametriggers/federation';
import { EarningsCredited, writeEvent } from '@gametriggers/events';
import type { WalletConfig } from '../config';
import { LedgerAccountKind, LedgerTransactionKind } from '../generated/prisma/enums';
import { PLATFORM, brandOwner, streamerOwner } from '../ledger/ledger-owner';
import { parseMovementAmount } from '../ledger/parse-movement-amount';
import { postLedgerTransaction } from '../ledger/post-ledger-transaction';
import type { LedgerLeg, LedgerPosting, Tx } from '../ledger/post-ledger-transaction';
import type { WalletDeps } from '../ledger/wallet-deps';
import type { LedgerTransaction } from '../generated/prisma/client';

export interface PayEarningsInput {
  brandId: string;
  streamerId: string;
  /** What the brand pays, out of its held money. */
  amount: { amount: string; currency: string };
  /** The platform's share, in basis points of the amount (1000 = 10 %), rounded half up to the minor unit. */
  feeBasisPoints: number;
  idempotencyKey: string;
  description: string;
  campaignId?: string | null;
}

/**
 * The posting of a streamer's earnings on a brand's campaign: the brand's held money goes to the
 * streamer's available balance, less the platform fee, with an EarningsCredited event written in the
 * same transaction (committed with the money, or not at all).
 */
export function earningsPosting(config: WalletConfig, input: PayEarningsInput, createdBy: string | null = null): LedgerPosting {
  const amountMinor = parseMovementAmount(config, input.amount, 'input.amount');
  if (!Number.isInteger(input.feeBasisPoints) || input.feeBasisPoints < 0 || input.feeBasisPoints >= 10_000) {
    throw new BadUserInputError('input.feeBasisPoints', 'feeBasisPoints must be an integer from 0 to 9999');
  }
  const brandId = input.brandId.toLowerCase();
  const streamerId = input.streamerId.toLowerCase();
  const currency = input.amount.currency;
  const feeMinor = (amountMinor * BigInt(input.feeBasisPoints) + 5_000n) / 10_000n;
  const legs: LedgerLeg[] = [
    { owner: brandOwner(brandId), kind: LedgerAccountKind.HELD, amountMinor: -amountMinor, field: 'input.amount' },
    { owner: streamerOwner(streamerId), kind: LedgerAccountKind.AVAILABLE, amountMinor: amountMinor - feeMinor },
    { owner: PLATFORM, kind: LedgerAccountKind.PLATFORM_FEES, amountMinor: feeMinor },
  ];
  return {
    kind: LedgerTransactionKind.EARNINGS,
    description: input.description,
    idempotencyKey: input.idempotencyKey,
    currency,
    request: { brandId, streamerId, amountMinor, feeBasisPoints: input.feeBasisPoints, description: input.description },
    createdBy,
    legs: legs.filter((leg) => leg.amountMinor !== 0n),
    afterWrite: async (tx: Tx, transaction: LedgerTransaction) => {
      await writeEvent(tx, EarningsCredited, {
        subject: transaction.id,
        data: {
          transactionId: transaction.id,
          brandId,
          streamerId,
          campaignId: input.campaignId?.toLowerCase() ?? null,
          amount: formatAmount(amountMinor, currency),
          fee: formatAmount(feeMinor, currency),
          net: formatAmount(amountMinor - feeMinor, currency),
          currency,
        },
      });
    },
  };
}

/** Pays a streamer's earnings in a transaction of its own (creditEarnings, the demo seed); idempotent per key. */
export async function payEarnings({ db, config }: WalletDeps, input: PayEarningsInput, createdBy: string | null = null) {
  return postLedgerTransaction(db, earningsPosting(config, input, createdBy));
}
