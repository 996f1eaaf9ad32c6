import type { Db } from '../db';
import { LedgerAccountKind, LedgerTransactionKind } from '../generated/prisma/enums';
import { PLATFORM, brandOwner } from '../ledger/ledger-owner';
import { parseMovementAmount } from '../ledger/parse-movement-amount';
import { postLedgerTransaction } from '../ledger/post-ledger-transaction';
import type { DepositFundsInput } from './ledger-transaction.inputs';

/** A brand's payment arrived: the provider's clearing account owes it, the brand's available balance grows. */
export async function depositFunds(db: Db, input: DepositFundsInput) {
  const amountMinor = parseMovementAmount(input.amount, 'input.amount');
  const { currency } = input.amount;
  const reference = input.reference.trim();
  const brand = brandOwner(input.brandId.toLowerCase());
  return postLedgerTransaction(db, {
    kind: LedgerTransactionKind.DEPOSIT,
    description: `Deposit ${reference}`,
    idempotencyKey: input.idempotencyKey,
    currency,
    request: { brandId: brand.ownerId, amountMinor, reference },
    legs: [
      { owner: PLATFORM, kind: LedgerAccountKind.PROVIDER_CLEARING, amountMinor: -amountMinor },
      { owner: brand, kind: LedgerAccountKind.AVAILABLE, amountMinor },
    ],
  });
}
