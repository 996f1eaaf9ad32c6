import type { PageBatch, PageRow } from '@gametriggers/federation';
import type { Db } from '../db';

/**
 * `fetchPages` for `createPageLoader`: one page of transactions for each wallet of a batch, in one
 * query. A transaction belongs to a wallet when it has an entry on one of the wallet's accounts.
 */
export function fetchWalletTransactionPages(db: Db) {
  return (batch: PageBatch<string | null>) => db.$queryRaw<PageRow[]>`
    SELECT page.ordinal, tx.id
      FROM unnest(${batch.parentIds}::uuid[], ${batch.afterIds}::uuid[]) WITH ORDINALITY AS page(wallet_id, after_id, ordinal)
     CROSS JOIN LATERAL (
       SELECT DISTINCT e."transactionId" AS id
         FROM "LedgerEntry" e
         JOIN "LedgerAccount" a ON a."id" = e."accountId"
         JOIN "LedgerTransaction" t ON t."id" = e."transactionId"
        WHERE a."walletId" = page.wallet_id
          AND (page.after_id IS NULL OR e."transactionId" < page.after_id)
          AND (${batch.filter}::text IS NULL OR t."kind"::text = ${batch.filter}::text)
        ORDER BY e."transactionId" DESC
        LIMIT ${batch.take}::int
     ) tx`;
}
