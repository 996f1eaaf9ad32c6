import type { LedgerAccountKind } from '../generated/prisma/enums';
import { ownerKey } from './ledger-owner';
import type { LedgerOwner } from './ledger-owner';

/** How an account is named before its id is known: owner, kind, currency and shard. */
export const accountKey = (owner: LedgerOwner, kind: LedgerAccountKind, currency: string, shard = 0) =>
  `${ownerKey(owner)}:${kind}:${currency}:${shard}`;

/** More than this many ids and the cache of a client starts over (a bound on memory, not a correctness rule). */
const MAX_CACHED = 200_000;
const caches = new WeakMap<object, Map<string, string>>();

/**
 * Ids of accounts known to be committed, per database client (one client talks to one database).
 * Why this is safe to keep: an account is never deleted and never changes owner, kind, currency or
 * shard (the LedgerAccount_guard trigger), so a committed id stays the id of that account. Only ids
 * seen after a commit go in; a posting that finds an id missing anyway clears the cache and retries.
 * Why: resolving the accounts of a posting is otherwise one read per leg before the money moves.
 */
export function knownAccountIds(db: object): Map<string, string> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  if (cache.size > MAX_CACHED) cache.clear();
  return cache;
}
