import { BadUserInputError } from '@gametriggers/federation';
import type { Db } from '../db';
import type { LedgerAccountKind, LedgerTransactionKind } from '../generated/prisma/enums';
import type { LedgerOwner } from '../ledger/ledger-owner';

/** More lines than this in one statement: ask for a shorter period. */
export const MAX_STATEMENT_LINES = 10_000;

export interface StatementLineRow {
  transactionId: string;
  createdAt: Date;
  kind: LedgerTransactionKind;
  description: string;
  accountKind: LedgerAccountKind;
  amountMinor: bigint;
  balanceAfterMinor: bigint;
}

export interface CurrencyStatementRow {
  currency: string;
  openingMinor: bigint;
  closingMinor: bigint;
  creditsMinor: bigint;
  debitsMinor: bigint;
  lines: StatementLineRow[];
}

const iso = (date: Date) => date.toISOString();

/**
 * An owner's statement for [from, to): per currency, the balance (available + held) before `from`,
 * every entry on the owner's accounts in the period with the running balance, and the balance at the
 * end. Rebuilt from the journal alone (transactions' createdAt), so it is the same whenever asked.
 */
export async function buildStatement(
  db: Db,
  owner: LedgerOwner,
  from: Date,
  to: Date,
  currency: string | null,
): Promise<CurrencyStatementRow[]> {
  if (to <= from) throw new BadUserInputError('to', 'to must be after from');
  const openings = await db.$queryRaw<{ currency: string; total: bigint }[]>`
    SELECT a."currency", coalesce(sum(e."amountMinor"), 0)::bigint AS "total"
      FROM "LedgerAccount" a
      JOIN "LedgerEntry" e ON e."accountId" = a."id"
      JOIN "LedgerTransaction" t ON t."id" = e."transactionId"
     WHERE a."ownerType"::text = ${owner.ownerType} AND a."ownerId" IS NOT DISTINCT FROM ${owner.ownerId}::uuid
       AND (${currency}::text IS NULL OR a."currency" = ${currency}::text)
       AND t."createdAt" < ${iso(from)}::timestamptz AT TIME ZONE 'UTC'
     GROUP BY a."currency"`;
  const lines = await db.$queryRaw<(Omit<StatementLineRow, 'balanceAfterMinor'> & { currency: string })[]>`
    SELECT t."id"::text AS "transactionId", t."createdAt", t."kind", t."description", a."kind" AS "accountKind",
           a."currency", e."amountMinor"
      FROM "LedgerAccount" a
      JOIN "LedgerEntry" e ON e."accountId" = a."id"
      JOIN "LedgerTransaction" t ON t."id" = e."transactionId"
     WHERE a."ownerType"::text = ${owner.ownerType} AND a."ownerId" IS NOT DISTINCT FROM ${owner.ownerId}::uuid
       AND (${currency}::text IS NULL OR a."currency" = ${currency}::text)
       AND t."createdAt" >= ${iso(from)}::timestamptz AT TIME ZONE 'UTC'
       AND t."createdAt" < ${iso(to)}::timestamptz AT TIME ZONE 'UTC'
     ORDER BY t."createdAt", t."id", e."id"
     LIMIT ${MAX_STATEMENT_LINES + 1}`;
  if (lines.length > MAX_STATEMENT_LINES)
    throw new BadUserInputError('to', `more than ${MAX_STATEMENT_LINES} lines: ask for a shorter period`);

  const byCurrency = new Map<string, CurrencyStatementRow>();
  const statementOf = (code: string) => {
    let statement = byCurrency.get(code);
    if (!statement) {
      const opening = openings.find((row) => row.currency === code)?.total ?? 0n;
      statement = { currency: code, openingMinor: opening, closingMinor: opening, creditsMinor: 0n, debitsMinor: 0n, lines: [] };
      byCurrency.set(code, statement);
    }
    return statement;
  };
  for (const row of openings) statementOf(row.currency);
  for (const { currency: code, ...line } of lines) {
    const statement = statementOf(code);
    statement.closingMinor += line.amountMinor;
    if (line.amountMinor > 0n) statement.creditsMinor += line.amountMinor;
    else statement.debitsMinor -= line.amountMinor;
    statement.lines.push({ ...line, balanceAfterMinor: statement.closingMinor });
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
