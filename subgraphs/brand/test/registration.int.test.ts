import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BrandProfileChanged,
  BrandRegistered,
  BrandRegistrationRejected,
  PermanentEventError,
  RegistrationRequested,
} from '@gametriggers/events';
import type { ConsumerOptions, EventData, EventEnvelope } from '@gametriggers/events';
import { silentLogger, startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { brandSubgraph } from '../src/index';
import { brandInput } from './factories';

type Request = EventData<typeof RegistrationRequested>;

const READ = `query($id: ID!) { brand(id: $id) { id companyName website contact { email }
  marketingPreferences { demographics { countries languages ageRanges } contentCategories budgetRange { min { amount currency } max { amount } } } } }`;

let subgraph: TestSubgraph;
let db: Db;
let sql: pg.Client;
let consumer: ConsumerOptions;
beforeAll(async () => {
  subgraph = await startTestSubgraph(brandSubgraph, { viewer: testAdmin });
  db = createDb(subgraph.databaseUrl);
  sql = new pg.Client({ connectionString: subgraph.databaseUrl });
  await sql.connect();
  // The consumer exactly as the runtime builds it; its handle() is what the event bus calls.
  consumer = brandSubgraph.createEventConsumer!(db, { logger: silentLogger });
});
afterAll(async () => {
  await sql?.end();
  await db?.$disconnect();
  await subgraph?.stop();
});

/** A brand registration as identity sends it (a fresh account and entity id). */
function request(profile: Record<string, unknown> = brandInput(), overrides: Partial<Request> = {}): Request {
  return { accountId: randomUUID(), kind: 'BRAND', entityId: randomUUID(), email: 'dana@voltage.example', profile, ...overrides };
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

/** The answers in brand's outbox for a registration (by its entity id). */
async function answers(entityId: string) {
  const { rows } = await sql.query<{ type: string; envelope: EventEnvelope }>(
    `SELECT "type", "envelope" FROM "OutboxEvent" WHERE "subject" = $1 ORDER BY "sequence"`,
    [entityId],
  );
  return rows.map((row) => ({ type: row.type, data: row.envelope.data, correlationid: row.envelope.correlationid }));
}

async function readBrand(id: string) {
  return (await subgraph.query(READ, { id })).data?.['brand'] ?? null;
}

async function inboxed(eventId: string): Promise<number> {
  const { rows } = await sql.query<{ count: number }>('SELECT count(*)::int AS "count" FROM "InboxEvent" WHERE "eventId" = $1', [eventId]);
  return rows[0]!.count;
}

describe('brand registrations', () => {
  it('binds the brand queue to RegistrationRequested', () => {
    expect(consumer.consumer).toBe('brand');
    expect(consumer.contracts).toEqual([RegistrationRequested]);
  });

  it('creates the brand with the given id and profile, and answers BrandRegistered once', async () => {
    const data = request();
    const event = envelope(data);
    await consumer.handle(event);
    await consumer.handle(event); // redelivered: the inbox has it

    expect(await readBrand(data.entityId)).toEqual({
      id: data.entityId,
      companyName: 'Voltage Energy Drinks',
      website: 'https://voltage.example',
      contact: { email: 'dana@voltage.example' },
      marketingPreferences: {
        demographics: { countries: ['US', 'CA'], languages: ['en'], ageRanges: ['AGE_18_24', 'AGE_25_34'] },
        contentCategories: ['fps', 'battle-royale'],
        budgetRange: { min: { amount: '5000.00', currency: 'USD' }, max: { amount: '25000.50' } },
      },
    });
    // The new brand's facts for other domains (revision 1), then the answer to identity.
    expect(await answers(data.entityId)).toEqual([
      {
        type: BrandProfileChanged.type,
        data: { brandId: data.entityId, industry: 'beverages', contentCategories: ['fps', 'battle-royale'], revision: 1 },
        correlationid: expect.any(String),
      },
      { type: BrandRegistered.type, data: { accountId: data.accountId, entityId: data.entityId }, correlationid: data.accountId },
    ]);
    expect(await inboxed(event.id)).toBe(1);

    // The same request under another event id: the brand exists, so it is answered as registered again (no second profile event).
    await consumer.handle(envelope(data));
    expect(await db.brand.count({ where: { id: data.entityId } })).toBe(1);
    expect((await answers(data.entityId)).map((answer) => answer.type)).toEqual([
      BrandProfileChanged.type,
      BrandRegistered.type,
      BrandRegistered.type,
    ]);
  });

  it('applies GraphQL defaults to what the profile leaves out', async () => {
    const data = request(brandInput({ website: undefined, marketingPreferences: { countries: ['DE'] } }));
    await consumer.handle(envelope(data));
    expect(await readBrand(data.entityId)).toMatchObject({
      website: null,
      marketingPreferences: { demographics: { countries: ['DE'], languages: [], ageRanges: [] }, contentCategories: [], budgetRange: null },
    });
  });

  const refused: [string, Record<string, unknown>, string | null][] = [
    ['an invalid contact email', brandInput({ contact: { name: 'Dana', email: 'not-an-email' } }), 'contact.email'],
    ['a missing company name', brandInput({ companyName: undefined }), 'companyName'],
    ['a number for a name', brandInput({ companyName: 42 }), 'companyName'],
    ['no billing details', brandInput({ billing: undefined }), 'billing'],
    [
      'a country that is no code',
      brandInput({ billing: { address: { line1: 'x', city: 'y', postalCode: '1', country: 'USA' } } }),
      'billing.address.country',
    ],
    ['an unknown age range', brandInput({ marketingPreferences: { ageRanges: ['AGE_99'] } }), 'marketingPreferences.ageRanges.0'],
    [
      'a budget whose max is below its min (a rule of createBrand itself)',
      brandInput({
        marketingPreferences: { budgetRange: { min: { amount: '50', currency: 'USD' }, max: { amount: '20', currency: 'USD' } } },
      }),
      'marketingPreferences.budgetRange.max.amount',
    ],
    [
      'an amount with too many decimals',
      brandInput({
        marketingPreferences: { budgetRange: { min: { amount: '1.001', currency: 'USD' }, max: { amount: '20', currency: 'USD' } } },
      }),
      'marketingPreferences.budgetRange.min.amount',
    ],
  ];
  for (const [what, profile, field] of refused) {
    it(`rejects a profile with ${what}, naming ${field}, and creates nothing`, async () => {
      const data = request(JSON.parse(JSON.stringify(profile)) as Record<string, unknown>);
      const event = envelope(data);
      await consumer.handle(event);
      expect(await db.brand.count({ where: { id: data.entityId } })).toBe(0);
      const [answer, ...more] = await answers(data.entityId);
      expect(more).toEqual([]);
      expect(answer).toEqual({
        type: BrandRegistrationRejected.type,
        data: { accountId: data.accountId, entityId: data.entityId, field, reason: expect.stringContaining(field ?? '') },
        correlationid: data.accountId,
      });
      expect((answer!.data as { reason: string }).reason).not.toMatch(/^input\./);
      expect(await inboxed(event.id)).toBe(1);
    });
  }

  it('leaves streamer registrations alone', async () => {
    const data = request(brandInput(), { kind: 'STREAMER' });
    const event = envelope(data);
    await consumer.handle(event);
    expect(await answers(data.entityId)).toEqual([]);
    expect(await db.brand.count({ where: { id: data.entityId } })).toBe(0);
    expect(await inboxed(event.id)).toBe(1);
  });

  it('refuses payloads that break the contract with a PermanentEventError, and records nothing', async () => {
    const good = request();
    for (const [what, event] of [
      ['an entity id that is no uuid', envelope({ ...good, entityId: 'voltage' })],
      ['an ADMIN registration', envelope({ ...good, kind: 'ADMIN' })],
      ['a profile that is no object', envelope({ ...good, profile: 'Voltage' })],
      ['another version', envelope(good, { dataversion: 2 })],
    ] as const) {
      await expect(consumer.handle(event), what).rejects.toBeInstanceOf(PermanentEventError);
      expect(await inboxed(event.id), what).toBe(0);
    }
    expect(await answers(good.entityId)).toEqual([]);
  });
});
