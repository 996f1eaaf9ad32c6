import { randomUUID } from 'node:crypto';
import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCES, ACCESS_TOKEN_TTL_SECONDS, ACCESS_TOKEN_TYPE } from '@gametriggers/auth';
import type { AccessTokenClaims, AccountKindClaim } from '@gametriggers/auth';
import { SignJWT } from 'jose';
import type { Account } from '../generated/prisma/client';
import type { ActiveSigningKey } from '../signing-key/signing-keys';
import { DEFAULT_SCOPES } from './scopes';

export interface AccessTokenRequest {
  key: ActiveSigningKey;
  issuer: string;
  account: Pick<Account, 'id' | 'kind' | 'brandId' | 'streamerId'>;
  sessionId: string;
  now?: Date;
}

/**
 * An access token per the contract of @gametriggers/auth (access-token.ts): ES256, `typ` at+jwt,
 * `kid` of the active key; iss, aud of the account's kind, sub = account id, kind, eid (the brand
 * or streamer; none for admins), sid, scope, iat, exp (ACCESS_TOKEN_TTL_SECONDS), jti.
 */
export async function issueAccessToken(request: AccessTokenRequest): Promise<{ token: string; expiresAt: Date }> {
  const kind = request.account.kind as AccountKindClaim;
  const issuedAt = Math.floor((request.now ?? new Date()).getTime() / 1000);
  const expiresAt = issuedAt + ACCESS_TOKEN_TTL_SECONDS;
  const entityId = kind === 'BRAND' ? request.account.brandId : kind === 'STREAMER' ? request.account.streamerId : null;
  const claims: AccessTokenClaims = {
    kind,
    ...(entityId ? { eid: entityId } : {}),
    sid: request.sessionId,
    scope: DEFAULT_SCOPES[kind].join(' '),
  };
  const token = await new SignJWT({ ...claims })
    .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, kid: request.key.kid, typ: ACCESS_TOKEN_TYPE })
    .setIssuer(request.issuer)
    .setAudience(ACCESS_TOKEN_AUDIENCES[kind])
    .setSubject(request.account.id)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .setJti(randomUUID())
    .sign(request.key.privateKey);
  return { token, expiresAt: new Date(expiresAt * 1000) };
}
