import { BadUserInputError, NotFoundError, isUuid } from '@gametriggers/federation';
import { recordAdminAction } from '../admin/record-admin-action';
import { LedgerTransactionKind } from '../generated/prisma/enums';
import { postLedgerTransaction } from '../ledger/post-ledger-transaction';
import type { LedgerLeg } from '../ledger/post-ledger-transaction';
import type { WalletDeps } from '../ledger/wallet-deps';
import type { ReverseTransactionInput } from './ledger-transaction.inputs';

/**
 * The only correction the ledger knows: a REVERSAL transaction with every entry of the original
 * negated, linked to it (a transaction is reversed at most once; a reversal is not reversed again).
 * INSUFFICIENT_FUNDS when the money has already left an account it would take back from.
 */
export async function reverseTransaction({ db }: WalletDeps, input: ReverseTransactionInput, createdBy: string | null = null) {
  const id = input.transactionId.toLowerCase();
  const original = isUuid(id)
    ? await db.ledgerTransaction.findUnique({ where: { id }, include: { entries: { include: { account: true } }, reversedBy: true } })
    : null;
  if (!original) throw new NotFoundError('LedgerTransaction', input.transactionId);
  if (original.kind === LedgerTransactionKind.REVERSAL) throw new BadUserInputError('input.transactionId', 'a reversal is not reversed');
  const reason = input.reason.trim();
  const legs: LedgerLeg[] = original.entries.map((entry) => ({
    owner: { ownerType: entry.account.ownerType, ownerId: entry.account.ownerId },
    kind: entry.account.kind,
    amountMinor: -entry.amountMinor,
    currency: entry.currency,
    shard: entry.account.shard,
    field: 'input.transactionId',
  }));
  const stored = await db.ledgerTransaction.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  if (!stored && original.reversedBy) throw new BadUserInputError('input.transactionId', `already reversed by ${original.reversedBy.id}`);
  return postLedgerTransaction(db, {
    kind: LedgerTransactionKind.REVERSAL,
    description: `Reversal of ${original.id}: ${reason}`,
    idempotencyKey: input.idempotencyKey,
    currency: original.entries[0]!.currency,
    request: { transactionId: original.id, reason },
    reversesId: original.id,
    createdBy,
    legs,
    // The correction and the record of who made it commit together.
    afterWrite: async (tx, reversal) => {
      if (!createdBy) return;
      await recordAdminAction(tx, {
        actor: createdBy,
        action: 'transaction.reverse',
        targetType: 'LedgerTransaction',
        targetId: original.id,
        details: { reversalId: reversal.id, reason },
      });
    },
  });
}
