import type { Account } from '../generated/prisma/client';
import type { ClientInfo } from '../context';
import type { Db } from '../db';
import type { IdentityServices } from '../services';
import type { AccountKind } from '../account/account.type';
import { issueAccessToken } from '../token/issue-access-token';
import { SESSION_LIFETIMES } from './session-lifetimes';
import { newRefreshToken } from './session-token';

/** What a sign-in or a refresh hands the client (AuthPayload without the GraphQL account shape). */
export interface IssuedTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  account: Account;
  sessionId: string;
}

/** When a refresh token issued now expires: idle lifetime, never past the session's absolute end. */
export function refreshTokenExpiry(kind: AccountKind, sessionExpiresAt: Date, now: Date): Date {
  return new Date(Math.min(now.getTime() + SESSION_LIFETIMES[kind].idleMs, sessionExpiresAt.getTime()));
}

/**
 * Opens a session (a new refresh token family) for an account whose credentials were just checked,
 * records the sign-in, and issues the first access token and refresh token.
 */
export async function openSession(
  db: Db,
  services: IdentityServices,
  account: Account,
  client: ClientInfo,
  now = new Date(),
): Promise<IssuedTokens> {
  const kind = account.kind as AccountKind;
  const key = await services.signingKeys.active();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIMES[kind].absoluteMs);
  const refreshTokenExpiresAt = refreshTokenExpiry(kind, expiresAt, now);
  const { token, tokenHash } = newRefreshToken();
  const [session, updated] = await db.$transaction([
    db.accountSession.create({
      data: {
        accountId: account.id,
        userAgent: client.userAgent ?? null,
        ipAddress: client.ip ?? null,
        createdAt: now,
        lastUsedAt: now,
        expiresAt,
        refreshTokens: { create: { tokenHash, issuedAt: now, expiresAt: refreshTokenExpiresAt } },
      },
    }),
    db.account.update({ where: { id: account.id }, data: { lastSignInAt: now } }),
  ]);
  const access = await issueAccessToken({ key, issuer: services.config.issuer, account: updated, sessionId: session.id, now });
  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken: token,
    refreshTokenExpiresAt,
    account: updated,
    sessionId: session.id,
  };
}
