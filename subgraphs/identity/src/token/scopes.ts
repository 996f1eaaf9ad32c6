import type { AccountKindClaim } from '@gametriggers/auth';

/**
 * The scopes an access token carries, by account kind: `<domain>:read` / `<domain>:write` per
 * subgraph, and `admin` for GameTriggers staff. A kind's token never holds another kind's write
 * scopes (a brand cannot write streamer profiles); subgraphs still check ownership of each record.
 * Every sign-in gets its kind's full set today; narrower tokens (integrations) can ask for a subset later.
 */
export const DEFAULT_SCOPES: Record<AccountKindClaim, readonly string[]> = {
  BRAND: [
    'account:read',
    'account:write',
    'brand:read',
    'brand:write',
    'streamer:read',
    'campaign:read',
    'campaign:write',
    'wallet:read',
    'wallet:write',
    'billing:read',
    'kyc:read',
    'kyc:write',
    'analytics:read',
  ],
  STREAMER: [
    'account:read',
    'account:write',
    'streamer:read',
    'streamer:write',
    'brand:read',
    'campaign:read',
    'wallet:read',
    'wallet:write',
    'kyc:read',
    'kyc:write',
    'analytics:read',
  ],
  ADMIN: [
    'admin',
    'account:read',
    'account:write',
    'brand:read',
    'streamer:read',
    'campaign:read',
    'wallet:read',
    'billing:read',
    'kyc:read',
    'kyc:review',
    'conflict:read',
    'conflict:resolve',
    'analytics:read',
  ],
};
