import { describe, expect, it } from 'vitest';
import { createPageLoader } from './page-loader';
import type { PageBatch, PageRow } from './page-loader';

// Children of two parents, ids in creation order (as UUIDv7 ids sort).
const P1 = '00000000-0000-7000-8000-000000000001';
const P2 = '00000000-0000-7000-8000-000000000002';
const child = (n: number) => `00000000-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`;
const CHILDREN = [
  { id: child(1), parentId: P1, kind: 'a' },
  { id: child(2), parentId: P2, kind: 'a' },
  { id: child(3), parentId: P1, kind: 'b' },
  { id: child(4), parentId: P1, kind: 'a' },
  { id: child(5), parentId: P2, kind: 'b' },
];

/** An in-memory `fetchPages` that records its batches and answers rows in no particular order. */
function fakeDatabase() {
  const batches: PageBatch<string | null>[] = [];
  const byIdCalls: string[][] = [];
  const fetchPages = async (batch: PageBatch<string | null>): Promise<PageRow[]> => {
    batches.push(batch);
    return batch.parentIds.flatMap((parentId, index) =>
      CHILDREN.filter((row) => row.parentId === parentId)
        .filter((row) => batch.filter === null || row.kind === batch.filter)
        .filter((row) => batch.afterIds[index] === null || row.id < batch.afterIds[index]!)
        .sort((a, b) => b.id.localeCompare(a.id))
        .slice(0, batch.take)
        .reverse()
        .map((row) => ({ ordinal: BigInt(index + 1), id: row.id })),
    );
  };
  const fetchByIds = async (ids: string[]) => {
    byIdCalls.push(ids);
    return CHILDREN.filter((row) => ids.includes(row.id) && row.id !== child(3));
  };
  return { batches, byIdCalls, loader: createPageLoader({ fetchPages, fetchByIds }) };
}

const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

describe('createPageLoader', () => {
  it('answers pages of many parents, with different cursors, in one query per page size and filter', async () => {
    const { batches, byIdCalls, loader } = fakeDatabase();
    const [first, upper, after, other, filtered] = await Promise.all([
      loader.load({ parentId: P1, take: 2, filter: null }),
      loader.load({ parentId: P2.toUpperCase(), take: 2, filter: null }),
      loader.load({ parentId: P1, take: 2, afterId: child(4), filter: null }),
      loader.load({ parentId: P1, take: 3, filter: null }),
      loader.load({ parentId: P1, take: 2, filter: 'a' }),
    ]);
    // Newest first whatever order the query returned; child 3 vanished before its row was loaded.
    expect(ids(first!)).toEqual([child(4)]);
    expect(ids(upper!)).toEqual([child(5), child(2)]);
    expect(ids(after!)).toEqual([child(1)]);
    expect(ids(other!)).toEqual([child(4), child(1)]);
    expect(ids(filtered!)).toEqual([child(4), child(1)]);
    expect(batches).toEqual([
      { parentIds: [P1, P2, P1], afterIds: [null, null, child(4)], take: 2, filter: null },
      { parentIds: [P1], afterIds: [null], take: 3, filter: null },
      { parentIds: [P1], afterIds: [null], take: 2, filter: 'a' },
    ]);
    expect(byIdCalls).toHaveLength(1);
  });

  it('gives an id that is not a UUID an empty page without asking the database', async () => {
    const { batches, byIdCalls, loader } = fakeDatabase();
    expect(await loader.load({ parentId: 'voltage', take: 2, filter: null })).toEqual([]);
    expect(await loader.load({ parentId: P1, take: 2, afterId: 'nope', filter: null })).toEqual([]);
    expect(batches).toEqual([]);
    expect(byIdCalls).toEqual([]);
  });
});
