import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '@gametriggers/prisma-tools';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { kycSubgraph } from '../src/index';
import { demoKycCaseIds, seedDemo } from '../src/seed';

let subgraph: TestSubgraph;
let db: Db;
beforeAll(async () => {
  subgraph = await startTestSubgraph(kycSubgraph, { viewer: testAdmin });
  db = createDb(subgraph.databaseUrl);
});
afterAll(async () => {
  await db?.$disconnect();
  await subgraph?.stop();
});

const CASES = `{ kycCases(first: 100) { nodes { id subjectType subjectId documentType status attempts expiresAt events { fromStatus toStatus note } } } }`;

describe('demo seed', () => {
  it('is registered, runs twice without change, and reads back through GraphQL', async () => {
    expect(kycSubgraph.seedDemo).toBe(seedDemo);
    await seedDemo(db);
    const first = await subgraph.query(CASES);
    await seedDemo(db);
    expect(await subgraph.query(CASES)).toEqual(first);
    expect(first.data!['kycCases'].nodes).toHaveLength(4);

    const streamers = await subgraph.query(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Streamer { kycStatus } } }`,
      { reps: Object.values(demoIds.streamers).map((id) => ({ __typename: 'Streamer', id })) },
    );
    expect(streamers.data!['_entities'].map((s: { kycStatus: string }) => s.kycStatus)).toEqual([
      'APPROVED',
      'IN_REVIEW',
      'PENDING',
      'NOT_STARTED',
    ]);
    const brands = await subgraph.query(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Brand { kycStatus } } }`, {
      reps: [demoIds.brands.voltage, demoIds.brands.pixelforge].map((id) => ({ __typename: 'Brand', id })),
    });
    expect(brands.data!['_entities']).toEqual([{ kycStatus: 'APPROVED' }, { kycStatus: 'NOT_STARTED' }]);

    const byId = new Map(first.data!['kycCases'].nodes.map((node: { id: string }) => [node.id, node]));
    expect(byId.get(demoKycCaseIds.voltage)).toMatchObject({ subjectType: 'BRAND', documentType: 'BUSINESS_REGISTRATION' });
    const gridlock = byId.get(demoKycCaseIds.gridlock) as { attempts: number; events: { fromStatus: string | null; toStatus: string }[] };
    expect(gridlock.attempts).toBe(2);
    expect(gridlock.events.map((e) => e.toStatus)).toEqual(['NOT_STARTED', 'PENDING', 'IN_REVIEW', 'REJECTED', 'PENDING', 'IN_REVIEW']);
    for (const node of first.data!['kycCases'].nodes) {
      const events = node.events as { fromStatus: string | null; toStatus: string }[];
      expect(events.at(-1)!.toStatus).toBe(node.status);
      events.slice(1).forEach((event, index) => expect(event.fromStatus).toBe(events[index]!.toStatus));
    }
    const kira = byId.get(demoKycCaseIds.kiraplays) as { expiresAt: string };
    expect(Date.parse(kira.expiresAt)).toBeGreaterThan(Date.now());

    // The seeded cases follow the same rules: Gridlock's case under review can be approved.
    const approved = await subgraph.query(`mutation($id: ID!) { approveKycCase(id: $id) { status } }`, { id: demoKycCaseIds.gridlock });
    expect(approved.data!['approveKycCase']).toEqual({ status: 'APPROVED' });
  });
});
