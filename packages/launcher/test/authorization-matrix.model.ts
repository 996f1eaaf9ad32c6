import { demoIds } from '@gametriggers/prisma-tools';

/**
 * The authorization matrix: every sensitive field and mutation of the graph, and what each of six
 * viewers gets. `authorization-matrix.e2e.test.ts` runs one case per cell through the router of a
 * real stack, signed in with identity's tokens for demo accounts.
 *
 * The roles are relative to the records the rows ask about (Voltage's brand, campaigns, invoices and
 * wallet; Kira's streamer profile, participations, wallet and KYC case):
 */
export const ROLES = ['anonymous', 'otherBrand', 'owningBrand', 'otherStreamer', 'owningStreamer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who signs in for each role (sign-in.ts demo accounts); anonymous sends no token. */
export const ROLE_ACCOUNTS = {
  otherBrand: 'pixelforge',
  owningBrand: 'voltage',
  otherStreamer: 'tactician',
  owningStreamer: 'kiraplays',
  admin: 'admin',
} as const satisfies Record<Exclude<Role, 'anonymous'>, string>;

/**
 * ALLOW: authorization let the viewer through: the field has a value, or (for a `probe` row) any
 * answer but UNAUTHENTICATED and FORBIDDEN, e.g. a business error for a probe that must change
 * nothing. Otherwise the code the field must fail with, its value null.
 */
export type Outcome = 'ALLOW' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

/** Ids the rows refer to that the demo seed does not fix: looked up once, as the admin, before the cells run. */
export interface Subjects {
  voltageWalletId: string;
  kiraWalletId: string;
  voltageTransactionId: string;
  voltageInvoiceId: string;
  /** Account ids, by role (what `me` says). */
  accountIds: Record<Exclude<Role, 'anonymous'>, string>;
  /** The owning brand's (Voltage's) current session. */
  voltageSessionId: string;
  nordwindAccountId: string;
  conflictRuleId: string;
  /** DRAFT campaigns of Voltage made for transitionCampaign, one per role that may move them. */
  draftForOwner: string;
  draftForAdmin: string;
  /** Payment methods of Kira made for removePaymentMethod, one per role that may remove them. */
  paymentMethodForOwner: string;
  paymentMethodForAdmin: string;
}

export interface MatrixRow {
  /** `Type.field` (or a description of the path) as in docs/authorization.md. */
  name: string;
  /** The subgraph that enforces the rule. */
  subgraph: 'brand' | 'streamer' | 'billing' | 'analytics' | 'campaign' | 'wallet' | 'kyc' | 'conflict' | 'identity';
  /** One operation; its variables come from `variables`. */
  query: string;
  variables?: (subjects: Subjects, role: Role) => Record<string, unknown>;
  /** Where the guarded value is in `data` (list items are looked through): e.g. `campaign.brand.contact`. */
  path: string;
  expect: Record<Role, Outcome>;
  /** The allowed viewers' request cannot succeed by design (no side effects): any answer but UNAUTHENTICATED/FORBIDDEN is ALLOW. */
  probe?: boolean;
  /** Further checks on an allowed viewer's data (e.g. a list shows only the viewer's own records). */
  check?: (data: Record<string, any>, role: Role) => void;
}

// ---- Policies: the common rows of the table -------------------------------------------------------

export const row = (defaults: Outcome, overrides: Partial<Record<Role, Outcome>> = {}): Record<Role, Outcome> => ({
  anonymous: 'UNAUTHENTICATED',
  otherBrand: defaults,
  owningBrand: defaults,
  otherStreamer: defaults,
  owningStreamer: defaults,
  admin: defaults,
  ...overrides,
});

/** Everyone, signed in or not. */
export const everyone = () => row('ALLOW', { anonymous: 'ALLOW' });
/** Any signed-in viewer. */
export const signedIn = () => row('ALLOW');
/** Admins only. */
export const adminOnly = () => row('FORBIDDEN', { admin: 'ALLOW' });
/** The owning brand and admins; `denied` for other signed-in viewers. */
export const owningBrandOrAdmin = (denied: Outcome = 'FORBIDDEN') => row(denied, { owningBrand: 'ALLOW', admin: 'ALLOW' });
/** The owning streamer and admins; `denied` for other signed-in viewers. */
export const owningStreamerOrAdmin = (denied: Outcome = 'FORBIDDEN') => row(denied, { owningStreamer: 'ALLOW', admin: 'ALLOW' });
/** Brand, streamer and admin of the record (a participation): the owning brand, the owning streamer, admins. */
export const partiesOrAdmin = (denied: Outcome = 'FORBIDDEN') =>
  row(denied, { owningBrand: 'ALLOW', owningStreamer: 'ALLOW', admin: 'ALLOW' });

// ---- Fixed subjects -------------------------------------------------------------------------------

export const { brands, streamers, campaigns, participations } = demoIds;
export const voltage = { id: brands.voltage };
export const kira = { id: streamers.kiraplays };
export const summer = { id: campaigns.voltageSummer };
export const KYC_CASE_KIRA = '01930000-0000-7000-8000-0000000e0001';
export const PAYMENT_METHOD_KIRA = '01930000-0000-7000-8000-0000000f0001';
export const brandOwner = { ownerType: 'BRAND', ownerId: brands.voltage };
export const streamerOwner = { ownerType: 'STREAMER', ownerId: streamers.kiraplays };
/** A made-up id: admin-only probes on it answer NOT_FOUND once authorization let them through. */
export const NOBODY = '01930000-0000-7000-8000-00000000dead';
/** More than any demo wallet holds: money probes fail with a business error after authorization. */
export const TOO_MUCH = { amount: '999999999.00', currency: 'USD' };
export const key = (role: Role, name: string) => `matrix-${name}-${role}-${process.pid}`;

// ---- The table ------------------------------------------------------------------------------------
