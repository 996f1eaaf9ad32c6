import DataLoader from 'dataloader';

/** One page of one parent's list: at most `take` ids after `afterId`, newest first. */
export interface PageRequest<F> {
  parentId: string;
  take: number;
  afterId?: string | undefined;
  filter: F;
}

/** The ids of a page, by the position (0-based) of its request in the batch. */
export type PageRows = { index: number; id: string }[];

const cacheKey = (request: PageRequest<unknown>) =>
  JSON.stringify([request.parentId, request.take, request.afterId ?? null, request.filter]);

/**
 * A per-request loader of list pages for many parents at once: the router asks for a list field on many
 * entities in one `_entities` call, and this turns that into one query per window size and filter
 * instead of one per parent. `fetch` answers every request of a group, e.g. with a LATERAL join over
 * `unnest(parentIds, afterIds) WITH ORDINALITY`.
 */
export function createPageLoader<F>(fetch: (requests: PageRequest<F>[], take: number, filter: F) => Promise<PageRows>) {
  return new DataLoader<PageRequest<F>, { id: string }[], string>(
    async (requests) => {
      const groups = new Map<string, { request: PageRequest<F>; position: number }[]>();
      requests.forEach((request, position) => {
        const key = JSON.stringify([request.take, request.filter]);
        groups.set(key, [...(groups.get(key) ?? []), { request, position }]);
      });
      const pages: { id: string }[][] = requests.map(() => []);
      for (const group of groups.values()) {
        const [first] = group;
        if (!first) continue;
        const rows = await fetch(
          group.map((item) => item.request),
          first.request.take,
          first.request.filter,
        );
        for (const row of rows) {
          const item = group[row.index];
          if (item) pages[item.position]?.push({ id: row.id });
        }
      }
      return pages;
    },
    { cacheKeyFn: cacheKey },
  );
}
