import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { conflictSubgraph } from '../src/index';
import { CREATE_RULE, RECORD_FACTS, category, factsInput, id, ruleInput } from './factories';
import { anonymous, brandViewer, serviceViewer, streamerViewer } from './viewers';

const VIOLATION = `rule { id name type } severity otherCampaign { id } otherCampaigns { id } streamers { id }
  window { startsAt endsAt } categories platforms explanation`;
const EVALUATE = `query($campaignId: ID!, $streamerId: ID) { evaluateConflicts(campaignId: $campaignId, streamerId: $streamerId) {
  campaign { id } streamer { id } decision decidedBy { id name } decidingViolation { explanation } violations { ${VIOLATION} } } }`;
const CHECK = `query($campaignId: ID!, $streamerId: ID!) { checkParticipation(campaignId: $campaignId, streamerId: $streamerId) {
  decision decidedBy { name } violations { rule { name } streamers { id } otherCampaigns { id } explanation } } }`;

let subgraph: TestSubgraph;
let sql: pg.Client;
beforeAll(async () => {
  subgraph = await startTestSubgraph(conflictSubgraph, { viewer: testAdmin });
  sql = new pg.Client({ connectionString: subgraph.databaseUrl });
  await sql.connect();
});
afterEach(async () => {
  // Rules apply to every campaign: each test starts without any.
  await sql.query('DELETE FROM "ConflictRule"');
});
afterAll(async () => {
  await sql?.end();
  await subgraph?.stop();
});

async function ok(query: string, variables: Record<string, unknown>, as = testAdmin) {
  const result = await subgraph.query(query, variables, as);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}
const record = async (overrides: Record<string, unknown> = {}) => {
  const input = factsInput(overrides);
  await ok(RECORD_FACTS, { input });
  return input;
};
const rule = async (overrides: Record<string, unknown>) => (await ok(CREATE_RULE, { input: ruleInput(overrides) }))['createConflictRule'];
const evaluate = async (campaignId: string, streamerId?: string) => (await ok(EVALUATE, { campaignId, streamerId }))['evaluateConflicts'];

