import { createHash } from 'node:crypto';

/** How long a started authorization may take to come back. */
export const OAUTH_FLOW_TTL_MS = 10 * 60 * 1000;

/** What is stored of a `state`: its SHA-256, so a database read does not hand out live flows. */
export const hashState = (state: string) => new Uint8Array(createHash('sha256').update(state, 'utf8').digest());

/** The sealing context of a flow's PKCE verifier and of a linked identity's provider tokens. */
export const flowContext = (stateHash: Uint8Array) => `oauth-flow:${Buffer.from(stateHash).toString('base64url')}`;
export const externalIdentityContext = (provider: string, subject: string) => `external-identity:${provider}:${subject}`;
