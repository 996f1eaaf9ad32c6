import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '@gametriggers/prisma-tools';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { conflictSubgraph } from '../src/index';
import { createDb } from '../src/db';
import { seedDemo } from '../src/seed';
import { CONFLICTS } from './factories';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(conflictSubgraph, { viewer: testAdmin });
});
afterAll(async () => {
  await subgraph?.stop();
});

describe('demo seed', () => {
  it('runs twice without error and shows conflicts for the demo campaigns', async () => {
    const db = createDb(subgraph.databaseUrl);
    try {
      expect(conflictSubgraph.seedDemo).toBe(seedDemo);
      await seedDemo(db);
      await seedDemo(db);
    } finally {
      await db.$disconnect();
    }
    const rules = await subgraph.query(
      `{ conflictRules { nodes { name type severity priority enabled conditions { competingCategories exclusiveBrand { id } platform minimumOverlapMinutes } } } }`,
    );
    expect(rules.data!['conflictRules'].nodes).toHaveLength(5);
    expect(rules.data!['conflictRules'].nodes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'CATEGORY_CONFLICT',
          conditions: expect.objectContaining({ competingCategories: ['energy-drinks', 'soft-drinks'] }),
        }),
        expect.objectContaining({ type: 'TIME_OVERLAP', conditions: expect.objectContaining({ minimumOverlapMinutes: 60 }) }),
        expect.objectContaining({
          type: 'PLATFORM_EXCLUSIVITY',
          conditions: expect.objectContaining({ exclusiveBrand: { id: demoIds.brands.nordwind }, platform: 'TWITCH' }),
        }),
      ]),
    );

    const { campaigns } = demoIds;
    const result = await subgraph.query(CONFLICTS, {
      representations: [campaigns.voltageSummer, campaigns.voltageNight].map((id) => ({ __typename: 'Campaign', id })),
    });
    expect(result.errors).toBeUndefined();
    const [summer, night] = result.data!['_entities'];
    expect(summer.conflicts.map((conflict: any) => [conflict.rule.type, conflict.severity, conflict.conflictingCampaign.id])).toEqual([
      ['TIME_OVERLAP', 'BLOCK', campaigns.pixelforgeLaunch],
      ['PLATFORM_EXCLUSIVITY', 'WARN', campaigns.nordwindRacing],
    ]);
    expect(summer.conflicts[0].reason).toContain(demoIds.streamers.kiraplays);
    expect(night.conflicts).toEqual([]);

    // The hierarchy and the brands' categories: Voltage's campaigns are in beverages through energy-drinks.
    const facts = await subgraph.query(`query($id: ID!) { campaignFacts(campaignId: $id) { status effectiveCategories } }`, {
      id: campaigns.pixelforgeLaunch,
    });
    expect(facts.data!['campaignFacts']).toEqual({
      status: 'SCHEDULED',
      effectiveCategories: ['gaming-hardware', 'hardware', 'simulation', 'strategy'],
    });
    const evaluation = await subgraph.query(`query($id: ID!) { evaluateConflicts(campaignId: $id) { decision decidedBy { name } } }`, {
      id: campaigns.voltageSummer,
    });
    expect(evaluation.data!['evaluateConflicts']).toEqual({ decision: 'BLOCK', decidedBy: { name: 'Streamer double-booking' } });
  });
});
