import { startTestSubgraph } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { identitySubgraph } from '../src/index';
import { AUTH_FIELDS, createAccount, signIn, viewerOf } from './factories';
import type { AuthPayload } from './factories';
import { startFakeProvider } from './support/fake-provider';
import type { FakeProvider } from './support/fake-provider';

const BEGIN_SIGN_IN = `mutation($provider: OAuthProvider!) { beginOAuthSignIn(provider: $provider) { authorizationUrl state expiresAt } }`;
const COMPLETE_SIGN_IN = `mutation($callbackUrl: String!) { completeOAuthSignIn(callbackUrl: $callbackUrl) { ${AUTH_FIELDS} } }`;
const BEGIN_LINK = `mutation($provider: OAuthProvider!) { beginOAuthLink(provider: $provider) { authorizationUrl state } }`;
const COMPLETE_LINK = `mutation($callbackUrl: String!) { completeOAuthLink(callbackUrl: $callbackUrl) { id provider username email linkedAt } }`;

let twitch: FakeProvider;
let youtube: FakeProvider;
let subgraph: TestSubgraph;
let db: Db;
beforeAll(async () => {
  [twitch, youtube] = await Promise.all([startFakeProvider('twitch'), startFakeProvider('youtube')]);
  for (const [name, provider, scopes] of [
    ['TWITCH', twitch, 'openid user:read:email email profile'],
    ['YOUTUBE', youtube, 'openid email profile'],
  ] as const) {
    process.env[`IDENTITY_OAUTH_${name}_ISSUER`] = provider.issuer;
    process.env[`IDENTITY_OAUTH_${name}_CLIENT_ID`] = provider.clientId;
    process.env[`IDENTITY_OAUTH_${name}_CLIENT_SECRET`] = provider.clientSecret;
    process.env[`IDENTITY_OAUTH_${name}_REDIRECT_URI`] = provider.redirectUri;
    process.env[`IDENTITY_OAUTH_${name}_SCOPES`] = scopes;
  }
  subgraph = await startTestSubgraph(identitySubgraph);
  db = createDb(subgraph.databaseUrl);
});
afterAll(async () => {
  await db?.$disconnect();
  await subgraph?.stop();
  await twitch?.stop();
  await youtube?.stop();
});

async function streamer() {
  const account = await createAccount(db, 'STREAMER');
  return { account, viewer: viewerOf(await signIn(subgraph, 'STREAMER', account.email)) };
}

/** Links `subject` at `provider` to the streamer signed in as `viewer`, as the web app would. */
async function link(provider: FakeProvider, name: 'TWITCH' | 'YOUTUBE', subject: string, viewer: ReturnType<typeof viewerOf>) {
  const begun = await subgraph.query(BEGIN_LINK, { provider: name }, viewer);
  provider.signInAs(subject);
  const callbackUrl = await provider.authorize(begun.data!['beginOAuthLink'].authorizationUrl);
  return subgraph.query(COMPLETE_LINK, { callbackUrl }, viewer);
}

async function oauthSignIn(provider: FakeProvider, subject: string) {
  const begun = await subgraph.query(BEGIN_SIGN_IN, { provider: provider === twitch ? 'TWITCH' : 'YOUTUBE' });
  provider.signInAs(subject);
  const callbackUrl = await provider.authorize(begun.data!['beginOAuthSignIn'].authorizationUrl);
  return { callbackUrl, result: await subgraph.query(COMPLETE_SIGN_IN, { callbackUrl }) };
}

