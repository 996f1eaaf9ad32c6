import {
  brands,
  campaigns,
  everyone,
  kira,
  owningBrandOrAdmin,
  owningStreamerOrAdmin,
  participations,
  partiesOrAdmin,
  row,
  streamers,
  summer,
  voltage,
} from './authorization-matrix.model';
import type { MatrixRow } from './authorization-matrix.model';

/** The authorization matrix's rows for campaign (see authorization-matrix.table.ts). */
export const CAMPAIGN_ROWS: MatrixRow[] = [
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
    name: 'Campaign.funding',
    subgraph: 'campaign',
    query: 'query($id: ID!) { campaign(id: $id) { funding { status } } }',
    variables: () => summer,
    path: 'campaign.funding',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'Campaign.budgetReservations',
    subgraph: 'wallet',
    query: 'query($id: ID!) { campaign(id: $id) { budgetReservations { id status } } }',
    variables: () => summer,
    path: 'campaign.budgetReservations',
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
    name: 'setAutoAcceptApplications',
    subgraph: 'campaign',
    // Off already (the seed's): the allowed answer changes nothing.
    query: 'mutation($id: ID!) { setAutoAcceptApplications(id: $id, enabled: false) { autoAcceptApplications } }',
    variables: () => summer,
    path: 'setAutoAcceptApplications',
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
];
