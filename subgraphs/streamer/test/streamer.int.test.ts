import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSubgraph } from '@gametriggers/federation';
import { graphql, silentLogger, startTestSubgraph, testInternalAuth, viewerHeaders, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../src/generated/prisma/client';
import { streamerSubgraph } from '../src/index';
import { platformInput, streamerInput, uniqueName } from './factories';

const PLATFORM_FIELDS = 'platform username channelUrl followers averageViewers peakViewers categories verificationStatus lastSyncedAt';
const STREAMER_FIELDS = `
  id displayName bio avatarUrl contactEmail
  platforms { ${PLATFORM_FIELDS} }
  demographics { country languages audienceAgeRanges interests }
  totalFollowers primaryPlatform createdAt updatedAt`;

const CREATE = `mutation($input: CreateStreamerInput!) { createStreamer(input: $input) { ${STREAMER_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateStreamerInput!) { updateStreamer(id: $id, input: $input) { ${STREAMER_FIELDS} } }`;
const UPSERT_PLATFORM = `mutation($streamerId: ID!, $input: StreamerPlatformInput!) {
  upsertStreamerPlatform(streamerId: $streamerId, input: $input) { ${STREAMER_FIELDS} } }`;
const REMOVE_PLATFORM = `mutation($streamerId: ID!, $platform: Platform!) {
  removeStreamerPlatform(streamerId: $streamerId, platform: $platform) { ${STREAMER_FIELDS} } }`;
const SET_VERIFICATION = `mutation($streamerId: ID!, $platform: Platform!, $status: StreamerVerificationStatus!) {
  setStreamerPlatformVerification(streamerId: $streamerId, platform: $platform, status: $status) { ${STREAMER_FIELDS} } }`;
const COUNT = `{ streamers(first: 100) { nodes { id } } }`;
const MISSING = '0190a000-0000-7000-8000-000000000000';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(streamerSubgraph, { viewer: testAdmin });
});
afterAll(async () => {
  await subgraph?.stop();
});

