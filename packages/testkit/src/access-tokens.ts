import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ACCESS_TOKEN_AUDIENCES, DEFAULT_ISSUER, JWKS_PATH } from '@gametriggers/auth';
import type { AccountKindClaim } from '@gametriggers/auth';

export interface TestTokenIssuer {
  /** Where the router finds the keys (its JWKS_URL). */
  jwksUrl: string;
  /** `{ authorization: 'Bearer <token>' }` of an access token as identity issues them. */
  bearer: (claims: { kind: AccountKindClaim; sub?: string; eid?: string; scope?: string }) => Record<string, string>;
  stop: () => Promise<void>;
}

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A stand-in for identity's signing side, for tests that need signed-in clients without identity's
 * database: one ES256 key published as a JWKS on port 0, and access tokens signed with it
 * (`typ at+jwt`, DEFAULT_ISSUER, the kind's audience, 15 minutes).
 */
export async function startTestTokenIssuer(): Promise<TestTokenIssuer> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const kid = `test-${randomUUID()}`;
  const document = JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' }] });
  const server = http.createServer((_req, res) => res.setHeader('content-type', 'application/json').end(document));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    jwksUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}${JWKS_PATH}`,
    bearer: ({ kind, sub = randomUUID(), eid, scope = '' }) => {
      const now = Math.floor(Date.now() / 1000);
      const claims = {
        iss: DEFAULT_ISSUER,
        aud: ACCESS_TOKEN_AUDIENCES[kind],
        sub,
        kind,
        sid: randomUUID(),
        scope,
        iat: now,
        exp: now + 900,
      };
      const input = `${encode({ alg: 'ES256', kid, typ: 'at+jwt' })}.${encode(eid ? { ...claims, eid } : claims)}`;
      const signature = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
      return { authorization: `Bearer ${input}.${signature}` };
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
