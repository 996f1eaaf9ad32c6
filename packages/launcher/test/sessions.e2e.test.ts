import { graphql } from '@gametriggers/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider } from '../../../subgraphs/identity/test/support/fake-provider';
import type { FakeProvider } from '../../../subgraphs/identity/test/support/fake-provider';
import { DEMO_PASSWORD } from './sign-in';
import { startStackFixture } from './stack-fixture';
import type { StackFixture } from './stack-fixture';

const TOKENS = `accessToken refreshToken account { id kind }`;
const ME = `{ me { id kind } }`;

let twitch: FakeProvider;
let youtube: FakeProvider;
let fixture: StackFixture;
let url: string;
beforeAll(async () => {
  // Twitch- and YouTube-like OpenID providers on loopback; identity is configured for them.
  [twitch, youtube] = await Promise.all([startFakeProvider('twitch'), startFakeProvider('youtube')]);
  for (const [name, provider] of [
    ['TWITCH', twitch],
    ['YOUTUBE', youtube],
  ] as const) {
    process.env[`IDENTITY_OAUTH_${name}_ISSUER`] = provider.issuer;
    process.env[`IDENTITY_OAUTH_${name}_CLIENT_ID`] = provider.clientId;
    process.env[`IDENTITY_OAUTH_${name}_CLIENT_SECRET`] = provider.clientSecret;
    process.env[`IDENTITY_OAUTH_${name}_REDIRECT_URI`] = provider.redirectUri;
    process.env[`IDENTITY_OAUTH_${name}_SCOPES`] = 'openid email profile';
  }
  fixture = await startStackFixture();
  url = fixture.stack.routerUrl;
}, 120_000);
afterAll(async () => {
  await fixture?.stop();
  await twitch?.stop();
  await youtube?.stop();
  for (const name of ['TWITCH', 'YOUTUBE'])
    for (const key of ['ISSUER', 'CLIENT_ID', 'CLIENT_SECRET', 'REDIRECT_URI', 'SCOPES'])
      delete process.env[`IDENTITY_OAUTH_${name}_${key}`];
});

const bearer = (accessToken: string) => ({ authorization: `Bearer ${accessToken}` });
async function ok(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const result = await graphql(url, query, variables, headers);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

describe('sessions through the router', () => {
  it('signs a brand and a streamer in, refreshes (rotating), and signs out', async () => {
    for (const [mutation, email] of [
      ['signInBrand', 'dana@voltage.example'],
      ['signInStreamer', 'business@kiraplays.example'],
    ] as const) {
      const first = (
        await ok(`mutation($input: SignInInput!) { s: ${mutation}(input: $input) { ${TOKENS} } }`, {
          input: { email, password: DEMO_PASSWORD },
        })
      )['s'];
      expect((await ok(ME, {}, bearer(first.accessToken)))['me']).toMatchObject({ id: first.account.id });

      const refreshed = (await ok(`mutation($t: String!) { refreshSession(refreshToken: $t) { ${TOKENS} } }`, { t: first.refreshToken }))[
        'refreshSession'
      ];
      expect(refreshed.refreshToken).not.toBe(first.refreshToken);
      expect((await ok(ME, {}, bearer(refreshed.accessToken)))['me']).toMatchObject({ id: first.account.id });

      expect((await ok(`mutation { signOut }`, {}, bearer(refreshed.accessToken)))['signOut']).toBe(true);
      const afterSignOut = await graphql(
        url,
        `
          mutation ($t: String!) {
            refreshSession(refreshToken: $t) {
              accessToken
            }
          }
        `,
        { t: refreshed.refreshToken },
      );
      expect(afterSignOut.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('links Twitch and YouTube to a streamer, then signs the streamer in with Twitch', async () => {
    const kira = (
      await ok(`mutation($input: SignInInput!) { s: signInStreamer(input: $input) { ${TOKENS} } }`, {
        input: { email: 'business@kiraplays.example', password: DEMO_PASSWORD },
      })
    )['s'];
    for (const [provider, name, subject] of [
      [twitch, 'TWITCH', 'kira-on-twitch'],
      [youtube, 'YOUTUBE', 'kira-on-youtube'],
    ] as const) {
      const begun = (
        await ok(
          `mutation($p: OAuthProvider!) { beginOAuthLink(provider: $p) { authorizationUrl } }`,
          { p: name },
          bearer(kira.accessToken),
        )
      )['beginOAuthLink'];
      provider.signInAs(subject);
      const callbackUrl = await provider.authorize(begun.authorizationUrl);
      const linked = await ok(
        `mutation($u: String!) { completeOAuthLink(callbackUrl: $u) { provider username } }`,
        { u: callbackUrl },
        bearer(kira.accessToken),
      );
      expect(linked['completeOAuthLink']).toEqual({ provider: name, username: subject });
    }

    // Later, from a new browser: "Sign in with Twitch".
    const begun = (await ok(`mutation { beginOAuthSignIn(provider: TWITCH) { authorizationUrl } }`))['beginOAuthSignIn'];
    twitch.signInAs('kira-on-twitch');
    const callbackUrl = await twitch.authorize(begun.authorizationUrl);
    const signedIn = (await ok(`mutation($u: String!) { completeOAuthSignIn(callbackUrl: $u) { ${TOKENS} } }`, { u: callbackUrl }))[
      'completeOAuthSignIn'
    ];
    expect(signedIn.account).toEqual(kira.account);
    expect((await ok(ME, {}, bearer(signedIn.accessToken)))['me']).toMatchObject({ id: kira.account.id, kind: 'STREAMER' });
  });
});
