import { BadUserInputError } from '@gametriggers/federation';
import type { MoneyInput } from '@gametriggers/federation';
import { LedgerAccountKind, LedgerTransactionKind } from '../generated/prisma/enums';
import { PLATFORM } from '../ledger/ledger-owner';
import { parseMovementAmount } from '../ledger/parse-movement-amount';
import { postLedgerTransaction } from '../ledger/post-ledger-transaction';
import type { WalletDeps } from '../ledger/wallet-deps';
import type { LedgerOwnerInput } from './ledger-transaction.inputs';
import { ownerOfInput } from './parse-conditions';

/** A transfer on which the platform takes a fee (a marketplace sale, a paid tip): what its caller sends. */
export interface TransferWithFeeInput {
  from: LedgerOwnerInput;
  to: LedgerOwnerInput;
  /** What the sender pays. */
  amount: MoneyInput;
  /** The platform's part of `amount`, in the same currency: the receiver gets amount - fee. */
  fee: MoneyInput;
  idempotencyKey: string;
  description?: string | null;
}

/**
 * One ledger transaction of three legs: sender AVAILABLE -amount, receiver AVAILABLE +(amount - fee),
 * platform PLATFORM_FEES +fee (a credit, so on a random shard of the hot fee account). Why one
 * transaction rather than a transfer and a fee: the receiver never holds money that is the platform's,
 * and a retry cannot end with one half done. INSUFFICIENT_FUNDS when the sender has less.
 */
export async function transferWithFee({ db, config }: WalletDeps, input: TransferWithFeeInput, createdBy: string | null = null) {
  const from = ownerOfInput(input.from);
  const to = ownerOfInput(input.to);
  if (from.ownerType === to.ownerType && from.ownerId === to.ownerId) {
    throw new BadUserInputError('input.to', 'a transfer needs two different wallets');
  }
  const amountMinor = parseMovementAmount(config, input.amount, 'input.amount');
  const feeMinor = parseMovementAmount(config, input.fee, 'input.fee');
  if (input.fee.currency !== input.amount.currency) {
    throw new BadUserInputError('input.fee.currency', 'the fee is in the currency of the amount');
  }
  if (feeMinor >= amountMinor) throw new BadUserInputError('input.fee.amount', 'the fee must be less than the amount');
  const description = input.description?.trim() || 'Transfer';
  return postLedgerTransaction(db, {
    kind: LedgerTransactionKind.TRANSFER,
    description,
    idempotencyKey: input.idempotencyKey,
    currency: input.amount.currency,
    // feeMinor in the hash: the same key as a plain transfer, or with another fee, is a CONFLICT.
    request: { from, to, amountMinor, feeMinor, description },
    createdBy,
    legs: [
      { owner: from, kind: LedgerAccountKind.AVAILABLE, amountMinor: -amountMinor, field: 'input.amount' },
      { owner: to, kind: LedgerAccountKind.AVAILABLE, amountMinor: amountMinor - feeMinor },
      { owner: PLATFORM, kind: LedgerAccountKind.PLATFORM_FEES, amountMinor: feeMinor },
    ],
  });
}
