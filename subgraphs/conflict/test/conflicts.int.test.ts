import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { conflictSubgraph } from '../src/index';
import { createCountingDb, sqlLog } from './counting-db';
import { CONFLICTS, CREATE_RULE, FACTS_FIELDS, RECORD_FACTS, category, factsInput, id, ruleInput } from './factories';

const READ_FACTS = `query($campaignId: ID!) { campaignFacts(campaignId: $campaignId) { ${FACTS_FIELDS} } }`;

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph({ ...conflictSubgraph, createDatabaseClient: createCountingDb }, { viewer: testAdmin });
});
afterAll(async () => {
  await subgraph?.stop();
});

async function record(overrides: Record<string, unknown> = {}) {
  const input = factsInput(overrides);
  const result = await subgraph.query(RECORD_FACTS, { input });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return input;
}

async function rule(overrides: Record<string, unknown>) {
  const result = await subgraph.query(CREATE_RULE, { input: ruleInput(overrides) });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!['createConflictRule'] as { id: string; name: string };
}

type Conflict = {
  severity: string;
  reason: string;
  conflictingCampaign: { id: string };
  rule: { id: string; name: string; type: string; priority: number };
};

/** Campaign.conflicts of each campaign, as the router would ask for them. */
async function conflictsOf(...campaignIds: string[]): Promise<Conflict[][]> {
  const result = await subgraph.query(CONFLICTS, {
    representations: campaignIds.map((campaignId) => ({ __typename: 'Campaign', id: campaignId })),
  });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!['_entities'].map((campaign: { conflicts: Conflict[] }) => campaign.conflicts);
}

const setEnabled = (ruleId: string, enabled: boolean) =>
  subgraph.query(`mutation($id: ID!, $enabled: Boolean!) { setConflictRuleEnabled(id: $id, enabled: $enabled) { id } }`, {
    id: ruleId,
    enabled,
  });

