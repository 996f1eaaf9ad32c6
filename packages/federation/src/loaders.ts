import DataLoader from 'dataloader';
import { isUuid } from './uuid';

/**
 * A per-request loader that fetches many rows by id in one query and hands each caller its row
 * (or null): what keeps `_entities` and list fields from becoming N+1 queries.
 */
export function createByIdLoader<T extends { id: string }>(fetchMany: (ids: string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (ids) => {
    // Ids are UUIDs: anything else cannot exist, and would make PostgreSQL reject the whole batch.
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await fetchMany(valid) : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Like createByIdLoader, for one-to-many: every key gets the (possibly empty) list of its rows. */
export function createGroupLoader<T, K extends string>(fetchMany: (keys: K[]) => Promise<T[]>, keyOf: (row: T) => K) {
  return new DataLoader<K, T[]>(async (keys) => {
    const rows = await fetchMany([...keys]);
    const groups = new Map<K, T[]>();
    for (const row of rows) {
      const key = keyOf(row);
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}
