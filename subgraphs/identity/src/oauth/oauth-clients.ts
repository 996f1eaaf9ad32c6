import { BadUserInputError } from '@gametriggers/federation';
import * as client from 'openid-client';
import type { IdentityConfig, OAuthProviderConfig } from '../config';

export type OAuthProviderName = 'TWITCH' | 'YOUTUBE';

export interface OAuthClient {
  provider: OAuthProviderConfig;
  configuration: client.Configuration;
}

export interface OAuthClients {
  /** The provider's discovered configuration (fetched once, refetched after a failure); BAD_USER_INPUT when not configured. */
  get: (name: OAuthProviderName) => Promise<OAuthClient>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** openid-client configurations per provider, from OIDC discovery of each configured issuer. */
export function createOAuthClients(config: IdentityConfig): OAuthClients {
  const discovered = new Map<OAuthProviderName, Promise<OAuthClient>>();
  return {
    get: (name) => {
      const provider = config.oauth[name];
      if (!provider) throw new BadUserInputError('provider', `${name} sign-in is not configured`);
      let pending = discovered.get(name);
      if (!pending) {
        const issuer = new URL(provider.issuer);
        // Plain HTTP only for a provider on this machine (development, tests); anything else must be HTTPS.
        const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
        pending = client
          .discovery(issuer, provider.clientId, undefined, client.ClientSecretBasic(provider.clientSecret), {
            ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
            timeout: 10,
          })
          .then((configuration) => ({ provider, configuration }));
        pending.catch(() => discovered.delete(name));
        discovered.set(name, pending);
      }
      return pending;
    },
  };
}
