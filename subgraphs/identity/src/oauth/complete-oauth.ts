import { AppError, BadUserInputError } from '@gametriggers/federation';
import * as client from 'openid-client';
import type { Context } from '../context';
import type { OAuthFlow } from '../generated/prisma/client';
import type { OAuthProviderName } from './oauth-clients';
import { externalIdentityContext, flowContext, hashState } from './oauth-flow';

/** The person at the provider, and their tokens there (still in the clear: seal before storing). */
export interface ProviderIdentity {
  provider: OAuthProviderName;
  issuer: string;
  subject: string;
  email: string | null;
  username: string | null;
  accessToken: string;
  refreshToken: string | null;
  tokenExpiresAt: Date | null;
  scope: string | null;
}

const refused = () => new AppError('UNAUTHENTICATED', 'The authorization could not be completed; start again');

/**
 * Takes the URL the provider sent the browser back to: claims its flow by `state` (once, unexpired,
 * with a conditional UPDATE), then exchanges the code with the PKCE verifier, checking state, nonce,
 * issuer and the ID token (openid-client). `purpose` and, for LINK, the account must match the flow.
 */
export async function completeOAuth(
  ctx: Context,
  callbackUrl: string,
  purpose: 'SIGN_IN' | 'LINK',
  accountId: string | null,
  now = new Date(),
): Promise<ProviderIdentity> {
  let callback: URL;
  try {
    callback = new URL(callbackUrl);
  } catch {
    throw new BadUserInputError('callbackUrl', 'callbackUrl must be the URL the provider redirected to');
  }
  const state = callback.searchParams.get('state');
  if (!state) throw new BadUserInputError('callbackUrl', 'callbackUrl has no state');
  const stateHash = hashState(state);
  const { count } = await ctx.db.oAuthFlow.updateMany({
    where: { stateHash, usedAt: null, expiresAt: { gt: now }, purpose, accountId },
    data: { usedAt: now },
  });
  if (!count) throw refused();
  const flow: OAuthFlow = await ctx.db.oAuthFlow.findUniqueOrThrow({ where: { stateHash } });
  const name = flow.provider as OAuthProviderName;
  const { provider, configuration } = await ctx.services.oauth.get(name);
  const codeVerifier = (await ctx.services.sealer()).open(flow.codeVerifierSealed, flowContext(stateHash));

  // The configured redirect URI with the provider's answer: the redirect_uri of the exchange is ours,
  // whatever host or path the client reports.
  const current = new URL(provider.redirectUri);
  current.search = callback.search;
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(configuration, current, {
      pkceCodeVerifier: codeVerifier,
      expectedState: state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    ctx.logger.info({ provider: name, reason: (error as Error).message }, 'OAuth code exchange refused');
    throw refused();
  }
  const idToken = tokens.claims()!;
  // Providers put profile claims in the ID token or only behind userinfo (oidc-provider, Twitch's
  // default): ask userinfo when it exists, for the subject the ID token names.
  const userinfo = configuration.serverMetadata().userinfo_endpoint
    ? await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub)
    : {};
  const claims = { ...userinfo, ...idToken } as Record<string, unknown> & typeof idToken;
  return {
    provider: name,
    issuer: claims.iss,
    subject: claims.sub,
    email: typeof claims['email'] === 'string' && claims['email_verified'] !== false ? (claims['email'] as string) : null,
    username: typeof claims['preferred_username'] === 'string' ? (claims['preferred_username'] as string) : null,
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? null,
    tokenExpiresAt: tokens.expires_in ? new Date(now.getTime() + tokens.expires_in * 1000) : null,
    scope: tokens.scope ?? null,
  };
}

/** The provider's tokens as stored: sealed, bound to the provider and subject. */
export async function sealedTokens(ctx: Context, identity: ProviderIdentity) {
  const sealer = await ctx.services.sealer();
  const context = externalIdentityContext(identity.provider, identity.subject);
  return {
    accessTokenSealed: sealer.seal(identity.accessToken, context),
    refreshTokenSealed: identity.refreshToken ? sealer.seal(identity.refreshToken, context) : null,
    tokenExpiresAt: identity.tokenExpiresAt,
    scope: identity.scope,
  };
}
