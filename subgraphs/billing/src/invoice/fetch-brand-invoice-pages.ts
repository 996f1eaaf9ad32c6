import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import type { PageRequest, PageRows } from '../pagination/page-loader';
import { isUuid } from '../pagination/uuid';
import { InvoiceStatus } from './invoice.type';

/** Matches no invoice: stands in for an id that is not a UUID, so it never reaches a uuid cast. */
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

function statusCondition(status: InvoiceStatus | null, now: Date): Prisma.Sql {
  switch (status) {
    case null:
      return Prisma.sql`TRUE`;
    case InvoiceStatus.OVERDUE:
      return Prisma.sql`i."status" = 'ISSUED' AND i."dueAt" < ${now}`;
    case InvoiceStatus.ISSUED:
      return Prisma.sql`i."status" = 'ISSUED' AND i."dueAt" >= ${now}`;
    default:
      return Prisma.sql`i."status"::text = ${status}`;
  }
}

/** One page of invoices for each requested brand, in one query; newest first (ids are UUIDv7). */
export async function fetchBrandInvoicePages(
  db: Db,
  requests: PageRequest<unknown>[],
  take: number,
  status: InvoiceStatus | null,
): Promise<PageRows> {
  const brandIds = requests.map((request) => (isUuid(request.parentId) ? request.parentId : NIL_UUID));
  const afterIds = requests.map((request) => request.afterId ?? '');
  const rows = await db.$queryRaw<{ position: bigint; id: string }[]>`
    SELECT k.position, page.id
      FROM unnest(${brandIds}::text[], ${afterIds}::text[]) WITH ORDINALITY AS k(brand_id, after_id, position)
     CROSS JOIN LATERAL (
       SELECT i."id"
         FROM "Invoice" i
        WHERE i."brandId" = k.brand_id::uuid
          AND (k.after_id = '' OR i."id" < k.after_id::uuid)
          AND ${statusCondition(status, new Date())}
        ORDER BY i."id" DESC
        LIMIT ${take}::int
     ) page
     ORDER BY k.position, page.id DESC`;
  return rows.map((row) => ({ index: Number(row.position) - 1, id: row.id }));
}
