import { formatAmount } from '@gametriggers/federation';
import { DepositSettled, writeEvent } from '@gametriggers/events';
import { LedgerAccountKind, LedgerTransactionKind } from '../generated/prisma/enums';
import { PLATFORM, brandOwner } from '../ledger/ledger-owner';
import { parseMovementAmount } from '../ledger/parse-movement-amount';
import { postLedgerTransaction } from '../ledger/post-ledger-transaction';
import type { WalletDeps } from '../ledger/wallet-deps';
import type { DepositFundsInput } from './ledger-transaction.inputs';

/** A payment the provider received for a brand: provider clearing (what it owes us) -> the brand's available balance. */
export async function depositFunds({ db, config }: WalletDeps, input: DepositFundsInput, createdBy: string | null = null) {
  const amountMinor = parseMovementAmount(config, input.amount, 'input.amount');
  const brand = brandOwner(input.brandId.toLowerCase());
  const reference = input.reference.trim();
  return postLedgerTransaction(db, {
    kind: LedgerTransactionKind.DEPOSIT,
    description: `Deposit ${reference}`,
    idempotencyKey: input.idempotencyKey,
    currency: input.amount.currency,
    request: { brandId: brand.ownerId, amountMinor, reference },
    createdBy,
    // The DepositSettled event is committed with the money, or not at all.
    afterWrite: async (tx, transaction) => {
      await writeEvent(tx, DepositSettled, {
        subject: transaction.id,
        data: {
          transactionId: transaction.id,
          brandId: brand.ownerId!,
          amount: formatAmount(amountMinor, input.amount.currency),
          currency: input.amount.currency,
          reference,
        },
      });
    },
    legs: [
      { owner: PLATFORM, kind: LedgerAccountKind.PROVIDER_CLEARING, amountMinor: -amountMinor },
      { owner: brand, kind: LedgerAccountKind.AVAILABLE, amountMinor },
    ],
  });
}
