import { AppError } from '@gametriggers/federation';
import type { Logger } from '@gametriggers/federation';
import type { AccountKind } from '../account/account.type';
import type { Db } from '../db';
import type { Account, AccountSession, Prisma } from '../generated/prisma/client';
import type { IdentityServices } from '../services';
import { issueAccessToken } from '../token/issue-access-token';
import { refreshTokenExpiry } from './open-session';
import type { IssuedTokens } from './open-session';
import { REFRESH_GRACE_MAX_USES, REFRESH_GRACE_MS, RevokedReason } from './session-lifetimes';
import { hashRefreshToken, newRefreshToken } from './session-token';

/** One answer for every refused refresh: unknown, expired, revoked or reused, the client signs in again. */
const refused = () => new AppError('UNAUTHENTICATED', 'The refresh token is invalid or has expired; sign in again');

/** A successor in the family, if the session is still live (the row lock also orders it after a sign-out). */
async function issueSuccessor(tx: Prisma.TransactionClient, session: AccountSession, kind: AccountKind, now: Date) {
  const { count } = await tx.accountSession.updateMany({
    where: { id: session.id, revokedAt: null, expiresAt: { gt: now } },
    data: { lastUsedAt: now },
  });
  if (!count) throw refused();
  const { token, tokenHash } = newRefreshToken();
  const expiresAt = refreshTokenExpiry(kind, session.expiresAt, now);
  await tx.refreshToken.create({ data: { sessionId: session.id, tokenHash, issuedAt: now, expiresAt } });
  return { refreshToken: token, refreshTokenExpiresAt: expiresAt };
}

/**
 * Exchanges a refresh token for a new access token and a new refresh token (rotation, RFC 9700):
 * - the token's first use marks it rotated with a conditional UPDATE (`rotatedAt IS NULL`), so of
 *   concurrent uses exactly one wins;
 * - a rotated token presented again within REFRESH_GRACE_MS, at most REFRESH_GRACE_MAX_USES times
 *   (a client whose response was lost, tabs racing), gets a successor too;
 * - any other use of a rotated token is reuse: someone else holds the family, so the whole session
 *   is revoked and every token of it stops working.
 */
export async function refreshSession(
  db: Db,
  services: IdentityServices,
  logger: Logger,
  presented: string,
  now = new Date(),
): Promise<IssuedTokens> {
  const row = await db.refreshToken.findUnique({
    where: { tokenHash: hashRefreshToken(presented) },
    include: { session: { include: { account: true } } },
  });
  if (!row) throw refused();
  const { session } = row;
  const account: Account = session.account;
  const kind = account.kind as AccountKind;
  if (session.revokedAt || session.expiresAt <= now || row.expiresAt <= now || account.status !== 'ACTIVE') throw refused();
  const key = await services.signingKeys.active();

  const rotate = (where: Prisma.RefreshTokenWhereInput, data: Prisma.RefreshTokenUpdateManyMutationInput) =>
    db.$transaction(async (tx) => {
      const { count } = await tx.refreshToken.updateMany({ where: { id: row.id, ...where }, data });
      return count ? issueSuccessor(tx, session, kind, now) : undefined;
    });

  const issued =
    (await rotate({ rotatedAt: null }, { rotatedAt: now })) ??
    (await rotate(
      { rotatedAt: { gt: new Date(now.getTime() - REFRESH_GRACE_MS) }, graceUses: { lt: REFRESH_GRACE_MAX_USES } },
      { graceUses: { increment: 1 } },
    ));
  if (!issued) {
    const { count } = await db.accountSession.updateMany({
      where: { id: session.id, revokedAt: null },
      data: { revokedAt: now, revokedReason: RevokedReason.REFRESH_TOKEN_REUSE },
    });
    if (count) logger.warn({ sessionId: session.id, accountId: account.id }, 'refresh token reuse: session revoked');
    throw refused();
  }
  const access = await issueAccessToken({ key, issuer: services.config.issuer, account, sessionId: session.id, now });
  return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, ...issued, account, sessionId: session.id };
}
