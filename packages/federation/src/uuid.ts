/** A canonical UUID (any version, any case), the only text a `@db.Uuid` column accepts. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether `value` can name a row: ids are UUIDs in the database, so anything else can only be
 * "not found", and must not reach SQL (PostgreSQL would reject the whole statement).
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
