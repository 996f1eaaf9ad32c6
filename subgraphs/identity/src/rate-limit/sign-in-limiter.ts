import { RateLimitedError } from '@gametriggers/federation';
import type { Logger } from '@gametriggers/federation';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { databaseNameOf } from '../db';
import type { Db } from '../db';
import { RATE_LIMITS } from './rate-limits';
import type { Limit } from './rate-limits';

export interface SignInLimiter {
  /** Counts a sign-in attempt; RATE_LIMITED (with retryAfterSeconds) when the account or the IP is over its limit. */
  attemptSignIn: (accountKey: string, ip: string | undefined) => Promise<void>;
  /** A sign-in succeeded: its account's count is cleared and its IP gets its point back. */
  signedIn: (accountKey: string, ip: string | undefined) => Promise<void>;
  /** Counts a registration from an IP; RATE_LIMITED when over. */
  attemptRegistration: (ip: string | undefined) => Promise<void>;
  /** Counts an OAuth flow begun from an IP; RATE_LIMITED when over. */
  attemptOAuth: (ip: string | undefined) => Promise<void>;
  close: () => Promise<void>;
}

export interface SignInLimiterOptions {
  db: Db;
  /** Redis shared by every identity process; without it the counters live in identity's database. */
  redisUrl?: string | undefined;
  logger: Logger;
  limits?: typeof RATE_LIMITS;
}

/**
 * rate-limiter-flexible's RateLimiterPostgres speaks pg's `query({ text, values })`; this runs it on
 * Prisma's pool instead of opening another (bigint `expire` comes back as a number, as from pg).
 */
function prismaQueryClient(db: Db) {
  return {
    query: async ({ text, values = [] }: { text: string; values?: unknown[] }) => {
      const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(text, ...values);
      const converted = rows.map((row) =>
        Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'bigint' ? Number(value) : value])),
      );
      return { rows: converted, rowCount: converted.length };
    },
  };
}

const toOptions = (name: string, limit: Limit) => ({
  keyPrefix: name,
  points: limit.points,
  duration: limit.durationSeconds,
  blockDuration: limit.blockSeconds,
});

/** Redis when configured (a per-process memory limiter stands in while Redis is unreachable), else PostgreSQL. */
export function createSignInLimiter(options: SignInLimiterOptions): SignInLimiter {
  const limits = options.limits ?? RATE_LIMITS;
  // Commands wait for a (re)connection at most a second, then fail over to the memory limiter, so a
  // sign-in neither hangs on a Redis outage nor goes unlimited.
  const redis = options.redisUrl ? new Redis(options.redisUrl, { commandTimeout: 1000, maxRetriesPerRequest: 1 }) : undefined;
  // Once per outage, not once per reconnection attempt.
  let redisDown = false;
  redis?.on('error', (error) => {
    if (!redisDown) options.logger.warn({ reason: error.message }, 'rate limits: Redis unavailable, counting in memory meanwhile');
    redisDown = true;
  });
  redis?.on('ready', () => {
    if (redisDown) options.logger.info('rate limits: Redis available again');
    redisDown = false;
  });
  const store = prismaQueryClient(options.db);

  // Redis may be shared by several deployments (or test stacks): keys are per identity database.
  const redisPrefix = `identity:${databaseNameOf(options.db)}`;
  const limiter = (name: string, limit: Limit): RateLimiterAbstract =>
    redis
      ? new RateLimiterRedis({
          ...toOptions(`${redisPrefix}:${name}`, limit),
          storeClient: redis,
          insuranceLimiter: new RateLimiterMemory(toOptions(`${redisPrefix}:${name}`, limit)),
        })
      : new RateLimiterPostgres({
          ...toOptions(name, limit),
          storeClient: store,
          storeType: 'pool',
          tableName: 'RateLimit',
          tableCreated: true,
          clearExpiredByTimeout: true,
        });

  const perAccount = limiter('sign-in:account', limits.signInPerAccount);
  const perIp = limiter('sign-in:ip', limits.signInPerIp);
  const registrations = limiter('registration:ip', limits.registrationPerIp);
  const oauthFlows = limiter('oauth:ip', limits.oauthPerIp);

  /** Consumes a point of each; over any limit, RATE_LIMITED with the longest wait. */
  const consume = async (entries: [RateLimiterAbstract, string][]) => {
    const results = await Promise.allSettled(entries.map(([limit, key]) => limit.consume(key)));
    const refused = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
    if (!refused.length) return;
    const error = refused.find((reason) => !(reason instanceof RateLimiterRes));
    if (error) throw error;
    const waitMs = Math.max(...refused.map((reason) => (reason as RateLimiterRes).msBeforeNext));
    const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
    throw new RateLimitedError(`Too many attempts; try again in ${retryAfterSeconds} seconds`, retryAfterSeconds);
  };
  const ipKey = (ip: string | undefined) => ip ?? 'unknown';

  return {
    attemptSignIn: (accountKey, ip) =>
      consume([
        [perAccount, accountKey],
        [perIp, ipKey(ip)],
      ]),
    signedIn: async (accountKey, ip) => {
      await Promise.all([perAccount.delete(accountKey), perIp.reward(ipKey(ip))]);
    },
    attemptRegistration: (ip) => consume([[registrations, ipKey(ip)]]),
    attemptOAuth: (ip) => consume([[oauthFlows, ipKey(ip)]]),
    close: async () => {
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}
