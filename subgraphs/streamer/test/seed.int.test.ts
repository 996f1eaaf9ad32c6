import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamerProfileChanged } from '@gametriggers/events';
import type { EventData } from '@gametriggers/events';
import { demoIds, demoStreamerFacts } from '@gametriggers/prisma-tools';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { streamerSubgraph } from '../src/index';
import { seedDemo } from '../src/seed';

let subgraph: TestSubgraph;
let db: Db;
beforeAll(async () => {
  subgraph = await startTestSubgraph(streamerSubgraph, { viewer: testAdmin });
  db = createDb(subgraph.databaseUrl);
});
afterAll(async () => {
  await db?.$disconnect();
  await subgraph?.stop();
});

describe('demo seed', () => {
  it('is registered, runs twice without change, and reads back through GraphQL', async () => {
    expect(streamerSubgraph.seedDemo).toBe(seedDemo);
    await seedDemo(db);
    const first = await subgraph.query(
      `{ streamers(first: 100) { nodes { id displayName updatedAt platforms { platform lastSyncedAt } } } }`,
    );
    await seedDemo(db);
    const second = await subgraph.query(
      `{ streamers(first: 100) { nodes { id displayName updatedAt platforms { platform lastSyncedAt } } } }`,
    );
    expect(second).toEqual(first);
    expect(first.data!['streamers'].nodes).toHaveLength(4);

    const { data, errors } = await subgraph.query(
      `query($ids: [_Any!]!) { _entities(representations: $ids) { ... on Streamer {
        displayName demographics { country languages } totalFollowers primaryPlatform
        platforms { platform categories averageViewers peakViewers verificationStatus } } } }`,
      { ids: Object.values(demoIds.streamers).map((id) => ({ __typename: 'Streamer', id })) },
    );
    expect(errors).toBeUndefined();
    const [kira, gridlock, luna, tactician] = data!['_entities'];
    expect(kira).toMatchObject({ displayName: 'KiraPlays', demographics: { country: 'US', languages: ['en'] }, primaryPlatform: 'TWITCH' });
    expect(kira.platforms).toEqual([expect.objectContaining({ platform: 'TWITCH', categories: expect.arrayContaining(['fps']) })]);
    expect(gridlock).toMatchObject({ displayName: 'Gridlock', demographics: { country: 'CA' }, primaryPlatform: 'YOUTUBE' });
    expect(gridlock.platforms.map((p: { platform: string }) => p.platform)).toEqual(['TWITCH', 'YOUTUBE']);
    expect(gridlock.platforms.every((p: { categories: string[] }) => p.categories.includes('battle-royale'))).toBe(true);
    expect(luna).toMatchObject({
      displayName: 'LunaStreams',
      demographics: { country: 'NL', languages: ['en', 'nl'] },
      primaryPlatform: 'TIKTOK',
    });
    expect(luna.platforms.map((p: { platform: string }) => p.platform)).toEqual(['TWITCH', 'TIKTOK']);
    expect(tactician).toMatchObject({ displayName: 'Tactician', demographics: { country: 'GB' }, primaryPlatform: 'YOUTUBE' });
    expect(tactician.platforms[0].categories).toEqual(['strategy', 'racing']);
    for (const streamer of [kira, gridlock, luna, tactician]) {
      for (const profile of streamer.platforms) expect(profile.peakViewers).toBeGreaterThanOrEqual(profile.averageViewers);
    }

    const fps = await subgraph.query(`{ streamers(category: "battle-royale", platform: TWITCH) { nodes { displayName } } }`);
    expect(fps.data!['streamers'].nodes).toEqual([{ displayName: 'Gridlock' }]);
  });

  it("publishes each demo streamer's facts once (StreamerProfileChanged, revision 1), as the other seeds have them", async () => {
    await seedDemo(db);
    await seedDemo(db);
    const events = await db.outboxEvent.findMany({ where: { type: StreamerProfileChanged.type }, orderBy: { sequence: 'asc' } });
    const data = events.map((event) => (event.envelope as { data: EventData<typeof StreamerProfileChanged> }).data);
    expect(events.map((event) => event.subject)).toEqual(Object.values(demoIds.streamers));
    expect(data.map((profile) => profile.revision)).toEqual([1, 1, 1, 1]);
    // The facts every other seed starts from (prisma-tools' demoStreamerFacts) are what these events carry.
    const byPlatform = (a: { platform: string }, b: { platform: string }) => a.platform.localeCompare(b.platform);
    for (const facts of demoStreamerFacts) {
      const event = data.find((profile) => profile.streamerId === facts.streamerId)!;
      expect({ ...event, platforms: [...event.platforms].sort(byPlatform) }).toEqual({
        ...facts,
        platforms: [...facts.platforms].sort(byPlatform),
        revision: 1,
      });
    }
  });
});
