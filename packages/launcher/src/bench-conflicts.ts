/**
 * The conflict engine part of `npm run bench`, on real PostgreSQL: one campaign evaluated against
 * 100,000 campaigns (most of them competing: APPROVED, SCHEDULED, ACTIVE or PAUSED), 10,000
 * participations (accepted streamers) and 50 enabled rules of every type, in the conflict
 * subgraph's own schema (its migrations: tstzrange window with GiST, GIN on the arrays, triggers).
 *  1. indexed: `evaluateCampaigns` as `evaluateConflicts` runs it (one statement: the campaign's
 *     facts, the rule set's version and what changed since the in-memory copy of the other
 *     campaigns was last brought up to date; the rules from memory; the candidate lookup in the
 *     copy's interval indexes; the evaluator), for a few hundred random campaigns, after warming up
 *     on others: p50 / p99 / max;
 *  2. the same for one streamer's participation (`checkParticipation`);
 *  3. naive, in the same run: load every campaign, then evaluate in memory (what the engine would
 *     do without its index), and, as a diagnostic, the in-memory part alone on preloaded data.
 * Each naive answer is compared with the indexed one (a difference fails the bench).
 * PostgreSQL: BENCH_DATABASE_URL, DATABASE_URL or TEST_DATABASE_URL, else an embedded server.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { databaseUrl, dropDatabase, migrateDatabase, startEmbeddedPostgres } from '@gametriggers/prisma-tools';
import { candidatesQuery, conflictSubgraph, createDb, evaluateCampaigns, evaluateRules } from '@gametriggers/subgraph-conflict';
import type { Db, Evaluation, Facts, Rule } from '@gametriggers/subgraph-conflict';
import pg from 'pg';

const CAMPAIGNS = 100_000;
const PARTICIPATIONS = 10_000;
const BRANDS = 2_000;
const STREAMERS = 4_000;
/** Evaluations measured: a p99 of 1,000 is the tenth slowest (of 300, the third: one round trip's spike on a busy machine). */
const EVALUATIONS = 1_000;
const NAIVE_EVALUATIONS = 10;
const WARM_UP = 300;
const DAY = 86_400_000;
const START = Date.UTC(2027, 0, 1);
const SPAN_DAYS = 730;

const now = () => performance.now();
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

/** Deterministic data: the same world on every run. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]) => items[int(items.length)]!;
  const some = <T>(items: readonly T[], min: number, max: number) => {
    const count = min + int(max - min + 1);
    return [...new Set(Array.from({ length: count }, () => pick(items)))];
  };
  return { next, int, pick, some };
}

const uuid = (kind: number, index: number) =>
  `01930000-0000-7000-8${kind.toString(16).padStart(3, '0')}-${index.toString(16).padStart(12, '0')}`;

/**
 * A product taxonomy of the size of IAB's (30 roots of 10 children, e.g. beverages > energy-drinks:
 * about 300 leaves, so ~330 campaigns per leaf), and content categories (fps, racing, ...).
 */
const CHILDREN = 10;
const ROOTS = Array.from({ length: 30 }, (_, root) => `product-${root}`);
const PRODUCTS = ROOTS.flatMap((root) => Array.from({ length: CHILDREN }, (_, child) => `${root}-${child}`));
const CONTENT = Array.from({ length: 20 }, (_, index) => `content-${index}`);
const PLATFORMS = ['TWITCH', 'YOUTUBE', 'TIKTOK', 'KICK'];
const COUNTRIES = ['US', 'CA', 'GB', 'DE', 'FR', 'ES', 'IT', 'NL', 'SE', 'PL', 'BR', 'MX', 'JP', 'KR', 'AU', 'IN', 'TR', 'AT', 'CH', 'BE'];
const STATUSES = ['ACTIVE', 'ACTIVE', 'ACTIVE', 'SCHEDULED', 'SCHEDULED', 'APPROVED', 'PAUSED', 'DRAFT', 'COMPLETED', 'CANCELLED'];

