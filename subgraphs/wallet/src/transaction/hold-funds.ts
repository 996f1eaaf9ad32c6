import { LedgerAccountKind, LedgerTransactionKind } from '../generated/prisma/enums';
import { brandOwner } from '../ledger/ledger-owner';
import { parseMovementAmount } from '../ledger/parse-movement-amount';
import { postLedgerTransaction } from '../ledger/post-ledger-transaction';
import type { WalletDeps } from '../ledger/wallet-deps';
import type { BrandHoldInput } from './ledger-transaction.inputs';
import { parseConditions } from './parse-conditions';

/** Reserves part of a brand's available money (for a campaign); INSUFFICIENT_FUNDS when not enough is available. */
export async function holdFunds({ db, config }: WalletDeps, input: BrandHoldInput, createdBy: string | null = null) {
  const amountMinor = parseMovementAmount(config, input.amount, 'input.amount');
  const description = input.description?.trim() || 'Hold';
  const brand = brandOwner(input.brandId.toLowerCase());
  return postLedgerTransaction(db, {
    kind: LedgerTransactionKind.HOLD,
    description,
    idempotencyKey: input.idempotencyKey,
    currency: input.amount.currency,
    request: { brandId: brand.ownerId, amountMinor, description },
    conditions: parseConditions(config, input.conditions, brand),
    createdBy,
    legs: [
      { owner: brand, kind: LedgerAccountKind.AVAILABLE, amountMinor: -amountMinor, field: 'input.amount' },
      { owner: brand, kind: LedgerAccountKind.HELD, amountMinor },
    ],
  });
}
