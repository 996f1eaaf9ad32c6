import type { PageBatch, PageRow } from '@gametriggers/federation';
import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import { InvoiceStatus } from './invoice.type';

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

/** `fetchPages` for `createPageLoader`: one page of invoices for each brand of a batch, in one query. */
export function fetchBrandInvoicePages(db: Db) {
  return (batch: PageBatch<InvoiceStatus | null>) => db.$queryRaw<PageRow[]>`
    SELECT page.ordinal, invoice.id
      FROM unnest(${batch.parentIds}::uuid[], ${batch.afterIds}::uuid[]) WITH ORDINALITY AS page(brand_id, after_id, ordinal)
     CROSS JOIN LATERAL (
       SELECT i."id"
         FROM "Invoice" i
        WHERE i."brandId" = page.brand_id
          AND (page.after_id IS NULL OR i."id" < page.after_id)
          AND ${statusCondition(batch.filter, new Date())}
        ORDER BY i."id" DESC
        LIMIT ${batch.take}::int
     ) invoice`;
}
