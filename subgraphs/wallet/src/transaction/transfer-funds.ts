import { BadUserInputError } from '@gametriggers/federation';
import type { Db } from '../db';
import { LedgerAccountKind, LedgerOwnerType, LedgerTransactionKind } from '../generated/prisma/enums';
import { parseMovementAmount } from '../ledger/parse-movement-amount';
import { postLedgerTransaction } from '../ledger/post-ledger-transaction';
import type { LedgerOwnerInput, TransferFundsInput } from './ledger-transaction.inputs';

function checkOwner(owner: LedgerOwnerInput, field: string) {
  if (owner.ownerType === LedgerOwnerType.PLATFORM) {
    throw new BadUserInputError(`${field}.ownerType`, 'transfers are between brand and streamer wallets');
  }
  return { ownerType: owner.ownerType, ownerId: owner.ownerId.toLowerCase() };
}

/** Available money from one brand or streamer to another; INSUFFICIENT_FUNDS when the sender has less. */
export async function transferFunds(db: Db, input: TransferFundsInput, kind: LedgerTransactionKind = LedgerTransactionKind.TRANSFER) {
  const from = checkOwner(input.from, 'input.from');
  const to = checkOwner(input.to, 'input.to');
  if (from.ownerType === to.ownerType && from.ownerId === to.ownerId) {
    throw new BadUserInputError('input.to', 'a transfer needs two different wallets');
  }
  const amountMinor = parseMovementAmount(input.amount, 'input.amount');
  const description = input.description?.trim() || 'Transfer';
  return postLedgerTransaction(db, {
    kind,
    description,
    idempotencyKey: input.idempotencyKey,
    currency: input.amount.currency,
    request: { from, to, amountMinor, description },
    legs: [
      { owner: from, kind: LedgerAccountKind.AVAILABLE, amountMinor: -amountMinor, field: 'input.amount' },
      { owner: to, kind: LedgerAccountKind.AVAILABLE, amountMinor },
    ],
  });
}
