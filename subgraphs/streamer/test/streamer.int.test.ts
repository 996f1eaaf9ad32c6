import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { streamerSubgraph } from '../src/index';
import { platformInput, streamerInput, uniqueName } from './factories';
import {
  CREATE,
  MISSING,
  PLATFORM_FIELDS,
  REMOVE_PLATFORM,
  SET_VERIFICATION,
  STREAMER_FIELDS,
  UPDATE,
  UPSERT_PLATFORM,
  streamerClient,
} from './streamer-client';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(streamerSubgraph, { viewer: testAdmin });
});
afterAll(async () => {
  await subgraph?.stop();
});

const { ok, create, expectError, streamerCount } = streamerClient(() => subgraph);

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