export async function load(db: pg.Client) {
  const rnd = random(20_271_124);
  await db.query(`INSERT INTO "Category" ("slug", "parentSlug", "updatedAt") SELECT unnest($1::text[]), NULL, now()`, [ROOTS]);
  await db.query(`INSERT INTO "Category" ("slug", "parentSlug", "updatedAt") SELECT unnest($1::text[]), unnest($2::text[]), now()`, [
    PRODUCTS,
    PRODUCTS.map((slug) => slug.replace(/-\d+$/, '')),
  ]);
  const brandProduct = Array.from({ length: BRANDS }, () => rnd.pick(PRODUCTS));
  await db.query(
    `INSERT INTO "BrandFacts" ("brandId", "categories", "updatedAt") SELECT unnest($1::uuid[]), ARRAY[unnest($2::text[])], now()`,
    [brandProduct.map((_, index) => uuid(1, index)), brandProduct],
  );
  const streamers = Array.from({ length: STREAMERS }, (_, index) => uuid(2, index));
  await db.query(
    `INSERT INTO "StreamerFacts" ("streamerId", "country", "averageViewers", "categories", "platforms", "updatedAt")
     SELECT s, c, v, '{}', '{}', now() FROM unnest($1::uuid[], $2::text[], $3::int[]) AS x(s, c, v)`,
    [streamers, streamers.map(() => rnd.pick(COUNTRIES)), streamers.map(() => Math.floor(10 ** (1 + rnd.next() * 4)))],
  );
  // Participations: 10,000 (campaign, streamer) pairs.
  const booked = new Map<number, string[]>();
  for (let i = 0; i < PARTICIPATIONS; i += 1) {
    const campaign = rnd.int(CAMPAIGNS);
    booked.set(campaign, [...new Set([...(booked.get(campaign) ?? []), rnd.pick(streamers)])]);
  }
  const BATCH = 5_000;
  for (let first = 0; first < CAMPAIGNS; first += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, CAMPAIGNS - first) }, (_, offset) => {
      const index = first + offset;
      const brand = rnd.int(BRANDS);
      const startsAt = START + rnd.int(SPAN_DAYS) * DAY;
      return {
        campaignId: uuid(3, index),
        brandId: uuid(1, brand),
        status: rnd.pick(STATUSES),
        categories: [brandProduct[brand]!, ...rnd.some(CONTENT, 1, 2)],
        platforms: rnd.some(PLATFORMS, 1, 3),
        countries: rnd.some(COUNTRIES, 1, 3),
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + (7 + rnd.int(54)) * DAY).toISOString(),
        streamerIds: booked.get(index) ?? [],
      };
    });
    await db.query(
      `INSERT INTO "CampaignFacts" ("campaignId", "brandId", "status", "categories", "platforms", "countries", "startsAt", "endsAt", "streamerIds", "revision", "updatedAt")
       SELECT "campaignId", "brandId", "status", "categories", "platforms", "countries", "startsAt" AT TIME ZONE 'UTC', "endsAt" AT TIME ZONE 'UTC', "streamerIds", 1, now()
       FROM jsonb_to_recordset($1::jsonb) AS x("campaignId" uuid, "brandId" uuid, "status" text, "categories" text[], "platforms" text[],
         "countries" text[], "startsAt" timestamptz, "endsAt" timestamptz, "streamerIds" uuid[])`,
      [JSON.stringify(rows)],
    );
  }
  await db.query(
    `INSERT INTO "ConflictRule" ("id", "name", "description", "type", "severity", "priority", "competingCategories",
      "exclusiveBrandId", "exclusivePlatform", "minimumOverlapMinutes", "maxCampaigns", "periodMinutes", "condition", "updatedAt")
    SELECT gen_random_uuid(), r->>'name', '', (r->>'type')::"ConflictRuleType", (r->>'severity')::"ConflictSeverity", (r->>'priority')::int,
      ARRAY(SELECT jsonb_array_elements_text(coalesce(r->'competingCategories', '[]'))), (r->>'exclusiveBrandId')::uuid, r->>'exclusivePlatform',
      (r->>'minimumOverlapMinutes')::int, (r->>'maxCampaigns')::int, (r->>'periodMinutes')::int, r->'condition', now()
    FROM jsonb_array_elements($1::jsonb) AS r`,
    [JSON.stringify(rules(rnd))],
  );
  // VACUUM too, not only ANALYZE: the steady state of tables autovacuum has already been through
  // (hint bits set, visibility map), not an autovacuum of 100,000 fresh rows racing the measurement.
  await db.query('VACUUM ANALYZE');
  return { streamers, booked };
}

