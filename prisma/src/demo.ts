/**
 * Fixed ids of the demo data, shared by every subgraph's seed so that references line up across
 * databases (a campaign's brand id is a brand in the brand database, and so on).
 */
export const demoIds = {
  brands: {
    voltage: '01930000-0000-7000-8000-0000000b0001',
    pixelforge: '01930000-0000-7000-8000-0000000b0002',
    nordwind: '01930000-0000-7000-8000-0000000b0003',
  },
  streamers: {
    kiraplays: '01930000-0000-7000-8000-0000000a0001',
    gridlock: '01930000-0000-7000-8000-0000000a0002',
    lunastreams: '01930000-0000-7000-8000-0000000a0003',
    tactician: '01930000-0000-7000-8000-0000000a0004',
  },
  campaigns: {
    voltageSummer: '01930000-0000-7000-8000-0000000c0001',
    voltageNight: '01930000-0000-7000-8000-0000000c0002',
    pixelforgeLaunch: '01930000-0000-7000-8000-0000000c0003',
    nordwindRacing: '01930000-0000-7000-8000-0000000c0004',
  },
  participations: {
    kiraVoltageSummer: '01930000-0000-7000-8000-0000000d0001',
    gridlockVoltageSummer: '01930000-0000-7000-8000-0000000d0002',
    lunaPixelforge: '01930000-0000-7000-8000-0000000d0003',
    tacticianNordwind: '01930000-0000-7000-8000-0000000d0004',
    kiraPixelforge: '01930000-0000-7000-8000-0000000d0005',
  },
} as const;

/**
 * What other domains know of the demo streamers' profiles (the streamer subgraph's seed holds the
 * full profiles; these are the facts its streamer.profile.changed events carry), so that every
 * seed starts in step without waiting for events.
 */
export const demoStreamerFacts = [
  {
    streamerId: demoIds.streamers.kiraplays,
    country: 'US',
    languages: ['en'],
    audienceAgeRanges: ['AGE_18_24', 'AGE_25_34'],
    platforms: [{ platform: 'TWITCH', averageViewers: 6_800, peakViewers: 24_500, categories: ['fps', 'tactical-shooter'] }],
  },
  {
    streamerId: demoIds.streamers.gridlock,
    country: 'CA',
    languages: ['en', 'fr'],
    audienceAgeRanges: ['AGE_13_17', 'AGE_18_24', 'AGE_25_34'],
    platforms: [
      { platform: 'YOUTUBE', averageViewers: 9_400, peakViewers: 31_000, categories: ['battle-royale'] },
      { platform: 'TWITCH', averageViewers: 3_100, peakViewers: 11_800, categories: ['battle-royale', 'fps'] },
    ],
  },
  {
    streamerId: demoIds.streamers.lunastreams,
    country: 'NL',
    languages: ['en', 'nl'],
    audienceAgeRanges: ['AGE_18_24', 'AGE_25_34', 'AGE_35_44'],
    platforms: [
      { platform: 'TIKTOK', averageViewers: 4_200, peakViewers: 15_600, categories: ['simulation'] },
      { platform: 'TWITCH', averageViewers: 1_900, peakViewers: 6_400, categories: ['simulation', 'city-builder'] },
    ],
  },
  {
    streamerId: demoIds.streamers.tactician,
    country: 'GB',
    languages: ['en'],
    audienceAgeRanges: ['AGE_25_34', 'AGE_35_44', 'AGE_45_54'],
    platforms: [{ platform: 'YOUTUBE', averageViewers: 2_700, peakViewers: 8_900, categories: ['strategy', 'racing'] }],
  },
] as const;
