import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

export interface FakeProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Who signs in at the provider on the next authorization. */
  signInAs: (subject: string) => void;
  /** Plays the browser: follows the authorization URL through login and consent to our redirect URI. */
  authorize: (authorizationUrl: string) => Promise<string>;
  stop: () => Promise<void>;
}

/**
 * A real OpenID Connect provider (oidc-provider) on loopback, standing in for Twitch or Google: one
 * confidential client, login and consent granted at once to whoever `signInAs` names.
 */
export async function startFakeProvider(name: string): Promise<FakeProvider> {
  let subject = 'nobody';
  const server = http.createServer((req, res) => {
    void (async () => {
      if (req.url?.startsWith('/interaction/')) {
        const details = await provider.interactionDetails(req, res);
        if (details.prompt.name === 'login') {
          await provider.interactionFinished(req, res, { login: { accountId: subject } }, { mergeWithLastSubmission: false });
          return;
        }
        const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params['client_id']) });
        grant.addOIDCScope(String(details.params['scope']));
        await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
        return;
      }
      provider.callback()(req, res);
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = `gametriggers-${name}`;
  const clientSecret = `secret-of-${name}-0123456789abcdef0123456789`;
  const redirectUri = `http://127.0.0.1:3000/oauth/${name}/callback`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  // Requests arrive only after listen(), by when `provider` exists.
  const provider = new Provider(issuer, {
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: `${name}-1`, alg: 'RS256', use: 'sig' }] },
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    findAccount: (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: () => ({ sub, email: `${sub}@${name}.example`, email_verified: true, preferred_username: sub }),
    }),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['preferred_username'] },
    scopes: ['openid', 'email', 'profile', 'user:read:email'],
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['fake-provider-cookie-key'] },
    pkce: { required: () => true },
  });

  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri,
    signInAs: (next) => {
      subject = next;
    },
    authorize: async (authorizationUrl) => {
      const cookies = new Map<string, string>();
      let url = authorizationUrl;
      for (let hop = 0; hop < 10; hop += 1) {
        if (url.startsWith(redirectUri)) return url;
        const response = await fetch(url, {
          redirect: 'manual',
          headers: { cookie: [...cookies].map(([key, value]) => `${key}=${value}`).join('; ') },
        });
        for (const cookie of response.headers.getSetCookie()) {
          const [pair] = cookie.split(';');
          const [key, ...value] = pair!.split('=');
          cookies.set(key!.trim(), value.join('='));
        }
        const location = response.headers.get('location');
        if (!location) throw new Error(`the provider stopped at ${url}: HTTP ${response.status} ${await response.text()}`);
        url = new URL(location, url).href;
      }
      throw new Error('too many redirects');
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
