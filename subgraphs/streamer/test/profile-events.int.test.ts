import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamerProfileChanged } from '@gametriggers/events';
import type { EventData } from '@gametriggers/events';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { streamerSubgraph } from '../src/index';
import { platformInput, streamerInput } from './factories';
import { CREATE, MISSING, REMOVE_PLATFORM, SET_VERIFICATION, UPDATE, UPSERT_PLATFORM, streamerClient } from './streamer-client';

type Profile = EventData<typeof StreamerProfileChanged>;

let subgraph: TestSubgraph;
let sql: pg.Client;
beforeAll(async () => {
  subgraph = await startTestSubgraph(streamerSubgraph, { viewer: testAdmin });
  sql = new pg.Client({ connectionString: subgraph.databaseUrl });
  await sql.connect();
});
afterAll(async () => {
  await sql?.end();
  await subgraph?.stop();
});

const { ok, create, expectError } = streamerClient(() => subgraph);

/** The StreamerProfileChanged events in the outbox about a streamer, oldest first (their subject checked). */
async function profileEvents(streamerId: string): Promise<Profile[]> {
  const { rows } = await sql.query<{ subject: string; envelope: { subject: string; data: Profile } }>(
    `SELECT "subject", "envelope" FROM "OutboxEvent" WHERE "type" = $1 AND "subject" = $2 ORDER BY "sequence"`,
    [StreamerProfileChanged.type, streamerId],
  );
  for (const row of rows) expect(row.envelope.subject).toBe(streamerId);
  return rows.map((row) => row.envelope.data);
}

/** Every StreamerProfileChanged in the outbox, whatever the streamer: refused writes must add none. */
async function allProfileEvents(): Promise<number> {
  const { rows } = await sql.query<{ count: number }>(`SELECT count(*)::int AS "count" FROM "OutboxEvent" WHERE "type" = $1`, [
    StreamerProfileChanged.type,
  ]);
  return rows[0]!.count;
}

const twitch = { platform: 'TWITCH', averageViewers: 6_800, peakViewers: 24_500, categories: ['fps', 'tactical-shooter'] };

/** Runs `write` and expects exactly one new profile event for the streamer, returned. */
async function oneEvent(streamerId: string, write: () => Promise<unknown>): Promise<Profile> {
  const before = await profileEvents(streamerId);
  await write();
  const after = await profileEvents(streamerId);
  expect(after).toHaveLength(before.length + 1);
  return after.at(-1)!;
}

/** Runs `write` and expects no new profile event at all. */
async function noEvent(write: () => Promise<unknown>): Promise<void> {
  const before = await allProfileEvents();
  await write();
  expect(await allProfileEvents()).toBe(before);
}

