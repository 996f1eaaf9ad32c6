import { Money } from '@gametriggers/federation';
import type { LedgerAccount, LedgerEntry as LedgerEntryRow, LedgerTransaction as LedgerTransactionRow } from '../generated/prisma/client';
import type { LedgerEntry, LedgerTransaction } from './ledger-transaction.type';

/** The GraphQL shape of a stored transaction (entries are resolved separately, batched). */
export function toLedgerTransaction(row: LedgerTransactionRow): LedgerTransaction {
  return {
    id: row.id,
    kind: row.kind,
    description: row.description,
    idempotencyKey: row.idempotencyKey,
    createdAt: row.createdAt,
    reversesId: row.reversesId,
    createdByActor: row.createdBy,
    fx: row.fxRate && row.fxFromCurrency && row.fxToCurrency ? { rate: row.fxRate, from: row.fxFromCurrency, to: row.fxToCurrency } : null,
  };
}

export function toLedgerEntry(row: LedgerEntryRow & { account: LedgerAccount }): LedgerEntry {
  return {
    id: row.id,
    accountKind: row.account.kind,
    ownerType: row.account.ownerType,
    ownerId: row.account.ownerId,
    amount: Money.of(row.amountMinor, row.currency),
    currency: row.currency,
  };
}
