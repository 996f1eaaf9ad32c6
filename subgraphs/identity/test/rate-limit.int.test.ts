import { randomUUID } from 'node:crypto';
import { createTestDatabase, silentLogger } from '@gametriggers/testkit';
import type { TestDatabase } from '@gametriggers/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { identitySubgraph } from '../src/index';
import { createSignInLimiter } from '../src/rate-limit/sign-in-limiter';
import type { SignInLimiter } from '../src/rate-limit/sign-in-limiter';

const limits = {
  signInPerAccount: { points: 3, durationSeconds: 60, blockSeconds: 120 },
  signInPerIp: { points: 5, durationSeconds: 60, blockSeconds: 60 },
  registrationPerIp: { points: 2, durationSeconds: 60, blockSeconds: 60 },
  oauthPerIp: { points: 2, durationSeconds: 60, blockSeconds: 60 },
};

let database: TestDatabase;
const clients: Db[] = [];
beforeAll(async () => {
  database = await createTestDatabase('identity', identitySubgraph.migrationsDir);
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.$disconnect()));
  await database?.drop();
});

/** A limiter as one identity process would have it: its own database client (and Redis connection). */
function processLimiter(redisUrl?: string): SignInLimiter {
  const db = createDb(database.url);
  clients.push(db);
  const limiter = createSignInLimiter({ db, redisUrl, logger: silentLogger, limits });
  const close = db.$disconnect.bind(db);
  db.$disconnect = async () => {
    await limiter.close();
    await close();
  };
  return limiter;
}

const redisUrl = process.env['TEST_REDIS_URL'];
const stores: [string, string | undefined][] = [['PostgreSQL', undefined], ...(redisUrl ? [['Redis', redisUrl] as [string, string]] : [])];

describe.each(stores)('sign-in limits in %s', (_store, url) => {
  it('shares counts across processes and blocks with a retry time', async () => {
    const [a, b] = [processLimiter(url), processLimiter(url)];
    const key = `BRAND:${randomUUID()}@example.com`;
    await a.attemptSignIn(key, '203.0.113.1');
    await b.attemptSignIn(key, '203.0.113.2');
    await a.attemptSignIn(key, '203.0.113.3');
    const refused = b.attemptSignIn(key, '203.0.113.4');
    await expect(refused).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    const retryAfter = (
      (await refused.catch((error: { extensions: { retryAfterSeconds: number } }) => error)) as never as {
        extensions: { retryAfterSeconds: number };
      }
    ).extensions.retryAfterSeconds;
    expect(retryAfter).toBeGreaterThan(100);
    expect(retryAfter).toBeLessThanOrEqual(120);
  });

  it('counts concurrent attempts exactly (no lost updates)', async () => {
    const limiters = [processLimiter(url), processLimiter(url)];
    const ip = `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => limiters[i % 2]!.attemptSignIn(`BRAND:${randomUUID()}@example.com`, ip)),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(limits.signInPerIp.points);
  });

  it('forgets an account’s failures on success, and limits registrations and OAuth flows per address', async () => {
    const limiter = processLimiter(url);
    const key = `STREAMER:${randomUUID()}@example.com`;
    for (let round = 0; round < 3; round += 1) {
      await limiter.attemptSignIn(key, `192.0.2.${round}`);
      await limiter.attemptSignIn(key, `192.0.2.${round}`);
      await limiter.signedIn(key, `192.0.2.${round}`);
    }
    const ip = `192.0.2.${100 + Math.floor(Math.random() * 100)}`;
    await limiter.attemptRegistration(ip);
    await limiter.attemptRegistration(ip);
    await expect(limiter.attemptRegistration(ip)).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    await limiter.attemptOAuth(ip);
    await limiter.attemptOAuth(ip);
    await expect(limiter.attemptOAuth(ip)).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
  });
});

describe('sign-in limits while Redis is down', () => {
  it('still limits, in memory, without hanging', async () => {
    const limiter = processLimiter('redis://127.0.0.1:1');
    const key = `BRAND:${randomUUID()}@example.com`;
    const started = performance.now();
    for (let i = 0; i < limits.signInPerAccount.points; i += 1) await limiter.attemptSignIn(key, '203.0.113.50');
    await expect(limiter.attemptSignIn(key, '203.0.113.50')).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
