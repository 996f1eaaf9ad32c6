import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { conflictSubgraph } from '../src/index';
import { CREATE_RULE, RECORD_FACTS, factsInput, id, ruleInput } from './factories';
import { anonymous, brandViewer, serviceViewer, streamerViewer } from './viewers';

const FIELDS = `id type includeSameAdvertiser conditions { maxCampaigns periodMinutes when minimumOverlapMinutes competingCategories }`;
const CREATE = `mutation($input: CreateConflictRuleInput!) { createConflictRule(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateConflictRuleInput!) { updateConflictRule(id: $id, input: $input) { ${FIELDS} } }`;

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(conflictSubgraph, { viewer: testAdmin });
});
afterAll(async () => {
  await subgraph?.stop();
});

async function created(overrides: Record<string, unknown>) {
  const result = await subgraph.query(CREATE, { input: ruleInput(overrides) });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!['createConflictRule'];
}

const when = {
  all: [
    { field: 'campaign.categories', op: 'contains_any', value: ['alcohol'] },
    {
      any: [
        { field: 'streamer.country', op: 'in', value: ['DE', 'AT'] },
        { not: { field: 'streamer.averageViewers', op: 'gte', value: 1000 } },
      ],
    },
  ],
};

describe('frequency caps and custom rules through the graph', () => {
  it('creates them with their conditions and reads them back; updates keep the type’s conditions', async () => {
    const cap = await created({ type: 'FREQUENCY_CAP', conditions: { maxCampaigns: 3, periodMinutes: 1440 } });
    expect(cap.conditions).toEqual({
      maxCampaigns: 3,
      periodMinutes: 1440,
      when: null,
      minimumOverlapMinutes: null,
      competingCategories: null,
    });
    const concurrent = await created({ type: 'FREQUENCY_CAP', conditions: { maxCampaigns: 1 } });
    expect(concurrent.conditions.periodMinutes).toBe(0);

    const custom = await created({ type: 'CUSTOM', includeSameAdvertiser: true, conditions: { when } });
    expect(custom).toMatchObject({ type: 'CUSTOM', includeSameAdvertiser: true, conditions: { when, maxCampaigns: null } });
    const read = await subgraph.query(`query($id: ID!) { conflictRule(id: $id) { ${FIELDS} } }`, { id: custom.id });
    expect(read.data!['conflictRule']).toEqual(custom);

    const simpler = { field: 'other.brandId', op: 'neq', ref: 'campaign.brandId' };
    const updated = await subgraph.query(UPDATE, { id: custom.id, input: { includeSameAdvertiser: false, conditions: { when: simpler } } });
    expect(updated.data!['updateConflictRule']).toMatchObject({ includeSameAdvertiser: false, conditions: { when: simpler } });
    const retyped = await subgraph.query(UPDATE, { id: custom.id, input: { type: 'FREQUENCY_CAP', conditions: { maxCampaigns: 2 } } });
    expect(retyped.data!['updateConflictRule'].conditions).toMatchObject({ when: null, maxCampaigns: 2, periodMinutes: 0 });
  });

  const leaf = { field: 'campaign.status', op: 'eq', value: 'ACTIVE' };
  const invalid: [string, string, Record<string, unknown>][] = [
    ['a cap without conditions', 'input.conditions', { type: 'FREQUENCY_CAP', conditions: null }],
    ['a cap without a maximum', 'input.conditions.maxCampaigns', { type: 'FREQUENCY_CAP', conditions: { periodMinutes: 60 } }],
    ['a cap of zero', 'input.conditions.maxCampaigns', { type: 'FREQUENCY_CAP', conditions: { maxCampaigns: 0 } }],
    ['a negative period', 'input.conditions.periodMinutes', { type: 'FREQUENCY_CAP', conditions: { maxCampaigns: 2, periodMinutes: -1 } }],
    [
      'a cap with categories',
      'input.conditions.competingCategories',
      { type: 'FREQUENCY_CAP', conditions: { maxCampaigns: 2, competingCategories: ['a', 'b'] } },
    ],
    ['a custom rule without when', 'input.conditions.when', { type: 'CUSTOM', conditions: {} }],
    ['a time overlap rule with when', 'input.conditions.when', { type: 'TIME_OVERLAP', conditions: { when: leaf } }],
    ['an unknown field', 'input.conditions.when.field', { type: 'CUSTOM', conditions: { when: { ...leaf, field: 'campaign.colour' } } }],
    [
      'an unknown operator',
      'input.conditions.when.all.0.op',
      { type: 'CUSTOM', conditions: { when: { all: [{ ...leaf, op: 'matches' }] } } },
    ],
    [
      'a bad value deep inside',
      'input.conditions.when.all.1.any.0.value.1',
      {
        type: 'CUSTOM',
        conditions: { when: { all: [leaf, { any: [{ field: 'streamer.country', op: 'in', value: ['DE', 'Germany'] }] }] } },
      },
    ],
    [
      'an operator the field does not take',
      'input.conditions.when.not.op',
      { type: 'CUSTOM', conditions: { when: { not: { field: 'campaign.platforms', op: 'eq', value: 'KICK' } } } },
    ],
  ];

  it.each(invalid)('rejects %s as BAD_USER_INPUT on %s', async (_label, field, overrides) => {
    const bad = await subgraph.query(CREATE_RULE, { input: ruleInput(overrides) });
    expect(bad.data).toBeNull();
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

describe('rule management is for admins', () => {
  const viewers = [
    ['a brand', brandViewer(id()), 'FORBIDDEN'],
    ['a streamer', streamerViewer(id()), 'FORBIDDEN'],
    ['a service', serviceViewer, 'FORBIDDEN'],
    ['anonymous', anonymous, 'UNAUTHENTICATED'],
  ] as const;

  it.each(viewers)('refuses %s every rule query and mutation, and changes nothing', async (_who, viewer, code) => {
    const rule = await created({ name: `Guarded ${id()}`, type: 'TIME_OVERLAP', conditions: null });
    const operations: [string, Record<string, unknown>][] = [
      [CREATE_RULE, { input: ruleInput() }],
      [UPDATE, { id: rule.id, input: { priority: 99 } }],
      [`mutation($id: ID!) { setConflictRuleEnabled(id: $id, enabled: false) { id } }`, { id: rule.id }],
      [`mutation($id: ID!) { deleteConflictRule(id: $id) }`, { id: rule.id }],
      [`query($id: ID!) { conflictRule(id: $id) { id } }`, { id: rule.id }],
      [`{ conflictRules { nodes { id } } }`, {}],
      [`mutation { setCategoryParent(slug: "cola", parentSlug: "drinks") { slug } }`, {}],
      [`mutation { deleteCategory(slug: "cola") }`, {}],
      [`mutation($input: BrandFactsInput!) { recordBrandFacts(input: $input) { brandId } }`, { input: { brandId: id(), categories: [] } }],
      [`mutation($input: StreamerFactsInput!) { recordStreamerFacts(input: $input) { streamerId } }`, { input: { streamerId: id() } }],
      [RECORD_FACTS, { input: factsInput() }],
    ];
    for (const [query, variables] of operations) {
      const result = await subgraph.query(query, variables, viewer);
      expect(result.errors?.[0]?.extensions?.['code'], query).toBe(code);
    }
    const after = await subgraph.query(`query($id: ID!) { conflictRule(id: $id) { priority enabled } }`, { id: rule.id });
    expect(after.data!['conflictRule']).toEqual({ priority: 10, enabled: true });
    const categories = await subgraph.query(`{ categoryHierarchy { slug } }`);
    expect(categories.data!['categoryHierarchy']).toEqual([]);
  });

  it('lets services read campaign facts, and any signed-in viewer read the category hierarchy', async () => {
    const facts = factsInput();
    await subgraph.query(RECORD_FACTS, { input: facts });
    const read = await subgraph.query(
      `query($id: ID!) { campaignFacts(campaignId: $id) { campaignId status } }`,
      { id: facts.campaignId },
      serviceViewer,
    );
    expect(read.data!['campaignFacts']).toEqual({ campaignId: facts.campaignId, status: 'ACTIVE' });
    const byBrand = await subgraph.query(
      `query($id: ID!) { campaignFacts(campaignId: $id) { campaignId } }`,
      { id: facts.campaignId },
      brandViewer(facts.brandId),
    );
    expect(byBrand.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await subgraph.query(`{ categoryHierarchy { slug } }`, {}, streamerViewer(id()))).errors).toBeUndefined();
    expect((await subgraph.query(`{ categoryHierarchy { slug } }`, {}, anonymous)).errors![0]!.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('still shows Campaign.conflicts to anyone, as before (the router and the web app read it)', async () => {
    const result = await subgraph.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Campaign { conflicts { reason } } } }`,
      { r: [{ __typename: 'Campaign', id: id() }] },
      anonymous,
    );
    expect(result.errors).toBeUndefined();
  });
});
