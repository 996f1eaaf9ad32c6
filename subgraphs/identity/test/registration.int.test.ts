import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BrandRegistered,
  BrandRegistrationRejected,
  PermanentEventError,
  RegistrationRequested,
  StreamerRegistered,
  StreamerRegistrationRejected,
} from '@gametriggers/events';
import type { ConsumerOptions, EventContract, EventEnvelope } from '@gametriggers/events';
import { silentLogger, startTestSubgraph } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { identitySubgraph } from '../src/index';
import { ACCOUNT_FIELDS, PASSWORD, SET_STATUS, SIGN_IN, adminViewer, freshIp, queryFrom, uniqueEmail } from './factories';

const admin = adminViewer();

const REGISTER_BRAND = `mutation($input: RegisterBrandInput!) { registerBrand(input: $input) { status account { ${ACCOUNT_FIELDS} brand { id } } } }`;
const REGISTER_STREAMER = `mutation($input: RegisterStreamerInput!) { registerStreamer(input: $input) { status account { ${ACCOUNT_FIELDS} } } }`;
const REGISTRATION = `query($accountId: ID!) { registration(accountId: $accountId) {
  accountId kind status reason field requestedAt completedAt } }`;
const ACCOUNT = `query($id: ID!) { account(id: $id) { ${ACCOUNT_FIELDS} brand { id } streamer { id } } }`;

const brandProfile = (overrides: Record<string, unknown> = {}) => ({
  companyName: 'Voltage Energy Drinks',
  industry: 'beverages',
  website: 'https://voltage.example',
  contact: { name: 'Dana Reyes', email: 'dana@voltage.example', phone: '+1 415 555 0100' },
  billing: { address: { line1: '1 Market St', city: 'San Francisco', postalCode: '94105', country: 'US' }, taxId: 'US-12-3456789' },
  marketingPreferences: {
    countries: ['US'],
    ageRanges: ['AGE_18_24'],
    budgetRange: { min: { amount: '5000', currency: 'USD' }, max: { amount: '25000.50', currency: 'USD' } },
  },
  ...overrides,
});

const streamerProfile = (overrides: Record<string, unknown> = {}) => ({
  displayName: 'KiraPlays',
  contactEmail: 'business@kiraplays.example',
  demographics: { country: 'US', languages: ['en'] },
  platforms: [
    {
      platform: 'TWITCH',
      username: 'kiraplays',
      channelUrl: 'https://www.twitch.tv/kiraplays',
      followers: 412_000,
      averageViewers: 6_800,
      peakViewers: 24_500,
    },
  ],
  ...overrides,
});

let subgraph: TestSubgraph;
let db: Db;
let sql: pg.Client;
let consumer: ConsumerOptions;
beforeAll(async () => {
  subgraph = await startTestSubgraph(identitySubgraph);
  db = createDb(subgraph.databaseUrl);
  sql = new pg.Client({ connectionString: subgraph.databaseUrl });
  await sql.connect();
  // The consumer exactly as the runtime builds it; its handle() is what the event bus calls.
  consumer = identitySubgraph.createEventConsumer!(db, { logger: silentLogger });
});
afterAll(async () => {
  await sql?.end();
  await db?.$disconnect();
  await subgraph?.stop();
});

/** An envelope of `contract` carrying `data`, as its producer's relay would publish it. */
function envelope(contract: EventContract, data: Record<string, unknown>, overrides: Partial<EventEnvelope> = {}): EventEnvelope {
  const id = randomUUID();
  return {
    specversion: '1.0',
    id,
    source: `/subgraphs/${contract.source}`,
    type: contract.type,
    dataversion: contract.version,
    subject: String(data['entityId'] ?? 'unknown'),
    time: new Date().toISOString(),
    correlationid: id,
    datacontenttype: 'application/json',
    data,
    ...overrides,
  };
}

/** The RegistrationRequested events in identity's outbox for an account. */
async function requested(accountId: string) {
  const { rows } = await sql.query<{ type: string; subject: string; envelope: EventEnvelope }>(
    `SELECT "type", "subject", "envelope" FROM "OutboxEvent" WHERE "envelope"->'data'->>'accountId' = $1`,
    [accountId],
  );
  return rows;
}

async function registration(accountId: string) {
  const result = await subgraph.query(REGISTRATION, { accountId });
  return result.data?.['registration'] ?? null;
}

