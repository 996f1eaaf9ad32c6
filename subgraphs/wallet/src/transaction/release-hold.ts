import type { Db } from '../db';
import { LedgerAccountKind, LedgerTransactionKind } from '../generated/prisma/enums';
import { brandOwner } from '../ledger/ledger-owner';
import { parseMovementAmount } from '../ledger/parse-movement-amount';
import { postLedgerTransaction } from '../ledger/post-ledger-transaction';
import type { BrandHoldInput } from './ledger-transaction.inputs';

/** Gives held money back to the brand's available balance; INSUFFICIENT_FUNDS when less is held. */
export async function releaseHold(db: Db, input: BrandHoldInput) {
  const amountMinor = parseMovementAmount(input.amount, 'input.amount');
  const description = input.description?.trim() || 'Release of hold';
  const brand = brandOwner(input.brandId.toLowerCase());
  return postLedgerTransaction(db, {
    kind: LedgerTransactionKind.RELEASE,
    description,
    idempotencyKey: input.idempotencyKey,
    currency: input.amount.currency,
    request: { brandId: brand.ownerId, amountMinor, description },
    legs: [
      { owner: brand, kind: LedgerAccountKind.HELD, amountMinor: -amountMinor, field: 'input.amount' },
      { owner: brand, kind: LedgerAccountKind.AVAILABLE, amountMinor },
    ],
  });
}
