import type { Db } from '../db';
import { queryRows } from '../db';
import { Prisma } from '../generated/prisma/client';
import { COMPETING_SQL } from './competing';
import { conditionPrefilter } from './condition-prefilter';
import type { Condition } from './custom-condition';
import { bindingsOf } from './custom-condition';
import type { Facts, Rule } from './engine-types';

/**
 * The columns the evaluator reads, typed as it expects them whether read through pg or Prisma
 * (see queryRows): the timestamps (UTC, without time zone) as timestamptz, uuids as text.
 */
export const FACTS_COLUMNS = Prisma.sql`"campaignId"::text AS "campaignId", "brandId"::text AS "brandId", "status", "categories",
  "effectiveCategories", "platforms", "countries", ("startsAt" AT TIME ZONE 'UTC') AS "startsAt",
  ("endsAt" AT TIME ZONE 'UTC') AS "endsAt", "streamerIds"::text[] AS "streamerIds"`;

/**
 * The campaigns the enabled rules could flag for `subject`, by indexed lookups, never a scan of
 * every campaign: each arm is one question the rules ask, restricted to competing campaigns whose
 * window (tstzrange) overlaps the subject's, each answered from its own index:
 *  - the subject's streamers (TIME_OVERLAP, FREQUENCY_CAP, CUSTOM rules reading `streamer.*` and
 *    `other.*`), over the window widened by the longest frequency-cap period: GIN on streamerIds;
 *  - the competing categories the subject is in (CATEGORY_CONFLICT): GiST on (category, window)
 *    of CampaignCategoryWindow;
 *  - the brands holding an exclusivity on the subject's platforms: B-tree on brandId; when the
 *    subject's brand holds one, every campaign on that platform overlapping: GiST on the window;
 *  - what each CUSTOM rule reading `other.*` could match (its prefilter: the category GiST, GIN on
 *    the other arrays, the window's GiST when nothing narrower applies).
 * The arms are united; the evaluator then decides exactly, so this only has to be a superset of
 * what matters (the property test checks it against a naive scan).
 */
export async function loadCandidates(
  db: Db | Prisma.TransactionClient,
  subject: Facts,
  rules: readonly Rule[],
  streamerId?: string,
): Promise<Facts[]> {
  const query = candidatesQuery(subject, rules, streamerId);
  return query ? uniqueCampaigns(await queryRows<Facts>(db, query)) : [];
}

/**
 * A campaign found by several arms once. The arms are joined with UNION ALL, not UNION: UNION
 * hashed every wide row (arrays included) inside PostgreSQL, half the lookup's time when an arm
 * returns thousands of campaigns (an exclusivity holder: 10 of 21 ms), while duplicates are rare
 * and cheap to drop here by id.
 */
function uniqueCampaigns(rows: Facts[]): Facts[] {
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.campaignId) && (seen.add(row.campaignId), true));
}

/**
 * What the enabled rules ask about `subject` (or one streamer's participation in it): the arms of
 * the candidate lookup, whatever answers them (SQL here, the in-memory copy in facts-replica.ts).
 */
export interface CandidatePlan {
  /** Campaigns booking these streamers, over the window widened by `reachMinutes` (empty: none). */
  streamers: string[];
  reachMinutes: number;
  /** Campaigns in these (effective) categories overlapping the window. */
  categories: string[];
  /** Campaigns on these platforms overlapping the window (the subject's brand holds an exclusivity there). */
  exclusivePlatforms: string[];
  /** These brands' campaigns overlapping the window (they hold an exclusivity on one of the subject's platforms). */
  exclusiveBrands: string[];
  /** CUSTOM rules reading `other.*` but not `streamer.*`: each narrowed by its prefilter. */
  conditions: Condition[];
}

