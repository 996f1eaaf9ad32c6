import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import type { Rule } from './engine-types';

interface CachedRules {
  version: string;
  rules: Rule[];
}

/** The enabled rules last read by each client, with the version of the rule set they were read at. */
const cache = new WeakMap<object, CachedRules>();

/**
 * The enabled rules as of `version` (the "ConflictRuleVersion" row, read with the campaign's facts
 * in the same statement): from memory when the rule set has not changed since they were read,
 * otherwise read again. Rules change rarely and the version row is bumped by a trigger in the
 * same transaction as any change (migration `*_rule_version`), so the very next evaluation after a
 * change, in this process or another one, sees it. A null version (the row is missing) reads the
 * rules every time. Keyed by client: a transaction client never shares rules with the pool's.
 */
export async function enabledRules(db: Db | Prisma.TransactionClient, version: string | null): Promise<Rule[]> {
  const cached = cache.get(db);
  if (version !== null && cached?.version === version) return cached.rules;
  const loaded = await readRules(db);
  if (loaded.version !== null) cache.set(db, { version: loaded.version, rules: loaded.rules });
  return loaded.rules;
}

/**
 * The enabled rules and the version they belong to, in one statement (one snapshot): a change
 * committed between two separate reads could otherwise be cached under the wrong version. Through
 * Prisma, as before the cache: rules are read rarely, and their values (enums, dates, JSON) keep
 * the types the rest of the subgraph knows.
 */
async function readRules(db: Db | Prisma.TransactionClient): Promise<{ version: string | null; rules: Rule[] }> {
  const rows = await (db as Db).$queryRaw<(Rule & { ruleSetVersion: string | null })[]>`
    SELECT v."ruleSetVersion", r.*
    FROM (SELECT (SELECT "version"::text FROM "ConflictRuleVersion") AS "ruleSetVersion") v
    LEFT JOIN "ConflictRule" r ON r."enabled"`;
  const version = rows[0]?.ruleSetVersion ?? null;
  const rules = rows.filter((row) => row.id !== null).map(({ ruleSetVersion: _version, ...rule }) => rule as Rule);
  return { version, rules };
}
