import * as client from 'openid-client';
import type { Context } from '../context';
import type { OAuthProviderName } from './oauth-clients';
import { OAUTH_FLOW_TTL_MS, flowContext, hashState } from './oauth-flow';

export interface BeganOAuth {
  authorizationUrl: string;
  state: string;
  expiresAt: Date;
}

/**
 * Starts an authorization code flow with PKCE (S256), `state` and an OIDC `nonce`: stores the flow
 * (the verifier sealed) and returns the provider URL to send the browser to. `accountId` (LINK) binds
 * the flow to the account that asked.
 */
export async function beginOAuth(
  ctx: Context,
  name: OAuthProviderName,
  purpose: 'SIGN_IN' | 'LINK',
  accountId: string | null,
  now = new Date(),
): Promise<BeganOAuth> {
  await ctx.services.limiter.attemptOAuth(ctx.client.ip);
  const { provider, configuration } = await ctx.services.oauth.get(name);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const stateHash = hashState(state);
  const expiresAt = new Date(now.getTime() + OAUTH_FLOW_TTL_MS);
  const sealer = await ctx.services.sealer();
  // Abandoned flows go as new ones come: the table holds about ten minutes of sign-ins.
  await ctx.db.oAuthFlow.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - OAUTH_FLOW_TTL_MS) } } });
  await ctx.db.oAuthFlow.create({
    data: {
      stateHash,
      provider: name,
      purpose,
      accountId,
      codeVerifierSealed: sealer.seal(codeVerifier, flowContext(stateHash)),
      nonce,
      createdAt: now,
      expiresAt,
    },
  });
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: provider.redirectUri,
    scope: provider.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { authorizationUrl: url.href, state, expiresAt };
}
