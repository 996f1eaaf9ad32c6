import { graphql } from '@gametriggers/testkit';

/** The password of every demo account (identity's seed). */
export const DEMO_PASSWORD = 'demo-password-2026';

/** Demo accounts of identity's seed, by who they act for. */
export const demoAccounts = {
  voltage: { kind: 'BRAND', email: 'dana@voltage.example' },
  pixelforge: { kind: 'BRAND', email: 'sam@pixelforge.example' },
  nordwind: { kind: 'BRAND', email: 'erik@nordwind.example' },
  kiraplays: { kind: 'STREAMER', email: 'business@kiraplays.example' },
  gridlock: { kind: 'STREAMER', email: 'team@gridlock.example' },
  lunastreams: { kind: 'STREAMER', email: 'hello@lunastreams.example' },
  tactician: { kind: 'STREAMER', email: 'contact@tactician.example' },
  admin: { kind: 'ADMIN', email: 'admin@gametriggers.example' },
} as const;

const MUTATION = { BRAND: 'signInBrand', STREAMER: 'signInStreamer', ADMIN: 'signInAdmin' } as const;

/**
 * Signs a demo account in through the router, as a client would, and returns the headers of its
 * requests: `Authorization: Bearer <identity's ES256 access token>`.
 */
export async function signInAs(routerUrl: string, account: keyof typeof demoAccounts): Promise<Record<string, string>> {
  const { kind, email } = demoAccounts[account];
  const result = await graphql(routerUrl, `mutation($input: SignInInput!) { signIn: ${MUTATION[kind]}(input: $input) { accessToken } }`, {
    input: { email, password: DEMO_PASSWORD },
  });
  if (result.errors) throw new Error(`sign-in of ${email} failed: ${JSON.stringify(result.errors)}`);
  return { authorization: `Bearer ${result.data!['signIn'].accessToken as string}` };
}