describe('OAuth with PKCE against a real OpenID provider', () => {
  it('builds authorization URLs with PKCE S256, state and nonce, stored only hashed and sealed', async () => {
    const begun = (await subgraph.query(BEGIN_SIGN_IN, { provider: 'TWITCH' })).data!['beginOAuthSignIn'];
    const url = new URL(begun.authorizationUrl);
    expect(url.origin).toBe(twitch.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: twitch.clientId,
      redirect_uri: twitch.redirectUri,
      response_type: 'code',
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      state: begun.state,
      nonce: expect.any(String),
    });
    const flows = await db.oAuthFlow.findMany();
    expect(JSON.stringify(flows)).not.toContain(begun.state);
    expect(flows.every((flow) => flow.codeVerifierSealed.startsWith('v1.'))).toBe(true);
  });

  it('links Twitch and YouTube to a streamer, keeping the provider tokens sealed, then signs in with Twitch', async () => {
    const { account, viewer } = await streamer();
    const linked = await link(twitch, 'TWITCH', 'kira-twitch', viewer);
    expect(linked.errors).toBeUndefined();
    expect(linked.data!['completeOAuthLink']).toMatchObject({
      provider: 'TWITCH',
      username: 'kira-twitch',
      email: 'kira-twitch@twitch.example',
    });
    expect((await link(youtube, 'YOUTUBE', 'kira-yt', viewer)).errors).toBeUndefined();
    const mine = await subgraph.query(`{ myExternalIdentities { provider username } }`, {}, viewer);
    expect(mine.data!['myExternalIdentities']).toEqual([
      { provider: 'TWITCH', username: 'kira-twitch' },
      { provider: 'YOUTUBE', username: 'kira-yt' },
    ]);
    const stored = await db.externalIdentity.findFirstOrThrow({ where: { accountId: account.id, provider: 'TWITCH' } });
    expect(stored).toMatchObject({ issuer: twitch.issuer, subject: 'kira-twitch', accessTokenSealed: expect.stringMatching(/^v1\./) });

    const { result } = await oauthSignIn(twitch, 'kira-twitch');
    expect(result.errors).toBeUndefined();
    const payload = result.data!['completeOAuthSignIn'] as AuthPayload;
    expect(payload.account).toMatchObject({ id: account.id, kind: 'STREAMER' });
    expect(viewerOf(payload)).toMatchObject({ kind: 'STREAMER', accountId: account.id, entityId: account.streamerId });
    expect((await db.externalIdentity.findUniqueOrThrow({ where: { id: stored.id } })).lastSignInAt).not.toBeNull();
  });

  it('refuses unlinked provider accounts, replayed callbacks and unknown state', async () => {
    const { result, callbackUrl } = await oauthSignIn(twitch, 'stranger');
    expect(result.errors![0]).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      message: expect.stringContaining('No streamer account is linked'),
    });
    const replay = await subgraph.query(COMPLETE_SIGN_IN, { callbackUrl });
    expect(replay.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    const forged = new URL(callbackUrl);
    forged.searchParams.set('state', 'made-up');
    expect((await subgraph.query(COMPLETE_SIGN_IN, { callbackUrl: forged.href })).errors![0]!.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('lets only the viewer who began a link complete it, only streamers link, and one provider account links once', async () => {
    const first = await streamer();
    const second = await streamer();
    const begun = await subgraph.query(BEGIN_LINK, { provider: 'TWITCH' }, first.viewer);
    twitch.signInAs('shared-twitch');
    const callbackUrl = await twitch.authorize(begun.data!['beginOAuthLink'].authorizationUrl);
    const hijack = await subgraph.query(COMPLETE_LINK, { callbackUrl }, second.viewer);
    expect(hijack.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });

    expect((await link(twitch, 'TWITCH', 'shared-twitch', first.viewer)).errors).toBeUndefined();
    const taken = await link(twitch, 'TWITCH', 'shared-twitch', second.viewer);
    expect(taken.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT' });

    const brand = await createAccount(db, 'BRAND');
    const brandViewer = viewerOf(await signIn(subgraph, 'BRAND', brand.email));
    expect((await subgraph.query(BEGIN_LINK, { provider: 'TWITCH' }, brandViewer)).errors![0]!.extensions).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await subgraph.query(BEGIN_LINK, { provider: 'TWITCH' })).errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });

    const unlinked = await subgraph.query(`mutation { unlinkOAuth(provider: TWITCH) }`, {}, first.viewer);
    expect(unlinked.data).toEqual({ unlinkOAuth: true });
    expect((await oauthSignIn(twitch, 'shared-twitch')).result.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
