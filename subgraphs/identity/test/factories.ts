import { randomUUID } from 'node:crypto';
import { viewerFromAccessToken } from '@gametriggers/auth';
import type { Viewer } from '@gametriggers/auth';
import { graphql, viewerHeaders } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { decodeJwt } from 'jose';
import { hashPassword } from '../src/account/password';
import type { Db } from '../src/db';

export const PASSWORD = 'Correct-Horse-Battery-9';

/** A unique email for one test. */
export const uniqueEmail = (name = 'dana') => `${name}.${randomUUID().slice(0, 8)}@voltage.example`;

/** An admin viewer, as the router would send for an admin's access token. */
export const adminViewer = (): Viewer => ({ kind: 'ADMIN', accountId: randomUUID(), sessionId: randomUUID(), scopes: ['admin'] });

export const ACCOUNT_FIELDS = 'id kind email status brandId streamerId emailVerifiedAt lastSignInAt createdAt';
export const SESSION_FIELDS = 'id accountId userAgent ipAddress createdAt lastUsedAt expiresAt revokedAt active current';
export const AUTH_FIELDS = `accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt tokenType account { ${ACCOUNT_FIELDS} }`;

export const SIGN_IN = {
  BRAND: `mutation($input: SignInInput!) { signIn: signInBrand(input: $input) { ${AUTH_FIELDS} } }`,
  STREAMER: `mutation($input: SignInInput!) { signIn: signInStreamer(input: $input) { ${AUTH_FIELDS} } }`,
  ADMIN: `mutation($input: SignInInput!) { signIn: signInAdmin(input: $input) { ${AUTH_FIELDS} } }`,
} as const;
export type Kind = keyof typeof SIGN_IN;

export const REFRESH = `mutation($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { ${AUTH_FIELDS} } }`;
export const SET_STATUS = `mutation SetStatus($id: ID!, $status: AccountStatus!) { setAccountStatus(id: $id, status: $status) { id status } }`;

export interface AuthPayload {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  tokenType: string;
  account: { id: string; kind: string; email: string; status: string; [field: string]: unknown };
}

/** An ACTIVE account written straight to the database (public sign-up goes through the registration saga). */
export async function createAccount(db: Db, kind: Kind = 'BRAND', overrides: { email?: string; password?: string } = {}) {
  return db.account.create({
    data: {
      kind,
      email: (overrides.email ?? uniqueEmail(kind.toLowerCase())).toLowerCase(),
      passwordHash: await hashPassword(overrides.password ?? PASSWORD),
      brandId: kind === 'BRAND' ? randomUUID() : null,
      streamerId: kind === 'STREAMER' ? randomUUID() : null,
    },
  });
}

/** Sends an operation as the router would for a client at `ip` (x-forwarded-for), optionally as `viewer`. */
export async function queryFrom(
  subgraph: TestSubgraph,
  ip: string,
  query: string,
  variables: Record<string, unknown> = {},
  viewer?: Viewer,
) {
  return graphql(subgraph.url, query, variables, { ...(await viewerHeaders(viewer)), 'x-forwarded-for': ip, 'user-agent': 'vitest/4' });
}

let ipCounter = 0;
/** A fresh client address per call, so one test's attempts never count against another's. */
export const freshIp = () => {
  ipCounter += 1;
  return `198.51.${Math.floor(ipCounter / 250) % 250}.${(ipCounter % 250) + 1}`;
};

/** Signs in and returns the payload; fails the test on errors. */
export async function signIn(subgraph: TestSubgraph, kind: Kind, email: string, password = PASSWORD, ip = freshIp()): Promise<AuthPayload> {
  const result = await queryFrom(subgraph, ip, SIGN_IN[kind], { input: { email, password } });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!['signIn'] as AuthPayload;
}

/** The viewer the router derives from an access token (claims only: the tests verify signatures elsewhere). */
export const viewerOf = (payload: { accessToken: string }): Viewer => viewerFromAccessToken(decodeJwt(payload.accessToken));
