import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@gametriggers/events';
import { identitySubgraph } from '@gametriggers/subgraph-identity';
import { brandSubgraph } from '@gametriggers/subgraph-brand';
import { graphql, silentLogger } from '@gametriggers/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStackFixture } from './stack-fixture';
import type { StackFixture } from './stack-fixture';

const PASSWORD = 'Correct-Horse-Battery-9';
const REGISTER_BRAND = `mutation($input: RegisterBrandInput!) { registerBrand(input: $input) { status account { id status brandId } } }`;
const REGISTER_STREAMER = `mutation($input: RegisterStreamerInput!) { registerStreamer(input: $input) { status account { id status streamerId } } }`;
const REGISTRATION = `query($accountId: ID!) { registration(accountId: $accountId) { status reason field } }`;
const ACCOUNT = `query($id: ID!) { account(id: $id) { id status brandId streamerId
  brand { id companyName contact { email } billing { address { city country } } marketingPreferences { budgetRange { max { amount currency } } } }
  streamer { id displayName } } }`;
const SIGN_IN = {
  BRAND: `mutation($input: SignInInput!) { signIn: signInBrand(input: $input) { accessToken tokenType account { id status } } }`,
  STREAMER: `mutation($input: SignInInput!) { signIn: signInStreamer(input: $input) { accessToken tokenType account { id status } } }`,
  ADMIN: `mutation($input: SignInInput!) { signIn: signInAdmin(input: $input) { accessToken tokenType account { id status } } }`,
};
/** The demo admin the stack seeds (subgraphs/identity/src/seed.ts). */
const DEMO_ADMIN = { email: 'admin@gametriggers.example', password: 'demo-password-2026' };
const STREAMERS = `{ streamers(first: 100) { nodes { id displayName } } }`;

interface Registration {
  status: string;
  reason: string | null;
  field: string | null;
}

type IdentityDb = ReturnType<typeof identitySubgraph.createDatabaseClient>;
type BrandDb = ReturnType<typeof brandSubgraph.createDatabaseClient>;

let fixture: StackFixture;
let url: string;
/** Clients of the identity and brand databases, to read their outboxes and replay events. */
let identityDb: IdentityDb;
let brandDb: BrandDb;
beforeAll(async () => {
  fixture = await startStackFixture();
  url = fixture.stack.routerUrl;
  identityDb = identitySubgraph.createDatabaseClient(fixture.stack.subgraphs['identity']!.databaseUrl);
  brandDb = brandSubgraph.createDatabaseClient(fixture.stack.subgraphs['brand']!.databaseUrl);
}, 120_000);
afterAll(async () => {
  await identityDb?.$disconnect();
  await brandDb?.$disconnect();
  await fixture?.stop();
});

