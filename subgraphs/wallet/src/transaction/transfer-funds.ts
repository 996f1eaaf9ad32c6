import { BadUserInputError } from '@gametriggers/federation';
import { LedgerAccountKind, LedgerTransactionKind } from '../generated/prisma/enums';
import { parseMovementAmount } from '../ledger/parse-movement-amount';
import { postLedgerTransaction } from '../ledger/post-ledger-transaction';
import type { WalletDeps } from '../ledger/wallet-deps';
import type { TransferFundsInput } from './ledger-transaction.inputs';
import { ownerOfInput, parseConditions } from './parse-conditions';

/** Available money from one brand or streamer to another; INSUFFICIENT_FUNDS when the sender has less. */
export async function transferFunds({ db, config }: WalletDeps, input: TransferFundsInput, createdBy: string | null = null) {
  const from = ownerOfInput(input.from);
  const to = ownerOfInput(input.to);
  if (from.ownerType === to.ownerType && from.ownerId === to.ownerId) {
    throw new BadUserInputError('input.to', 'a transfer needs two different wallets');
  }
  const amountMinor = parseMovementAmount(config, input.amount, 'input.amount');
  const conditions = parseConditions(config, input.conditions, from);
  const description = input.description?.trim() || 'Transfer';
  return postLedgerTransaction(db, {
    kind: LedgerTransactionKind.TRANSFER,
    description,
    idempotencyKey: input.idempotencyKey,
    currency: input.amount.currency,
    request: { from, to, amountMinor, description },
    conditions,
    createdBy,
    legs: [
      { owner: from, kind: LedgerAccountKind.AVAILABLE, amountMinor: -amountMinor, field: 'input.amount' },
      { owner: to, kind: LedgerAccountKind.AVAILABLE, amountMinor },
    ],
  });
}
