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

const row = (defaults: Outcome, overrides: Partial<Record<Role, Outcome>> = {}): Record<Role, Outcome> => ({
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

const { brands, streamers, campaigns, participations } = demoIds;
const voltage = { id: brands.voltage };
const kira = { id: streamers.kiraplays };
const summer = { id: campaigns.voltageSummer };
const KYC_CASE_KIRA = '01930000-0000-7000-8000-0000000e0001';
const PAYMENT_METHOD_KIRA = '01930000-0000-7000-8000-0000000f0001';
const brandOwner = { ownerType: 'BRAND', ownerId: brands.voltage };
const streamerOwner = { ownerType: 'STREAMER', ownerId: streamers.kiraplays };
/** A made-up id: admin-only probes on it answer NOT_FOUND once authorization let them through. */
const NOBODY = '01930000-0000-7000-8000-00000000dead';
/** More than any demo wallet holds: money probes fail with a business error after authorization. */
const TOO_MUCH = { amount: '999999999.00', currency: 'USD' };
const key = (role: Role, name: string) => `matrix-${name}-${role}-${process.pid}`;

// ---- The table ------------------------------------------------------------------------------------

export const MATRIX: MatrixRow[] = [
  // brand
  {
    name: 'Brand.contact',
    subgraph: 'brand',
    query: 'query($id: ID!) { brand(id: $id) { contact { name email phone } } }',
    variables: () => voltage,
    path: 'brand.contact',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'Brand.billing',
    subgraph: 'brand',
    query: 'query($id: ID!) { brand(id: $id) { billing { taxId address { line1 city postalCode } } } }',
    variables: () => voltage,
    path: 'brand.billing',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'Brand.marketingPreferences',
    subgraph: 'brand',
    query:
      'query($id: ID!) { brand(id: $id) { marketingPreferences { contentCategories budgetRange { min { amount } max { amount } } } } }',
    variables: () => voltage,
    path: 'brand.marketingPreferences',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'Brand (public profile)',
    subgraph: 'brand',
    query: 'query($id: ID!) { brand(id: $id) { companyName industry website } }',
    variables: () => voltage,
    path: 'brand.companyName',
    expect: everyone(),
  },
  {
    name: 'brands[].contact (list)',
    subgraph: 'brand',
    query: '{ brands(first: 100, industry: "beverages") { nodes { id contact { email } } } }',
    path: 'brands.nodes.contact',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'Campaign.brand.contact (entity reference)',
    subgraph: 'brand',
    query: 'query($id: ID!) { campaign(id: $id) { brand { contact { email } billing { taxId } } } }',
    variables: () => summer,
    path: 'campaign.brand.contact',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'createBrand',
    subgraph: 'brand',
    query: `mutation { createBrand(input: { companyName: "Matrix Co", industry: "matrix", contact: { name: "M", email: "m@matrix.example" },
      billing: { address: { line1: "1 Matrix St", city: "Berlin", postalCode: "10115", country: "DE" } } }) { id } }`,
    path: 'createBrand',
    expect: adminOnly(),
  },
  {
    name: 'updateBrand',
    subgraph: 'brand',
    query: 'mutation($id: ID!) { updateBrand(id: $id, input: { companyName: "Voltage Energy" }) { companyName } }',
    variables: () => voltage,
    path: 'updateBrand',
    expect: owningBrandOrAdmin(),
  },

  // streamer
  {
    name: 'Streamer.contactEmail',
    subgraph: 'streamer',
    query: 'query($id: ID!) { streamer(id: $id) { contactEmail } }',
    variables: () => kira,
    path: 'streamer.contactEmail',
    expect: owningStreamerOrAdmin(),
  },
  {
    name: 'Streamer (public profile)',
    subgraph: 'streamer',
    query: 'query($id: ID!) { streamer(id: $id) { displayName bio platforms { username followers } demographics { country } } }',
    variables: () => kira,
    path: 'streamer.displayName',
    expect: everyone(),
  },
  {
    name: 'streamers[].contactEmail (list)',
    subgraph: 'streamer',
    query: '{ streamers(first: 100, country: "US") { nodes { contactEmail } } }',
    path: 'streamers.nodes.contactEmail',
    expect: owningStreamerOrAdmin(),
  },
  {
    name: 'Participation.streamer.contactEmail (entity reference)',
    subgraph: 'streamer',
    query: 'query($id: ID!) { participation(id: $id) { streamer { contactEmail } } }',
    variables: () => ({ id: participations.kiraVoltageSummer }),
    path: 'participation.streamer.contactEmail',
    // The participation itself is the parties' (campaign); its streamer's email is the streamer's.
    expect: row('FORBIDDEN', { owningStreamer: 'ALLOW', admin: 'ALLOW' }),
  },
  {
    name: 'createStreamer',
    subgraph: 'streamer',
    query: `mutation { createStreamer(input: { displayName: "Matrix${process.pid}", contactEmail: "m@matrix.example",
      demographics: { country: "DE", languages: ["de"], audienceAgeRanges: [], interests: [] } }) { id } }`,
    path: 'createStreamer',
    // Display names are unique: the admin's one creation succeeds; every other answer must be a refusal.
    probe: true,
    expect: adminOnly(),
  },
  {
    name: 'updateStreamer',
    subgraph: 'streamer',
    query: 'mutation($id: ID!) { updateStreamer(id: $id, input: { bio: null }) { id } }',
    variables: () => kira,
    path: 'updateStreamer',
    probe: true,
    expect: owningStreamerOrAdmin(),
  },
  {
    name: 'upsertStreamerPlatform',
    subgraph: 'streamer',
    query: `mutation($id: ID!) { upsertStreamerPlatform(streamerId: $id, input: { platform: KICK, username: "kiraplays", channelUrl: "https://kick.com/kiraplays",
      followers: 1200, averageViewers: 40, peakViewers: 90, categories: ["fps"] }) { id } }`,
    variables: () => kira,
    path: 'upsertStreamerPlatform',
    expect: owningStreamerOrAdmin(),
  },
  {
    name: 'removeStreamerPlatform',
    subgraph: 'streamer',
    // TIKTOK: Kira has none, so the allowed answer is NOT_FOUND or the unchanged streamer.
    query: 'mutation($id: ID!) { removeStreamerPlatform(streamerId: $id, platform: TIKTOK) { id } }',
    variables: () => kira,
    path: 'removeStreamerPlatform',
    probe: true,
    expect: owningStreamerOrAdmin(),
  },
  {
    name: 'setStreamerPlatformVerification',
    subgraph: 'streamer',
    query: 'mutation($id: ID!) { setStreamerPlatformVerification(streamerId: $id, platform: TWITCH, status: VERIFIED) { id } }',
    variables: () => kira,
    path: 'setStreamerPlatformVerification',
    probe: true,
    expect: adminOnly(),
  },

  // billing
  {
    name: 'invoice',
    subgraph: 'billing',
    query: 'query($id: ID!) { invoice(id: $id) { number total { amount } billingAddress { line1 taxId } } }',
    variables: (s) => ({ id: s.voltageInvoiceId }),
    path: 'invoice',
    // Another brand's invoice does not exist for a brand; streamers have no invoices at all.
    expect: row('NOT_FOUND', { otherStreamer: 'FORBIDDEN', owningStreamer: 'FORBIDDEN', owningBrand: 'ALLOW', admin: 'ALLOW' }),
  },
  {
    name: 'invoices (own only)',
    subgraph: 'billing',
    query: '{ invoices(first: 100) { nodes { brandId number } } }',
    path: 'invoices',
    expect: row('FORBIDDEN', { otherBrand: 'ALLOW', owningBrand: 'ALLOW', admin: 'ALLOW' }),
    check: (data, role) => {
      const owners = new Set((data['invoices'].nodes as { brandId: string }[]).map((node) => node.brandId));
      if (role === 'owningBrand' && [...owners].some((id) => id !== brands.voltage))
        throw new Error(`Voltage listed others' invoices: ${[...owners]}`);
      if (role === 'otherBrand' && owners.has(brands.voltage)) throw new Error("PixelForge listed Voltage's invoices");
    },
  },
  {
    name: 'invoices(brandId)',
    subgraph: 'billing',
    query: 'query($id: ID) { invoices(brandId: $id) { nodes { number } } }',
    variables: () => voltage,
    path: 'invoices',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'Brand.invoices',
    subgraph: 'billing',
    query: 'query($id: ID!) { brand(id: $id) { invoices { nodes { number total { amount } } } } }',
    variables: () => voltage,
    path: 'brand.invoices',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'Campaign.brand.invoices (entity reference)',
    subgraph: 'billing',
    query: 'query($id: ID!) { campaign(id: $id) { brand { invoices { nodes { number } } } } }',
    variables: () => summer,
    path: 'campaign.brand.invoices',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'createInvoice',
    subgraph: 'billing',
    query: `mutation($brandId: ID!) { createInvoice(input: { brandId: $brandId, currency: "USD", taxRateBasisPoints: 0, dueInDays: 30,
      billingAddress: { name: "Voltage Energy", line1: "1 Market St", city: "San Francisco", postalCode: "94105", country: "US" } }) { id } }`,
    variables: () => ({ brandId: brands.voltage }),
    path: 'createInvoice',
    expect: adminOnly(),
  },
  ...(['issueInvoice', 'markInvoicePaid', 'voidInvoice', 'addInvoiceLine', 'removeInvoiceLine'] as const).map((mutation): MatrixRow => ({
    name: mutation,
    subgraph: 'billing',
    query: {
      issueInvoice: 'mutation($id: ID!) { issueInvoice(id: $id) { id } }',
      markInvoicePaid: 'mutation($id: ID!) { markInvoicePaid(id: $id) { id } }',
      voidInvoice: 'mutation($id: ID!) { voidInvoice(id: $id, reason: "matrix") { id } }',
      addInvoiceLine:
        'mutation($id: ID!) { addInvoiceLine(id: $id, line: { description: "x", quantity: 1, unitPrice: { amount: "1.00", currency: "USD" } }) { id } }',
      removeInvoiceLine: `mutation($id: ID!) { removeInvoiceLine(id: $id, lineId: "${NOBODY}") { id } }`,
    }[mutation],
    variables: () => ({ id: NOBODY }),
    path: mutation,
    probe: true,
    expect: adminOnly(),
  })),

  // analytics
  {
    name: 'campaignMetrics',
    subgraph: 'analytics',
    query: 'query($id: ID!) { campaignMetrics(campaignId: $id) { impressions spend { amount } } }',
    variables: () => ({ id: summer.id }),
    path: 'campaignMetrics',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'CampaignMetrics.buckets / byStreamer',
    subgraph: 'analytics',
    query:
      'query($id: ID!, $from: DateTime!, $to: DateTime!) { campaignMetrics(campaignId: $id) { buckets(granularity: DAY, from: $from, to: $to) { impressions } byStreamer { impressions } } }',
    variables: () => ({ id: summer.id, from: new Date(Date.now() - 7 * 86_400_000).toISOString(), to: new Date().toISOString() }),
    path: 'campaignMetrics',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'Campaign.metrics (entity reference)',
    subgraph: 'analytics',
    query: 'query($id: ID!) { campaign(id: $id) { metrics { impressions clicks spend { amount } } } }',
    variables: () => summer,
    path: 'campaign.metrics',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'Streamer.campaignMetrics',
    subgraph: 'analytics',
    query: 'query($id: ID!) { streamer(id: $id) { campaignMetrics { impressions campaign { id } } } }',
    variables: () => kira,
    path: 'streamer.campaignMetrics',
    expect: owningStreamerOrAdmin(),
  },
  {
    name: 'recordDeliveryMetrics',
    subgraph: 'analytics',
    query: `mutation($id: ID!, $key: String!) { recordDeliveryMetrics(input: { campaignId: $id, occurredAt: "2026-01-01T00:00:00Z", impressions: 0, clicks: 0,
      viewMinutes: 0, conversions: 0, spend: { amount: "0", currency: "USD" }, idempotencyKey: $key }) { impressions } }`,
    variables: (_s, role) => ({ id: summer.id, key: key(role, 'metrics') }),
    path: 'recordDeliveryMetrics',
    expect: adminOnly(),
  },

  // campaign (rules of the campaign subgraph)
  {
    name: 'Campaign.budget',
    subgraph: 'campaign',
    query: 'query($id: ID!) { campaign(id: $id) { budget { amount } } }',
    variables: () => summer,
    path: 'campaign.budget',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'Campaign.spent',
    subgraph: 'campaign',
    query: 'query($id: ID!) { campaign(id: $id) { spent { amount } } }',
    variables: () => summer,
    path: 'campaign.spent',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'Campaign.dailyCap',
    subgraph: 'campaign',
    query: 'query($id: ID!) { campaign(id: $id) { dailyCap { amount } } }',
    variables: () => summer,
    path: 'campaign.dailyCap',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'Campaign.perStreamerCap',
    subgraph: 'campaign',
    query: 'query($id: ID!) { campaign(id: $id) { perStreamerCap { amount } } }',
    variables: () => summer,
    path: 'campaign.perStreamerCap',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'Campaign.conversionPostback',
    subgraph: 'campaign',
    query: 'query($id: ID!) { campaign(id: $id) { conversionPostback { url } } }',
    variables: () => summer,
    path: 'campaign.conversionPostback',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'Campaign (public, ACTIVE)',
    subgraph: 'campaign',
    query: 'query($id: ID!) { campaign(id: $id) { name status } }',
    variables: () => summer,
    path: 'campaign.name',
    expect: everyone(),
  },
  {
    name: 'Campaign (DRAFT, invisible to others)',
    subgraph: 'campaign',
    query: 'query($id: ID!) { campaign(id: $id) { name } }',
    variables: () => ({ id: campaigns.voltageNight }),
    path: 'campaign',
    expect: row('NOT_FOUND', { anonymous: 'NOT_FOUND', owningBrand: 'ALLOW', admin: 'ALLOW' }),
  },
  {
    name: 'campaigns (DRAFTs listed to their brand and admins only)',
    subgraph: 'campaign',
    query: 'query($id: ID) { campaigns(first: 100, brandId: $id, status: DRAFT) { nodes { id } } }',
    variables: () => voltage,
    path: 'campaigns',
    expect: everyone(),
    check: (data, role) => {
      const listed = (data['campaigns'].nodes as { id: string }[]).some((node) => node.id === campaigns.voltageNight);
      if (listed !== (role === 'owningBrand' || role === 'admin'))
        throw new Error(`${role} ${listed ? 'sees' : 'does not see'} Voltage's DRAFT`);
    },
  },
  {
    name: 'createCampaign',
    subgraph: 'campaign',
    query: `mutation($brandId: ID!) { createCampaign(input: { brandId: $brandId, name: "Matrix", description: "Authorization matrix",
      schedule: { startsAt: "2027-06-01T00:00:00Z", endsAt: "2027-07-01T00:00:00Z" }, budget: { amount: "100", currency: "USD" },
      pricing: { model: CPC, rate: { amount: "0.50", currency: "USD" } } }) { id } }`,
    variables: () => ({ brandId: brands.voltage }),
    path: 'createCampaign',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'updateCampaign',
    subgraph: 'campaign',
    // An ACTIVE campaign can no longer be edited: the allowed answer is a business error.
    query: 'mutation($id: ID!) { updateCampaign(id: $id, input: { name: "Voltage Summer Clash" }) { id } }',
    variables: () => summer,
    path: 'updateCampaign',
    probe: true,
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'transitionCampaign',
    subgraph: 'campaign',
    query: 'mutation($id: ID!) { transitionCampaign(id: $id, to: SUBMITTED) { status } }',
    variables: (s, role) => ({ id: role === 'admin' ? s.draftForAdmin : s.draftForOwner }),
    path: 'transitionCampaign',
    // A DRAFT is invisible to others.
    expect: owningBrandOrAdmin('NOT_FOUND'),
  },
  {
    name: 'applyToCampaign',
    subgraph: 'campaign',
    // Kira already takes part: the allowed answer is CONFLICT.
    query: 'mutation($campaignId: ID!, $streamerId: ID!) { applyToCampaign(campaignId: $campaignId, streamerId: $streamerId) { id } }',
    variables: () => ({ campaignId: summer.id, streamerId: kira.id }),
    path: 'applyToCampaign',
    probe: true,
    expect: owningStreamerOrAdmin(),
  },
  {
    name: 'decideParticipation',
    subgraph: 'campaign',
    // Already accepted: the allowed answer is a business error.
    query: 'mutation($id: ID!) { decideParticipation(id: $id, accept: true) { id } }',
    variables: () => ({ id: participations.kiraVoltageSummer }),
    path: 'decideParticipation',
    probe: true,
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'withdrawParticipation',
    subgraph: 'campaign',
    // Kira's PixelForge participation: the streamer (or an admin, after them: a business error) withdraws it.
    query: 'mutation($id: ID!) { withdrawParticipation(id: $id) { id } }',
    variables: () => ({ id: participations.kiraPixelforge }),
    path: 'withdrawParticipation',
    probe: true,
    expect: owningStreamerOrAdmin(),
  },
  {
    name: 'requestCampaignAssetUpload',
    subgraph: 'campaign',
    query:
      'mutation($id: ID!) { requestCampaignAssetUpload(campaignId: $id, input: { filename: "matrix.png", contentType: "image/png", bytes: 1024 }) { uploadUrl } }',
    variables: () => summer,
    path: 'requestCampaignAssetUpload',
    probe: true,
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'rotateParticipationLinks',
    subgraph: 'campaign',
    query: 'mutation($id: ID!) { rotateParticipationLinks(id: $id) { id } }',
    variables: () => ({ id: participations.kiraVoltageSummer }),
    path: 'rotateParticipationLinks',
    expect: owningStreamerOrAdmin(),
  },
  {
    name: 'participation',
    subgraph: 'campaign',
    query: 'query($id: ID!) { participation(id: $id) { status earnings { amount } } }',
    variables: () => ({ id: participations.kiraVoltageSummer }),
    path: 'participation',
    expect: partiesOrAdmin(),
  },
  {
    name: 'Campaign.participations',
    subgraph: 'campaign',
    query: 'query($id: ID!) { campaign(id: $id) { participations { nodes { id streamer { id } } } } }',
    variables: () => summer,
    path: 'campaign.participations',
    // All of them for the brand and admins; a streamer's own (none for Tactician) for a streamer.
    expect: row('FORBIDDEN', { owningBrand: 'ALLOW', otherStreamer: 'ALLOW', owningStreamer: 'ALLOW', admin: 'ALLOW' }),
    check: (data, role) => {
      const ids = (data['campaign'].participations.nodes as { streamer: { id: string } }[]).map((node) => node.streamer.id);
      const own = { otherStreamer: streamers.tactician, owningStreamer: streamers.kiraplays }[role as 'otherStreamer' | 'owningStreamer'];
      if (own && ids.some((id) => id !== own)) throw new Error(`${role} sees other streamers' participations`);
      if (role === 'owningStreamer' && !ids.length) throw new Error('Kira does not see her own participation');
    },
  },
  {
    name: 'Participation.links',
    subgraph: 'campaign',
    query: 'query($id: ID!) { participation(id: $id) { links { overlayUrl clickUrl } } }',
    variables: () => ({ id: participations.kiraVoltageSummer }),
    path: 'participation.links',
    expect: row('FORBIDDEN', { owningBrand: 'FORBIDDEN', owningStreamer: 'ALLOW', admin: 'ALLOW' }),
  },
  {
    name: 'Streamer.participations',
    subgraph: 'campaign',
    query: 'query($id: ID!) { streamer(id: $id) { participations { nodes { id } } } }',
    variables: () => kira,
    path: 'streamer.participations',
    expect: owningStreamerOrAdmin(),
  },
  {
    name: 'Streamer.eligibleCampaigns',
    subgraph: 'campaign',
    query: 'query($id: ID!) { streamer(id: $id) { eligibleCampaigns { nodes { id } } } }',
    variables: () => kira,
    path: 'streamer.eligibleCampaigns',
    expect: owningStreamerOrAdmin(),
  },

  // wallet
  {
    name: 'Brand.wallet',
    subgraph: 'wallet',
    query: 'query($id: ID!) { brand(id: $id) { wallet { id balances { currency available { amount } } } } }',
    variables: () => voltage,
    path: 'brand.wallet',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'Streamer.wallet',
    subgraph: 'wallet',
    query: 'query($id: ID!) { streamer(id: $id) { wallet { id balances { currency available { amount } } } } }',
    variables: () => kira,
    path: 'streamer.wallet',
    expect: owningStreamerOrAdmin(),
  },
  {
    name: 'wallet',
    subgraph: 'wallet',
    query: 'query($id: ID!) { wallet(id: $id) { id transactions { nodes { id } } } }',
    variables: (s) => ({ id: s.voltageWalletId }),
    path: 'wallet',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'walletTransaction',
    subgraph: 'wallet',
    query: 'query($id: ID!) { walletTransaction(id: $id) { id kind } }',
    variables: (s) => ({ id: s.voltageTransactionId }),
    path: 'walletTransaction',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'walletStatement',
    subgraph: 'wallet',
    query:
      'query($owner: LedgerOwnerInput!) { walletStatement(owner: $owner, from: "2020-01-01T00:00:00Z", to: "2030-01-01T00:00:00Z") { csv } }',
    variables: () => ({ owner: brandOwner }),
    path: 'walletStatement',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'paymentMethods',
    subgraph: 'wallet',
    query: 'query($owner: LedgerOwnerInput!) { paymentMethods(owner: $owner) { masked label } }',
    variables: () => ({ owner: streamerOwner }),
    path: 'paymentMethods',
    expect: owningStreamerOrAdmin(),
  },
  {
    name: 'withdrawals',
    subgraph: 'wallet',
    query: 'query($id: ID!) { withdrawals(streamerId: $id) { nodes { id } } }',
    variables: () => kira,
    path: 'withdrawals',
    expect: owningStreamerOrAdmin(),
  },
  {
    name: 'largeTransactions',
    subgraph: 'wallet',
    query: '{ largeTransactions { nodes { id } } }',
    path: 'largeTransactions',
    expect: adminOnly(),
  },
  {
    name: 'pendingWithdrawals',
    subgraph: 'wallet',
    query: '{ pendingWithdrawals { nodes { id } } }',
    path: 'pendingWithdrawals',
    expect: adminOnly(),
  },
  {
    name: 'walletReconciliation',
    subgraph: 'wallet',
    query: '{ walletReconciliation { ok } }',
    path: 'walletReconciliation',
    expect: adminOnly(),
  },
  {
    name: 'addPaymentMethod',
    subgraph: 'wallet',
    query:
      'mutation($owner: LedgerOwnerInput!) { addPaymentMethod(input: { owner: $owner, kind: BANK, details: "DE89370400440532013042", label: "matrix" }) { id } }',
    variables: () => ({ owner: streamerOwner }),
    path: 'addPaymentMethod',
    expect: owningStreamerOrAdmin(),
  },
  {
    name: 'removePaymentMethod',
    subgraph: 'wallet',
    query: 'mutation($id: ID!) { removePaymentMethod(id: $id) { id } }',
    // The allowed roles each remove a method of their own; the others aim at the demo method, which stays.
    variables: (s, role) => ({
      id: role === 'admin' ? s.paymentMethodForAdmin : role === 'owningStreamer' ? s.paymentMethodForOwner : PAYMENT_METHOD_KIRA,
    }),
    path: 'removePaymentMethod',
    expect: owningStreamerOrAdmin(),
  },
  {
    name: 'depositFunds',
    subgraph: 'wallet',
    query:
      'mutation($brandId: ID!, $key: String!) { depositFunds(input: { brandId: $brandId, amount: { amount: "1.00", currency: "USD" }, idempotencyKey: $key, reference: "matrix" }) { id } }',
    variables: (_s, role) => ({ brandId: brands.voltage, key: key(role, 'deposit') }),
    path: 'depositFunds',
    expect: adminOnly(),
  },
  {
    name: 'transferFunds',
    subgraph: 'wallet',
    query:
      'mutation($from: LedgerOwnerInput!, $to: LedgerOwnerInput!, $amount: MoneyInput!, $key: String!) { transferFunds(input: { from: $from, to: $to, amount: $amount, idempotencyKey: $key }) { id } }',
    variables: (_s, role) => ({ from: brandOwner, to: streamerOwner, amount: TOO_MUCH, key: key(role, 'transfer') }),
    path: 'transferFunds',
    probe: true,
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'holdFunds',
    subgraph: 'wallet',
    query:
      'mutation($brandId: ID!, $amount: MoneyInput!, $key: String!) { holdFunds(input: { brandId: $brandId, amount: $amount, idempotencyKey: $key }) { id } }',
    variables: (_s, role) => ({ brandId: brands.voltage, amount: TOO_MUCH, key: key(role, 'hold') }),
    path: 'holdFunds',
    probe: true,
    expect: owningBrandOrAdmin(),
  },
  ...(['releaseHold', 'captureHold'] as const).map((mutation): MatrixRow => ({
    name: mutation,
    subgraph: 'wallet',
    query: `mutation($brandId: ID!, $amount: MoneyInput!, $key: String!) { ${mutation}(input: { brandId: $brandId, amount: $amount, idempotencyKey: $key }) { id } }`,
    variables: (_s, role) => ({ brandId: brands.voltage, amount: TOO_MUCH, key: key(role, mutation) }),
    path: mutation,
    probe: true,
    expect: adminOnly(),
  })),
  {
    name: 'creditEarnings',
    subgraph: 'wallet',
    query: `mutation($brandId: ID!, $streamerId: ID!, $amount: MoneyInput!, $key: String!) { creditEarnings(input: { brandId: $brandId, streamerId: $streamerId,
      amount: $amount, feeBasisPoints: 1000, idempotencyKey: $key, description: "matrix" }) { id } }`,
    variables: (_s, role) => ({ brandId: brands.voltage, streamerId: streamers.kiraplays, amount: TOO_MUCH, key: key(role, 'credit') }),
    path: 'creditEarnings',
    probe: true,
    expect: adminOnly(),
  },
  {
    name: 'chargePlatformFee',
    subgraph: 'wallet',
    query:
      'mutation($owner: LedgerOwnerInput!, $amount: MoneyInput!, $key: String!) { chargePlatformFee(input: { owner: $owner, amount: $amount, idempotencyKey: $key, description: "matrix" }) { id } }',
    variables: (_s, role) => ({ owner: brandOwner, amount: TOO_MUCH, key: key(role, 'fee') }),
    path: 'chargePlatformFee',
    probe: true,
    expect: adminOnly(),
  },
  {
    name: 'convertCurrency',
    subgraph: 'wallet',
    query:
      'mutation($owner: LedgerOwnerInput!, $amount: MoneyInput!, $key: String!) { convertCurrency(input: { owner: $owner, amount: $amount, toCurrency: "EUR", idempotencyKey: $key }) { id } }',
    variables: (_s, role) => ({ owner: brandOwner, amount: TOO_MUCH, key: key(role, 'convert') }),
    path: 'convertCurrency',
    probe: true,
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'reverseTransaction',
    subgraph: 'wallet',
    query:
      'mutation($key: String!) { reverseTransaction(input: { transactionId: "' +
      NOBODY +
      '", reason: "matrix", idempotencyKey: $key }) { id } }',
    variables: (_s, role) => ({ key: key(role, 'reverse') }),
    path: 'reverseTransaction',
    probe: true,
    expect: adminOnly(),
  },
  {
    name: 'requestWithdrawal',
    subgraph: 'wallet',
    query:
      'mutation($streamerId: ID!, $method: ID!, $amount: MoneyInput!, $key: String!) { requestWithdrawal(input: { streamerId: $streamerId, paymentMethodId: $method, amount: $amount, idempotencyKey: $key }) { id } }',
    variables: (_s, role) => ({
      streamerId: streamers.kiraplays,
      method: PAYMENT_METHOD_KIRA,
      amount: TOO_MUCH,
      key: key(role, 'withdraw'),
    }),
    path: 'requestWithdrawal',
    probe: true,
    expect: owningStreamerOrAdmin(),
  },
  ...(['approveWithdrawal', 'rejectWithdrawal'] as const).map((mutation): MatrixRow => ({
    name: mutation,
    subgraph: 'wallet',
    query: `mutation($id: ID!) { ${mutation}(input: { withdrawalId: $id, note: "matrix" }) { id } }`,
    variables: () => ({ id: NOBODY }),
    path: mutation,
    probe: true,
    expect: adminOnly(),
  })),

  // kyc
  {
    name: 'kycCase',
    subgraph: 'kyc',
    query: 'query($id: ID!) { kycCase(id: $id) { status documentType reviewerNote } }',
    variables: () => ({ id: KYC_CASE_KIRA }),
    path: 'kycCase',
    expect: owningStreamerOrAdmin('NOT_FOUND'),
  },
  {
    name: 'kycCases',
    subgraph: 'kyc',
    query: '{ kycCases { nodes { id } } }',
    path: 'kycCases',
    expect: adminOnly(),
  },
  {
    name: 'Streamer.kycCases',
    subgraph: 'kyc',
    query: 'query($id: ID!) { streamer(id: $id) { kycCases { status } } }',
    variables: () => kira,
    path: 'streamer.kycCases',
    expect: owningStreamerOrAdmin(),
  },
  {
    name: 'openKycCase',
    subgraph: 'kyc',
    query:
      'mutation($id: ID!) { openKycCase(input: { subjectType: STREAMER, subjectId: $id, documentType: PASSPORT, documentCountry: "US" }) { id } }',
    variables: () => kira,
    path: 'openKycCase',
    probe: true,
    expect: owningStreamerOrAdmin(),
  },
  ...(['startKycReview', 'approveKycCase', 'rejectKycCase'] as const).map((mutation): MatrixRow => ({
    name: mutation,
    subgraph: 'kyc',
    query: {
      startKycReview: 'mutation($id: ID!) { startKycReview(id: $id) { id } }',
      approveKycCase: 'mutation($id: ID!) { approveKycCase(id: $id) { id } }',
      rejectKycCase: 'mutation($id: ID!) { rejectKycCase(id: $id, reason: "matrix") { id } }',
    }[mutation],
    variables: () => ({ id: NOBODY }),
    path: mutation,
    probe: true,
    expect: adminOnly(),
  })),

  // conflict
  {
    name: 'categoryHierarchy',
    subgraph: 'conflict',
    query: '{ categoryHierarchy { slug } }',
    path: 'categoryHierarchy',
    expect: signedIn(),
  },
  {
    name: 'conflictRules',
    subgraph: 'conflict',
    query: '{ conflictRules { nodes { id name } } }',
    path: 'conflictRules',
    expect: adminOnly(),
  },
  {
    name: 'conflictRule',
    subgraph: 'conflict',
    query: 'query($id: ID!) { conflictRule(id: $id) { name } }',
    variables: (s) => ({ id: s.conflictRuleId }),
    path: 'conflictRule',
    expect: adminOnly(),
  },
  {
    name: 'campaignFacts',
    subgraph: 'conflict',
    query: 'query($id: ID!) { campaignFacts(campaignId: $id) { campaignId } }',
    variables: () => ({ id: summer.id }),
    path: 'campaignFacts',
    expect: adminOnly(),
  },
  {
    name: 'evaluateConflicts',
    subgraph: 'conflict',
    query: 'query($id: ID!) { evaluateConflicts(campaignId: $id) { decision } }',
    variables: () => ({ id: summer.id }),
    path: 'evaluateConflicts',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'checkParticipation',
    subgraph: 'conflict',
    query: 'query($id: ID!, $streamerId: ID!) { checkParticipation(campaignId: $id, streamerId: $streamerId) { decision } }',
    variables: () => ({ id: summer.id, streamerId: kira.id }),
    path: 'checkParticipation',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'recordBrandFacts',
    subgraph: 'conflict',
    query: `mutation { recordBrandFacts(input: { brandId: "${NOBODY}", categories: ["matrix"] }) { brandId } }`,
    path: 'recordBrandFacts',
    probe: true,
    expect: adminOnly(),
  },
  {
    name: 'recordStreamerFacts',
    subgraph: 'conflict',
    query: `mutation { recordStreamerFacts(input: { streamerId: "${NOBODY}", categories: ["matrix"] }) { streamerId } }`,
    path: 'recordStreamerFacts',
    probe: true,
    expect: adminOnly(),
  },
  {
    name: 'createConflictRule',
    subgraph: 'conflict',
    query:
      'mutation { createConflictRule(input: { name: "Matrix rule", description: "Disabled", type: CATEGORY_CONFLICT, severity: WARN, priority: 1, enabled: false }) { id } }',
    path: 'createConflictRule',
    probe: true,
    expect: adminOnly(),
  },
  {
    name: 'updateConflictRule',
    subgraph: 'conflict',
    query: `mutation { updateConflictRule(id: "${NOBODY}", input: { name: "Matrix" }) { id } }`,
    path: 'updateConflictRule',
    probe: true,
    expect: adminOnly(),
  },
  ...(['setCategoryParent', 'deleteCategory', 'setConflictRuleEnabled', 'deleteConflictRule'] as const).map((mutation): MatrixRow => ({
    name: mutation,
    subgraph: 'conflict',
    query: {
      setCategoryParent: 'mutation { setCategoryParent(slug: "fps", parentSlug: "fps") { slug } }',
      deleteCategory: 'mutation { deleteCategory(slug: "matrix-no-such-category") }',
      setConflictRuleEnabled: `mutation { setConflictRuleEnabled(id: "${NOBODY}", enabled: false) { id } }`,
      deleteConflictRule: `mutation { deleteConflictRule(id: "${NOBODY}") }`,
    }[mutation],
    path: mutation,
    probe: true,
    expect: adminOnly(),
  })),

  // identity
  { name: 'me', subgraph: 'identity', query: '{ me { id email kind } }', path: 'me', expect: signedIn() },
  { name: 'mySessions', subgraph: 'identity', query: '{ mySessions { id ipAddress } }', path: 'mySessions', expect: signedIn() },
  {
    name: 'account',
    subgraph: 'identity',
    query: 'query($id: ID!) { account(id: $id) { email status } }',
    variables: (s) => ({ id: s.accountIds.owningBrand }),
    path: 'account',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'Account.sessions (the account itself only, not admins)',
    subgraph: 'identity',
    query: 'query($id: ID!) { account(id: $id) { sessions { id } } }',
    variables: (s) => ({ id: s.accountIds.owningBrand }),
    path: 'account.sessions',
    expect: row('FORBIDDEN', { owningBrand: 'ALLOW' }),
  },
  { name: 'accounts', subgraph: 'identity', query: '{ accounts { nodes { id email } } }', path: 'accounts', expect: adminOnly() },
  { name: 'signingKeys', subgraph: 'identity', query: '{ signingKeys { kid } }', path: 'signingKeys', expect: adminOnly() },
  {
    name: 'accountSession (the account itself only)',
    subgraph: 'identity',
    query: 'query($id: ID!) { accountSession(id: $id) { id userAgent } }',
    variables: (s) => ({ id: s.voltageSessionId }),
    path: 'accountSession',
    expect: row('NOT_FOUND', { owningBrand: 'ALLOW' }),
  },
  {
    name: 'rotateSigningKey',
    subgraph: 'identity',
    query: 'mutation { rotateSigningKey { kid } }',
    path: 'rotateSigningKey',
    expect: adminOnly(),
  },
  {
    name: 'myExternalIdentities (streamers)',
    subgraph: 'identity',
    query: '{ myExternalIdentities { provider } }',
    path: 'myExternalIdentities',
    expect: row('FORBIDDEN', { otherStreamer: 'ALLOW', owningStreamer: 'ALLOW' }),
  },
  {
    name: 'setAccountStatus',
    subgraph: 'identity',
    query: 'mutation($id: ID!) { setAccountStatus(id: $id, status: ACTIVE) { status } }',
    variables: (s) => ({ id: s.nordwindAccountId }),
    path: 'setAccountStatus',
    probe: true,
    expect: adminOnly(),
  },
  {
    name: 'signOutSession (the account itself only)',
    subgraph: 'identity',
    query: 'mutation($id: ID!) { signOutSession(id: $id) { id } }',
    variables: (s) => ({ id: s.voltageSessionId }),
    path: 'signOutSession',
    expect: row('NOT_FOUND', { owningBrand: 'ALLOW' }),
  },
];