/** Runs an operation through the router, signed in with `accessToken` when given; fails on errors. */
async function ok(query: string, variables: Record<string, unknown> = {}, accessToken?: string) {
  const result = await graphql(url, query, variables, accessToken ? { authorization: `Bearer ${accessToken}` } : {});
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

/** Polls registration(accountId) through the router until it is no longer PENDING, for at most `timeoutMs`. */
async function settled(accountId: string, timeoutMs = 10_000): Promise<Registration> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const registration = (await ok(REGISTRATION, { accountId }))['registration'] as Registration;
    if (registration.status !== 'PENDING') return registration;
    if (Date.now() > deadline) throw new Error(`registration of ${accountId} still PENDING after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const signIn = (kind: keyof typeof SIGN_IN, email: string, password = PASSWORD) =>
  graphql(url, SIGN_IN[kind], { input: { email, password } });

/** An access token of the demo admin, who may read any account (FAILED ones included). */
async function adminToken(): Promise<string> {
  const result = await signIn('ADMIN', DEMO_ADMIN.email, DEMO_ADMIN.password);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!['signIn'].accessToken as string;
}

/** The events in a subgraph's outbox whose payload concerns `accountId`. */
async function outbox(db: IdentityDb | BrandDb, accountId: string): Promise<EventEnvelope[]> {
  const rows = await (db as IdentityDb).$queryRawUnsafe<{ envelope: EventEnvelope }[]>(
    `SELECT "envelope" FROM "OutboxEvent" WHERE "envelope"->'data'->>'accountId' = $1 ORDER BY "sequence"`,
    accountId,
  );
  return rows.map((row) => row.envelope);
}

const brandProfile = {
  companyName: 'Aurora Snacks',
  industry: 'food',
  website: 'https://aurora.example',
  contact: { name: 'Ines Moreau', email: 'Ines@Aurora.example' },
  billing: { address: { line1: '5 Rue de Rivoli', city: 'Paris', postalCode: '75001', country: 'FR' } },
  marketingPreferences: {
    countries: ['FR'],
    budgetRange: { min: { amount: '1000', currency: 'EUR' }, max: { amount: '9000.50', currency: 'EUR' } },
  },
};

const streamerProfile = (displayName: string) => ({
  displayName,
  contactEmail: 'hello@newcomer.example',
  demographics: { country: 'DE', languages: ['de', 'en'] },
  platforms: [
    {
      platform: 'KICK',
      username: 'newcomer',
      channelUrl: 'https://kick.com/newcomer',
      followers: 1_200,
      averageViewers: 40,
      peakViewers: 150,
    },
  ],
});

describe('the registration saga through the router', () => {
  it('registers a brand: PENDING, then ACTIVE with its Brand created from the profile, and it signs in', async () => {
    const email = `ines.${randomUUID().slice(0, 8)}@aurora.example`;
    const registered = (await ok(REGISTER_BRAND, { input: { email, password: PASSWORD, brand: brandProfile } }))['registerBrand'];
    expect(registered).toMatchObject({ status: 'PENDING', account: { status: 'PENDING', brandId: null } });
    const accountId = registered.account.id as string;

    expect(await settled(accountId)).toEqual({ status: 'ACTIVE', reason: null, field: null });
    const signedIn = await signIn('BRAND', email);
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data!['signIn']).toMatchObject({ tokenType: 'Bearer', account: { id: accountId, status: 'ACTIVE' } });
    // The router verifies the access token against identity's JWKS: the account reads itself.
    const account = (await ok(ACCOUNT, { id: accountId }, signedIn.data!['signIn'].accessToken))['account'];
    expect(account).toEqual({
      id: accountId,
      status: 'ACTIVE',
      brandId: expect.any(String),
      streamerId: null,
      brand: {
        id: account.brandId,
        companyName: 'Aurora Snacks',
        contact: { email: 'ines@aurora.example' },
        billing: { address: { city: 'Paris', country: 'FR' } },
        marketingPreferences: { budgetRange: { max: { amount: '9000.50', currency: 'EUR' } } },
      },
      streamer: null,
    });
    const anonymous = await graphql(url, ACCOUNT, { id: accountId });
    expect(anonymous.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });

    // Duplicate deliveries, through each consumer's handle() as the bus calls it: nothing changes.
    const [requested] = await outbox(identityDb, accountId);
    const [answer] = await outbox(brandDb, accountId);
    expect(requested!.type).toBe('identity.registration.requested');
    expect(answer!.type).toBe('brand.brand.registered');
    const brandConsumer = brandSubgraph.createEventConsumer!(brandDb, { logger: silentLogger });
    const identityConsumer = identitySubgraph.createEventConsumer!(identityDb, { logger: silentLogger });
    const before = await identityDb.account.findUniqueOrThrow({ where: { id: accountId } });
    for (let i = 0; i < 2; i += 1) {
      await brandConsumer.handle(requested!);
      await identityConsumer.handle(answer!);
    }
    expect(await brandDb.brand.count({ where: { companyName: 'Aurora Snacks' } })).toBe(1);
    expect(await outbox(brandDb, accountId)).toHaveLength(1);
    expect(await identityDb.account.findUniqueOrThrow({ where: { id: accountId } })).toEqual(before);
  });

  it('fails a streamer whose display name is taken: no Streamer, no sign-in, and the email registers again', async () => {
    const email = `newcomer.${randomUUID().slice(0, 8)}@newcomer.example`;
    const streamersBefore = (await ok(STREAMERS))['streamers'].nodes as { id: string }[];
    // KiraPlays is a seeded demo streamer; the name is unique ignoring case.
    const first = (await ok(REGISTER_STREAMER, { input: { email, password: PASSWORD, streamer: streamerProfile('kiraplays') } }))[
      'registerStreamer'
    ];
    expect(first).toMatchObject({ status: 'PENDING', account: { status: 'PENDING', streamerId: null } });
    const failedId = first.account.id as string;

    expect(await settled(failedId)).toEqual({
      status: 'FAILED',
      reason: 'displayName: The display name "kiraplays" is already taken',
      field: 'input.streamer.displayName',
    });
    const admin = await adminToken();
    expect((await ok(ACCOUNT, { id: failedId }, admin))['account']).toMatchObject({ status: 'FAILED', streamerId: null, streamer: null });
    expect((await ok(STREAMERS))['streamers'].nodes).toHaveLength(streamersBefore.length);
    const refused = await signIn('STREAMER', email);
    expect(refused.errors![0]).toMatchObject({ message: 'Invalid email or password', extensions: { code: 'UNAUTHENTICATED' } });

    // The failed registration released the email: the same person registers again, with a free name.
    const second = (await ok(REGISTER_STREAMER, { input: { email, password: PASSWORD, streamer: streamerProfile('Newcomer Live') } }))[
      'registerStreamer'
    ];
    expect(second.status).toBe('PENDING');
    const accountId = second.account.id as string;
    expect(accountId).not.toBe(failedId);
    expect(await settled(accountId)).toEqual({ status: 'ACTIVE', reason: null, field: null });
    const signedIn = await signIn('STREAMER', email);
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data!['signIn'].account).toEqual({ id: accountId, status: 'ACTIVE' });
    const account = (await ok(ACCOUNT, { id: accountId }, signedIn.data!['signIn'].accessToken))['account'];
    expect(account).toMatchObject({ status: 'ACTIVE', streamer: { id: account.streamerId, displayName: 'Newcomer Live' } });
    expect((await ok(ACCOUNT, { id: failedId }, admin))['account'].status).toBe('FAILED');

    // Every event was published and handled: nothing left in the outboxes, nothing dead-lettered.
    for (const name of ['identity', 'brand', 'streamer']) {
      const relay = fixture.stack.started.find((subgraph) => subgraph.name === name)!.relay!;
      await relay.drain(10_000);
      expect(await relay.pending(), name).toBe(0);
      expect(await fixture.stack.events.deadLetters(name), name).toEqual([]);
    }
  });
});
