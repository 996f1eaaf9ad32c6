import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { campaignSubgraph } from '../src/index';
import { CAMPAIGN_FIELDS, CREATE_CAMPAIGN, brandIds, campaignIn, campaignInput } from './factories';

const UPDATE = `mutation($id: ID!, $input: UpdateCampaignInput!) { updateCampaign(id: $id, input: $input) { ${CAMPAIGN_FIELDS} } }`;
const READ = `query($id: ID!) { campaign(id: $id) { ${CAMPAIGN_FIELDS} } }`;
const MISSING = '0190a000-0000-7000-8000-000000000000';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(campaignSubgraph, { viewer: testAdmin });
});
afterAll(async () => {
  await subgraph?.stop();
});

async function campaignCount(): Promise<number> {
  const { data } = await subgraph.query(`{ campaigns(first: 100) { nodes { id } } }`);
  return data!['campaigns'].nodes.length;
}

describe('campaigns', () => {
  it('creates a DRAFT campaign with exact money and reads it back', async () => {
    const created = await subgraph.query(CREATE_CAMPAIGN, { input: campaignInput() });
    expect(created.errors).toBeUndefined();
    const campaign = created.data!['createCampaign'];
    expect(campaign).toMatchObject({
      status: 'DRAFT',
      brand: { id: brandIds.a },
      schedule: { startsAt: '2027-06-01T00:00:00.000Z', endsAt: '2027-08-31T00:00:00.000Z' },
      budget: { amount: '50000.00', amountMinor: 5_000_000, currency: 'USD' },
      dailyCap: { amount: '2000.50', amountMinor: 200_050, currency: 'USD' },
      perStreamerCap: { amount: '10000.00', amountMinor: 1_000_000, currency: 'USD' },
      pricing: { model: 'CPM', rate: { amount: '12.50', amountMinor: 1250, currency: 'USD' } },
      spent: { amount: '0.00', amountMinor: 0, currency: 'USD' },
      targeting: {
        platforms: ['TWITCH', 'YOUTUBE'],
        categories: ['energy-drinks', 'fps'],
        countries: ['US', 'CA'],
        languages: ['en'],
        minAverageViewers: 500,
        maxAverageViewers: 50000,
        audienceAgeRanges: ['AGE_18_24', 'AGE_25_34'],
      },
    });
    const read = await subgraph.query(READ, { id: campaign.id });
    expect(read.data!['campaign']).toEqual(campaign);
  });

  it('creates a campaign without caps or targeting, in a zero-decimal currency', async () => {
    const created = await subgraph.query(CREATE_CAMPAIGN, {
      input: campaignInput({
        budget: { amount: '1000000', currency: 'JPY' },
        dailyCap: null,
        perStreamerCap: null,
        pricing: { model: 'FLAT_FEE', rate: { amount: '50000', currency: 'JPY' } },
        targeting: null,
      }),
    });
    expect(created.errors).toBeUndefined();
    expect(created.data!['createCampaign']).toMatchObject({
      budget: { amount: '1000000', currency: 'JPY' },
      dailyCap: null,
      perStreamerCap: null,
      targeting: { platforms: [], categories: [], minAverageViewers: null, maxAverageViewers: null },
    });
  });

  const invalid: [string, string, Record<string, unknown>][] = [
    ['an empty name', 'input.name', { name: '' }],
    ['a brandId that is no id', 'input.brandId', { brandId: 'voltage' }],
    [
      'an end before the start',
      'input.schedule.endsAt',
      { schedule: { startsAt: '2027-06-01T00:00:00Z', endsAt: '2027-05-01T00:00:00Z' } },
    ],
    [
      'an end equal to the start',
      'input.schedule.endsAt',
      { schedule: { startsAt: '2027-06-01T00:00:00Z', endsAt: '2027-06-01T00:00:00Z' } },
    ],
    ['a sub-cent budget', 'input.budget.amount', { budget: { amount: '10.001', currency: 'USD' } }],
    ['a zero budget', 'input.budget.amount', { budget: { amount: '0', currency: 'USD' } }],
    ['a budget too large for a SafeInt', 'input.budget.amount', { budget: { amount: '99999999999999.99', currency: 'USD' } }],
    ['a lowercase currency', 'input.budget.currency', { budget: { amount: '10', currency: 'usd' } }],
    ['an unsupported currency', 'input.budget.currency', { budget: { amount: '10', currency: 'XYZ' } }],
    ['a daily cap in another currency', 'input.dailyCap.currency', { dailyCap: { amount: '10', currency: 'EUR' } }],
    ['a per-streamer cap in another currency', 'input.perStreamerCap.currency', { perStreamerCap: { amount: '10', currency: 'GBP' } }],
    ['a rate in another currency', 'input.pricing.rate.currency', { pricing: { model: 'CPC', rate: { amount: '0.5', currency: 'EUR' } } }],
    ['a zero rate', 'input.pricing.rate.amount', { pricing: { model: 'CPC', rate: { amount: '0', currency: 'USD' } } }],
    ['a daily cap above the budget', 'input.dailyCap.amount', { dailyCap: { amount: '50000.01', currency: 'USD' } }],
    ['a per-streamer cap above the budget', 'input.perStreamerCap.amount', { perStreamerCap: { amount: '60000', currency: 'USD' } }],
    [
      'min viewers above max viewers',
      'input.targeting.maxAverageViewers',
      { targeting: { minAverageViewers: 1000, maxAverageViewers: 999 } },
    ],
    ['negative min viewers', 'input.targeting.minAverageViewers', { targeting: { minAverageViewers: -1 } }],
    ['a category that is no slug', 'input.targeting.categories', { targeting: { categories: ['Energy Drinks'] } }],
    ['a country that is no ISO code', 'input.targeting.countries', { targeting: { countries: ['USA'] } }],
    ['a language that is no ISO code', 'input.targeting.languages', { targeting: { languages: ['english'] } }],
  ];

  it.each(invalid)('rejects %s as BAD_USER_INPUT on %s and writes nothing', async (_label, field, overrides) => {
    const before = await campaignCount();
    const bad = await subgraph.query(CREATE_CAMPAIGN, { input: campaignInput(overrides) });
    expect(bad.data).toBeNull();
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await campaignCount()).toBe(before);
  });

  it('updates only the given fields of a DRAFT campaign', async () => {
    const id = await campaignIn(subgraph, 'DRAFT');
    const before = (await subgraph.query(READ, { id })).data!['campaign'];
    const updated = await subgraph.query(UPDATE, {
      id,
      input: {
        name: 'Renamed',
        dailyCap: null,
        schedule: { startsAt: '2027-07-01T00:00:00Z', endsAt: '2027-07-31T00:00:00Z' },
        targeting: { platforms: ['KICK', 'KICK'], categories: ['fps'] },
      },
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!['updateCampaign']).toMatchObject({
      name: 'Renamed',
      description: before.description,
      dailyCap: null,
      perStreamerCap: before.perStreamerCap,
      budget: before.budget,
      schedule: { startsAt: '2027-07-01T00:00:00.000Z', endsAt: '2027-07-31T00:00:00.000Z' },
      targeting: { platforms: ['KICK'], categories: ['fps'], countries: [], audienceAgeRanges: [] },
    });
    const nothing = await subgraph.query(UPDATE, { id, input: {} });
    expect(nothing.errors).toBeUndefined();
    expect(nothing.data!['updateCampaign'].name).toBe('Renamed');
  });

  it('checks amounts as they will be after an update, naming the field at fault, and writes nothing', async () => {
    const id = await campaignIn(subgraph, 'DRAFT');
    const before = (await subgraph.query(READ, { id })).data!['campaign'];
    const cases: [Record<string, unknown>, string][] = [
      [{ budget: { amount: '100', currency: 'EUR' } }, 'input.budget.currency'],
      // The kept per-streamer cap (10000) is above the new budget: the budget given is at fault.
      [{ budget: { amount: '5000', currency: 'USD' } }, 'input.budget.amount'],
      [{ perStreamerCap: { amount: '50000.01', currency: 'USD' } }, 'input.perStreamerCap.amount'],
      [{ dailyCap: { amount: '5', currency: 'EUR' } }, 'input.dailyCap.currency'],
      [{ pricing: { model: 'CPA', rate: { amount: '3', currency: 'GBP' } } }, 'input.pricing.rate.currency'],
      [{ schedule: { startsAt: '2027-07-01T00:00:00Z', endsAt: '2027-06-01T00:00:00Z' } }, 'input.schedule.endsAt'],
      [{ name: '' }, 'input.name'],
    ];
    for (const [input, field] of cases) {
      const bad = await subgraph.query(UPDATE, { id, input: { description: 'changed', ...input } });
      expect(bad.errors![0]!.extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await subgraph.query(READ, { id })).data!['campaign']).toEqual(before);

    const switched = await subgraph.query(UPDATE, {
      id,
      input: {
        budget: { amount: '40000', currency: 'EUR' },
        dailyCap: { amount: '1000', currency: 'EUR' },
        perStreamerCap: null,
        pricing: { model: 'CPA', rate: { amount: '2.75', currency: 'EUR' } },
      },
    });
    expect(switched.errors).toBeUndefined();
    expect(switched.data!['updateCampaign']).toMatchObject({
      budget: { amount: '40000.00', currency: 'EUR' },
      dailyCap: { amount: '1000.00', currency: 'EUR' },
      perStreamerCap: null,
      pricing: { model: 'CPA', rate: { amount: '2.75', currency: 'EUR' } },
      spent: { amount: '0.00', currency: 'EUR' },
    });
  });

  it('refuses to edit a campaign that is not DRAFT', async () => {
    for (const status of ['SUBMITTED', 'APPROVED', 'ACTIVE', 'CANCELLED']) {
      const id = await campaignIn(subgraph, status);
      const bad = await subgraph.query(UPDATE, { id, input: { name: 'Too late' } });
      expect(bad.data).toBeNull();
      expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
      expect((await subgraph.query(READ, { id })).data!['campaign'].name).toBe('Voltage Summer Clash');
    }
    // Back to DRAFT (SUBMITTED -> DRAFT), it can be edited again.
    const id = await campaignIn(subgraph, 'SUBMITTED');
    await subgraph.query(`mutation($id: ID!) { transitionCampaign(id: $id, to: DRAFT) { id } }`, { id });
    expect((await subgraph.query(UPDATE, { id, input: { name: 'Fixed' } })).data!['updateCampaign'].name).toBe('Fixed');
  });

  it('answers NOT_FOUND for unknown ids, not a server error', async () => {
    for (const id of [MISSING, 'not-a-uuid']) {
      const read = await subgraph.query(`query($id: ID!) { campaign(id: $id) { id } }`, { id });
      expect(read.data!['campaign']).toBeNull();
      expect(read.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', typename: 'Campaign' });
      const update = await subgraph.query(`mutation($id: ID!) { updateCampaign(id: $id, input: { name: "x" }) { id } }`, { id });
      expect(update.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
      const transition = await subgraph.query(`mutation($id: ID!) { transitionCampaign(id: $id, to: SUBMITTED) { id } }`, { id });
      expect(transition.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
      const participation = await subgraph.query(`query($id: ID!) { participation(id: $id) { id } }`, { id });
      expect(participation.data!['participation']).toBeNull();
      expect(participation.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', typename: 'Participation' });
    }
  });

  it('pages through campaigns with cursors, newest first, filtered by brand and status', async () => {
    const brandId = crypto.randomUUID();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push(await campaignIn(subgraph, i % 2 ? 'SUBMITTED' : 'DRAFT', { brandId, name: `Paged ${i}` }));
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await subgraph.query(
        `query($after: String, $brandId: ID) { campaigns(first: 2, after: $after, brandId: $brandId) { nodes { name } pageInfo { endCursor hasNextPage } } }`,
        { after, brandId },
      );
      expect(page.data.campaigns.nodes.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.campaigns.nodes.map((node: { name: string }) => node.name));
      after = page.data.campaigns.pageInfo.hasNextPage ? page.data.campaigns.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(['Paged 4', 'Paged 3', 'Paged 2', 'Paged 1', 'Paged 0']);

    const submitted = await subgraph.query(
      `query($brandId: ID) { campaigns(brandId: $brandId, status: SUBMITTED) { nodes { name status } } }`,
      {
        brandId,
      },
    );
    expect(submitted.data!['campaigns'].nodes).toEqual([
      { name: 'Paged 3', status: 'SUBMITTED' },
      { name: 'Paged 1', status: 'SUBMITTED' },
    ]);

    const badCursor = await subgraph.query(`{ campaigns(after: "nonsense") { nodes { id } } }`);
    expect(badCursor.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const badSize = await subgraph.query(`{ campaigns(first: 101) { nodes { id } } }`);
    expect(badSize.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const badBrand = await subgraph.query(`{ campaigns(brandId: "voltage") { nodes { id } } }`);
    expect(badBrand.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'brandId' });
  });
});