/** 50 rules: 20 competitive groups, 10 double-booking, 8 exclusivities, 4 caps, 8 custom. */
function rules(rnd: ReturnType<typeof random>) {
  const list: Record<string, unknown>[] = [];
  const add = (rule: Record<string, unknown>) =>
    list.push({ name: `rule ${list.length}`, severity: rnd.next() < 0.5 ? 'BLOCK' : 'WARN', priority: rnd.int(100), ...rule });
  for (let i = 0; i < 20; i += 1) {
    const root = ROOTS[i % ROOTS.length]!;
    const size = 2 + rnd.int(2);
    const first = rnd.int(CHILDREN - size + 1);
    add({ type: 'CATEGORY_CONFLICT', competingCategories: Array.from({ length: size }, (_, child) => `${root}-${first + child}`) });
  }
  for (let i = 0; i < 10; i += 1) add({ type: 'TIME_OVERLAP', minimumOverlapMinutes: i * 600 });
  for (let i = 0; i < 8; i += 1)
    add({ type: 'PLATFORM_EXCLUSIVITY', exclusiveBrandId: uuid(1, rnd.int(BRANDS)), exclusivePlatform: rnd.pick(PLATFORMS) });
  for (const [maxCampaigns, periodMinutes] of [
    [3, 0],
    [2, 60],
    [4, 1440],
    [6, 10080],
  ])
    add({ type: 'FREQUENCY_CAP', maxCampaigns, periodMinutes });
  for (let i = 0; i < 8; i += 1) {
    const product = rnd.pick(PRODUCTS);
    const conditions = [
      // Pairs: a product against the subject's, in shared countries.
      {
        all: [
          { field: 'other.categories', op: 'contains_any', value: [product] },
          { field: 'campaign.categories', op: 'contains_any', value: [rnd.pick(PRODUCTS)] },
          { field: 'other.countries', op: 'overlaps', ref: 'campaign.countries' },
        ],
      },
      // Streamers: small audiences in some countries for a product line.
      {
        all: [
          { field: 'campaign.categories', op: 'contains_any', value: [product.replace(/-\d+$/, '')] },
          { field: 'streamer.averageViewers', op: 'lt', value: 50 },
          { field: 'streamer.country', op: 'in', value: rnd.some(COUNTRIES, 2, 5) },
        ],
      },
      // The campaign alone: long campaigns on a platform.
      {
        all: [
          { field: 'campaign.platforms', op: 'contains_all', value: [rnd.pick(PLATFORMS)] },
          { field: 'campaign.durationDays', op: 'gt', value: 55 },
        ],
      },
      // A streamer booked by a rival product line at the same time.
      {
        all: [
          { field: 'other.categories', op: 'contains_any', value: [product] },
          { not: { field: 'other.brandId', op: 'eq', ref: 'campaign.brandId' } },
          { field: 'streamer.averageViewers', op: 'gte', value: 1000 },
        ],
      },
    ];
    add({ type: 'CUSTOM', condition: conditions[i % conditions.length] });
  }
  return list;
}

const summary = (evaluation: Evaluation) =>
  JSON.stringify([evaluation.decision, evaluation.violations.map((v) => [v.rule.name, v.otherCampaignIds, v.streamerIds, v.explanation])]);

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = now();
  const result = await work();
  return { ms: now() - started, result };
}

const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted[sorted.length - 1] ?? NaN };
};

/**
 * The candidate lookups of `subjects` as PostgreSQL runs them (EXPLAIN ANALYZE of the captured SQL):
 * server-side execution times, and every index their plans use.
 */
