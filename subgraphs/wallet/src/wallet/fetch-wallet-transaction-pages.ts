import type { PageBatch, PageRow } from '@gametriggers/federation';
import type { Db } from '../db';

/** What narrows a wallet's transaction list; every part optional (null = no filter). */
export interface WalletTransactionFilter {
  kind: string | null;
  currency: string | null;
  /** ISO instants: createdAt >= since, createdAt < until. */
  since: string | null;
  until: string | null;
}

/**
 * `fetchPages` for `createPageLoader`: one page of transactions for each wallet of a batch, in one
 * query. A transaction belongs to a wallet when it has an entry on one of the wallet's accounts.
 */
export function fetchWalletTransactionPages(db: Db) {
  return (batch: PageBatch<WalletTransactionFilter>) => db.$queryRaw<PageRow[]>`
    SELECT page.ordinal, tx.id
      FROM unnest(${batch.parentIds}::uuid[], ${batch.afterIds}::uuid[]) WITH ORDINALITY AS page(wallet_id, after_id, ordinal)
     CROSS JOIN LATERAL (
       SELECT DISTINCT e."transactionId" AS id
         FROM "LedgerEntry" e
         JOIN "LedgerAccount" a ON a."id" = e."accountId"
         JOIN "LedgerTransaction" t ON t."id" = e."transactionId"
        WHERE a."walletId" = page.wallet_id
          AND (page.after_id IS NULL OR e."transactionId" < page.after_id)
          AND (${batch.filter.kind}::text IS NULL OR t."kind"::text = ${batch.filter.kind}::text)
          AND (${batch.filter.currency}::text IS NULL OR e."currency" = ${batch.filter.currency}::text)
          AND (${batch.filter.since}::timestamptz IS NULL OR t."createdAt" >= ${batch.filter.since}::timestamptz AT TIME ZONE 'UTC')
          AND (${batch.filter.until}::timestamptz IS NULL OR t."createdAt" < ${batch.filter.until}::timestamptz AT TIME ZONE 'UTC')
        ORDER BY e."transactionId" DESC
        LIMIT ${batch.take}::int
     ) tx`;
}
