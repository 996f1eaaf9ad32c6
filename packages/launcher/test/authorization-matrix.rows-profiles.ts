import {
  NOBODY,
  adminOnly,
  brands,
  everyone,
  key,
  kira,
  owningBrandOrAdmin,
  owningStreamerOrAdmin,
  participations,
  row,
  summer,
  voltage,
} from './authorization-matrix.model';
import type { MatrixRow } from './authorization-matrix.model';

/** The authorization matrix's rows for brand, streamer, billing and analytics (see authorization-matrix.table.ts). */
export const PROFILES_ROWS: MatrixRow[] = [
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
];
