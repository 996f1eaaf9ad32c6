import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import type { Condition } from '../src/engine/custom-condition';
import type { Evaluation } from '../src/engine/engine-types';
import { evaluateCampaigns } from '../src/engine/evaluate-campaigns';
import { evaluateRules } from '../src/engine/evaluate-rules';
import type { Prisma } from '../src/generated/prisma/client';
import { conflictSubgraph } from '../src/index';

/**
 * The indexed evaluation (the candidate lookup, then the evaluator) must agree with a naive one
 * (the evaluator over every campaign) on random campaigns, rules, hierarchies and brands: both
 * lookups, in the engine's in-memory copy of the facts and in SQL (used inside transactions).
 */
const BRANDS = ['01930000-0000-7000-8000-0000000000b1', '01930000-0000-7000-8000-0000000000b2', '01930000-0000-7000-8000-0000000000b3'];
const STREAMERS = ['01930000-0000-7000-8000-0000000000a1', '01930000-0000-7000-8000-0000000000a2', '01930000-0000-7000-8000-0000000000a3'];
const CATEGORIES = ['drinks', 'energy', 'sugar-free', 'soda', 'snacks', 'fps'];
const PLATFORMS = ['TWITCH', 'YOUTUBE', 'KICK'];
const COUNTRIES = ['DE', 'US', 'FR'];
const STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'SCHEDULED', 'ACTIVE', 'PAUSED', 'COMPLETED'];
const HOUR = 3_600_000;
const BASE = Date.UTC(2027, 5, 1);

const subset = <T>(items: readonly T[], min = 0) => fc.subarray([...items], { minLength: min });
const leaf = (field: string, op: string, value: fc.Arbitrary<unknown>) => value.map((v) => ({ field, op, value: v }) as Condition);

const leafArb: fc.Arbitrary<Condition> = fc.oneof(
  leaf('other.categories', 'contains_any', subset(CATEGORIES, 1)),
  leaf('other.categories', 'contains_all', subset(CATEGORIES, 1)),
  leaf('other.platforms', 'overlaps', subset(PLATFORMS, 1)),
  leaf('other.countries', 'contains_any', subset(COUNTRIES, 1)),
  leaf('other.brandId', 'eq', fc.constantFrom(...BRANDS)),
  leaf('other.brandId', 'not_in', subset(BRANDS, 1)),
  leaf('other.status', 'in', subset(STATUSES, 1)),
  leaf('other.durationDays', 'gt', fc.integer({ min: 0, max: 4 })),
  leaf('campaign.categories', 'contains_any', subset(CATEGORIES, 1)),
  leaf('campaign.platforms', 'contains_all', subset(PLATFORMS, 1)),
  leaf('streamer.country', 'in', subset(COUNTRIES, 1)),
  leaf('streamer.averageViewers', 'lt', fc.integer({ min: 0, max: 1000 })),
  fc.constant({ field: 'other.countries', op: 'overlaps', ref: 'campaign.countries' } as Condition),
  fc.constant({ field: 'campaign.brandId', op: 'neq', ref: 'other.brandId' } as Condition),
  fc.constant({ field: 'other.categories', op: 'contains_all', ref: 'campaign.categories' } as Condition),
);
const conditionArb: fc.Arbitrary<Condition> = fc.letrec<{ node: Condition }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb,
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tie('node').map((not) => ({ not })),
  ),
})).node;

const campaignArb = fc.record({
  brand: fc.nat(BRANDS.length - 1),
  status: fc.constantFrom(...STATUSES),
  categories: subset(CATEGORIES),
  platforms: subset(PLATFORMS),
  countries: subset(COUNTRIES),
  start: fc.integer({ min: 0, max: 10 * 24 }),
  hours: fc.integer({ min: 1, max: 4 * 24 }),
  streamers: subset(STREAMERS),
});

const base = {
  severity: fc.constantFrom('BLOCK' as const, 'WARN' as const),
  priority: fc.nat(5),
  enabled: fc.boolean(),
  includeSameAdvertiser: fc.boolean(),
};
const ruleArb = fc.oneof(
  fc.record({
    ...base,
    type: fc.constant('TIME_OVERLAP' as const),
    minimumOverlapMinutes: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }),
  }),
  fc.record({ ...base, type: fc.constant('CATEGORY_CONFLICT' as const), competingCategories: subset(CATEGORIES, 2) }),
  fc.record({
    ...base,
    type: fc.constant('PLATFORM_EXCLUSIVITY' as const),
    exclusiveBrandId: fc.constantFrom(...BRANDS),
    exclusivePlatform: fc.constantFrom(...PLATFORMS),
  }),
  fc.record({
    ...base,
    type: fc.constant('FREQUENCY_CAP' as const),
    maxCampaigns: fc.integer({ min: 1, max: 3 }),
    periodMinutes: fc.constantFrom(0, 60, 1440, 4320),
  }),
  fc.record({ ...base, type: fc.constant('CUSTOM' as const), condition: conditionArb }),
);

