import { toAccount } from '../account/to-account';
import type { IssuedTokens } from '../session/open-session';
import type { AuthPayload } from './auth-payload.type';

export function toAuthPayload(issued: IssuedTokens): AuthPayload {
  return {
    accessToken: issued.accessToken,
    accessTokenExpiresAt: issued.accessTokenExpiresAt,
    refreshToken: issued.refreshToken,
    refreshTokenExpiresAt: issued.refreshTokenExpiresAt,
    tokenType: 'Bearer',
    account: toAccount(issued.account),
  };
}
