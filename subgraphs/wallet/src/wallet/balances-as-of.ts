import type { Db } from '../db';
import type { LedgerAccountKind } from '../generated/prisma/enums';

/**
 * A wallet's account balances as they were at `asOf`, rebuilt from the journal alone: the sum of the
 * entries of transactions created at or before that instant (the stored balances are not read).
 */
export async function balancesAsOf(db: Db, walletId: string, asOf: Date) {
  const rows = await db.$queryRaw<{ kind: LedgerAccountKind; currency: string; balanceMinor: bigint }[]>`
    SELECT a."kind", a."currency", sum(e."amountMinor")::bigint AS "balanceMinor"
      FROM "LedgerEntry" e
      JOIN "LedgerAccount" a ON a."id" = e."accountId"
      JOIN "LedgerTransaction" t ON t."id" = e."transactionId"
     WHERE a."walletId" = ${walletId}::uuid AND t."createdAt" <= ${asOf.toISOString()}::timestamptz AT TIME ZONE 'UTC'
     GROUP BY a."kind", a."currency"`;
  return rows;
}