/** Runs an operation that must succeed and returns its data. */
async function ok(query: string, variables: Record<string, unknown> = {}) {
  const result = await subgraph.query(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

async function create(overrides: Record<string, unknown> = {}) {
  return (await ok(CREATE, { input: streamerInput(overrides) }))['createStreamer'];
}

async function expectError(query: string, variables: Record<string, unknown>, extensions: Record<string, unknown>) {
  const result = await subgraph.query(query, variables);
  expect(result.errors?.[0]?.extensions).toMatchObject(extensions);
  return result;
}

async function streamerCount(): Promise<number> {
  return (await ok(COUNT))['streamers'].nodes.length;
}

describe('createStreamer and streamer(id)', () => {
  it('creates a streamer with platforms and derived fields, and reads it back', async () => {
    const streamer = await create({
      platforms: [
        platformInput(),
        platformInput({
          platform: 'YOUTUBE',
          username: '@KiraPlaysYT',
          channelUrl: 'https://www.youtube.com/@KiraPlaysYT',
          followers: 900_000,
          averageViewers: 2_000,
          peakViewers: 5_000,
          categories: ['fps', 'fps'],
        }),
      ],
    });
    expect(streamer.contactEmail).toBe('business@kiraplays.example');
    expect(streamer.demographics).toEqual({
      country: 'US',
      languages: ['en'],
      audienceAgeRanges: ['AGE_18_24', 'AGE_25_34'],
      interests: ['energy-drinks', 'pc-hardware'],
    });
    expect(streamer.platforms.map((p: { platform: string }) => p.platform)).toEqual(['TWITCH', 'YOUTUBE']);
    const youtube = streamer.platforms[1];
    expect(youtube).toMatchObject({ username: 'KiraPlaysYT', categories: ['fps'], verificationStatus: 'UNVERIFIED' });
    expect(new Date(youtube.lastSyncedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(streamer.totalFollowers).toBe(1_312_000);
    expect(streamer.primaryPlatform).toBe('YOUTUBE');

    const read = await ok(`query($id: ID!) { streamer(id: $id) { ${STREAMER_FIELDS} } }`, { id: streamer.id });
    expect(read['streamer']).toEqual(streamer);
  });

  it('has no primary platform and zero followers without platforms', async () => {
    const streamer = await create({ platforms: [] });
    expect(streamer).toMatchObject({ platforms: [], totalFollowers: 0, primaryPlatform: null });
  });

  it('breaks a follower tie by average viewers', async () => {
    const streamer = await create({
      platforms: [
        platformInput({ followers: 1000, averageViewers: 10, peakViewers: 10 }),
        platformInput({ platform: 'KICK', channelUrl: 'https://kick.com/kira', followers: 1000, averageViewers: 20, peakViewers: 30 }),
      ],
    });
    expect(streamer.primaryPlatform).toBe('KICK');
  });

  it.each([
    ['input.contactEmail', { contactEmail: 'not-an-email' }],
    ['input.displayName', { displayName: 'x' }],
    ['input.avatarUrl', { avatarUrl: 'http://insecure.example/a.png' }],
    ['input.bio', { bio: 'x'.repeat(1001) }],
    ['input.demographics.country', { demographics: { country: 'usa', languages: ['en'] } }],
    ['input.demographics.languages', { demographics: { country: 'US', languages: [] } }],
    ['input.demographics.languages', { demographics: { country: 'US', languages: ['english'] } }],
    ['input.demographics.interests', { demographics: { country: 'US', languages: ['en'], interests: ['Energy Drinks'] } }],
    ['input.platforms.0.channelUrl', { platforms: [platformInput({ channelUrl: 'not a url' })] }],
    ['input.platforms.0.channelUrl', { platforms: [platformInput({ channelUrl: 'https://www.youtube.com/@kira' })] }],
    ['input.platforms.0.username', { platforms: [platformInput({ username: 'has space' })] }],
    ['input.platforms.0.followers', { platforms: [platformInput({ followers: -1 })] }],
    ['input.platforms.0.averageViewers', { platforms: [platformInput({ averageViewers: -5 })] }],
    ['input.platforms.0.categories', { platforms: [platformInput({ categories: ['First Person'] })] }],
    [
      'input.platforms.1.peakViewers',
      {
        platforms: [
          platformInput(),
          platformInput({ platform: 'KICK', channelUrl: 'https://kick.com/kira', averageViewers: 500, peakViewers: 499 }),
        ],
      },
    ],
    ['input.platforms.1.platform', { platforms: [platformInput(), platformInput({ username: 'other' })] }],
  ])('rejects bad input at %s and writes nothing', async (field, overrides) => {
    const before = await streamerCount();
    const result = await expectError(CREATE, { input: streamerInput(overrides) }, { code: 'BAD_USER_INPUT', field });
    expect(result.data).toBeNull();
    expect(await streamerCount()).toBe(before);
  });

  it('keeps display names unique ignoring case', async () => {
    const name = uniqueName('NightOwl');
    await create({ displayName: name });
    const before = await streamerCount();
    await expectError(
      CREATE,
      { input: streamerInput({ displayName: `  ${name.toUpperCase()} ` }) },
      { code: 'CONFLICT', field: 'input.displayName' },
    );
    expect(await streamerCount()).toBe(before);

    const other = await create();
    await expectError(
      UPDATE,
      { id: other.id, input: { displayName: name.toLowerCase() } },
      { code: 'CONFLICT', field: 'input.displayName' },
    );
  });

  it('lets only one of many concurrent creates with one name (in different case) win', async () => {
    const name = uniqueName('Race');
    const results = await Promise.all(
      [name, name.toLowerCase(), name.toUpperCase(), name, name.toLowerCase()].map((displayName) =>
        subgraph.query(CREATE, { input: streamerInput({ displayName }) }),
      ),
    );
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    for (const result of results.filter((r) => r.errors)) expect(result.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('answers NOT_FOUND for an unknown or malformed id, not a server error', async () => {
    for (const id of [MISSING, 'not-a-uuid']) {
      const read = await expectError(`query($id: ID!) { streamer(id: $id) { id } }`, { id }, { code: 'NOT_FOUND' });
      expect(read.data!['streamer']).toBeNull();
      await expectError(UPDATE, { id, input: { bio: 'x' } }, { code: 'NOT_FOUND' });
    }
  });
});

describe('updateStreamer', () => {
  it('changes only the given fields and replaces demographics whole', async () => {
    const streamer = await create();
    const { updateStreamer } = await ok(UPDATE, {
      id: streamer.id,
      input: { bio: 'Now streaming strategy too.', demographics: { country: 'CA', languages: ['en', 'fr'] } },
    });
    expect(updateStreamer).toMatchObject({
      displayName: streamer.displayName,
      bio: 'Now streaming strategy too.',
      avatarUrl: streamer.avatarUrl,
      contactEmail: streamer.contactEmail,
      demographics: { country: 'CA', languages: ['en', 'fr'], audienceAgeRanges: [], interests: [] },
      platforms: streamer.platforms,
    });
    expect(new Date(updateStreamer.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(streamer.updatedAt).getTime());

    const cleared = await ok(UPDATE, { id: streamer.id, input: { bio: null, avatarUrl: null } });
    expect(cleared['updateStreamer']).toMatchObject({ bio: null, avatarUrl: null, displayName: streamer.displayName });
  });

  it('validates with the field path', async () => {
    const streamer = await create();
    await expectError(
      UPDATE,
      { id: streamer.id, input: { contactEmail: 'nope' } },
      { code: 'BAD_USER_INPUT', field: 'input.contactEmail' },
    );
    await expectError(
      UPDATE,
      { id: streamer.id, input: { demographics: { country: 'DE', languages: ['deu'] } } },
      { code: 'BAD_USER_INPUT', field: 'input.demographics.languages' },
    );
    const read = await ok(`query($id: ID!) { streamer(id: $id) { contactEmail demographics { country } } }`, { id: streamer.id });
    expect(read['streamer']).toEqual({ contactEmail: streamer.contactEmail, demographics: { country: 'US' } });
  });
});

describe('platform profiles', () => {
  it('adds a platform, refreshes it, and restarts verification when the channel changes', async () => {
    const streamer = await create();
    const added = (
      await ok(UPSERT_PLATFORM, {
        streamerId: streamer.id,
        input: platformInput({
          platform: 'TIKTOK',
          username: 'kira.clips',
          channelUrl: 'https://www.tiktok.com/@kira.clips',
          followers: 2_000_000,
          averageViewers: 1_000,
          peakViewers: 3_000,
          categories: ['fps'],
        }),
      })
    )['upsertStreamerPlatform'];
    expect(added.platforms.map((p: { platform: string }) => p.platform)).toEqual(['TWITCH', 'TIKTOK']);
    expect(added.totalFollowers).toBe(2_412_000);
    expect(added.primaryPlatform).toBe('TIKTOK');

    await ok(SET_VERIFICATION, { streamerId: streamer.id, platform: 'TIKTOK', status: 'VERIFIED' });
    const refreshed = (
      await ok(UPSERT_PLATFORM, {
        streamerId: streamer.id,
        input: platformInput({
          platform: 'TIKTOK',
          username: 'kira.clips',
          channelUrl: 'https://www.tiktok.com/@kira.clips',
          followers: 2_100_000,
          averageViewers: 1_100,
          peakViewers: 3_500,
        }),
      })
    )['upsertStreamerPlatform'];
    const tiktok = refreshed.platforms.find((p: { platform: string }) => p.platform === 'TIKTOK');
    expect(tiktok).toMatchObject({ followers: 2_100_000, averageViewers: 1_100, verificationStatus: 'VERIFIED' });

    const moved = (
      await ok(UPSERT_PLATFORM, {
        streamerId: streamer.id,
        input: platformInput({
          platform: 'TIKTOK',
          username: 'kira.live',
          channelUrl: 'https://www.tiktok.com/@kira.live',
          followers: 10,
          averageViewers: 1,
          peakViewers: 2,
        }),
      })
    )['upsertStreamerPlatform'];
    expect(moved.platforms.find((p: { platform: string }) => p.platform === 'TIKTOK')).toMatchObject({
      username: 'kira.live',
      verificationStatus: 'UNVERIFIED',
    });
    expect(moved.platforms).toHaveLength(2);
  });

  it('rejects a bad profile naming the field, and leaves the stored one alone', async () => {
    const streamer = await create();
    await expectError(
      UPSERT_PLATFORM,
      { streamerId: streamer.id, input: platformInput({ followers: 1, averageViewers: 100, peakViewers: 99 }) },
      { code: 'BAD_USER_INPUT', field: 'input.peakViewers' },
    );
    await expectError(
      UPSERT_PLATFORM,
      { streamerId: streamer.id, input: platformInput({ channelUrl: 'https://kick.com/kira' }) },
      { code: 'BAD_USER_INPUT', field: 'input.channelUrl' },
    );
    await expectError(
      UPSERT_PLATFORM,
      { streamerId: streamer.id, input: platformInput({ followers: 600_000_000 }) },
      { code: 'BAD_USER_INPUT', field: 'input.followers' },
    );
    const read = await ok(`query($id: ID!) { streamer(id: $id) { platforms { ${PLATFORM_FIELDS} } } }`, { id: streamer.id });
    expect(read['streamer'].platforms).toEqual(streamer.platforms);
  });

  it('sets verification, and removes a platform', async () => {
    const streamer = await create({
      platforms: [platformInput(), platformInput({ platform: 'KICK', channelUrl: 'https://kick.com/kira', followers: 5 })],
    });
    for (const status of ['PENDING', 'VERIFIED', 'REJECTED', 'UNVERIFIED']) {
      const { setStreamerPlatformVerification } = await ok(SET_VERIFICATION, { streamerId: streamer.id, platform: 'KICK', status });
      expect(setStreamerPlatformVerification.platforms.map((p: { verificationStatus: string }) => p.verificationStatus)).toEqual([
        'UNVERIFIED',
        status,
      ]);
    }
    const { removeStreamerPlatform } = await ok(REMOVE_PLATFORM, { streamerId: streamer.id, platform: 'TWITCH' });
    expect(removeStreamerPlatform).toMatchObject({ totalFollowers: 5, primaryPlatform: 'KICK' });
    expect(removeStreamerPlatform.platforms.map((p: { platform: string }) => p.platform)).toEqual(['KICK']);

    await expectError(REMOVE_PLATFORM, { streamerId: streamer.id, platform: 'TWITCH' }, { code: 'BAD_USER_INPUT', field: 'platform' });
    await expectError(
      SET_VERIFICATION,
      { streamerId: streamer.id, platform: 'YOUTUBE', status: 'VERIFIED' },
      { code: 'BAD_USER_INPUT', field: 'platform' },
    );
  });

  it('answers NOT_FOUND for an unknown streamer', async () => {
    for (const streamerId of [MISSING, 'nope']) {
      await expectError(UPSERT_PLATFORM, { streamerId, input: platformInput() }, { code: 'NOT_FOUND' });
      await expectError(REMOVE_PLATFORM, { streamerId, platform: 'TWITCH' }, { code: 'NOT_FOUND' });
      await expectError(SET_VERIFICATION, { streamerId, platform: 'TWITCH', status: 'VERIFIED' }, { code: 'NOT_FOUND' });
    }
  });
});

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
