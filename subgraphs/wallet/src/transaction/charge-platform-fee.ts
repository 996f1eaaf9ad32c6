import { LedgerAccountKind, LedgerTransactionKind } from '../generated/prisma/enums';
import { PLATFORM } from '../ledger/ledger-owner';
import { parseMovementAmount } from '../ledger/parse-movement-amount';
import { postLedgerTransaction } from '../ledger/post-ledger-transaction';
import type { WalletDeps } from '../ledger/wallet-deps';
import type { ChargePlatformFeeInput } from './ledger-transaction.inputs';
import { ownerOfInput } from './parse-conditions';

/** A fee the platform charges: the owner's available balance -> the platform's revenue. */
export async function chargePlatformFee({ db, config }: WalletDeps, input: ChargePlatformFeeInput, createdBy: string | null = null) {
  const amountMinor = parseMovementAmount(config, input.amount, 'input.amount');
  const owner = ownerOfInput(input.owner);
  const description = input.description.trim();
  return postLedgerTransaction(db, {
    kind: LedgerTransactionKind.FEE,
    description,
    idempotencyKey: input.idempotencyKey,
    currency: input.amount.currency,
    request: { owner, amountMinor, description },
    createdBy,
    legs: [
      { owner, kind: LedgerAccountKind.AVAILABLE, amountMinor: -amountMinor, field: 'input.amount' },
      { owner: PLATFORM, kind: LedgerAccountKind.PLATFORM_FEES, amountMinor },
    ],
  });
}