export function candidatePlan(subject: Facts, rules: readonly Rule[], streamerId?: string): CandidatePlan {
  const participation = streamerId !== undefined;
  let byStreamer = false;
  let reachMinutes = 0;
  const categories = new Set<string>();
  const exclusivePlatforms = new Set<string>();
  const exclusiveBrands = new Set<string>();
  const conditions: Condition[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    switch (rule.type) {
      case 'TIME_OVERLAP':
        byStreamer = true;
        break;
      case 'FREQUENCY_CAP':
        byStreamer = true;
        reachMinutes = Math.max(reachMinutes, rule.periodMinutes ?? 0);
        break;
      case 'CATEGORY_CONFLICT':
        if (!participation && rule.competingCategories.some((category) => subject.effectiveCategories.includes(category))) {
          rule.competingCategories.forEach((category) => categories.add(category));
        }
        break;
      case 'PLATFORM_EXCLUSIVITY': {
        const platform = rule.exclusivePlatform;
        if (participation || !platform || !subject.platforms.includes(platform) || !rule.exclusiveBrandId) break;
        if (rule.exclusiveBrandId === subject.brandId) exclusivePlatforms.add(platform);
        else exclusiveBrands.add(rule.exclusiveBrandId);
        break;
      }
      case 'CUSTOM': {
        const condition = rule.condition as unknown as Condition;
        const bindings = bindingsOf(condition);
        if (!bindings.other) break;
        if (bindings.streamer) byStreamer = true;
        else if (!participation) conditions.push(condition);
      }
    }
  }
  const streamers = participation ? [streamerId] : subject.streamerIds;
  return {
    streamers: byStreamer ? streamers : [],
    reachMinutes,
    categories: [...categories],
    exclusivePlatforms: [...exclusivePlatforms],
    exclusiveBrands: [...exclusiveBrands],
    conditions,
  };
}

/** The SQL of loadCandidates (null when no rule can flag anything): for tools and EXPLAIN. */
export function candidatesQuery(subject: Facts, rules: readonly Rule[], streamerId?: string): Prisma.Sql | null {
  const plan = candidatePlan(subject, rules, streamerId);
  const window = (minutes: number) =>
    Prisma.sql`tstzrange(${new Date(subject.startsAt.getTime() - minutes * 60_000).toISOString()}::timestamptz,
      ${new Date(subject.endsAt.getTime() + minutes * 60_000).toISOString()}::timestamptz, '[)')`;
  const arms: Prisma.Sql[] = [];
  let everything = false;
  for (const condition of plan.conditions) {
    const prefilter = conditionPrefilter(condition, subject, window(0));
    if (prefilter === true || prefilter === 'unknown') everything = true;
    else if (prefilter !== false) arms.push(prefilter);
  }
  /**
   * One arm. `byKey`: the arm's own index (B-tree, GIN) finds few rows, and the window is checked on
   * them; otherwise the planner may also use the window's GiST, which costs a scan of every campaign
   * overlapping the window (thousands) just to intersect with a handful.
   */
  const select = (predicate: Prisma.Sql, { minutes = 0, byKey = false } = {}) => {
    const from = new Date(subject.startsAt.getTime() - minutes * 60_000).toISOString();
    const to = new Date(subject.endsAt.getTime() + minutes * 60_000).toISOString();
    const overlaps = byKey
      ? Prisma.sql`"startsAt" < (${to}::timestamptz AT TIME ZONE 'UTC') AND "endsAt" > (${from}::timestamptz AT TIME ZONE 'UTC')`
      : Prisma.sql`"window" && ${window(minutes)}`;
    return Prisma.sql`SELECT ${FACTS_COLUMNS} FROM "CampaignFacts"
      WHERE ${COMPETING_SQL} AND ${overlaps} AND "campaignId" <> ${subject.campaignId}::uuid AND ${predicate}`;
  };

  const queries: Prisma.Sql[] = [];
  if (everything) queries.push(select(Prisma.sql`TRUE`));
  else {
    if (plan.categories.length) {
      // GiST on (category, window) of CampaignCategoryWindow: only the rows of these categories in the window.
      arms.push(Prisma.sql`"campaignId" IN (SELECT "campaignId" FROM "CampaignCategoryWindow"
        WHERE "category" = ANY(${plan.categories}::text[]) AND "window" && ${window(0)})`);
    }
    if (plan.exclusivePlatforms.length) arms.push(Prisma.sql`"platforms" && ${plan.exclusivePlatforms}::text[]`);
    queries.push(...arms.map((arm) => select(arm)));
    if (plan.exclusiveBrands.length) {
      // Not narrowed by platform here: the planner would intersect with the platforms GIN (tens of
      // thousands of entries) for a brand's tens of campaigns; the evaluator checks the platform.
      queries.push(select(Prisma.sql`"brandId" = ANY(${plan.exclusiveBrands}::uuid[])`, { byKey: true }));
    }
  }
  if (plan.streamers.length) {
    queries.push(select(Prisma.sql`"streamerIds" && ${plan.streamers}::uuid[]`, { minutes: plan.reachMinutes, byKey: true }));
  }
  return queries.length ? Prisma.join(queries, ' UNION ALL ') : null;
}