describe('campaign facts', () => {
  it('records facts idempotently and replaces them on a later event', async () => {
    const input = factsInput({ categories: ['fps', 'fps', 'racing'], platforms: ['KICK', 'TWITCH', 'KICK'] });
    const first = await subgraph.query(RECORD_FACTS, { input });
    expect(first.errors).toBeUndefined();
    expect(first.data!['recordCampaignFacts']).toMatchObject({ ...input, categories: ['fps', 'racing'], platforms: ['KICK', 'TWITCH'] });
    const again = await subgraph.query(RECORD_FACTS, { input });
    expect({ ...again.data!['recordCampaignFacts'], updatedAt: null }).toEqual({ ...first.data!['recordCampaignFacts'], updatedAt: null });

    const moved = await subgraph.query(RECORD_FACTS, { input: { ...input, endsAt: '2027-09-01T00:00:00.000Z', streamerIds: [] } });
    expect(moved.data!['recordCampaignFacts']).toMatchObject({ endsAt: '2027-09-01T00:00:00.000Z', streamerIds: [] });
    expect((await subgraph.query(READ_FACTS, { campaignId: input.campaignId })).data!['campaignFacts']).toEqual(
      moved.data!['recordCampaignFacts'],
    );
  });

  it('rejects invalid facts naming the field, and writes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ endsAt: '2027-05-01T00:00:00.000Z' }, 'input.endsAt'],
      [{ endsAt: '2027-06-01T00:00:00.000Z' }, 'input.endsAt'],
      [{ campaignId: 'summer' }, 'input.campaignId'],
      [{ brandId: 'voltage' }, 'input.brandId'],
      [{ streamerIds: [id(), 'kira'] }, 'input.streamerIds'],
      [{ categories: ['Energy Drinks'] }, 'input.categories'],
    ];
    for (const [overrides, field] of cases) {
      const input = factsInput(overrides);
      const bad = await subgraph.query(RECORD_FACTS, { input });
      expect(bad.errors![0]!.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
      const read = await subgraph.query(READ_FACTS, { campaignId: input.campaignId });
      expect(read.data!['campaignFacts']).toBeNull();
      expect(read.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});

describe('Campaign.conflicts', () => {
  it('detects a TIME_OVERLAP when campaigns of two brands share a streamer long enough', async () => {
    const streamer = id();
    const timeRule = await rule({ type: 'TIME_OVERLAP', severity: 'BLOCK', priority: 5, conditions: { minimumOverlapMinutes: 120 } });
    const mine = await record({ streamerIds: [streamer, id()], startsAt: '2027-06-01T00:00:00Z', endsAt: '2027-06-01T12:00:00Z' });
    const long = await record({ streamerIds: [streamer], startsAt: '2027-06-01T09:00:00Z', endsAt: '2027-06-02T00:00:00Z' });
    const short = await record({ streamerIds: [streamer], startsAt: '2027-06-01T10:30:00Z', endsAt: '2027-06-01T18:00:00Z' });
    const sameBrand = await record({
      brandId: mine.brandId,
      streamerIds: [streamer],
      startsAt: '2027-06-01T00:00:00Z',
      endsAt: '2027-06-01T12:00:00Z',
    });
    const later = await record({ streamerIds: [streamer], startsAt: '2027-06-01T12:00:00Z', endsAt: '2027-06-03T00:00:00Z' });
    const otherStreamer = await record({ startsAt: '2027-06-01T00:00:00Z', endsAt: '2027-06-01T12:00:00Z' });

    const [conflicts] = await conflictsOf(mine.campaignId);
    expect(conflicts).toEqual([
      {
        severity: 'BLOCK',
        conflictingCampaign: { id: long.campaignId },
        rule: { id: timeRule.id, name: timeRule.name, type: 'TIME_OVERLAP', priority: 5 },
        reason: `Both campaigns book streamer ${streamer} from 2027-06-01 09:00 UTC to 2027-06-01 12:00 UTC (3 hours of overlap).`,
      },
    ]);
    // For `mine`, not: the 90-minute overlap (short), its own brand's campaign, the window that only touches (later),
    // nor the one without a shared streamer. `long` does conflict with all four campaigns that share the streamer with it.
    const [onLong, onOtherStreamer] = await conflictsOf(long.campaignId, otherStreamer.campaignId);
    expect(onLong!.map((conflict) => conflict.conflictingCampaign.id).sort()).toEqual(
      [mine.campaignId, short.campaignId, sameBrand.campaignId, later.campaignId].sort(),
    );
    expect(onOtherStreamer).toEqual([]);
    await setEnabled(timeRule.id, false);
    expect(await conflictsOf(mine.campaignId)).toEqual([[]]);
    await setEnabled(timeRule.id, true);
    expect((await conflictsOf(mine.campaignId))[0]).toHaveLength(1);
  });

  it('detects a CATEGORY_CONFLICT when both campaigns are in competing categories and overlap', async () => {
    const energy = category('energy');
    const soda = category('soda');
    const catRule = await rule({
      type: 'CATEGORY_CONFLICT',
      severity: 'WARN',
      priority: 7,
      conditions: { competingCategories: [energy, soda] },
    });
    const mine = await record({ categories: [energy, 'fps'] });
    const rival = await record({ categories: ['just-chatting', soda] });
    const sameCategory = await record({ categories: [energy] });
    const sameBrand = await record({ brandId: mine.brandId, categories: [soda] });
    const noOverlap = await record({ categories: [soda], startsAt: '2027-07-01T00:00:00Z', endsAt: '2027-08-01T00:00:00Z' });
    const unrelated = await record({ categories: ['fps'] });

    const [conflicts] = await conflictsOf(mine.campaignId);
    expect(conflicts!.map((conflict) => conflict.conflictingCampaign.id).sort()).toEqual(
      [rival.campaignId, sameCategory.campaignId].sort(),
    );
    const withRival = conflicts!.find((conflict) => conflict.conflictingCampaign.id === rival.campaignId)!;
    expect(withRival).toMatchObject({ severity: 'WARN', rule: { id: catRule.id, type: 'CATEGORY_CONFLICT' } });
    expect(withRival.reason).toBe(
      `This campaign is in ${energy} and the other in ${soda}, competing categories, from 2027-06-01 00:00 UTC to 2027-07-01 00:00 UTC.`,
    );
    expect((await conflictsOf(sameBrand.campaignId))[0]!.map((conflict) => conflict.conflictingCampaign.id).sort()).toEqual(
      [rival.campaignId, sameCategory.campaignId].sort(),
    );
    expect((await conflictsOf(noOverlap.campaignId, unrelated.campaignId)).flat()).toEqual([]);

    await setEnabled(catRule.id, false);
    expect((await conflictsOf(mine.campaignId, rival.campaignId)).flat()).toEqual([]);
  });

  it('detects PLATFORM_EXCLUSIVITY when the exclusive brand runs on the platform at the same time, both ways', async () => {
    const nordwind = id();
    const exclusivity = await rule({
      type: 'PLATFORM_EXCLUSIVITY',
      severity: 'WARN',
      priority: 30,
      conditions: { exclusiveBrandId: nordwind, platform: 'KICK' },
    });
    const racing = await record({
      brandId: nordwind,
      platforms: ['KICK', 'TWITCH'],
      startsAt: '2027-03-01T00:00:00Z',
      endsAt: '2027-04-01T00:00:00Z',
    });
    const intruder = await record({ platforms: ['YOUTUBE', 'KICK'], startsAt: '2027-03-20T00:00:00Z', endsAt: '2027-05-01T00:00:00Z' });
    const otherPlatform = await record({
      platforms: ['TWITCH', 'YOUTUBE'],
      startsAt: '2027-03-01T00:00:00Z',
      endsAt: '2027-04-01T00:00:00Z',
    });
    const afterwards = await record({ platforms: ['KICK'], startsAt: '2027-04-01T00:00:00Z', endsAt: '2027-05-01T00:00:00Z' });
    const ownCampaign = await record({
      brandId: nordwind,
      platforms: ['KICK'],
      startsAt: '2027-03-01T00:00:00Z',
      endsAt: '2027-04-01T00:00:00Z',
    });
    const twoOthers = await record({ platforms: ['KICK'], startsAt: '2027-04-15T00:00:00Z', endsAt: '2027-04-20T00:00:00Z' });

    const [onIntruder, onRacing] = await conflictsOf(intruder.campaignId, racing.campaignId);
    expect(onIntruder!.map((conflict) => conflict.conflictingCampaign.id).sort()).toEqual(
      [racing.campaignId, ownCampaign.campaignId].sort(),
    );
    expect(onIntruder![0]).toMatchObject({ severity: 'WARN', rule: { id: exclusivity.id, type: 'PLATFORM_EXCLUSIVITY' } });
    expect(onIntruder![0]!.reason).toMatch(
      /^The other campaign's brand holds exclusivity on KICK, where both campaigns run from 2027-03-20 00:00 UTC to /,
    );
    expect(onRacing).toEqual([
      {
        severity: 'WARN',
        conflictingCampaign: { id: intruder.campaignId },
        rule: { id: exclusivity.id, name: exclusivity.name, type: 'PLATFORM_EXCLUSIVITY', priority: 30 },
        reason:
          "This campaign's brand holds exclusivity on KICK, where the other campaign also runs from 2027-03-20 00:00 UTC to 2027-04-01 00:00 UTC.",
      },
    ]);
    // Not: another platform, a window that starts as the exclusive one ends, two non-exclusive brands.
    expect((await conflictsOf(otherPlatform.campaignId, afterwards.campaignId, twoOthers.campaignId)).flat()).toEqual([]);

    await setEnabled(exclusivity.id, false);
    expect((await conflictsOf(intruder.campaignId, racing.campaignId)).flat()).toEqual([]);
  });

  it('sorts conflicts by priority, then severity', async () => {
    const energy = category('energy');
    const soda = category('soda');
    const brandA = id();
    await rule({
      name: `late ${energy}`,
      type: 'CATEGORY_CONFLICT',
      severity: 'BLOCK',
      priority: 900,
      conditions: { competingCategories: [energy, soda] },
    });
    await rule({
      name: `warn ${energy}`,
      type: 'CATEGORY_CONFLICT',
      severity: 'WARN',
      priority: 100,
      conditions: { competingCategories: [energy, soda] },
    });
    await rule({
      name: `block ${energy}`,
      type: 'CATEGORY_CONFLICT',
      severity: 'BLOCK',
      priority: 100,
      conditions: { competingCategories: [energy, soda] },
    });
    await rule({
      name: `exclusive ${energy}`,
      type: 'PLATFORM_EXCLUSIVITY',
      severity: 'WARN',
      priority: 1,
      conditions: { exclusiveBrandId: brandA, platform: 'TIKTOK' },
    });
    const mine = await record({ categories: [energy], platforms: ['TIKTOK'] });
    const other = await record({ brandId: brandA, categories: [soda], platforms: ['TIKTOK'] });
    const [conflicts] = await conflictsOf(mine.campaignId);
    expect(conflicts!.map((conflict) => [conflict.rule.priority, conflict.severity, conflict.rule.type])).toEqual([
      [1, 'WARN', 'PLATFORM_EXCLUSIVITY'],
      [100, 'BLOCK', 'CATEGORY_CONFLICT'],
      [100, 'WARN', 'CATEGORY_CONFLICT'],
      [900, 'BLOCK', 'CATEGORY_CONFLICT'],
    ]);
    expect(conflicts!.every((conflict) => conflict.conflictingCampaign.id === other.campaignId)).toBe(true);
  });

  it('answers Campaign.conflicts for many campaigns in one statement (facts, and what changed since the in-memory copy of the others was last brought up to date), rules read again only after they changed; campaigns without facts have none', async () => {
    await conflictsOf(id()); // the in-memory copy of the facts is loaded on first use: here, not below
    const anyOverlap = await rule({ type: 'TIME_OVERLAP', conditions: null });
    const streamer = id();
    const a = await record({ streamerIds: [streamer] });
    const b = await record({ streamerIds: [streamer] });
    const c = await record({ streamerIds: [streamer] });
    const unknown = id();
    sqlLog.length = 0;
    const [onA, onB, onC, onUnknown, onGarbage] = await conflictsOf(a.campaignId, b.campaignId, c.campaignId, unknown, 'not-an-id');
    // Facts (with the rule set's version and the campaigns just recorded), the rules (a rule was just created); no lookup per campaign.
    expect(sqlLog).toHaveLength(1 + 1);
    const conflictingIds = (conflicts: Conflict[] | undefined) =>
      [...new Set(conflicts!.map((conflict) => conflict.conflictingCampaign.id))].sort();
    expect(conflictingIds(onA)).toEqual([b.campaignId, c.campaignId].sort());
    expect(conflictingIds(onB)).toEqual([a.campaignId, c.campaignId].sort());
    expect(conflictingIds(onC)).toEqual([a.campaignId, b.campaignId].sort());
    expect(onUnknown).toEqual([]);
    expect(onGarbage).toEqual([]);

    sqlLog.length = 0;
    expect((await conflictsOf(a.campaignId))[0]!.length).toBe(onA!.length);
    expect(sqlLog).toHaveLength(1); // rules unchanged: from memory

    sqlLog.length = 0;
    expect(await conflictsOf(unknown)).toEqual([[]]);
    expect(sqlLog).toHaveLength(1);
    await setEnabled(anyOverlap.id, false); // so it cannot change what other tests see
  });
});
