import type { PageBatch, PageRow } from '@gametriggers/federation';
import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';

/** Which child list: identifiers come from this fixed set only, never from a request. */
export interface ChildList {
  table: 'Campaign' | 'Participation';
  parentColumn: 'brandId' | 'campaignId' | 'streamerId';
}

/**
 * `fetchPages` for `createPageLoader`: one page of a child list (filtered by `status` when the batch
 * has a filter) for every parent of a batch, in one query, whatever the parents and their cursors.
 */
export function fetchChildPages(db: Db, list: ChildList) {
  const table = Prisma.raw(`"${list.table}"`);
  const parent = Prisma.raw(`"${list.parentColumn}"`);
  return (batch: PageBatch<string | null>) => db.$queryRaw<PageRow[]>`
    SELECT page.ordinal, child.id::text AS id
      FROM unnest(${batch.parentIds}::uuid[], ${batch.afterIds}::uuid[]) WITH ORDINALITY AS page(parent_id, after_id, ordinal)
     CROSS JOIN LATERAL (
       SELECT c.id
         FROM ${table} c
        WHERE c.${parent} = page.parent_id
          AND (page.after_id IS NULL OR c.id < page.after_id)
          AND (${batch.filter}::text IS NULL OR c.status::text = ${batch.filter}::text)
        ORDER BY c.id DESC
        LIMIT ${batch.take}::int
     ) child`;
}
