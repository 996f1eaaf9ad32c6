import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSubgraph } from '@gametriggers/federation';
import { graphql, silentLogger, startTestSubgraph, testInternalAuth, viewerHeaders, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../src/generated/prisma/client';
import { streamerSubgraph } from '../src/index';
import { platformInput, uniqueName } from './factories';
import { MISSING, streamerClient } from './streamer-client';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(streamerSubgraph, { viewer: testAdmin });
});
afterAll(async () => {
  await subgraph?.stop();
});

const { ok, create, expectError } = streamerClient(() => subgraph);

describe('streamers list', () => {
  const PAGE = `query($first: Int, $after: String, $platform: Platform, $category: String, $country: String, $minAverageViewers: Int) {
    streamers(first: $first, after: $after, platform: $platform, category: $category, country: $country, minAverageViewers: $minAverageViewers) {
      nodes { displayName } pageInfo { endCursor hasNextPage } } }`;

  async function names(filters: Record<string, unknown>): Promise<string[]> {
    return (await ok(PAGE, { first: 100, ...filters }))['streamers'].nodes.map((n: { displayName: string }) => n.displayName);
  }

  it('pages with cursors, newest first, without overlap', async () => {
    const made: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const name = uniqueName(`Paged${i}`);
      made.push(name);
      await create({ displayName: name, platforms: [platformInput({ categories: ['paging-check'] })] });
    }
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const data = await ok(PAGE, { first: 2, after, category: 'paging-check' });
      seen.push(...data['streamers'].nodes.map((n: { displayName: string }) => n.displayName));
      after = data['streamers'].pageInfo.hasNextPage ? data['streamers'].pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual([...made].reverse());

    await expectError(`{ streamers(after: "nonsense") { nodes { id } } }`, {}, { code: 'BAD_USER_INPUT', field: 'after' });
    await expectError(`{ streamers(first: 0) { nodes { id } } }`, {}, { code: 'BAD_USER_INPUT', field: 'first' });
    await expectError(`{ streamers(first: 101) { nodes { id } } }`, {}, { code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('filters by platform, category, country and audience on one profile', async () => {
    const tag = `filter-${process.pid}`;
    const twitchBig = uniqueName('TwitchBig');
    const mixed = uniqueName('Mixed');
    const canadian = uniqueName('Canadian');
    await create({
      displayName: twitchBig,
      platforms: [platformInput({ categories: [tag, 'fps'], averageViewers: 5000, peakViewers: 9000 })],
    });
    await create({
      displayName: mixed,
      platforms: [
        platformInput({ categories: [tag], averageViewers: 100, peakViewers: 200 }),
        platformInput({
          platform: 'YOUTUBE',
          channelUrl: 'https://youtube.com/@mixed',
          categories: [tag, 'racing'],
          averageViewers: 8000,
          peakViewers: 9000,
        }),
      ],
    });
    await create({
      displayName: canadian,
      demographics: { country: 'CA', languages: ['en', 'fr'] },
      platforms: [
        platformInput({ platform: 'KICK', channelUrl: 'https://kick.com/can', categories: [tag], averageViewers: 300, peakViewers: 400 }),
      ],
    });

    expect(await names({ category: tag })).toEqual([canadian, mixed, twitchBig]);
    expect(await names({ category: tag, platform: 'TWITCH' })).toEqual([mixed, twitchBig]);
    expect(await names({ category: tag, minAverageViewers: 1000 })).toEqual([mixed, twitchBig]);
    // The filters hold for one profile: Mixed's big audience is on YouTube, not Twitch.
    expect(await names({ category: tag, platform: 'TWITCH', minAverageViewers: 1000 })).toEqual([twitchBig]);
    expect(await names({ category: 'racing', platform: 'YOUTUBE' })).toContain(mixed);
    expect(await names({ category: 'racing', platform: 'TWITCH' })).not.toContain(mixed);
    expect(await names({ category: tag, country: 'CA' })).toEqual([canadian]);
    expect(await names({ category: tag, country: 'GB' })).toEqual([]);
  });

  it('rejects bad filters naming the argument', async () => {
    await expectError(PAGE, { country: 'usa' }, { code: 'BAD_USER_INPUT', field: 'country' });
    await expectError(PAGE, { category: 'First Person' }, { code: 'BAD_USER_INPUT', field: 'category' });
    await expectError(PAGE, { minAverageViewers: -1 }, { code: 'BAD_USER_INPUT', field: 'minAverageViewers' });
  });
});

describe('federation', () => {
  const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) {
    ... on Streamer { id displayName totalFollowers primaryPlatform platforms { platform followers } } } }`;

  it('resolves Streamer references with their platforms, in order, null for unknown ids', async () => {
    const a = await create({ displayName: uniqueName('RefA') });
    const b = await create({ displayName: uniqueName('RefB'), platforms: [] });
    const c = await create({
      displayName: uniqueName('RefC'),
      platforms: [platformInput({ platform: 'YOUTUBE', channelUrl: 'https://www.youtube.com/@refc', followers: 7 })],
    });
    const { _entities } = await ok(ENTITIES, {
      representations: [c, a, { id: MISSING }, b].map(({ id }) => ({ __typename: 'Streamer', id })),
    });
    expect(_entities).toEqual([
      {
        id: c.id,
        displayName: c.displayName,
        totalFollowers: 7,
        primaryPlatform: 'YOUTUBE',
        platforms: [{ platform: 'YOUTUBE', followers: 7 }],
      },
      {
        id: a.id,
        displayName: a.displayName,
        totalFollowers: 412_000,
        primaryPlatform: 'TWITCH',
        platforms: [{ platform: 'TWITCH', followers: 412_000 }],
      },
      null,
      { id: b.id, displayName: b.displayName, totalFollowers: 0, primaryPlatform: null, platforms: [] },
    ]);
  });

  it('loads any number of references with a fixed number of SQL statements', async () => {
    // A second server on the same database whose client records every SQL statement it sends.
    const statements: string[] = [];
    const server = await startSubgraph(
      {
        ...streamerSubgraph,
        createDatabaseClient: (url: string) => {
          const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: 'event', level: 'query' }] });
          db.$on('query', (event) => statements.push(event.query));
          return db;
        },
      },
      { databaseUrl: subgraph.databaseUrl, logger: silentLogger, internalAuth: testInternalAuth },
    );
    try {
      const ids: string[] = [];
      for (let i = 0; i < 3; i += 1) ids.push((await create({ displayName: uniqueName('Batch') })).id);
      const count = async (some: string[]) => {
        statements.length = 0;
        const result = await graphql(
          server.url,
          ENTITIES,
          { representations: some.map((id) => ({ __typename: 'Streamer', id })) },
          await viewerHeaders(testAdmin),
        );
        expect(result.errors).toBeUndefined();
        expect((result.data!['_entities'] as unknown[]).every(Boolean)).toBe(true);
        return statements.length;
      };
      const one = await count(ids.slice(0, 1));
      // Prisma sends the streamers and their platforms as two statements (no relationJoins preview); never more.
      expect(one).toBe(2);
      expect(await count(ids)).toBe(one);
    } finally {
      await server.stop();
    }
  });
});
