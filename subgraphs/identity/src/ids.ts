/** A canonical UUID (any version), as the `@db.Uuid` columns accept. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs in the database: anything else can only be "not found", never a query error. */
export const isUuid = (value: string) => UUID_PATTERN.test(value);