const worldArb = fc.record({
  campaigns: fc.array(campaignArb, { minLength: 1, maxLength: 25 }),
  rules: fc.array(ruleArb, { minLength: 1, maxLength: 8 }),
  parents: fc.record({
    energy: fc.constantFrom(null, 'drinks'),
    'sugar-free': fc.constantFrom(null, 'energy', 'soda'),
    soda: fc.constantFrom(null, 'drinks'),
  }),
  brandCategories: fc.array(subset(CATEGORIES), { minLength: BRANDS.length, maxLength: BRANDS.length }),
  streamers: fc.array(
    fc.record({ country: fc.option(fc.constantFrom(...COUNTRIES), { nil: null }), averageViewers: fc.option(fc.nat(1000), { nil: null }) }),
    {
      minLength: STREAMERS.length,
      maxLength: STREAMERS.length,
    },
  ),
  candidate: fc.constantFrom(...STREAMERS),
});
type World = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

let subgraph: TestSubgraph;
let db: Db;
beforeAll(async () => {
  subgraph = await startTestSubgraph(conflictSubgraph, { viewer: testAdmin });
  db = createDb(subgraph.databaseUrl);
});
afterAll(async () => {
  await db?.$disconnect();
  await subgraph?.stop();
});

const campaignId = (index: number) => `01930000-0000-7000-8000-${String(index).padStart(12, '0')}`;

async function store(world: World) {
  await db.$transaction([
    db.conflictRule.deleteMany(),
    db.campaignFacts.deleteMany(),
    db.streamerFacts.deleteMany(),
    db.brandFacts.deleteMany(),
    db.category.updateMany({ data: { parentSlug: null } }),
    db.category.deleteMany(),
  ]);
  await db.category.createMany({ data: ['drinks', 'energy', 'soda', 'sugar-free'].map((slug) => ({ slug })) });
  for (const [slug, parentSlug] of Object.entries(world.parents)) await db.category.update({ where: { slug }, data: { parentSlug } });
  await db.brandFacts.createMany({ data: BRANDS.map((brandId, index) => ({ brandId, categories: world.brandCategories[index]! })) });
  await db.streamerFacts.createMany({
    data: STREAMERS.map((streamerId, index) => ({ streamerId, categories: [], platforms: [], ...world.streamers[index]! })),
  });
  await db.campaignFacts.createMany({
    data: world.campaigns.map((campaign, index) => ({
      campaignId: campaignId(index),
      brandId: BRANDS[campaign.brand]!,
      status: campaign.status,
      categories: campaign.categories,
      platforms: campaign.platforms,
      countries: campaign.countries,
      startsAt: new Date(BASE + campaign.start * HOUR),
      endsAt: new Date(BASE + (campaign.start + campaign.hours) * HOUR),
      streamerIds: campaign.streamers,
    })),
  });
  await db.conflictRule.createMany({
    data: world.rules.map(
      (rule, index) =>
        ({
          name: `rule ${index}`,
          description: '',
          competingCategories: [],
          ...rule,
          ...('condition' in rule ? { condition: rule.condition as unknown as Prisma.InputJsonValue } : {}),
        }) as Prisma.ConflictRuleCreateManyInput,
    ),
  });
}

const summary = (evaluation: Evaluation) => ({
  decision: evaluation.decision,
  decidedBy: evaluation.decidedBy?.rule.name ?? null,
  violations: evaluation.violations.map((v) => [v.rule.name, v.otherCampaignIds, v.streamerIds, v.explanation]),
});

describe('indexed evaluation', () => {
  it('agrees with a naive evaluation over every campaign, on random data', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        await store(world);
        const all = await db.campaignFacts.findMany();
        const rules = await db.conflictRule.findMany();
        const streamers = new Map((await db.streamerFacts.findMany()).map((row) => [row.streamerId, row]));
        // Every campaign as the subject, the whole campaign and one streamer's participation.
        const requests = all.flatMap((facts) => [
          { campaignId: facts.campaignId },
          { campaignId: facts.campaignId, streamerId: world.candidate },
        ]);
        // From the in-memory copy of the facts, and (inside a transaction) from the lookup in SQL.
        const fromCopy = await evaluateCampaigns(db, requests);
        const inSql = await db.$transaction((tx) => evaluateCampaigns(tx, requests));
        requests.forEach((request, index) => {
          const subject = all.find((facts) => facts.campaignId === request.campaignId)!;
          const naive = evaluateRules({ subject, others: all, rules, streamers, streamerId: request.streamerId });
          expect(summary(fromCopy[index]!), `copy ${JSON.stringify(request)}`).toEqual(summary(naive));
          expect(summary(inSql[index]!), `SQL ${JSON.stringify(request)}`).toEqual(summary(naive));
        });
      }),
      { numRuns: Number(process.env['CONFLICT_PROPERTY_RUNS'] ?? 100) },
    );
  }, 180_000);
});
