import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BrandProfileChanged, CampaignChanged, StreamerProfileChanged } from '@gametriggers/events';
import type { ConsumerOptions, EventContract, EventData, EventEnvelope } from '@gametriggers/events';
import { silentLogger, startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { conflictSubgraph } from '../src/index';
import { CREATE_RULE, category, id, ruleInput } from './factories';

type Profile = EventData<typeof StreamerProfileChanged>;
type Platform = Profile['platforms'][number];

const EVALUATE = `query($campaignId: ID!) { evaluateConflicts(campaignId: $campaignId) {
  decision decidedBy { name } violations { rule { name } streamers { id } otherCampaign { id } categories } } }`;
const EFFECTIVE = `query($id: ID!) { campaignFacts(campaignId: $id) { effectiveCategories } }`;

let subgraph: TestSubgraph;
let db: Db;
let sql: pg.Client;
let consumer: ConsumerOptions;
beforeAll(async () => {
  subgraph = await startTestSubgraph(conflictSubgraph, { viewer: testAdmin });
  db = createDb(subgraph.databaseUrl);
  sql = new pg.Client({ connectionString: subgraph.databaseUrl });
  await sql.connect();
  // The consumer exactly as the runtime builds it; its handle() is what the event bus calls.
  consumer = conflictSubgraph.createEventConsumer!(db, { logger: silentLogger });
});
afterEach(async () => {
  // Rules apply to every campaign: each test starts without any.
  await sql.query('DELETE FROM "ConflictRule"');
});
afterAll(async () => {
  await sql?.end();
  await db?.$disconnect();
  await subgraph?.stop();
});

async function ok(query: string, variables: Record<string, unknown>) {
  const result = await subgraph.query(query, variables);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

/** An envelope of `contract` as its producer's outbox writes it (a fresh event id). */
function envelope<T extends EventContract>(contract: T, subject: string, data: EventData<T>): EventEnvelope {
  const eventId = id();
  return {
    specversion: '1.0',
    id: eventId,
    source: `/subgraphs/${contract.source}`,
    type: contract.type,
    dataversion: contract.version,
    subject,
    time: new Date().toISOString(),
    correlationid: eventId,
    datacontenttype: 'application/json',
    data,
  };
}

const platform = (overrides: Partial<Platform> = {}): Platform => ({
  platform: 'TWITCH',
  averageViewers: 40,
  peakViewers: 400,
  categories: ['fps'],
  ...overrides,
});
const profile = (overrides: Partial<Profile> = {}): Profile => ({
  streamerId: id(),
  country: 'DE',
  languages: ['de'],
  audienceAgeRanges: ['AGE_18_24'],
  platforms: [platform()],
  revision: 1,
  ...overrides,
});
const brandProfile = (brandId: string, industry: string, revision: number): EventData<typeof BrandProfileChanged> => ({
  brandId,
  industry,
  contentCategories: ['fps'],
  revision,
});

/** Handles an event and returns it (for redelivery). */
async function deliver<T extends EventContract>(contract: T, subject: string, data: EventData<T>): Promise<EventEnvelope> {
  const event = envelope(contract, subject, data);
  await consumer.handle(event);
  return event;
}

async function streamerFacts(streamerId: string) {
  const { rows } = await sql.query(
    `SELECT "country", "averageViewers", "categories", "platforms", "revision" FROM "StreamerFacts" WHERE "streamerId" = $1`,
    [streamerId],
  );
  return rows[0] ?? null;
}
async function brandFacts(brandId: string) {
  const { rows } = await sql.query(`SELECT "categories", "revision" FROM "BrandFacts" WHERE "brandId" = $1`, [brandId]);
  return rows[0] ?? null;
}

/** An ACTIVE campaign of June 2027 known from its CampaignChanged event. */
async function campaign(overrides: Partial<EventData<typeof CampaignChanged>> = {}) {
  const facts: EventData<typeof CampaignChanged> = {
    campaignId: id(),
    brandId: id(),
    status: 'ACTIVE',
    startsAt: '2027-06-01T00:00:00.000Z',
    endsAt: '2027-07-01T00:00:00.000Z',
    categories: [category('own')],
    platforms: ['TWITCH'],
    streamerIds: [],
    revision: 1,
    ...overrides,
  };
  await deliver(CampaignChanged, facts.campaignId, facts);
  return facts;
}

const effective = async (campaignId: string): Promise<string[]> =>
  (await ok(EFFECTIVE, { id: campaignId }))['campaignFacts'].effectiveCategories;

describe('streamer.profile.changed', () => {
  it('keeps the highest average audience, every platform and the union of their categories', async () => {
    const data = profile({
      country: 'NL',
      platforms: [
        platform({ platform: 'TWITCH', averageViewers: 1_900, categories: ['simulation', 'city-builder'] }),
        platform({ platform: 'TIKTOK', averageViewers: 4_200, categories: ['simulation', 'cozy'] }),
      ],
    });
    await deliver(StreamerProfileChanged, data.streamerId, data);
    expect(await streamerFacts(data.streamerId)).toEqual({
      country: 'NL',
      averageViewers: 4_200,
      categories: ['simulation', 'city-builder', 'cozy'],
      platforms: ['TWITCH', 'TIKTOK'],
      revision: 1,
    });

    // No platform left: no audience anybody reported.
    await deliver(StreamerProfileChanged, data.streamerId, { ...data, platforms: [], revision: 2 });
    expect(await streamerFacts(data.streamerId)).toEqual({
      country: 'NL',
      averageViewers: null,
      categories: [],
      platforms: [],
      revision: 2,
    });
  });

  it('takes newer revisions only, and a redelivered event once', async () => {
    const first = profile({ revision: 3 });
    const event = await deliver(StreamerProfileChanged, first.streamerId, first);
    // Same event id again, even carrying something else: the inbox has it.
    await consumer.handle({ ...event, data: { ...first, country: 'FR', revision: 9 } });
    expect(await streamerFacts(first.streamerId)).toMatchObject({ country: 'DE', revision: 3 });

    for (const stale of [
      { ...first, country: 'AT', revision: 2 },
      { ...first, country: 'CH', revision: 3 },
    ]) {
      await deliver(StreamerProfileChanged, first.streamerId, stale);
    }
    expect(await streamerFacts(first.streamerId)).toMatchObject({ country: 'DE', revision: 3 });

    await deliver(StreamerProfileChanged, first.streamerId, { ...first, country: 'AT', revision: 4 });
    expect(await streamerFacts(first.streamerId)).toMatchObject({ country: 'AT', revision: 4 });
  });

  it('replaces facts recorded by hand before any event (revision 0), and is what custom rules read', async () => {
    const campaignCategory = category('drinks');
    await ok(CREATE_RULE, {
      input: ruleInput({
        name: 'Small German audiences',
        type: 'CUSTOM',
        severity: 'BLOCK',
        conditions: {
          when: {
            all: [
              { field: 'campaign.categories', op: 'contains_any', value: [campaignCategory] },
              { field: 'streamer.country', op: 'eq', value: 'DE' },
              { field: 'streamer.averageViewers', op: 'lt', value: 100 },
            ],
          },
        },
      }),
    });
    const streamerId = id();
    await ok(`mutation($input: StreamerFactsInput!) { recordStreamerFacts(input: $input) { streamerId } }`, {
      input: { streamerId, country: 'US', averageViewers: 10 },
    });
    const booked = await campaign({ categories: [campaignCategory], streamerIds: [streamerId] });
    expect((await ok(EVALUATE, { campaignId: booked.campaignId }))['evaluateConflicts'].decision).toBe('ALLOW');

    // The streamer subgraph's facts: German, 40 viewers on Twitch, 80 on Kick (the highest counts).
    const small = profile({ streamerId, platforms: [platform(), platform({ platform: 'KICK', averageViewers: 80 })] });
    await deliver(StreamerProfileChanged, streamerId, small);
    expect((await ok(EVALUATE, { campaignId: booked.campaignId }))['evaluateConflicts']).toMatchObject({
      decision: 'BLOCK',
      decidedBy: { name: 'Small German audiences' },
      violations: [{ rule: { name: 'Small German audiences' }, streamers: [{ id: streamerId }] }],
    });

    // The channel grew: the rule no longer holds.
    await deliver(StreamerProfileChanged, streamerId, { ...small, platforms: [platform({ averageViewers: 5_000 })], revision: 2 });
    expect((await ok(EVALUATE, { campaignId: booked.campaignId }))['evaluateConflicts']).toMatchObject({
      decision: 'ALLOW',
      violations: [],
    });
  });
});

describe('brand.profile.changed', () => {
  it("gives the brand's campaigns its industry (a category slug) and its ancestors; free text gives none", async () => {
    const [industry, parent] = [category('industry'), category('sector')];
    await ok(`mutation($slug: String!, $parent: String) { setCategoryParent(slug: $slug, parentSlug: $parent) { slug } }`, {
      slug: industry,
      parent,
    });
    const mine = await campaign();
    await deliver(BrandProfileChanged, mine.brandId, brandProfile(mine.brandId, industry, 1));
    expect(await brandFacts(mine.brandId)).toEqual({ categories: [industry], revision: 1 });
    expect(await effective(mine.campaignId)).toEqual([...mine.categories, industry, parent].sort());
    // A campaign of the brand recorded later inherits it too.
    const later = await campaign({ brandId: mine.brandId });
    expect(await effective(later.campaignId)).toEqual([...later.categories, industry, parent].sort());

    await deliver(BrandProfileChanged, mine.brandId, brandProfile(mine.brandId, 'Food & Drink', 2));
    expect(await brandFacts(mine.brandId)).toEqual({ categories: [], revision: 2 });
    expect(await effective(mine.campaignId)).toEqual(mine.categories);
    expect(await effective(later.campaignId)).toEqual(later.categories);
  });

  it('takes newer revisions only, and a redelivered event once', async () => {
    const [first, second] = [category('first'), category('second')];
    const mine = await campaign();
    const event = await deliver(BrandProfileChanged, mine.brandId, brandProfile(mine.brandId, first, 2));
    await consumer.handle({ ...event, data: brandProfile(mine.brandId, second, 7) });
    await deliver(BrandProfileChanged, mine.brandId, brandProfile(mine.brandId, second, 1));
    await deliver(BrandProfileChanged, mine.brandId, brandProfile(mine.brandId, second, 2));
    expect(await brandFacts(mine.brandId)).toEqual({ categories: [first], revision: 2 });
    expect(await effective(mine.campaignId)).toEqual([...mine.categories, first].sort());

    await deliver(BrandProfileChanged, mine.brandId, brandProfile(mine.brandId, second, 3));
    expect(await effective(mine.campaignId)).toEqual([...mine.categories, second].sort());
  });

  it("is what category rules see of a campaign's inherited categories", async () => {
    const [energy, soda] = [category('energy'), category('soda')];
    await ok(CREATE_RULE, {
      input: ruleInput({ name: 'Energy vs soda', type: 'CATEGORY_CONFLICT', conditions: { competingCategories: [energy, soda] } }),
    });
    const mine = await campaign();
    const rival = await campaign();
    await deliver(BrandProfileChanged, mine.brandId, brandProfile(mine.brandId, energy, 1));
    expect((await ok(EVALUATE, { campaignId: mine.campaignId }))['evaluateConflicts'].decision).toBe('ALLOW');

    await deliver(BrandProfileChanged, rival.brandId, brandProfile(rival.brandId, soda, 1));
    expect((await ok(EVALUATE, { campaignId: mine.campaignId }))['evaluateConflicts']).toMatchObject({
      decision: 'BLOCK',
      violations: [{ rule: { name: 'Energy vs soda' }, otherCampaign: { id: rival.campaignId }, categories: [energy, soda].sort() }],
    });
    await deliver(BrandProfileChanged, rival.brandId, brandProfile(rival.brandId, 'beverages-and-more', 2));
    expect((await ok(EVALUATE, { campaignId: mine.campaignId }))['evaluateConflicts'].decision).toBe('ALLOW');
  });

  it('rewrites the campaigns only when the categories change, and takes them back when the facts are deleted', async () => {
    const industry = category('industry');
    const mine = await campaign();
    await deliver(BrandProfileChanged, mine.brandId, brandProfile(mine.brandId, industry, 1));
    const version = async () =>
      (await sql.query<{ v: string }>(`SELECT xmin::text AS "v" FROM "CampaignFacts" WHERE "campaignId" = $1`, [mine.campaignId])).rows[0]!
        .v;
    const before = await version();
    // Only the content categories changed (a new revision): the campaigns' rows are left alone.
    await deliver(BrandProfileChanged, mine.brandId, { ...brandProfile(mine.brandId, industry, 2), contentCategories: ['racing'] });
    expect(await brandFacts(mine.brandId)).toEqual({ categories: [industry], revision: 2 });
    expect(await version()).toBe(before);

    // A correction by hand: without the brand's facts, its campaigns keep only their own categories.
    await sql.query(`DELETE FROM "BrandFacts" WHERE "brandId" = $1`, [mine.brandId]);
    expect(await effective(mine.campaignId)).toEqual(mine.categories);
  });
});
