const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids that can be compared with a uuid column; any other string matches nothing (and must not reach SQL). */
export const isUuid = (value: string) => UUID.test(value);

export const onlyUuids = (values: readonly string[]) => values.filter(isUuid);
