import type { Db } from '../db';
import { OAUTH_FLOW_TTL_MS } from '../oauth/oauth-flow';

/** Ended sessions stay listed (revokedAt, revokedReason) this long, for the record, then go with their refresh tokens. */
export const ENDED_SESSION_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

export interface Purged {
  sessions: number;
  oauthFlows: number;
  rateLimits: number;
}

/**
 * Deletes what no longer matters: sessions ended (revoked, past their absolute end, or idle past their
 * last refresh token) more than ENDED_SESSION_RETENTION_MS ago, with every refresh token of theirs (the
 * rows reuse detection needed while the session lived); OAuth flows long expired; rate limit counters
 * whose window closed an hour ago. Idempotent.
 */
export async function purgeExpired(db: Db, now = new Date()): Promise<Purged> {
  const before = new Date(now.getTime() - ENDED_SESSION_RETENTION_MS);
  const sessions = await db.$executeRaw`
    DELETE FROM "AccountSession" s
    WHERE s."revokedAt" < ${before}
       OR s."expiresAt" < ${before}
       OR NOT EXISTS (SELECT 1 FROM "RefreshToken" t WHERE t."sessionId" = s."id" AND t."expiresAt" >= ${before})`;
  const { count: oauthFlows } = await db.oAuthFlow.deleteMany({
    where: { expiresAt: { lt: new Date(now.getTime() - OAUTH_FLOW_TTL_MS) } },
  });
  const rateLimits = await db.$executeRaw`DELETE FROM "RateLimit" WHERE "expire" < ${BigInt(now.getTime() - 3_600_000)}`;
  return { sessions, oauthFlows, rateLimits };
}
