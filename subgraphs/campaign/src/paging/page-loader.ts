import DataLoader from 'dataloader';
import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import { isUuid } from '../ids';

/** One page of one parent's children: what `paginate` asks for (`take` = page size + 1). */
export interface PageKey {
  parentId: string;
  take: number;
  afterId?: string | undefined;
  status?: string | null | undefined;
}

/** Which child list: identifiers come from this fixed set only, never from a request. */
export interface ChildList {
  table: 'Campaign' | 'Participation';
  parentColumn: 'brandId' | 'campaignId' | 'streamerId';
}

interface RankedId {
  id: string;
  parentId: string;
}

/**
 * A per-request loader of pages of children for many parents at once (Brand.campaigns on every
 * brand the router asks about). Keys with the same page arguments share one query that ranks
 * each parent's children with a window function and keeps `take` per parent; one more query
 * loads those rows. So a batch costs two queries per distinct set of page arguments, however
 * many parents it holds. Children come newest first (id descending), like `pageQuery`.
 */
export function createPageLoader<T extends { id: string }>(db: Db, list: ChildList, fetchByIds: (ids: string[]) => Promise<T[]>) {
  const table = Prisma.raw(`"${list.table}"`);
  const parent = Prisma.raw(`"${list.parentColumn}"`);

  const rankedIds = (parentIds: string[], key: PageKey) => db.$queryRaw<RankedId[]>`
    SELECT id, "parentId" FROM (
      SELECT id::text AS id, ${parent}::text AS "parentId",
             row_number() OVER (PARTITION BY ${parent} ORDER BY id DESC) AS rank
      FROM ${table}
      WHERE ${parent} = ANY(${parentIds}::uuid[])
        AND (${key.status ?? null}::text IS NULL OR status::text = ${key.status ?? null}::text)
        AND (${key.afterId ?? null}::uuid IS NULL OR id < ${key.afterId ?? null}::uuid)
    ) ranked
    WHERE rank <= ${key.take}
    ORDER BY "parentId", rank`;

  return new DataLoader<PageKey, T[], string>(
    async (keys) => {
      const groups = new Map<string, PageKey[]>();
      for (const key of keys) {
        const args = argsKey(key);
        groups.set(args, [...(groups.get(args) ?? []), key]);
      }
      const idsByKey = new Map<string, string[]>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const first = group[0]!;
          const parentIds = [...new Set(group.map((key) => key.parentId))].filter(isUuid);
          const ranked = parentIds.length ? await rankedIds(parentIds, first) : [];
          for (const row of ranked) {
            const key = cacheKey({ ...first, parentId: row.parentId });
            idsByKey.set(key, [...(idsByKey.get(key) ?? []), row.id]);
          }
        }),
      );
      const allIds = [...idsByKey.values()].flat();
      const rows = allIds.length ? await fetchByIds(allIds) : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return keys.map((key) => (idsByKey.get(cacheKey(key)) ?? []).flatMap((id) => byId.get(id) ?? []));
    },
    { cacheKeyFn: cacheKey },
  );
}

function argsKey(key: PageKey): string {
  return JSON.stringify([key.take, key.afterId ?? null, key.status ?? null]);
}

function cacheKey(key: PageKey): string {
  return JSON.stringify([key.parentId.toLowerCase(), key.take, key.afterId ?? null, key.status ?? null]);
}
