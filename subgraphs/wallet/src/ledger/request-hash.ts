import { createHash } from 'node:crypto';

/**
 * SHA-256 of a request's defining parameters (bigints as strings, keys in the order given).
 * Callers build the object the same way every time, so equal requests hash equal.
 */
export function requestHash(request: Record<string, unknown>): string {
  const json = JSON.stringify(request, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  return createHash('sha256').update(json).digest('hex');
}
