import { demoIds, demoStreamerFacts } from '@gametriggers/prisma-tools';
import { streamerFactsOf } from './streamer-facts/apply-streamer-profile-changed';
import type { Db } from './db';
import type { Prisma } from './generated/prisma/client';

const { brands, campaigns, streamers } = demoIds;

const demoRules: Prisma.ConflictRuleCreateInput[] = [
  {
    name: 'Energy drink rivals',
    description: 'Two drink brands must not sponsor overlapping campaigns in competing drink categories.',
    type: 'CATEGORY_CONFLICT',
    severity: 'BLOCK',
    priority: 10,
    competingCategories: ['energy-drinks', 'soft-drinks'],
  },
  {
    name: 'Streamer double-booking',
    description: 'A streamer should not carry two brands at once for more than an hour.',
    type: 'TIME_OVERLAP',
    severity: 'BLOCK',
    priority: 20,
    competingCategories: [],
    minimumOverlapMinutes: 60,
  },
  {
    name: 'Nordwind Twitch exclusivity',
    description: 'Nordwind Motors holds Twitch exclusivity while its campaigns run.',
    type: 'PLATFORM_EXCLUSIVITY',
    severity: 'WARN',
    priority: 30,
    competingCategories: [],
    exclusiveBrandId: brands.nordwind,
    exclusivePlatform: 'TWITCH',
  },
  {
    name: 'Streamer daily load',
    description: 'A streamer should carry at most two sponsored campaigns within any day.',
    type: 'FREQUENCY_CAP',
    severity: 'WARN',
    priority: 40,
    competingCategories: [],
    maxCampaigns: 2,
    periodMinutes: 1440,
  },
  {
    name: 'Energy drinks with small audiences',
    description: 'Energy drink campaigns with streamers averaging under 100 viewers need a look.',
    type: 'CUSTOM',
    severity: 'WARN',
    priority: 50,
    competingCategories: [],
    condition: {
      all: [
        { field: 'campaign.categories', op: 'contains_any', value: ['energy-drinks'] },
        { field: 'streamer.averageViewers', op: 'lt', value: 100 },
      ],
    },
  },
];

/** The demo hierarchy: child -> parent. */
const demoCategories: [string, string | null][] = [
  ['beverages', null],
  ['energy-drinks', 'beverages'],
  ['sugar-free', 'energy-drinks'],
  ['soft-drinks', 'beverages'],
  ['hardware', null],
  ['gaming-hardware', 'hardware'],
  ['automotive', null],
];

/**
 * The brands' own categories, inherited by all their campaigns: their industries in the brand
 * subgraph's seed, as its BrandProfileChanged events (revision 1) bring them too; revision 0 here,
 * so those events replace these facts with the same values. Voltage's campaigns are energy drinks
 * through their own categories.
 */
const demoBrandFacts: Prisma.BrandFactsCreateInput[] = [
  { brandId: brands.voltage, categories: ['beverages'] },
  { brandId: brands.pixelforge, categories: ['gaming-hardware'] },
  { brandId: brands.nordwind, categories: ['automotive'] },
];

/**
 * What custom rules read about the four demo streamers, derived as their StreamerProfileChanged
 * events (revision 1) bring them; revision 0 here, so those events replace these facts with the same
 * values. Here as well so the demo holds them even when those events went out before this
 * subgraph's queue existed (a first start).
 */
const demoStreamers: Prisma.StreamerFactsCreateInput[] = demoStreamerFacts.map((profile) => ({
  streamerId: profile.streamerId,
  ...streamerFactsOf(profile),
}));

/**
 * Facts of the four demo campaigns, in step with the campaign subgraph's seed. Voltage Summer
 * shares kiraplays with the PixelForge launch (double-booking) and runs on Twitch while Nordwind
 * holds exclusivity there, so the demo shows conflicts.
 */
const demoFacts: Prisma.CampaignFactsCreateInput[] = [
  {
    campaignId: campaigns.voltageSummer,
    brandId: brands.voltage,
    status: 'ACTIVE',
    categories: ['energy-drinks', 'fps', 'battle-royale'],
    platforms: ['TWITCH', 'YOUTUBE'],
    countries: ['US', 'CA'],
    startsAt: new Date('2026-06-01T00:00:00Z'),
    endsAt: new Date('2027-04-01T00:00:00Z'),
    streamerIds: [streamers.kiraplays, streamers.gridlock],
  },
  {
    campaignId: campaigns.voltageNight,
    brandId: brands.voltage,
    status: 'DRAFT',
    categories: ['energy-drinks', 'just-chatting'],
    platforms: ['TWITCH', 'KICK'],
    countries: ['US'],
    startsAt: new Date('2027-05-01T00:00:00Z'),
    endsAt: new Date('2027-07-01T00:00:00Z'),
    streamerIds: [],
  },
  {
    campaignId: campaigns.pixelforgeLaunch,
    brandId: brands.pixelforge,
    status: 'SCHEDULED',
    categories: ['strategy', 'simulation'],
    platforms: ['TWITCH', 'YOUTUBE'],
    startsAt: new Date('2026-12-01T00:00:00Z'),
    endsAt: new Date('2027-02-01T00:00:00Z'),
    streamerIds: [streamers.lunastreams, streamers.kiraplays],
  },
  {
    campaignId: campaigns.nordwindRacing,
    brandId: brands.nordwind,
    status: 'ACTIVE',
    categories: ['racing'],
    platforms: ['TWITCH'],
    startsAt: new Date('2026-09-01T00:00:00Z'),
    endsAt: new Date('2027-03-01T00:00:00Z'),
    streamerIds: [streamers.tactician],
  },
];

/**
 * The demo rules (by name), category hierarchy, brands' categories, streamers' and campaigns' facts; upserts
 * that change nothing already there, so a restart changes nothing.
 */
export async function seedDemo(db: Db): Promise<void> {
  await db.$transaction([
    ...demoRules.map((rule) => db.conflictRule.upsert({ where: { name: rule.name }, create: rule, update: {} })),
    ...demoCategories.map(([slug, parentSlug]) => db.category.upsert({ where: { slug }, create: { slug, parentSlug }, update: {} })),
    ...demoBrandFacts.map((facts) => db.brandFacts.upsert({ where: { brandId: facts.brandId }, create: facts, update: {} })),
    ...demoStreamers.map((facts) => db.streamerFacts.upsert({ where: { streamerId: facts.streamerId }, create: facts, update: {} })),
    ...demoFacts.map((facts) => db.campaignFacts.upsert({ where: { campaignId: facts.campaignId }, create: facts, update: {} })),
  ]);
}
