import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PermanentEventError,
  RegistrationRequested,
  StreamerProfileChanged,
  StreamerRegistered,
  StreamerRegistrationRejected,
} from '@gametriggers/events';
import type { ConsumerOptions, EventData, EventEnvelope } from '@gametriggers/events';
import { silentLogger, startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { streamerSubgraph } from '../src/index';
import { platformInput, streamerInput, uniqueName } from './factories';

type Request = EventData<typeof RegistrationRequested>;

const READ = `query($id: ID!) { streamer(id: $id) { id displayName bio contactEmail
  demographics { country languages audienceAgeRanges interests } platforms { platform username followers categories verificationStatus } } }`;
const CREATE = `mutation($input: CreateStreamerInput!) { createStreamer(input: $input) { id displayName } }`;

let subgraph: TestSubgraph;
let db: Db;
let sql: pg.Client;
let consumer: ConsumerOptions;
beforeAll(async () => {
  subgraph = await startTestSubgraph(streamerSubgraph, { viewer: testAdmin });
  db = createDb(subgraph.databaseUrl);
  sql = new pg.Client({ connectionString: subgraph.databaseUrl });
  await sql.connect();
  // The consumer exactly as the runtime builds it; its handle() is what the event bus calls.
  consumer = streamerSubgraph.createEventConsumer!(db, { logger: silentLogger });
});
afterAll(async () => {
  await sql?.end();
  await db?.$disconnect();
  await subgraph?.stop();
});

/** A streamer registration as identity sends it (a fresh account and entity id). */
function request(profile: Record<string, unknown> = streamerInput(), overrides: Partial<Request> = {}): Request {
  return {
    accountId: randomUUID(),
    kind: 'STREAMER',
    entityId: randomUUID(),
    email: 'business@kiraplays.example',
    profile: JSON.parse(JSON.stringify(profile)) as Record<string, unknown>,
    ...overrides,
  };
}

function envelope(data: unknown, overrides: Partial<EventEnvelope> = {}): EventEnvelope {
  const id = randomUUID();
  return {
    specversion: '1.0',
    id,
    source: '/subgraphs/identity',
    type: RegistrationRequested.type,
    dataversion: RegistrationRequested.version,
    subject: (data as { accountId?: string }).accountId ?? 'unknown',
    time: new Date().toISOString(),
    correlationid: id,
    datacontenttype: 'application/json',
    data,
    ...overrides,
  };
}

/** The answers in streamer's outbox for a registration (by its entity id). */
async function answers(entityId: string) {
  const { rows } = await sql.query<{ type: string; envelope: EventEnvelope }>(
    `SELECT "type", "envelope" FROM "OutboxEvent" WHERE "subject" = $1 ORDER BY "sequence"`,
    [entityId],
  );
  return rows.map((row) => ({ type: row.type, data: row.envelope.data }));
}

async function readStreamer(id: string) {
  return (await subgraph.query(READ, { id })).data?.['streamer'] ?? null;
}

async function inboxed(eventId: string): Promise<number> {
  const { rows } = await sql.query<{ count: number }>('SELECT count(*)::int AS "count" FROM "InboxEvent" WHERE "eventId" = $1', [eventId]);
  return rows[0]!.count;
}

describe('streamer registrations', () => {
  it('binds the streamer queue to RegistrationRequested', () => {
    expect(consumer.consumer).toBe('streamer');
    expect(consumer.contracts).toEqual([RegistrationRequested]);
  });

  it('creates the streamer with the given id, profile and channels, and answers StreamerRegistered once', async () => {
    const { bio: _bio, ...withoutBio } = streamerInput();
    const data = request({ ...withoutBio, demographics: { country: 'US', languages: ['en'] } });
    const event = envelope(data);
    await consumer.handle(event);
    await consumer.handle(event);
    expect(await readStreamer(data.entityId)).toEqual({
      id: data.entityId,
      displayName: data.profile['displayName'],
      bio: null,
      contactEmail: 'business@kiraplays.example',
      demographics: { country: 'US', languages: ['en'], audienceAgeRanges: [], interests: [] },
      platforms: [
        {
          platform: 'TWITCH',
          username: 'kiraplays',
          followers: 412_000,
          categories: ['fps', 'tactical-shooter'],
          verificationStatus: 'UNVERIFIED',
        },
      ],
    });
    // The new streamer's facts for other domains (revision 1), then the answer to identity.
    expect(await answers(data.entityId)).toEqual([
      {
        type: StreamerProfileChanged.type,
        data: {
          streamerId: data.entityId,
          country: 'US',
          languages: ['en'],
          audienceAgeRanges: [],
          platforms: [{ platform: 'TWITCH', averageViewers: 6_800, peakViewers: 24_500, categories: ['fps', 'tactical-shooter'] }],
          revision: 1,
        },
      },
      { type: StreamerRegistered.type, data: { accountId: data.accountId, entityId: data.entityId } },
    ]);
    expect(await inboxed(event.id)).toBe(1);

    // The same request under another event id: answered as registered again, no second streamer nor profile event.
    await consumer.handle(envelope(data));
    expect(await db.streamer.count({ where: { id: data.entityId } })).toBe(1);
    expect((await answers(data.entityId)).map((answer) => answer.type)).toEqual([
      StreamerProfileChanged.type,
      StreamerRegistered.type,
      StreamerRegistered.type,
    ]);
  });

  it('rejects a display name already taken (ignoring case), creating nothing but the answer', async () => {
    const taken = uniqueName('Taken');
    expect((await subgraph.query(CREATE, { input: streamerInput({ displayName: taken }) })).errors).toBeUndefined();
    const before = await db.streamer.count();
    const data = request(streamerInput({ displayName: taken.toUpperCase() }));
    const event = envelope(data);
    await consumer.handle(event);

    expect(await db.streamer.count()).toBe(before);
    expect(await db.streamerPlatformProfile.count({ where: { streamerId: data.entityId } })).toBe(0);
    expect(await answers(data.entityId)).toEqual([
      {
        type: StreamerRegistrationRejected.type,
        data: {
          accountId: data.accountId,
          entityId: data.entityId,
          field: 'displayName',
          reason: `displayName: The display name "${taken.toUpperCase()}" is already taken`,
        },
      },
    ]);
    // The rejection committed with its inbox row: a redelivery changes nothing.
    expect(await inboxed(event.id)).toBe(1);
    await consumer.handle(event);
    expect(await answers(data.entityId)).toHaveLength(1);
  });

  const refused: [string, Record<string, unknown>, string][] = [
    ['a one-letter display name', streamerInput({ displayName: 'K' }), 'displayName'],
    ['no demographics', streamerInput({ demographics: undefined }), 'demographics'],
    ['no language', streamerInput({ demographics: { country: 'US', languages: [] } }), 'demographics.languages'],
    ['followers that are text', streamerInput({ platforms: [platformInput({ followers: 'many' })] }), 'platforms.0.followers'],
    ['an unknown platform', streamerInput({ platforms: [platformInput({ platform: 'MYSPACE' })] }), 'platforms.0.platform'],
    [
      'a peak below the average (a rule of createStreamer)',
      streamerInput({ platforms: [platformInput({ peakViewers: 10 })] }),
      'platforms.0.peakViewers',
    ],
    [
      'one platform twice',
      streamerInput({ platforms: [platformInput(), platformInput({ username: 'other', channelUrl: 'https://www.twitch.tv/other' })] }),
      'platforms.1.platform',
    ],
  ];
  for (const [what, profile, field] of refused) {
    it(`rejects a profile with ${what}, naming ${field}, and creates nothing`, async () => {
      const data = request(profile);
      await consumer.handle(envelope(data));
      expect(await db.streamer.count({ where: { id: data.entityId } })).toBe(0);
      expect(await answers(data.entityId)).toEqual([
        {
          type: StreamerRegistrationRejected.type,
          data: {
            accountId: data.accountId,
            entityId: data.entityId,
            field,
            reason: expect.stringMatching(new RegExp(`^${field.replace(/\./g, '\\.')}: `)),
          },
        },
      ]);
    });
  }

  it('leaves brand registrations alone', async () => {
    const data = request(streamerInput(), { kind: 'BRAND' });
    const event = envelope(data);
    await consumer.handle(event);
    expect(await answers(data.entityId)).toEqual([]);
    expect(await inboxed(event.id)).toBe(1);
  });

  it('refuses payloads that break the contract with a PermanentEventError, and records nothing', async () => {
    const good = request();
    for (const [what, event] of [
      ['an account id that is no uuid', envelope({ ...good, accountId: 'kira' })],
      ['no profile', envelope({ ...good, profile: undefined })],
      ['another version', envelope(good, { dataversion: 2 })],
    ] as const) {
      await expect(consumer.handle(event), what).rejects.toBeInstanceOf(PermanentEventError);
      expect(await inboxed(event.id), what).toBe(0);
    }
  });
});
