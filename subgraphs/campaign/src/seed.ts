import { demoIds, demoStreamerFacts } from '@gametriggers/prisma-tools';
import type { Db } from './db';
import type { Prisma } from './generated/prisma/client';

const { brands, campaigns, participations, streamers } = demoIds;

/** Kept in step with the conflict subgraph's demo facts (windows, categories, platforms, streamers). */
const demoCampaigns: Prisma.CampaignUncheckedCreateInput[] = [
  {
    id: campaigns.voltageSummer,
    brandId: brands.voltage,
    name: 'Voltage Summer Clash',
    description: 'Voltage Energy cans on screen during FPS and battle-royale streams, with a viewer giveaway every Friday.',
    status: 'ACTIVE',
    // Funded by the demo wallet's holds at large (no reservation of its own).
    fundingStatus: 'RESERVED',
    startsAt: new Date('2026-06-01T00:00:00Z'),
    endsAt: new Date('2027-04-01T00:00:00Z'),
    currency: 'USD',
    budgetMinor: 5_000_000n,
    dailyCapMinor: 200_000n,
    perStreamerCapMinor: 1_000_000n,
    pricingModel: 'CPM',
    rateMinor: 1_250n,
    spentMinor: 223_050n,
    targetPlatforms: ['TWITCH', 'YOUTUBE'],
    targetCategories: ['energy-drinks', 'fps', 'battle-royale'],
    targetCountries: ['US', 'CA'],
    targetLanguages: ['en'],
    targetAgeRanges: ['AGE_18_24', 'AGE_25_34'],
    minAverageViewers: 500,
    maxAverageViewers: 50_000,
  },
  {
    id: campaigns.voltageNight,
    brandId: brands.voltage,
    name: 'Voltage Night Shift',
    description: 'Late-night just-chatting segments sponsored by Voltage Zero.',
    status: 'DRAFT',
    startsAt: new Date('2027-05-01T00:00:00Z'),
    endsAt: new Date('2027-07-01T00:00:00Z'),
    currency: 'USD',
    budgetMinor: 1_500_000n,
    dailyCapMinor: null,
    perStreamerCapMinor: 300_000n,
    pricingModel: 'CPC',
    rateMinor: 45n,
    targetPlatforms: ['TWITCH', 'KICK'],
    targetCategories: ['energy-drinks', 'just-chatting'],
    targetCountries: ['US'],
    targetLanguages: ['en'],
    targetAgeRanges: ['AGE_18_24'],
    minAverageViewers: 200,
    maxAverageViewers: null,
  },
  {
    id: campaigns.pixelforgeLaunch,
    brandId: brands.pixelforge,
    name: 'PixelForge K7 Keyboard Launch',
    description: 'Launch of the K7 mechanical keyboard: a click-through link in every strategy and simulation stream.',
    status: 'SCHEDULED',
    // Funded by the demo wallet's holds at large (no reservation of its own).
    fundingStatus: 'RESERVED',
    startsAt: new Date('2026-12-01T00:00:00Z'),
    endsAt: new Date('2027-02-01T00:00:00Z'),
    currency: 'EUR',
    budgetMinor: 3_000_000n,
    dailyCapMinor: 100_000n,
    perStreamerCapMinor: 500_000n,
    pricingModel: 'CPC',
    rateMinor: 60n,
    targetPlatforms: ['TWITCH', 'YOUTUBE'],
    targetCategories: ['strategy', 'simulation'],
    targetCountries: ['NL', 'DE', 'GB'],
    targetLanguages: ['en', 'nl', 'de'],
    targetAgeRanges: ['AGE_18_24', 'AGE_25_34', 'AGE_35_44'],
    minAverageViewers: 1_000,
    maxAverageViewers: 100_000,
  },
  {
    id: campaigns.nordwindRacing,
    brandId: brands.nordwind,
    name: 'Nordwind Racing Season',
    description: 'A flat fee per streamer for a Nordwind livery in sim-racing streams all season.',
    status: 'ACTIVE',
    // Funded by the demo wallet's holds at large (no reservation of its own).
    fundingStatus: 'RESERVED',
    startsAt: new Date('2026-09-01T00:00:00Z'),
    endsAt: new Date('2027-03-01T00:00:00Z'),
    currency: 'GBP',
    budgetMinor: 2_000_000n,
    dailyCapMinor: null,
    perStreamerCapMinor: 400_000n,
    pricingModel: 'FLAT_FEE',
    rateMinor: 150_000n,
    spentMinor: 150_000n,
    targetPlatforms: ['TWITCH'],
    targetCategories: ['racing'],
    targetCountries: ['GB', 'SE', 'NO'],
    targetLanguages: ['en', 'sv'],
    targetAgeRanges: ['AGE_25_34', 'AGE_35_44'],
    minAverageViewers: 300,
    maxAverageViewers: 20_000,
  },
];

