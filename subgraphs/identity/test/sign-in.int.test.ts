import { hash } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createAdmin } from '../src/admin/create-admin';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { identitySubgraph } from '../src/index';
import { RATE_LIMITS } from '../src/rate-limit/rate-limits';
import { PASSWORD, SIGN_IN, createAccount, freshIp, queryFrom, signIn, uniqueEmail, viewerOf } from './factories';
import type { Kind } from './factories';

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

const attempt = (kind: Kind, email: string, password: string, ip = freshIp()) =>
  queryFrom(subgraph, ip, SIGN_IN[kind], { input: { email, password } });
const INVALID = [{ message: 'Invalid email or password', extensions: { code: 'UNAUTHENTICATED' } }];
/** What a client sees of the errors: messages and extensions (not where in the operation). */
const brief = (result: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) =>
  result.errors?.map(({ message, extensions }) => ({ message, extensions }));

describe('sign-in per kind', () => {
  it.each(['BRAND', 'STREAMER'] as const)('signs in a %s account with a session and tokens for its entity', async (kind) => {
    const account = await createAccount(db, kind);
    const ip = freshIp();
    const payload = await signIn(subgraph, kind, account.email.toUpperCase(), PASSWORD, ip);
    expect(payload).toMatchObject({ tokenType: 'Bearer', account: { id: account.id, kind, status: 'ACTIVE' } });
    expect(payload.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Date(payload.accessTokenExpiresAt).getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(viewerOf(payload)).toMatchObject({ kind, accountId: account.id, entityId: account.brandId ?? account.streamerId });

    const [session] = await db.accountSession.findMany({ where: { accountId: account.id } });
    expect(session).toMatchObject({ id: viewerOf(payload).sessionId, ipAddress: ip, userAgent: 'vitest/4', revokedAt: null });
    expect(session!.expiresAt.getTime() - session!.createdAt.getTime()).toBe(30 * 24 * 3600_000);
    const stored = await db.refreshToken.findFirstOrThrow({ where: { sessionId: session!.id } });
    expect(stored.expiresAt.getTime() - stored.issuedAt.getTime()).toBe(7 * 24 * 3600_000);
    expect(JSON.stringify(stored)).not.toContain(payload.refreshToken);
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).lastSignInAt).toEqual(session!.createdAt);
  });

  it("keeps kinds apart: a brand's email is free as a streamer, each signs in to its own account", async () => {
    const email = uniqueEmail('both');
    const brand = await createAccount(db, 'BRAND', { email });
    expect(brief(await attempt('STREAMER', email, PASSWORD))).toEqual(INVALID);
    const streamer = await createAccount(db, 'STREAMER', { email, password: 'Another-Password-77' });
    expect((await signIn(subgraph, 'BRAND', email)).account.id).toBe(brand.id);
    expect((await signIn(subgraph, 'STREAMER', email, 'Another-Password-77')).account.id).toBe(streamer.id);
    expect(brief(await attempt('STREAMER', email, PASSWORD))).toEqual(INVALID);
  });

  it('signs in admins made by createAdmin (the CLI) only, never brand or streamer accounts, with short sessions', async () => {
    const email = uniqueEmail('ops');
    await createAdmin(db, { email, password: PASSWORD });
    const admin = await signIn(subgraph, 'ADMIN', email);
    expect(viewerOf(admin)).toMatchObject({ kind: 'ADMIN', scopes: expect.arrayContaining(['admin']) });
    expect(viewerOf(admin).entityId).toBeUndefined();
    const session = await db.accountSession.findUniqueOrThrow({ where: { id: viewerOf(admin).sessionId! } });
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(12 * 3600_000);

    const brand = await createAccount(db, 'BRAND');
    expect(brief(await attempt('ADMIN', brand.email, PASSWORD))).toEqual(INVALID);
    await expect(createAdmin(db, { email, password: PASSWORD })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await expect(createAdmin(db, { email: uniqueEmail('weak'), password: 'short' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'password' },
    });
  });
});

