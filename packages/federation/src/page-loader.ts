import DataLoader from 'dataloader';
import { isUuid } from './uuid';

/**
 * One page of one parent's children, as a list field asks for it through `paginate`:
 * `paginate(args, (window) => loader.load({ parentId, ...window, filter }))`.
 */
export interface PageKey<F> {
  /** The parent whose children are listed; an id that is not a UUID gets an empty page, with no query. */
  parentId: string;
  /** How many children to fetch: `paginate` asks for the page size plus one, to know if a next page exists. */
  take: number;
  /** Only children with a smaller id (the decoded `after` cursor); absent for the first page. */
  afterId?: string | undefined;
  /** What else narrows the list (a status, a kind...), `null` for nothing; compared by its JSON. */
  filter: F;
}

/**
 * The pages one query answers: every page of a batch with the same `take` and `filter`, whatever
 * their parents and cursors. `parentIds` and `afterIds` are aligned, one entry per page, and hold
 * lowercase UUIDs only, so they can be cast to `uuid[]` and unnested together.
 */
export interface PageBatch<F> {
  parentIds: string[];
  /** The cursor of each page, `null` for a first page. */
  afterIds: (string | null)[];
  take: number;
  filter: F;
}

/** One child in one page: `ordinal` is the 1-based position of its page in `PageBatch.parentIds`. */
export interface PageRow {
  ordinal: number | bigint;
  id: string;
}

export interface PageLoaderOptions<F, T extends { id: string }> {
  /**
   * The ids of every page of a batch, in one query: for each page, at most `take` children of its
   * parent, with an id below its cursor when it has one, that pass `filter`, highest ids first.
   * In PostgreSQL, a LATERAL join over the pages numbered `WITH ORDINALITY` does exactly that:
   *
   * ```sql
   * SELECT page.ordinal, child.id::text AS id
   *   FROM unnest(${parentIds}::uuid[], ${afterIds}::uuid[]) WITH ORDINALITY AS page(parent_id, after_id, ordinal)
   *  CROSS JOIN LATERAL (
   *    SELECT c.id FROM "Child" c
   *     WHERE c."parentId" = page.parent_id AND (page.after_id IS NULL OR c.id < page.after_id) AND <filter>
   *     ORDER BY c.id DESC LIMIT ${take}::int
   *  ) child
   * ```
   */
  fetchPages: (batch: PageBatch<F>) => Promise<PageRow[]>;
  /** The rows of the listed ids, in any order, in one query (a row that is gone is left out of its page). */
  fetchByIds: (ids: string[]) => Promise<T[]>;
}

/**
 * A per-request loader of one page of children for each of many parents: the router asks for a
 * list field (`Brand.invoices`, `Wallet.transactions`...) on many entities in one `_entities` call,
 * and this answers them all with one `fetchPages` query per distinct page size and filter (not per
 * parent, nor per cursor), then one `fetchByIds` query for all the rows. Pages come newest first
 * (id descending, as `paginate` and `pageQuery` expect), so a page's last id is its `endCursor`.
 */
export function createPageLoader<F, T extends { id: string }>(options: PageLoaderOptions<F, T>) {
  return new DataLoader<PageKey<F>, T[], string>(
    async (keys) => {
      const pages: string[][] = keys.map(() => []);
      const groups = new Map<string, { batch: PageBatch<F>; positions: number[] }>();
      keys.forEach((key, position) => {
        // Not a UUID: no such parent (or cursor row), and it must not make PostgreSQL reject the batch.
        if (!isUuid(key.parentId) || (key.afterId && !isUuid(key.afterId))) return;
        const groupKey = JSON.stringify([key.take, key.filter]);
        let group = groups.get(groupKey);
        if (!group) {
          group = { batch: { parentIds: [], afterIds: [], take: key.take, filter: key.filter }, positions: [] };
          groups.set(groupKey, group);
        }
        group.batch.parentIds.push(key.parentId.toLowerCase());
        group.batch.afterIds.push(key.afterId ? key.afterId.toLowerCase() : null);
        group.positions.push(position);
      });
      await Promise.all(
        [...groups.values()].map(async ({ batch, positions }) => {
          for (const row of await options.fetchPages(batch)) {
            const position = positions[Number(row.ordinal) - 1];
            if (position !== undefined) pages[position]?.push(row.id.toLowerCase());
          }
        }),
      );
      // Lowercase UUID text sorts like the uuid column, so the cursor order holds whatever order the query returned.
      for (const page of pages) page.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
      const ids = [...new Set(pages.flat())];
      const rows = ids.length ? await options.fetchByIds(ids) : [];
      const byId = new Map(rows.map((row) => [row.id.toLowerCase(), row]));
      return pages.map((page) => page.flatMap((id) => byId.get(id) ?? []));
    },
    { cacheKeyFn: (key) => JSON.stringify([key.parentId.toLowerCase(), key.take, key.afterId?.toLowerCase() ?? null, key.filter]) },
  );
}