describe('StreamerProfileChanged', () => {
  it('is written with a new streamer: its whole state at revision 1, and none for a refused one', async () => {
    const streamer = await create({ platforms: [platformInput()] });
    expect(await profileEvents(streamer.id)).toEqual([
      {
        streamerId: streamer.id,
        country: 'US',
        languages: ['en'],
        audienceAgeRanges: ['AGE_18_24', 'AGE_25_34'],
        platforms: [twitch],
        revision: 1,
      },
    ]);

    await noEvent(() =>
      expectError(CREATE, { input: streamerInput({ displayName: streamer.displayName.toUpperCase() }) }, { code: 'CONFLICT' }),
    );
    await noEvent(() =>
      expectError(CREATE, { input: streamerInput({ platforms: [platformInput({ peakViewers: 1 })] }) }, { code: 'BAD_USER_INPUT' }),
    );
  });

  it('follows changes of country, languages and audience ages with a higher revision, and ignores other edits', async () => {
    const streamer = await create();
    const demographics = { country: 'US', languages: ['en'], audienceAgeRanges: ['AGE_18_24', 'AGE_25_34'], interests: ['esports'] };

    // Bio, display name, avatar, contact and interests are nobody else's facts: no event.
    await noEvent(() => ok(UPDATE, { id: streamer.id, input: { bio: 'New bio', displayName: `${streamer.displayName}b` } }));
    await noEvent(() => ok(UPDATE, { id: streamer.id, input: { demographics } }));

    const moved = await oneEvent(streamer.id, () =>
      ok(UPDATE, { id: streamer.id, input: { demographics: { ...demographics, country: 'DE' } } }),
    );
    expect(moved).toEqual({
      streamerId: streamer.id,
      country: 'DE',
      languages: ['en'],
      audienceAgeRanges: demographics.audienceAgeRanges,
      platforms: [twitch],
      revision: 2,
    });
    const languages = await oneEvent(streamer.id, () =>
      ok(UPDATE, { id: streamer.id, input: { demographics: { ...demographics, country: 'DE', languages: ['de', 'en'] } } }),
    );
    expect(languages).toMatchObject({ languages: ['de', 'en'], revision: 3 });
    const ages = await oneEvent(streamer.id, () =>
      ok(UPDATE, {
        id: streamer.id,
        input: { demographics: { ...demographics, country: 'DE', languages: ['de', 'en'], audienceAgeRanges: [] } },
      }),
    );
    expect(ages).toMatchObject({ country: 'DE', audienceAgeRanges: [], revision: 4 });
  });

  it('follows platform profiles added, changed and removed, and ignores followers, channel and verification', async () => {
    const streamer = await create();
    const youtube = platformInput({
      platform: 'YOUTUBE',
      username: 'KiraPlaysYT',
      channelUrl: 'https://www.youtube.com/@KiraPlaysYT',
      averageViewers: 9_000,
      peakViewers: 30_000,
      categories: ['battle-royale'],
    });
    const added = await oneEvent(streamer.id, () => ok(UPSERT_PLATFORM, { streamerId: streamer.id, input: youtube }));
    expect(added).toMatchObject({
      platforms: [twitch, { platform: 'YOUTUBE', averageViewers: 9_000, peakViewers: 30_000, categories: ['battle-royale'] }],
      revision: 2,
    });

    await noEvent(() => ok(UPSERT_PLATFORM, { streamerId: streamer.id, input: { ...youtube, followers: 1, username: 'Renamed' } }));
    await noEvent(() => ok(SET_VERIFICATION, { streamerId: streamer.id, platform: 'YOUTUBE', status: 'VERIFIED' }));

    const viewers = await oneEvent(streamer.id, () =>
      ok(UPSERT_PLATFORM, { streamerId: streamer.id, input: { ...youtube, averageViewers: 9_500 } }),
    );
    expect(viewers.platforms[1]).toMatchObject({ averageViewers: 9_500, peakViewers: 30_000 });
    expect(viewers.revision).toBe(3);
    const peak = await oneEvent(streamer.id, () =>
      ok(UPSERT_PLATFORM, { streamerId: streamer.id, input: { ...youtube, averageViewers: 9_500, peakViewers: 40_000 } }),
    );
    expect(peak).toMatchObject({ revision: 4 });
    const categories = await oneEvent(streamer.id, () =>
      ok(UPSERT_PLATFORM, {
        streamerId: streamer.id,
        input: { ...youtube, averageViewers: 9_500, peakViewers: 40_000, categories: ['fps'] },
      }),
    );
    expect(categories.platforms[1]!.categories).toEqual(['fps']);
    expect(categories.revision).toBe(5);

    const removed = await oneEvent(streamer.id, () => ok(REMOVE_PLATFORM, { streamerId: streamer.id, platform: 'TWITCH' }));
    expect(removed).toMatchObject({ platforms: [{ platform: 'YOUTUBE', averageViewers: 9_500, categories: ['fps'] }], revision: 6 });
  });

  it('writes nothing for writes that are refused', async () => {
    const streamer = await create();
    const other = await create();
    const moved = { country: 'DE', languages: ['de'], audienceAgeRanges: [], interests: [] };
    await noEvent(() => expectError(UPDATE, { id: MISSING, input: { demographics: moved } }, { code: 'NOT_FOUND' }));
    // A taken display name fails the whole update: the new demographics are not taken either.
    await noEvent(() =>
      expectError(UPDATE, { id: streamer.id, input: { displayName: other.displayName, demographics: moved } }, { code: 'CONFLICT' }),
    );
    await noEvent(() => expectError(REMOVE_PLATFORM, { streamerId: streamer.id, platform: 'KICK' }, { code: 'BAD_USER_INPUT' }));
    await noEvent(() => expectError(UPSERT_PLATFORM, { streamerId: MISSING, input: platformInput() }, { code: 'NOT_FOUND' }));
    await noEvent(() =>
      expectError(UPSERT_PLATFORM, { streamerId: streamer.id, input: platformInput({ peakViewers: 1 }) }, { code: 'BAD_USER_INPUT' }),
    );
    expect((await profileEvents(streamer.id)).map((event) => event.revision)).toEqual([1]);
    const stored = await ok(`query($id: ID!) { streamer(id: $id) { demographics { country } } }`, { id: streamer.id });
    expect(stored['streamer'].demographics.country).toBe('US');
  });

  it('gives concurrent changes of one streamer successive revisions, one event each', async () => {
    const streamer = await create();
    const countries = ['DE', 'FR', 'NL', 'SE', 'NO'];
    await Promise.all(
      countries.map((country) =>
        ok(UPDATE, { id: streamer.id, input: { demographics: { country, languages: ['en'], audienceAgeRanges: [], interests: [] } } }),
      ),
    );
    const events = await profileEvents(streamer.id);
    expect(events.map((event) => event.revision)).toEqual([1, 2, 3, 4, 5, 6]);
    const stored = await ok(`query($id: ID!) { streamer(id: $id) { demographics { country } } }`, { id: streamer.id });
    expect(events.at(-1)!.country).toBe(stored['streamer'].demographics.country);
  });
});
