import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '@gametriggers/prisma-tools';
import { startTestSubgraph } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createDb } from '../src/db';
import { identitySubgraph } from '../src/index';
import { DEMO_PASSWORD, seedDemo } from '../src/seed';
import { adminViewer, signIn } from './factories';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(identitySubgraph);
});
afterAll(async () => {
  await subgraph?.stop();
});

describe('demo seed', () => {
  it('seeds brand, streamer and admin accounts idempotently, signing in with the demo password', async () => {
    const db = createDb(subgraph.databaseUrl);
    try {
      await seedDemo(db);
      await seedDemo(db);
    } finally {
      await db.$disconnect();
    }
    const accounts = await subgraph.query(`{ accounts(first: 100) { nodes { kind email brandId streamerId } } }`, {}, adminViewer());
    const nodes = accounts.data!['accounts'].nodes as { kind: string; email: string; brandId: string | null; streamerId: string | null }[];
    expect(nodes).toHaveLength(8);
    expect(
      nodes
        .filter((node) => node.kind === 'BRAND')
        .map((node) => node.brandId)
        .sort(),
    ).toEqual(Object.values(demoIds.brands).sort());
    expect(
      nodes
        .filter((node) => node.kind === 'STREAMER')
        .map((node) => node.streamerId)
        .sort(),
    ).toEqual(Object.values(demoIds.streamers).sort());

    for (const [kind, email] of [
      ['BRAND', 'dana@voltage.example'],
      ['STREAMER', 'business@kiraplays.example'],
      ['ADMIN', 'admin@gametriggers.example'],
    ] as const) {
      const payload = await signIn(subgraph, kind, email, DEMO_PASSWORD);
      expect(payload.account).toMatchObject({ kind, email, status: 'ACTIVE' });
    }
  });
});
