import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { identitySubgraph } from '../src/index';
import { ACCOUNT_FIELDS, CREATE, PASSWORD, SESSION_FIELDS, SET_STATUS, SIGN_IN, accountInput, uniqueEmail } from './factories';

let subgraph: TestSubgraph;
let db: Db;
beforeAll(async () => {
  subgraph = await startTestSubgraph(identitySubgraph);
  db = createDb(subgraph.databaseUrl);
});
afterAll(async () => {
  await db?.$disconnect();
  await subgraph?.stop();
});

async function create(overrides: Record<string, unknown> = {}) {
  const result = await subgraph.query(CREATE, { input: accountInput(overrides) });
  expect(result.errors).toBeUndefined();
  return result.data!['createAccount'];
}

const signIn = (input: Record<string, unknown>) => subgraph.query(SIGN_IN, { input });

async function accountCount() {
  const result = await subgraph.query(`{ accounts(first: 100) { nodes { id } } }`);
  return result.data!['accounts'].nodes.length as number;
}

describe('accounts', () => {
  it('creates an account with a normalized email and reads it back', async () => {
    const brandId = randomUUID();
    const email = uniqueEmail('Dana.Reyes');
    const account = await create({ email: email.toUpperCase(), brandId });
    expect(account).toMatchObject({
      kind: 'BRAND',
      email: email.toLowerCase(),
      status: 'ACTIVE',
      brandId,
      streamerId: null,
      emailVerifiedAt: null,
      lastSignInAt: null,
    });
    const read = await subgraph.query(`query($id: ID!) { account(id: $id) { ${ACCOUNT_FIELDS} brand { id } streamer { id } } }`, {
      id: account.id,
    });
    expect(read.data!['account']).toEqual({ ...account, brand: { id: brandId }, streamer: null });

    const stored = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored.passwordHash).not.toContain(PASSWORD);
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ['an email that is no email', { email: 'dana-at-voltage' }, 'input.email'],
    ['a password under 12 characters', { password: 'Short-pw-1' }, 'input.password'],
    ['a password over 128 characters', { password: `Aa1-${'x'.repeat(125)}` }, 'input.password'],
    ['a password of one character class', { password: 'onlylowercaseletters' }, 'input.password'],
    ['a password of a few repeated characters', { password: 'abababababab1212' }, 'input.password'],
    ['the email as password', { email: 'dana.reyes@voltage.example', password: 'Dana.Reyes@voltage.example' }, 'input.password'],
    ['a brand account without brandId', { brandId: null }, 'input.brandId'],
    ['a brand account with a streamerId', { streamerId: randomUUID() }, 'input.streamerId'],
    ['a streamer account without streamerId', { kind: 'STREAMER', brandId: null }, 'input.streamerId'],
    ['a streamer account with a brandId', { kind: 'STREAMER', streamerId: randomUUID() }, 'input.brandId'],
    ['an admin account with a brandId', { kind: 'ADMIN' }, 'input.brandId'],
    ['an admin account with a streamerId', { kind: 'ADMIN', brandId: null, streamerId: randomUUID() }, 'input.streamerId'],
    ['a brandId that is no UUID', { brandId: 'voltage' }, 'input.brandId'],
  ];
  it.each(invalid)('rejects %s naming the field, and writes nothing', async (_name, overrides, field) => {
    const before = await accountCount();
    const result = await subgraph.query(CREATE, { input: accountInput(overrides) });
    expect(result.data).toBeNull();
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await accountCount()).toBe(before);
  });

  it('takes an email once per kind: a brand and a streamer account may share it', async () => {
    const email = uniqueEmail('sam');
    await create({ email });
    const again = await subgraph.query(CREATE, { input: accountInput({ email: email.toUpperCase() }) });
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.email' });

    const streamer = await create({ kind: 'STREAMER', email, brandId: null, streamerId: randomUUID() });
    const admin = await create({ kind: 'ADMIN', email, brandId: null });
    expect([streamer.email, admin.email]).toEqual([email, email]);
  });

  it('lets only one of concurrent creations with one email win', async () => {
    const email = uniqueEmail('race');
    const results = await Promise.all(Array.from({ length: 4 }, () => subgraph.query(CREATE, { input: accountInput({ email }) })));
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    for (const result of results.filter((r) => r.errors)) {
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.email' });
    }
  });

  it('pages through accounts newest first, filtered by kind and status', async () => {
    const streamers = [];
    for (let i = 0; i < 3; i += 1) streamers.push(await create({ kind: 'STREAMER', brandId: null, streamerId: randomUUID() }));
    await subgraph.query(SET_STATUS, { id: streamers[1].id, status: 'DISABLED' });

    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await subgraph.query(
        `query($after: String) { accounts(first: 2, after: $after, kind: STREAMER) { nodes { id kind } pageInfo { endCursor hasNextPage } } }`,
        { after },
      );
      expect(page.data.accounts.nodes.every((node: { kind: string }) => node.kind === 'STREAMER')).toBe(true);
      seen.push(...page.data.accounts.nodes.map((node: { id: string }) => node.id));
      after = page.data.accounts.pageInfo.hasNextPage ? page.data.accounts.pageInfo.endCursor : null;
    } while (after);
    expect(seen.slice(0, 3)).toEqual(streamers.map((account) => account.id).reverse());
    expect(new Set(seen).size).toBe(seen.length);

    const disabled = await subgraph.query(`{ accounts(kind: STREAMER, status: DISABLED) { nodes { id } } }`);
    expect(disabled.data!['accounts'].nodes).toEqual([{ id: streamers[1].id }]);
  });

  it('answers NOT_FOUND for unknown ids, UUIDs or not', async () => {
    for (const id of [randomUUID(), 'nonsense']) {
      const account = await subgraph.query(`query($id: ID!) { account(id: $id) { id } }`, { id });
      expect(account.data!['account']).toBeNull();
      expect(account.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
      const session = await subgraph.query(`query($id: ID!) { accountSession(id: $id) { id } }`, { id });
      expect(session.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
      const status = await subgraph.query(SET_STATUS, { id, status: 'SUSPENDED' });
      expect(status.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
      const revoke = await subgraph.query(`mutation($id: ID!) { revokeSession(id: $id) { id } }`, { id });
      expect(revoke.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});

describe('sign-in and sessions', () => {
  it('signs in, storing only the hash of a random session token', async () => {
    const account = await create();
    const result = await signIn({
      kind: 'BRAND',
      email: account.email.toUpperCase(),
      password: PASSWORD,
      userAgent: 'Mozilla/5.0 (test)',
      ipAddress: '203.0.113.7',
    });
    expect(result.errors).toBeUndefined();
    const { sessionToken, session, account: signedIn } = result.data!['signIn'];
    expect(sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(sessionToken, 'base64url')).toHaveLength(32);
    expect(session).toMatchObject({
      accountId: account.id,
      userAgent: 'Mozilla/5.0 (test)',
      ipAddress: '203.0.113.7',
      revokedAt: null,
      active: true,
    });
    expect(new Date(session.expiresAt).getTime() - new Date(session.createdAt).getTime()).toBe(30 * 24 * 3600 * 1000);
    expect(signedIn.lastSignInAt).toBe(session.createdAt);

    const stored = await db.accountSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(Buffer.from(stored.tokenHash).equals(createHash('sha256').update(sessionToken).digest())).toBe(true);
    expect(JSON.stringify(stored)).not.toContain(sessionToken);

    const second = await signIn({ kind: 'BRAND', email: account.email, password: PASSWORD });
    expect(second.data!['signIn'].sessionToken).not.toBe(sessionToken);
  });

  it('fails alike, and about as slowly, for a wrong password, an unknown email and a wrong kind', async () => {
    const account = await create();
    const attempts = {
      wrongPassword: { kind: 'BRAND', email: account.email, password: 'Wrong-Password-123' },
      unknownEmail: { kind: 'BRAND', email: uniqueEmail('nobody'), password: PASSWORD },
      wrongKind: { kind: 'STREAMER', email: account.email, password: PASSWORD },
    };
    const timings: Record<string, number[]> = {};
    const errors = new Set<string>();
    for (let round = 0; round < 5; round += 1) {
      for (const [name, input] of Object.entries(attempts)) {
        const started = performance.now();
        const result = await signIn(input);
        (timings[name] ??= []).push(performance.now() - started);
        expect(result.data).toBeNull();
        errors.add(JSON.stringify(result.errors!.map(({ message, extensions }) => ({ message, extensions }))));
      }
    }
    expect([...errors]).toEqual([JSON.stringify([{ message: 'Invalid email or password', extensions: { code: 'UNAUTHENTICATED' } }])]);

    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const wrongPassword = median(timings['wrongPassword']!);
    // Each path runs one argon2 verification, which dominates: an unknown email is no faster.
    expect(median(timings['unknownEmail']!)).toBeGreaterThan(wrongPassword * 0.5);
    expect(median(timings['wrongKind']!)).toBeGreaterThan(wrongPassword * 0.5);
  });

  it('revokes a session once, and lists sessions by activity', async () => {
    const account = await create();
    const first = (await signIn({ kind: 'BRAND', email: account.email, password: PASSWORD })).data!['signIn'].session;
    const second = (await signIn({ kind: 'BRAND', email: account.email, password: PASSWORD })).data!['signIn'].session;

    const REVOKE = `mutation($id: ID!) { revokeSession(id: $id) { ${SESSION_FIELDS} } }`;
    const revoked = (await subgraph.query(REVOKE, { id: first.id })).data!['revokeSession'];
    expect(revoked).toMatchObject({ id: first.id, active: false });
    expect(revoked.revokedAt).not.toBeNull();
    const again = (await subgraph.query(REVOKE, { id: first.id })).data!['revokeSession'];
    expect(again.revokedAt).toBe(revoked.revokedAt);

    const sessions = await subgraph.query(
      `query($id: ID!) { account(id: $id) { all: sessions { id } active: sessions(active: true) { id } ended: sessions(active: false) { id } } }`,
      { id: account.id },
    );
    expect(sessions.data!['account']).toEqual({
      all: [{ id: second.id }, { id: first.id }],
      active: [{ id: second.id }],
      ended: [{ id: first.id }],
    });
    const read = await subgraph.query(`query($id: ID!) { accountSession(id: $id) { id active account { id } } }`, { id: second.id });
    expect(read.data!['accountSession']).toEqual({ id: second.id, active: true, account: { id: account.id } });
  });

  it('revokes every session when an account is suspended, and refuses it sign-in until reactivated', async () => {
    const account = await create({ kind: 'STREAMER', brandId: null, streamerId: randomUUID() });
    const credentials = { kind: 'STREAMER', email: account.email, password: PASSWORD };
    await signIn(credentials);
    await signIn(credentials);

    const suspended = await subgraph.query(SET_STATUS, { id: account.id, status: 'SUSPENDED' });
    expect(suspended.data!['setAccountStatus']).toEqual({ id: account.id, status: 'SUSPENDED' });
    const sessions = await subgraph.query(
      `query($id: ID!) { account(id: $id) { sessions { active revokedAt } active: sessions(active: true) { id } } }`,
      {
        id: account.id,
      },
    );
    expect(sessions.data!['account'].active).toEqual([]);
    expect(sessions.data!['account'].sessions).toHaveLength(2);
    expect(sessions.data!['account'].sessions.every((session: any) => session.revokedAt !== null && !session.active)).toBe(true);

    const refused = await signIn(credentials);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const wrong = await signIn({ ...credentials, password: 'Wrong-Password-123' });
    expect(wrong.errors![0]).toMatchObject({ message: 'Invalid email or password', extensions: { code: 'UNAUTHENTICATED' } });
    expect(await db.accountSession.count({ where: { accountId: account.id } })).toBe(2);

    await subgraph.query(SET_STATUS, { id: account.id, status: 'ACTIVE' });
    expect((await signIn(credentials)).errors).toBeUndefined();
    await subgraph.query(SET_STATUS, { id: account.id, status: 'DISABLED' });
    expect(await db.accountSession.count({ where: { accountId: account.id, revokedAt: null } })).toBe(0);
    expect((await signIn(credentials)).errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('schema and federation', () => {
  it('never exposes password or token hashes', async () => {
    const result = await subgraph.query(`{ __schema { types { name fields { name } inputFields { name } } } }`);
    const names = result.data!['__schema'].types.flatMap((type: any) =>
      [...(type.fields ?? []), ...(type.inputFields ?? [])].map((field: any) => field.name),
    );
    expect(names).toContain('email');
    expect(names).not.toContain('passwordHash');
    expect(names).not.toContain('tokenHash');
    const account = await subgraph.query(`{ __type(name: "Account") { fields { name } } }`);
    expect(account.data!['__type'].fields.map((field: any) => field.name)).not.toContain('passwordHash');
  });

  it('resolves Account and AccountSession entities in one batch', async () => {
    const a = await create();
    const b = await create({ kind: 'STREAMER', brandId: null, streamerId: randomUUID() });
    const session = (await signIn({ kind: 'STREAMER', email: b.email, password: PASSWORD })).data!['signIn'].session;
    const missing = randomUUID();
    const result = await subgraph.query(
      `query($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on Account { id email brand { id } streamer { id } }
        ... on AccountSession { id accountId account { email } } } }`,
      {
        representations: [
          { __typename: 'Account', id: b.id },
          { __typename: 'AccountSession', id: session.id },
          { __typename: 'Account', id: a.id },
          { __typename: 'Account', id: missing },
        ],
      },
    );
    expect(result.data!['_entities']).toEqual([
      { id: b.id, email: b.email, brand: null, streamer: { id: b.streamerId } },
      { id: session.id, accountId: b.id, account: { email: b.email } },
      { id: a.id, email: a.email, brand: { id: a.brandId }, streamer: null },
      null,
    ]);
  });
});