async function registerBrand(email = uniqueEmail(), profile = brandProfile()) {
  const result = await queryFrom(subgraph, freshIp(), REGISTER_BRAND, { input: { email, password: PASSWORD, brand: profile } });
  expect(result.errors).toBeUndefined();
  const account = result.data!['registerBrand'].account;
  const [event] = await requested(account.id);
  return { account, entityId: (event!.envelope.data as { entityId: string }).entityId, email };
}

async function registerStreamer(email = uniqueEmail('kira'), profile = streamerProfile()) {
  const result = await queryFrom(subgraph, freshIp(), REGISTER_STREAMER, { input: { email, password: PASSWORD, streamer: profile } });
  expect(result.errors).toBeUndefined();
  const account = result.data!['registerStreamer'].account;
  const [event] = await requested(account.id);
  return { account, entityId: (event!.envelope.data as { entityId: string }).entityId, email };
}

const signIn = (kind: 'BRAND' | 'STREAMER', email: string, password = PASSWORD) =>
  queryFrom(subgraph, freshIp(), SIGN_IN[kind], { input: { email, password } });

async function counts() {
  const { rows } = await sql.query<{ accounts: number; outbox: number }>(
    'SELECT (SELECT count(*)::int FROM "Account") AS "accounts", (SELECT count(*)::int FROM "OutboxEvent") AS "outbox"',
  );
  return rows[0]!;
}

