import { LedgerAccountKind, LedgerTransactionKind } from '../generated/prisma/enums';
import { PLATFORM, brandOwner } from '../ledger/ledger-owner';
import { parseMovementAmount } from '../ledger/parse-movement-amount';
import { postLedgerTransaction } from '../ledger/post-ledger-transaction';
import type { WalletDeps } from '../ledger/wallet-deps';
import type { BrandHoldInput } from './ledger-transaction.inputs';
import { parseConditions } from './parse-conditions';

/**
 * Captures held money: a brand's reserved budget becomes the platform's revenue (a campaign's flat
 * costs). Payments to streamers out of held money are earnings (creditEarnings), not captures.
 */
export async function captureHold({ db, config }: WalletDeps, input: BrandHoldInput, createdBy: string | null = null) {
  const amountMinor = parseMovementAmount(config, input.amount, 'input.amount');
  const description = input.description?.trim() || 'Capture of hold';
  const brand = brandOwner(input.brandId.toLowerCase());
  return postLedgerTransaction(db, {
    kind: LedgerTransactionKind.CAPTURE,
    description,
    idempotencyKey: input.idempotencyKey,
    currency: input.amount.currency,
    request: { brandId: brand.ownerId, amountMinor, description },
    conditions: parseConditions(config, input.conditions, brand),
    createdBy,
    legs: [
      { owner: brand, kind: LedgerAccountKind.HELD, amountMinor: -amountMinor, field: 'input.amount' },
      { owner: PLATFORM, kind: LedgerAccountKind.PLATFORM_FEES, amountMinor },
    ],
  });
}