const decided = new Date('2026-06-03T12:00:00Z');
const demoParticipations: Prisma.ParticipationUncheckedCreateInput[] = [
  {
    id: participations.kiraVoltageSummer,
    campaignId: campaigns.voltageSummer,
    streamerId: streamers.kiraplays,
    status: 'ACCEPTED',
    currency: 'USD',
    earningsMinor: 125_000n,
    appliedAt: new Date('2026-06-02T09:00:00Z'),
    decidedAt: decided,
  },
  {
    id: participations.gridlockVoltageSummer,
    campaignId: campaigns.voltageSummer,
    streamerId: streamers.gridlock,
    status: 'ACCEPTED',
    currency: 'USD',
    earningsMinor: 98_050n,
    appliedAt: new Date('2026-06-02T15:30:00Z'),
    decidedAt: decided,
  },
  {
    id: participations.lunaPixelforge,
    campaignId: campaigns.pixelforgeLaunch,
    streamerId: streamers.lunastreams,
    status: 'ACCEPTED',
    currency: 'EUR',
    earningsMinor: 0n,
    appliedAt: new Date('2026-11-10T10:00:00Z'),
    decidedAt: new Date('2026-11-12T10:00:00Z'),
  },
  {
    id: participations.tacticianNordwind,
    campaignId: campaigns.nordwindRacing,
    streamerId: streamers.tactician,
    status: 'ACCEPTED',
    currency: 'GBP',
    earningsMinor: 150_000n,
    appliedAt: new Date('2026-08-20T08:00:00Z'),
    decidedAt: new Date('2026-08-22T08:00:00Z'),
  },
  {
    id: participations.kiraPixelforge,
    campaignId: campaigns.pixelforgeLaunch,
    streamerId: streamers.kiraplays,
    // Accepted while she is also booked on Voltage Summer: the demo's double-booking conflict.
    status: 'ACCEPTED',
    currency: 'EUR',
    earningsMinor: 0n,
    appliedAt: new Date('2026-11-20T18:00:00Z'),
    decidedAt: new Date('2026-11-21T09:00:00Z'),
  },
];

/** The four demo campaigns and five participations; upserts, so a restart changes nothing. */
export async function seedDemo(db: Db): Promise<void> {
  await db.$transaction([
    ...demoCampaigns.map((campaign) => db.campaign.upsert({ where: { id: campaign.id! }, create: campaign, update: {} })),
    ...demoParticipations.map((participation) =>
      db.participation.upsert({ where: { id: participation.id! }, create: participation, update: {} }),
    ),
    // The demo streamers' facts, as their streamer.profile.changed events (revision 1) bring them.
    ...demoStreamerFacts.map(({ streamerId, ...facts }) =>
      db.streamerProfile.upsert({
        where: { streamerId },
        create: {
          streamerId,
          ...facts,
          languages: [...facts.languages],
          audienceAgeRanges: [...facts.audienceAgeRanges],
          platforms: facts.platforms as never,
          revision: 1,
        },
        update: {},
      }),
    ),
  ]);
}