async function explainCandidates(sql: pg.Client, subjects: Facts[], rulesList: Rule[]) {
  const executionMs: number[] = [];
  const indexes = new Set<string>();
  const walk = (node: Record<string, unknown>) => {
    if (typeof node['Index Name'] === 'string') indexes.add(node['Index Name']);
    for (const child of (node['Plans'] as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  for (const subject of subjects) {
    const query = candidatesQuery(subject, rulesList);
    if (!query) continue;
    const { rows } = await sql.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${query.text}`, query.values);
    const [plan] = rows[0]['QUERY PLAN'] as { Plan: Record<string, unknown>; 'Execution Time': number }[];
    executionMs.push(plan!['Execution Time']);
    walk(plan!.Plan);
  }
  return { executionMs, indexes: [...indexes].sort() };
}

/** Runs the conflict engine benchmark; returns Markdown table rows. */
export async function benchConflicts(): Promise<{ table?: string; note?: string }> {
  let serverUrl = process.env['BENCH_DATABASE_URL'] ?? process.env['DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
  let embedded: { stop: () => Promise<void> } | undefined;
  let dataDir: string | undefined;
  if (!serverUrl) {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'gametriggers-bench-conflicts-'));
    await chmod(dataDir, 0o755);
    const started = await startEmbeddedPostgres(path.join(dataDir, 'postgres'));
    serverUrl = started.url;
    embedded = started;
  }
  const url = databaseUrl(serverUrl, `bench_conflicts_${randomBytes(4).toString('hex')}`);
  let db: Db | undefined;
  const sql = new pg.Client({ connectionString: url });
  try {
    await migrateDatabase(url, conflictSubgraph.migrationsDir);
    await sql.connect();
    const loadStarted = now();
    const { streamers, booked } = await load(sql);
    const loadSeconds = (now() - loadStarted) / 1000;
    db = createDb(url);
    const rnd = random(7);
    const campaignIds = Array.from({ length: EVALUATIONS }, () => uuid(3, rnd.int(CAMPAIGNS)));
    const bookedIds = [...booked.keys()];
    const withStreamers = Array.from({ length: EVALUATIONS }, () => uuid(3, rnd.pick(bookedIds)));

    // The first evaluation loads the engine's in-memory copy of the facts (facts-replica.ts).
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const copyLoad = await timed(() => evaluateCampaigns(db!, [{ campaignId: campaignIds[0]! }]));
    global.gc?.();
    const copyHeapMb = (process.memoryUsage().heapUsed - heapBefore) / 1_048_576;
    // Warm up to the steady state of a running subgraph (connections, plans, the JIT tiers of the
    // evaluator, the collection of the copy's load): other random campaigns and pairs than those measured.
    const warm = random(11);
    for (let i = 0; i < WARM_UP; i += 1) {
      const campaignId = uuid(3, warm.int(CAMPAIGNS));
      await evaluateCampaigns(db, [{ campaignId }]);
      await evaluateCampaigns(db, [{ campaignId: uuid(3, warm.pick(bookedIds)), streamerId: warm.pick(streamers) }]);
    }

    const indexed: number[] = [];
    const slowest: { ms: number; violations: number }[] = [];
    let violations = 0;
    let mostViolations = 0;
    // CPU of this process per evaluation (pg protocol, the evaluator): what a busy machine stretches.
    const cpuBefore = process.cpuUsage();
    for (const campaignId of campaignIds) {
      const { ms, result } = await timed(() => evaluateCampaigns(db!, [{ campaignId }]));
      indexed.push(ms);
      slowest.push({ ms, violations: result[0]!.violations.length });
      violations += result[0]!.violations.length;
      mostViolations = Math.max(mostViolations, result[0]!.violations.length);
    }
    const cpu = process.cpuUsage(cpuBefore);
    const cpuPerEvaluation = (cpu.user + cpu.system) / 1000 / EVALUATIONS;
    const booking: number[] = [];
    for (const campaignId of withStreamers) {
      booking.push((await timed(() => evaluateCampaigns(db!, [{ campaignId, streamerId: rnd.pick(streamers) }]))).ms);
    }

    // Naive: everything loaded, then checked in memory; its answers must equal the indexed ones.
    const naive: number[] = [];
    const naiveMemory: number[] = [];
    let all: Facts[] = [];
    for (const campaignId of [...withStreamers.slice(0, NAIVE_EVALUATIONS / 2), ...campaignIds.slice(0, NAIVE_EVALUATIONS / 2)]) {
      const { ms, result } = await timed(async () => {
        const [facts, rulesList, streamerRows] = await Promise.all([
          db!.campaignFacts.findMany(),
          db!.conflictRule.findMany({ where: { enabled: true } }),
          db!.streamerFacts.findMany(),
        ]);
        all = facts;
        const subject = facts.find((row) => row.campaignId === campaignId)!;
        return evaluateRules({
          subject,
          others: facts,
          rules: rulesList,
          streamers: new Map(streamerRows.map((row) => [row.streamerId, row])),
        });
      });
      naive.push(ms);
      const [expected] = await evaluateCampaigns(db, [{ campaignId }]);
      if (summary(expected!) !== summary(result)) throw new Error(`indexed and naive evaluations of ${campaignId} differ`);
    }
    const rulesList = await db.conflictRule.findMany({ where: { enabled: true } });
    const streamerMap = new Map((await db.streamerFacts.findMany()).map((row) => [row.streamerId, row]));
    for (const campaignId of campaignIds.slice(0, 50)) {
      const subject = all.find((row) => row.campaignId === campaignId)!;
      naiveMemory.push((await timed(async () => evaluateRules({ subject, others: all, rules: rulesList, streamers: streamerMap }))).ms);
    }
    const explained = await explainCandidates(
      sql,
      campaignIds.slice(0, 100).map((campaignId) => all.find((row) => row.campaignId === campaignId)!),
      rulesList,
    );
    // The machine's floor: a primary-key SELECT through pg, on the same data (a round trip and nothing else).
    const peer: number[] = [];
    for (const campaignId of campaignIds) {
      peer.push((await timed(() => sql.query('SELECT * FROM "CampaignFacts" WHERE "campaignId" = $1', [campaignId]))).ms);
    }

    const [i, b, n, m, p, x] = [
      stats(indexed),
      stats(booking),
      stats(naive),
      stats(naiveMemory),
      stats(peer),
      stats(explained.executionMs),
    ];
    const ms = (value: number) => `${value.toFixed(2)} ms`;
    const count = (value: number) => value.toLocaleString('en-US');
    const competing = (
      await sql.query(`SELECT count(*)::int AS n FROM "CampaignFacts" WHERE "status" IN ('APPROVED', 'SCHEDULED', 'ACTIVE', 'PAUSED')`)
    ).rows[0].n as number;
    const world = `${count(CAMPAIGNS)} campaigns (${count(competing)} competing), ${count(PARTICIPATIONS)} participations, ${rulesList.length} rules`;
    return {
      table: `| measure | value | target |
| --- | --- | --- |
| peer: one primary-key SELECT of a campaign's facts through pg (a round trip, the machine's floor), ${EVALUATIONS} times | p50 ${ms(p.p50)}, p99 ${ms(p.p99)} | |
| conflicts: evaluateConflicts of one campaign, indexed (${world}), ${EVALUATIONS} random campaigns | p50 ${ms(i.p50)}, p99 ${ms(i.p99)}, max ${ms(i.max)} (${(violations / EVALUATIONS).toFixed(1)} violations on average, ${count(mostViolations)} at most) | p99 < 5 ms |
| conflicts: checkParticipation (one streamer's participation), indexed, ${EVALUATIONS} random pairs | p50 ${ms(b.p50)}, p99 ${ms(b.p99)}, max ${ms(b.max)} | p99 < 5 ms |
| conflicts: naive full scan (load every campaign, evaluate in memory), ${NAIVE_EVALUATIONS} evaluations, answers identical to the indexed ones | p50 ${ms(n.p50)}, p99 ${ms(n.p99)} = ${(n.p50 / i.p50).toFixed(0)}x the indexed p50, ${(n.p99 / i.p99).toFixed(0)}x its p99 | |
| diagnostic: the five slowest evaluateConflicts (their violations) | ${slowest
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5)
        .map((sample) => `${ms(sample.ms)} (${count(sample.violations)})`)
        .join(', ')} | |
| diagnostic: the naive evaluator alone on preloaded campaigns (no I/O), 50 evaluations | p50 ${ms(m.p50)}, p99 ${ms(m.p99)} | |
| diagnostic: CPU time of this process per evaluateConflicts (pg protocol, the evaluator), mean of ${EVALUATIONS} | ${ms(cpuPerEvaluation)} (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores during the run) | |
| diagnostic: the candidate lookup in SQL (used inside transactions) inside PostgreSQL (EXPLAIN ANALYZE execution time), 100 campaigns | p50 ${ms(x.p50)}, p99 ${ms(x.p99)} | |
| diagnostic: indexes the candidate lookups' plans use | ${explained.indexes.join(', ') || 'none'} | |
| diagnostic: loading the world (triggers computing inherited categories, ANALYZE) | ${loadSeconds.toFixed(1)} s | |
| diagnostic: the engine's in-memory copy of the competing campaigns' facts: loaded by the first evaluation, heap it holds | ${copyLoad.ms.toFixed(0)} ms, ${copyHeapMb.toFixed(0)} MB${global.gc ? '' : ' (without --expose-gc: garbage of the load included)'} | |`,
    };
  } finally {
    await db?.$disconnect();
    await sql.end().catch(() => {});
    await dropDatabase(url).catch(() => {});
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}