describe('registerBrand and registerStreamer', () => {
  it('creates a PENDING account without its brand, and RegistrationRequested in the same transaction', async () => {
    const email = uniqueEmail('Dana');
    const result = await queryFrom(subgraph, freshIp(), REGISTER_BRAND, {
      input: { email: email.toUpperCase(), password: PASSWORD, brand: brandProfile() },
    });
    expect(result.errors).toBeUndefined();
    const { status, account } = result.data!['registerBrand'];
    expect(status).toBe('PENDING');
    expect(account).toMatchObject({
      kind: 'BRAND',
      email: email.toLowerCase(),
      status: 'PENDING',
      brandId: null,
      streamerId: null,
      brand: null,
    });

    const events = await requested(account.id);
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(event.type).toBe(RegistrationRequested.type);
    expect(event.subject).toBe(account.id);
    const data = event.envelope.data as Record<string, unknown>;
    expect(RegistrationRequested.schema.parse(data)).toEqual(data);
    expect(data).toEqual({
      accountId: account.id,
      kind: 'BRAND',
      entityId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/),
      email: email.toLowerCase(),
      // GraphQL's defaults filled in, omitted optionals left out: what createBrand would have received.
      profile: {
        ...brandProfile(),
        billing: { address: { ...brandProfile().billing.address }, taxId: 'US-12-3456789' },
        marketingPreferences: { ...brandProfile().marketingPreferences, languages: [], contentCategories: [] },
      },
    });
    expect(await registration(account.id)).toEqual({
      accountId: account.id,
      kind: 'BRAND',
      status: 'PENDING',
      reason: null,
      field: null,
      requestedAt: expect.any(String),
      completedAt: null,
    });
  });

  it('keeps PENDING accounts from signing in and out of the account list unless asked for', async () => {
    const { account, email } = await registerBrand();
    const wrong = await signIn('BRAND', email, 'Wrong-Password-42');
    expect(wrong.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    const right = await signIn('BRAND', email);
    expect(right.data).toBeNull();
    expect(right.errors![0]).toMatchObject({
      message: 'This account is pending: its registration is not complete yet',
      extensions: { code: 'FORBIDDEN' },
    });

    const listed = await subgraph.query(`{ accounts(first: 100) { nodes { id } } }`, {}, admin);
    expect(listed.data!['accounts'].nodes).not.toContainEqual({ id: account.id });
    const pending = await subgraph.query(`{ accounts(first: 100, status: PENDING) { nodes { id } } }`, {}, admin);
    expect(pending.data!['accounts'].nodes).toContainEqual({ id: account.id });

    const suspend = await subgraph.query(SET_STATUS, { id: account.id, status: 'SUSPENDED' }, admin);
    expect(suspend.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT' });
    const active = await registerBrand();
    await consumer.handle(envelope(BrandRegistered, { accountId: active.account.id, entityId: active.entityId }));
    const toPending = await subgraph.query(SET_STATUS, { id: active.account.id, status: 'PENDING' }, admin);
    expect(toPending.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ['an email that is no email', { email: 'dana-at-voltage' }, 'input.email'],
    ['a weak password', { password: 'short' }, 'input.password'],
    [
      'the email as password',
      { email: 'correct-horse-battery@voltage.example', password: 'Correct-Horse-Battery@voltage.example' },
      'input.password',
    ],
  ];
  for (const [what, overrides, field] of invalid) {
    it(`refuses ${what} on ${field}, writing nothing`, async () => {
      const before = await counts();
      const result = await queryFrom(subgraph, freshIp(), REGISTER_BRAND, {
        input: { email: uniqueEmail(), password: PASSWORD, brand: brandProfile(), ...overrides },
      });
      expect(result.data).toBeNull();
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await counts()).toEqual(before);
    });
  }

  it("checks the profile's shape (types and required fields) before writing anything", async () => {
    const before = await counts();
    const { contact: _contact, ...withoutContact } = brandProfile();
    for (const input of [
      { email: uniqueEmail(), password: PASSWORD, brand: withoutContact },
      { email: uniqueEmail(), password: PASSWORD, brand: brandProfile({ marketingPreferences: { ageRanges: ['AGE_99'] } }) },
    ]) {
      const result = await queryFrom(subgraph, freshIp(), REGISTER_BRAND, { input });
      expect(result.errors?.length).toBeGreaterThan(0);
      expect(result.data ?? null).toBeNull();
    }
    const streamer = await queryFrom(subgraph, freshIp(), REGISTER_STREAMER, {
      input: {
        email: uniqueEmail(),
        password: PASSWORD,
        streamer: streamerProfile({ platforms: [{ platform: 'TWITCH', followers: 'many' }] }),
      },
    });
    expect(streamer.errors?.length).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);
  });

  it('refuses a second registration of an email while one is pending or done, per kind, with one answer for both', async () => {
    const { email } = await registerBrand();
    const again = await queryFrom(subgraph, freshIp(), REGISTER_BRAND, { input: { email, password: PASSWORD, brand: brandProfile() } });
    expect(again.errors![0]).toMatchObject({
      message: 'This email cannot be used to register; sign in, or use another email',
      extensions: { code: 'CONFLICT', field: 'input.email' },
    });
    // The same person may be a streamer too.
    await registerStreamer(email, streamerProfile({ displayName: 'DanaPlays' }));

    const done = await registerBrand();
    await consumer.handle(envelope(BrandRegistered, { accountId: done.account.id, entityId: done.entityId }));
    const taken = await queryFrom(subgraph, freshIp(), REGISTER_BRAND, {
      input: { email: done.email, password: PASSWORD, brand: brandProfile() },
    });
    expect(taken.errors![0]).toMatchObject({
      message: 'This email cannot be used to register; sign in, or use another email',
      extensions: { code: 'CONFLICT', field: 'input.email' },
    });
  });

  it('limits registrations per client address (RATE_LIMITED with retryAfterSeconds)', async () => {
    const ip = freshIp();
    const register = () =>
      queryFrom(subgraph, ip, REGISTER_BRAND, { input: { email: uniqueEmail('burst'), password: PASSWORD, brand: brandProfile() } });
    for (let i = 0; i < 10; i += 1) expect((await register()).errors).toBeUndefined();
    const refused = await register();
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(refused.errors![0]!.extensions!['retryAfterSeconds']).toBeGreaterThan(3000);
  });
});

describe('settling registrations from the brand and streamer subgraphs', () => {
  it('binds the identity queue to the answers of brand and streamer', () => {
    expect(consumer.consumer).toBe('identity');
    expect(consumer.contracts).toEqual([BrandRegistered, BrandRegistrationRejected, StreamerRegistered, StreamerRegistrationRejected]);
  });

  it('activates the account when its brand exists: it acts for the brand and signs in', async () => {
    const { account, entityId, email } = await registerBrand();
    const event = envelope(BrandRegistered, { accountId: account.id, entityId });
    await consumer.handle(event);

    const read = await subgraph.query(ACCOUNT, { id: account.id }, admin);
    expect(read.data!['account']).toMatchObject({ status: 'ACTIVE', brandId: entityId, streamerId: null, brand: { id: entityId } });
    expect(await registration(account.id)).toMatchObject({ status: 'ACTIVE', reason: null, field: null, completedAt: expect.any(String) });
    const signedIn = await signIn('BRAND', email);
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data!['signIn'].account).toMatchObject({ id: account.id, status: 'ACTIVE', brandId: entityId });

    // The same event again, and a late contradicting answer: nothing changes.
    const settled = await db.accountRegistration.findUniqueOrThrow({ where: { accountId: account.id } });
    await consumer.handle(event);
    await consumer.handle(envelope(BrandRegistrationRejected, { accountId: account.id, entityId, reason: 'too late', field: null }));
    await consumer.handle(envelope(BrandRegistered, { accountId: account.id, entityId }));
    expect(await db.accountRegistration.findUniqueOrThrow({ where: { accountId: account.id } })).toEqual(settled);
    expect((await subgraph.query(ACCOUNT, { id: account.id }, admin)).data!['account']).toMatchObject({
      status: 'ACTIVE',
      brandId: entityId,
    });
  });

  it('fails the account when the profile is refused: no sign-in, the reason shown, the email free again', async () => {
    const { account, entityId, email } = await registerStreamer();
    const rejected = envelope(StreamerRegistrationRejected, {
      accountId: account.id,
      entityId,
      reason: 'The display name "KiraPlays" is already taken',
      field: 'displayName',
    });
    await consumer.handle(rejected);
    await consumer.handle(rejected);

    expect(await registration(account.id)).toMatchObject({
      status: 'FAILED',
      reason: 'The display name "KiraPlays" is already taken',
      field: 'input.streamer.displayName',
      completedAt: expect.any(String),
    });
    expect((await subgraph.query(ACCOUNT, { id: account.id }, admin)).data!['account']).toMatchObject({
      status: 'FAILED',
      streamerId: null,
      streamer: null,
    });
    // A failed registration is no account: the same answer as an unknown email.
    const refused = await signIn('STREAMER', email);
    expect(refused.errors![0]).toMatchObject({ message: 'Invalid email or password', extensions: { code: 'UNAUTHENTICATED' } });

    // A late "registered" for the failed registration changes nothing.
    await consumer.handle(envelope(StreamerRegistered, { accountId: account.id, entityId }));
    expect(await registration(account.id)).toMatchObject({ status: 'FAILED' });

    // The email registers again, with a new account and entity, and that one completes.
    const retry = await registerStreamer(email, streamerProfile({ displayName: 'KiraPlaysToo' }));
    expect(retry.account.id).not.toBe(account.id);
    expect(retry.entityId).not.toBe(entityId);
    await consumer.handle(envelope(StreamerRegistered, { accountId: retry.account.id, entityId: retry.entityId }));
    const signedIn = await signIn('STREAMER', email);
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data!['signIn'].account).toMatchObject({ id: retry.account.id, streamerId: retry.entityId });
    expect((await subgraph.query(ACCOUNT, { id: account.id }, admin)).data!['account']).toMatchObject({ status: 'FAILED' });
  });

  it('ignores answers that do not match the registration: another entity, the other kind, an unknown account', async () => {
    const { account, entityId } = await registerBrand();
    await consumer.handle(envelope(BrandRegistered, { accountId: account.id, entityId: randomUUID() }));
    await consumer.handle(envelope(StreamerRegistered, { accountId: account.id, entityId }));
    await consumer.handle(envelope(BrandRegistered, { accountId: randomUUID(), entityId }));
    expect(await registration(account.id)).toMatchObject({ status: 'PENDING' });
    expect((await subgraph.query(ACCOUNT, { id: account.id }, admin)).data!['account']).toMatchObject({ status: 'PENDING', brandId: null });
  });

  it('refuses payloads that break the contract with a PermanentEventError, and changes nothing', async () => {
    const { account, entityId } = await registerBrand();
    for (const [what, event] of [
      ['an account id that is no uuid', envelope(BrandRegistered, { accountId: 'dana', entityId })],
      ['a rejection without a reason', envelope(BrandRegistrationRejected, { accountId: account.id, entityId, reason: '', field: null })],
      ['another version', envelope(BrandRegistered, { accountId: account.id, entityId }, { dataversion: 2 })],
    ] as const) {
      await expect(consumer.handle(event), what).rejects.toBeInstanceOf(PermanentEventError);
    }
    expect(await registration(account.id)).toMatchObject({ status: 'PENDING' });
  });

  it('answers NOT_FOUND for an account without a registration', async () => {
    const missing = await subgraph.query(REGISTRATION, { accountId: randomUUID() });
    expect(missing.data!['registration']).toBeNull();
    expect(missing.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });
});
