import type { Db } from '../db';
import type { PageRequest, PageRows } from '../pagination/page-loader';

/**
 * One page of transactions for each requested wallet, in one query: a transaction belongs to a wallet
 * when it has an entry on one of the wallet's accounts. Newest first (ids are UUIDv7).
 */
export async function fetchWalletTransactionPages(
  db: Db,
  requests: PageRequest<unknown>[],
  take: number,
  kind: string | null,
): Promise<PageRows> {
  const walletIds = requests.map((request) => request.parentId);
  const afterIds = requests.map((request) => request.afterId ?? '');
  const rows = await db.$queryRaw<{ position: bigint; id: string }[]>`
    SELECT k.position, page.id
      FROM unnest(${walletIds}::text[], ${afterIds}::text[]) WITH ORDINALITY AS k(wallet_id, after_id, position)
     CROSS JOIN LATERAL (
       SELECT DISTINCT e."transactionId" AS id
         FROM "LedgerEntry" e
         JOIN "LedgerAccount" a ON a."id" = e."accountId"
         JOIN "LedgerTransaction" t ON t."id" = e."transactionId"
        WHERE a."walletId" = k.wallet_id::uuid
          AND (k.after_id = '' OR e."transactionId" < k.after_id::uuid)
          AND (${kind}::text IS NULL OR t."kind"::text = ${kind}::text)
        ORDER BY e."transactionId" DESC
        LIMIT ${take}::int
     ) page
     ORDER BY k.position, page.id DESC`;
  return rows.map((row) => ({ index: Number(row.position) - 1, id: row.id }));
}
