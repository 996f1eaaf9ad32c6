import { demoIds } from '@gametriggers/prisma-tools';
import type { Db } from './db';
import { publishCreatedStreamer } from './streamer/streamer-profile-event';
import { streamerInclude } from './streamer/streamer-row';
import type { AgeRange, Platform, StreamerVerificationStatus } from './generated/prisma/client';

interface DemoPlatform {
  platform: Platform;
  username: string;
  channelUrl: string;
  followers: number;
  averageViewers: number;
  peakViewers: number;
  categories: string[];
  verificationStatus: StreamerVerificationStatus;
}

interface DemoStreamer {
  id: string;
  displayName: string;
  bio: string;
  contactEmail: string;
  country: string;
  languages: string[];
  audienceAgeRanges: AgeRange[];
  interests: string[];
  platforms: DemoPlatform[];
}

const streamers: DemoStreamer[] = [
  {
    id: demoIds.streamers.kiraplays,
    displayName: 'KiraPlays',
    bio: 'Ranked FPS grinder, aim trainer addict, streaming nightly from Austin.',
    contactEmail: 'business@kiraplays.example',
    country: 'US',
    languages: ['en'],
    audienceAgeRanges: ['AGE_18_24', 'AGE_25_34'],
    interests: ['energy-drinks', 'pc-hardware', 'esports'],
    platforms: [
      {
        platform: 'TWITCH',
        username: 'kiraplays',
        channelUrl: 'https://www.twitch.tv/kiraplays',
        followers: 412_000,
        averageViewers: 6_800,
        peakViewers: 24_500,
        categories: ['fps', 'tactical-shooter'],
        verificationStatus: 'VERIFIED',
      },
    ],
  },
  {
    id: demoIds.streamers.gridlock,
    displayName: 'Gridlock',
    bio: 'Battle royale every day, tournament VODs on YouTube.',
    contactEmail: 'team@gridlock.example',
    country: 'CA',
    languages: ['en', 'fr'],
    audienceAgeRanges: ['AGE_13_17', 'AGE_18_24', 'AGE_25_34'],
    interests: ['esports', 'streetwear', 'energy-drinks'],
    platforms: [
      {
        platform: 'YOUTUBE',
        username: 'GridlockGG',
        channelUrl: 'https://www.youtube.com/@GridlockGG',
        followers: 1_250_000,
        averageViewers: 9_400,
        peakViewers: 31_000,
        categories: ['battle-royale'],
        verificationStatus: 'VERIFIED',
      },
      {
        platform: 'TWITCH',
        username: 'gridlock',
        channelUrl: 'https://www.twitch.tv/gridlock',
        followers: 286_000,
        averageViewers: 3_100,
        peakViewers: 11_800,
        categories: ['battle-royale', 'fps'],
        verificationStatus: 'PENDING',
      },
    ],
  },
  {
    id: demoIds.streamers.lunastreams,
    displayName: 'LunaStreams',
    bio: 'Cozy builds, farming sims and city planning. Dutch and English streams.',
    contactEmail: 'hello@lunastreams.example',
    country: 'NL',
    languages: ['en', 'nl'],
    audienceAgeRanges: ['AGE_18_24', 'AGE_25_34', 'AGE_35_44'],
    interests: ['pc-hardware', 'board-games', 'design'],
    platforms: [
      {
        platform: 'TIKTOK',
        username: 'lunastreams',
        channelUrl: 'https://www.tiktok.com/@lunastreams',
        followers: 980_000,
        averageViewers: 4_200,
        peakViewers: 15_600,
        categories: ['simulation'],
        verificationStatus: 'VERIFIED',
      },
      {
        platform: 'TWITCH',
        username: 'lunastreams',
        channelUrl: 'https://www.twitch.tv/lunastreams',
        followers: 154_000,
        averageViewers: 1_900,
        peakViewers: 6_400,
        categories: ['simulation', 'city-builder'],
        verificationStatus: 'UNVERIFIED',
      },
    ],
  },
  {
    id: demoIds.streamers.tactician,
    displayName: 'Tactician',
    bio: 'Grand strategy campaigns and sim racing league nights from Manchester.',
    contactEmail: 'contact@tactician.example',
    country: 'GB',
    languages: ['en'],
    audienceAgeRanges: ['AGE_25_34', 'AGE_35_44', 'AGE_45_54'],
    interests: ['motorsport', 'history', 'pc-hardware'],
    platforms: [
      {
        platform: 'YOUTUBE',
        username: 'TacticianPlays',
        channelUrl: 'https://www.youtube.com/@TacticianPlays',
        followers: 640_000,
        averageViewers: 2_700,
        peakViewers: 8_900,
        categories: ['strategy', 'racing'],
        verificationStatus: 'VERIFIED',
      },
    ],
  },
];

/**
 * The four demo streamers and their channels, each created with its StreamerProfileChanged in one
 * transaction, so consumers (conflict, campaign) learn the demo streamers' facts like any other's.
 * A streamer already there is left alone (no event either): a restart changes nothing.
 */
export async function seedDemo(db: Db): Promise<void> {
  const syncedAt = new Date();
  for (const { platforms, ...streamer } of streamers) {
    await db.$transaction(async (tx) => {
      if (await tx.streamer.findUnique({ where: { id: streamer.id }, select: { id: true } })) return;
      const row = await tx.streamer.create({
        data: {
          ...streamer,
          avatarUrl: null,
          platforms: { create: platforms.map((platform) => ({ ...platform, lastSyncedAt: syncedAt })) },
        },
        include: streamerInclude,
      });
      await publishCreatedStreamer(tx, row);
    });
  }
}
