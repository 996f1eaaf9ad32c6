import { createHash } from 'node:crypto';
import type { Db } from '../db';
import type { LedgerTransaction, Prisma } from '../generated/prisma/client';
import type { LedgerTransactionKind } from '../generated/prisma/enums';
import { uuidv7 } from '@gametriggers/events';

/** One entry to write: the account (already resolved to its id), its signed amount and currency. */
export interface PlannedEntry {
  accountId: string;
  amountMinor: bigint;
  currency: string;
}

/** What the transaction row stores besides its entries. */
export interface TransactionRow {
  kind: LedgerTransactionKind;
  description: string;
  idempotencyKey: string;
  requestHash: string;
  reversesId: string | null;
  fxRate: string | null;
  fxFromCurrency: string | null;
  fxToCurrency: string | null;
  createdBy: string | null;
}

export interface LockedAccount {
  id: string;
  balanceMinor: bigint;
  allowNegative: boolean;
}

export type PostingOutcome =
  /** The transaction and its entries are written (the trigger moved the balances). */
  | { outcome: 'written'; transaction: LedgerTransaction }
  /** A transaction with the key was already committed: nothing was locked or written. */
  | { outcome: 'existing' }
  /** A debit would overdraw its account: nothing was written; the locked balances say which. */
  | { outcome: 'refused'; balances: Map<string, LockedAccount> }
  /** An account id does not exist (a stale cached id): nothing was written. */
  | { outcome: 'missing' };

interface StatementRow {
  existingId: string | null;
  createdAt: Date | null;
  entries: number;
  accountId: string | null;
  balanceMinor: bigint | null;
  allowNegative: boolean | null;
}

/**
 * The whole posting in ONE SQL statement, so that it costs one round trip (and, outside an interactive
 * transaction, is its own transaction: the row locks last only as long as the statement and its commit):
 *  1. `existing`: when `skipIfExists`, a committed transaction with the key ends it before any lock;
 *  2. `locked`: every account involved, locked FOR UPDATE in id order (no deadlocks between postings;
 *     under READ COMMITTED a lock that waited returns the row as its holder committed it);
 *  3. `refused`: a debit taking an account that may not go negative below zero;
 *  4. the transaction row and its entries, inserted only when all accounts are there and none is
 *     refused (the insert reads the checks, so it runs after the locks). The unique key still refuses
 *     a concurrent duplicate, the database triggers still apply the entries and check the sums at commit.
 * Returns one row per locked account (at least one row), with what happened.
 */
export async function runPostingStatement(
  client: Db | Prisma.TransactionClient,
  row: TransactionRow,
  entries: PlannedEntry[],
  skipIfExists: boolean,
): Promise<PostingOutcome> {
  const id = uuidv7();
  // Entries in account order, their ids ascending in that order (as the ORM wrote them before).
  const sorted = [...entries].sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
  const accountIds = [...new Set(sorted.map((entry) => entry.accountId))];
  const rows = await client.$queryRaw<StatementRow[]>`/* ledger:posting */
    WITH existing AS (
      SELECT "id" FROM "LedgerTransaction" WHERE ${skipIfExists}::boolean AND "idempotencyKey" = ${row.idempotencyKey}
    ), locked AS MATERIALIZED (
      SELECT "id", "balanceMinor", "allowNegative" FROM "LedgerAccount"
       WHERE "id" = ANY(${accountIds}::uuid[]) AND NOT EXISTS (SELECT 1 FROM existing)
       ORDER BY "id" FOR UPDATE
    ), legs AS (
      SELECT * FROM unnest(${sorted.map(() => uuidv7())}::uuid[], ${sorted.map((entry) => entry.accountId)}::uuid[],
                           ${sorted.map((entry) => entry.amountMinor.toString())}::bigint[], ${sorted.map((entry) => entry.currency)}::text[])
        AS l("id", "accountId", "amountMinor", "currency")
    ), refused AS (
      SELECT 1 FROM locked a
        JOIN (SELECT "accountId", sum("amountMinor") AS change, bool_or("amountMinor" < 0) AS debited FROM legs GROUP BY "accountId") c
          ON c."accountId" = a."id"
       WHERE c.debited AND NOT a."allowNegative" AND a."balanceMinor" + c.change < 0
    ), tx AS (
      INSERT INTO "LedgerTransaction" ("id", "kind", "description", "idempotencyKey", "requestHash", "reversesId",
                                       "fxRate", "fxFromCurrency", "fxToCurrency", "createdBy")
      SELECT ${id}::uuid, ${row.kind}::"LedgerTransactionKind", ${row.description}, ${row.idempotencyKey}, ${row.requestHash},
             ${row.reversesId}::uuid, ${row.fxRate}, ${row.fxFromCurrency}, ${row.fxToCurrency}, ${row.createdBy}
       WHERE NOT EXISTS (SELECT 1 FROM existing) AND NOT EXISTS (SELECT 1 FROM refused)
         AND (SELECT count(*) FROM locked) = ${accountIds.length}
      RETURNING "id", "createdAt"
    ), written AS (
      INSERT INTO "LedgerEntry" ("id", "transactionId", "accountId", "amountMinor", "currency")
      SELECT l."id", tx."id", l."accountId", l."amountMinor", l."currency" FROM tx CROSS JOIN legs l ORDER BY l."id"
      RETURNING 1
    )
    SELECT (SELECT "id"::text FROM existing) AS "existingId", (SELECT "createdAt" FROM tx) AS "createdAt",
           (SELECT count(*) FROM written)::int AS "entries", a."id"::text AS "accountId", a."balanceMinor", a."allowNegative"
      FROM (SELECT 1) AS one LEFT JOIN locked a ON true`;
  const first = rows[0]!;
  if (first.existingId) return { outcome: 'existing' };
  if (first.createdAt && first.entries === entries.length) {
    return { outcome: 'written', transaction: { id, ...row, createdAt: first.createdAt } };
  }
  const balances = new Map<string, LockedAccount>();
  for (const locked of rows) {
    if (locked.accountId)
      balances.set(locked.accountId, { id: locked.accountId, balanceMinor: locked.balanceMinor!, allowNegative: locked.allowNegative! });
  }
  if (balances.size < accountIds.length) return { outcome: 'missing' };
  return { outcome: 'refused', balances };
}

const MARKER = '/* ledger:posting */';
const names = new Map<string, string>();

/**
 * The prepared-statement name of the posting statement (for the pg adapter's statementNameGenerator),
 * '' (unnamed, planned each time) for every other query. Why: planning the posting statement costs
 * about as much as running it; named, each connection plans it once. Only this statement: its text is
 * fixed, whereas the ORM's texts vary without bound (IN lists), and each name lives as long as its
 * connection.
 */
export function ledgerStatementName(query: { sql: string }): string {
  if (!query.sql.startsWith(MARKER)) return '';
  let name = names.get(query.sql);
  if (!name) {
    name = `ledger_posting_${createHash('sha256').update(query.sql).digest('hex').slice(0, 16)}`;
    names.set(query.sql, name);
  }
  return name;
}