describe('evaluateConflicts', () => {
  it('returns every violation with its explanation, and the decision with the rule that decided', async () => {
    const drinks = [category('energy'), category('cola')];
    const streamer = id();
    const overlap = await rule({ name: 'Double-booking', type: 'TIME_OVERLAP', severity: 'BLOCK', priority: 20, conditions: null });
    const rivals = await rule({
      name: 'Drink rivals',
      type: 'CATEGORY_CONFLICT',
      severity: 'WARN',
      priority: 5,
      conditions: { competingCategories: drinks },
    });
    const mine = await record({
      categories: [drinks[0]],
      streamerIds: [streamer],
      startsAt: '2027-06-01T00:00:00Z',
      endsAt: '2027-06-10T00:00:00Z',
    });
    const other = await record({
      categories: [drinks[1]],
      streamerIds: [streamer],
      startsAt: '2027-06-05T00:00:00Z',
      endsAt: '2027-06-20T00:00:00Z',
    });

    const evaluation = await evaluate(mine.campaignId);
    const window = { startsAt: '2027-06-05T00:00:00.000Z', endsAt: '2027-06-10T00:00:00.000Z' };
    expect(evaluation).toEqual({
      campaign: { id: mine.campaignId },
      streamer: null,
      decision: 'BLOCK',
      decidedBy: { id: overlap.id, name: 'Double-booking' },
      decidingViolation: { explanation: expect.stringContaining(`Both campaigns book streamer ${streamer}`) },
      violations: [
        {
          rule: { id: rivals.id, name: 'Drink rivals', type: 'CATEGORY_CONFLICT' },
          severity: 'WARN',
          otherCampaign: { id: other.campaignId },
          otherCampaigns: [{ id: other.campaignId }],
          streamers: [],
          window,
          categories: [...drinks].sort(),
          platforms: [],
          explanation: `This campaign is in ${drinks[0]} and the other in ${drinks[1]}, competing categories, from 2027-06-05 00:00 UTC to 2027-06-10 00:00 UTC.`,
        },
        {
          rule: { id: overlap.id, name: 'Double-booking', type: 'TIME_OVERLAP' },
          severity: 'BLOCK',
          otherCampaign: { id: other.campaignId },
          otherCampaigns: [{ id: other.campaignId }],
          streamers: [{ id: streamer }],
          window,
          categories: [],
          platforms: [],
          explanation: `Both campaigns book streamer ${streamer} from 2027-06-05 00:00 UTC to 2027-06-10 00:00 UTC (5 days of overlap).`,
        },
      ],
    });

    // Only warnings left: WARN, decided by the category rule. No rule at all: ALLOW.
    await ok(`mutation($id: ID!) { setConflictRuleEnabled(id: $id, enabled: false) { id } }`, { id: overlap.id });
    expect(await evaluate(mine.campaignId)).toMatchObject({ decision: 'WARN', decidedBy: { name: 'Drink rivals' } });
    await ok(`mutation($id: ID!) { deleteConflictRule(id: $id) }`, { id: rivals.id });
    expect(await evaluate(mine.campaignId)).toMatchObject({ decision: 'ALLOW', decidedBy: null, decidingViolation: null, violations: [] });
  });

  it('applies frequency caps and custom rules, which Campaign.conflicts leaves out', async () => {
    const streamer = id();
    await ok(`mutation($input: StreamerFactsInput!) { recordStreamerFacts(input: $input) { streamerId } }`, {
      input: { streamerId: streamer, country: 'DE', averageViewers: 40 },
    });
    await rule({ name: 'Two at once', type: 'FREQUENCY_CAP', severity: 'WARN', priority: 1, conditions: { maxCampaigns: 2 } });
    await rule({
      name: 'Small German streamers',
      type: 'CUSTOM',
      severity: 'BLOCK',
      priority: 2,
      conditions: {
        when: {
          all: [
            { field: 'streamer.country', op: 'eq', value: 'DE' },
            { field: 'streamer.averageViewers', op: 'lt', value: 50 },
          ],
        },
      },
    });
    const brandId = id();
    const [a, b, c] = [
      await record({ brandId, streamerIds: [streamer] }),
      await record({ brandId, streamerIds: [streamer] }),
      await record({ streamerIds: [streamer] }),
    ];
    const evaluation = await evaluate(a.campaignId);
    expect(evaluation.decision).toBe('BLOCK');
    expect(evaluation.decidedBy.name).toBe('Small German streamers');
    expect(
      evaluation.violations.map((violation: any) => [
        violation.rule.name,
        violation.otherCampaign,
        violation.otherCampaigns.length,
        violation.streamers,
      ]),
    ).toEqual([
      ['Two at once', null, 2, [{ id: streamer }]],
      ['Small German streamers', null, 0, [{ id: streamer }]],
    ]);
    expect(evaluation.violations[0].explanation).toMatch(new RegExp(`^Streamer ${streamer} would carry 3 sponsored campaigns at once`));
    expect(evaluation.violations[0].otherCampaigns.map((other: { id: string }) => other.id).sort()).toEqual(
      [b.campaignId, c.campaignId].sort(),
    );
    const conflicts = await ok(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Campaign { conflicts { reason } } } }`, {
      r: [{ __typename: 'Campaign', id: a.campaignId }],
    });
    expect(conflicts['_entities']).toEqual([{ conflicts: [] }]);
  });

  it('follows the category hierarchy and the brand’s categories as they change', async () => {
    const [root, energy, sugarFree, soda] = [category('drinks'), category('energy'), category('sugarfree'), category('soda')];
    await rule({ name: 'Energy vs soda', type: 'CATEGORY_CONFLICT', conditions: { competingCategories: [energy, soda] } });
    const brandId = id();
    const mine = await record({ brandId, categories: [sugarFree] });
    const rival = await record({ categories: ['fps'] });
    expect((await evaluate(mine.campaignId)).decision).toBe('ALLOW');

    // sugar-free under energy: the campaign is now in energy too.
    const setParent = `mutation($slug: String!, $parent: String) { setCategoryParent(slug: $slug, parentSlug: $parent) { slug parentSlug ancestors } }`;
    expect((await ok(setParent, { slug: energy, parent: root }))['setCategoryParent']).toEqual({
      slug: energy,
      parentSlug: root,
      ancestors: [root],
    });
    expect((await ok(setParent, { slug: sugarFree, parent: energy }))['setCategoryParent'].ancestors).toEqual([energy, root]);
    // The rival's brand sells soda: all its campaigns inherit it.
    await ok(`mutation($input: BrandFactsInput!) { recordBrandFacts(input: $input) { brandId } }`, {
      input: { brandId: rival.brandId, categories: [soda] },
    });

    const evaluation = await evaluate(mine.campaignId);
    expect(evaluation.decision).toBe('BLOCK');
    expect(evaluation.violations[0]).toMatchObject({ categories: [energy, soda].sort(), otherCampaign: { id: rival.campaignId } });
    expect(evaluation.violations[0].explanation).toMatch(/inherited from the brand and from parent categories/);
    const facts = await ok(`query($id: ID!) { campaignFacts(campaignId: $id) { effectiveCategories } }`, { id: mine.campaignId });
    expect(facts['campaignFacts'].effectiveCategories).toEqual([root, energy, sugarFree].sort());

    // A cycle is refused with the field; moving sugar-free out of energy ends the conflict.
    const cycle = await subgraph.query(setParent, { slug: root, parent: sugarFree });
    expect(cycle.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentSlug' });
    const busy = await subgraph.query(`mutation($slug: String!) { deleteCategory(slug: $slug) }`, { slug: energy });
    expect(busy.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'slug' });
    await ok(setParent, { slug: sugarFree, parent: null });
    expect((await evaluate(mine.campaignId)).decision).toBe('ALLOW');
  });

  it('checks a participation: what booking that streamer would bring, as if booked', async () => {
    const candidate = id();
    await rule({ name: 'Overlap', type: 'TIME_OVERLAP', conditions: { minimumOverlapMinutes: 60 } });
    const mine = await record({ streamerIds: [] });
    const other = await record({ streamerIds: [candidate] });
    const check = (await ok(CHECK, { campaignId: mine.campaignId, streamerId: candidate }))['checkParticipation'];
    expect(check).toMatchObject({ decision: 'BLOCK', decidedBy: { name: 'Overlap' } });
    expect(check.violations).toEqual([
      {
        rule: { name: 'Overlap' },
        streamers: [{ id: candidate }],
        otherCampaigns: [{ id: other.campaignId }],
        explanation: expect.stringContaining(candidate),
      },
    ]);
    expect((await ok(CHECK, { campaignId: mine.campaignId, streamerId: id() }))['checkParticipation'].decision).toBe('ALLOW');
    // The same through evaluateConflicts with a streamerId.
    expect((await evaluate(mine.campaignId, candidate)).streamer).toEqual({ id: candidate });
  });

  it('answers NOT_FOUND for a campaign without facts, BAD_USER_INPUT for a streamer id that is none', async () => {
    for (const campaignId of [id(), 'summer']) {
      const result = await subgraph.query(EVALUATE, { campaignId });
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', typename: 'Campaign' });
    }
    const { campaignId } = await record();
    const bad = await subgraph.query(EVALUATE, { campaignId, streamerId: 'kira' });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'streamerId' });
  });
});

describe('who may evaluate', () => {
  it('admins, services and the campaign’s own brand; no other brand, no streamer, nobody anonymous', async () => {
    const mine = await record();
    const unknown = id();
    const cases: [string, Parameters<TestSubgraph['query']>[2], string | null, string | null][] = [
      ['admin', testAdmin, null, 'NOT_FOUND'],
      ['service', serviceViewer, null, 'NOT_FOUND'],
      ['owning brand', brandViewer(mine.brandId), null, 'FORBIDDEN'],
      ['another brand', brandViewer(id()), 'FORBIDDEN', 'FORBIDDEN'],
      ['a streamer', streamerViewer(mine.streamerIds[0]!), 'FORBIDDEN', 'FORBIDDEN'],
      ['anonymous', anonymous, 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
    ];
    for (const [who, viewer, onMine, onUnknown] of cases) {
      for (const query of [EVALUATE, CHECK]) {
        const variables = { campaignId: mine.campaignId, streamerId: id() };
        const result = await subgraph.query(query, variables, viewer);
        expect(result.errors?.[0]?.extensions?.['code'] ?? null, `${who} on its campaign`).toBe(onMine);
        if (!onMine) expect(Object.values(result.data!)[0]).toMatchObject({ decision: 'ALLOW' });
        const missing = await subgraph.query(query, { ...variables, campaignId: unknown }, viewer);
        expect(missing.errors?.[0]?.extensions?.['code'], `${who} on an unknown campaign`).toBe(onUnknown);
      }
    }
  });
});