describe('password hashes', () => {
  it('moves a hash made with older argon2 parameters to the current ones at the next sign-in', async () => {
    const account = await createAccount(db, 'BRAND');
    const old = await hash(PASSWORD, { algorithm: 2, memoryCost: 4096, timeCost: 3, parallelism: 1 });
    await db.account.update({ where: { id: account.id }, data: { passwordHash: old } });
    await signIn(subgraph, 'BRAND', account.email);
    const { passwordHash } = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await signIn(subgraph, 'BRAND', account.email);
  });
});

describe('no user enumeration', () => {
  it('answers a wrong password and an unknown email alike, and about as slowly', async () => {
    const account = await createAccount(db, 'BRAND');
    const cases = {
      wrongPassword: () => attempt('BRAND', account.email, 'Wrong-Password-123'),
      unknownEmail: () => attempt('BRAND', uniqueEmail('nobody'), PASSWORD),
    };
    const timings: Record<string, number[]> = { wrongPassword: [], unknownEmail: [] };
    for (let round = 0; round < 9; round += 1) {
      for (const [name, run] of Object.entries(cases)) {
        const started = performance.now();
        const result = await run();
        timings[name]!.push(performance.now() - started);
        expect(result.data).toBeNull();
        expect(brief(result)).toEqual(INVALID);
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    // Both run one argon2id verification, which dominates: an unknown email is not measurably faster.
    expect(median(timings['unknownEmail']!)).toBeGreaterThan(median(timings['wrongPassword']!) * 0.5);
  });
});

describe('brute-force protection', () => {
  it('limits attempts per account (any IP), with retryAfterSeconds, and counts unknown emails the same', async () => {
    const account = await createAccount(db, 'STREAMER');
    const unknown = uniqueEmail('ghost');
    const { points, blockSeconds } = RATE_LIMITS.signInPerAccount;
    for (const email of [account.email, unknown]) {
      for (let i = 0; i < points; i += 1) expect(brief(await attempt('STREAMER', email, 'Wrong-Password-123'))).toEqual(INVALID);
      // Even the right password now waits, from a fresh address too.
      const limited = await attempt('STREAMER', email, PASSWORD);
      expect(limited.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED' });
      const retryAfter = limited.errors![0]!.extensions!['retryAfterSeconds'] as number;
      expect(retryAfter).toBeGreaterThan(blockSeconds - 30);
      expect(retryAfter).toBeLessThanOrEqual(blockSeconds);
    }
    // The same email of another kind is another key.
    expect(brief(await attempt('BRAND', account.email, PASSWORD))).toEqual(INVALID);
  });

  it('limits failures per client address across accounts, and a success gives its point back', async () => {
    const ip = freshIp();
    const account = await createAccount(db, 'BRAND');
    const { points } = RATE_LIMITS.signInPerIp;
    for (let i = 0; i < points - 1; i += 1) {
      const result = await attempt('BRAND', uniqueEmail(`spray${i}`), PASSWORD, ip);
      expect(brief(result)).toEqual(INVALID);
    }
    // One point left: a success uses it and gives it back, so the address is not over yet.
    expect((await attempt('BRAND', account.email, PASSWORD, ip)).errors).toBeUndefined();
    expect(brief(await attempt('BRAND', uniqueEmail('last'), PASSWORD, ip))).toEqual(INVALID);
    const limited = await attempt('BRAND', account.email, PASSWORD, ip);
    expect(limited.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    // Another address is not affected.
    expect((await attempt('BRAND', account.email, PASSWORD)).errors).toBeUndefined();
  });

  it('keeps no emails in its counters, and takes the longest emails', async () => {
    const long = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(50)}.example`;
    expect(long.length).toBeLessThanOrEqual(254);
    expect(brief(await attempt('STREAMER', long, PASSWORD))).toEqual(INVALID);
    const keys = (await db.rateLimit.findMany()).map((row) => row.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((key) => key.includes('@'))).toEqual([]);
  });

  it('clears an account’s failures on success', async () => {
    const account = await createAccount(db, 'BRAND');
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < RATE_LIMITS.signInPerAccount.points - 1; i += 1) await attempt('BRAND', account.email, 'Wrong-Password-123');
      expect((await attempt('BRAND', account.email, PASSWORD)).errors).toBeUndefined();
    }
  });
});
