let sequence = 0;

/** A display name no other test uses. */
export const uniqueName = (prefix = 'Streamer') => `${prefix}${process.pid}x${(sequence += 1)}`;

/** A valid StreamerPlatformInput (a Twitch channel); override any field. */
export function platformInput(overrides: Record<string, unknown> = {}) {
  return {
    platform: 'TWITCH',
    username: 'kiraplays',
    channelUrl: 'https://www.twitch.tv/kiraplays',
    followers: 412_000,
    averageViewers: 6_800,
    peakViewers: 24_500,
    categories: ['fps', 'tactical-shooter'],
    ...overrides,
  };
}

/** A valid CreateStreamerInput with a unique display name; override any field. */
export function streamerInput(overrides: Record<string, unknown> = {}) {
  return {
    displayName: uniqueName(),
    bio: 'Ranked FPS every night.',
    avatarUrl: 'https://cdn.example/avatars/kira.png',
    contactEmail: 'Business@KiraPlays.example',
    demographics: {
      country: 'US',
      languages: ['en'],
      audienceAgeRanges: ['AGE_18_24', 'AGE_25_34'],
      interests: ['energy-drinks', 'pc-hardware'],
    },
    platforms: [platformInput()],
    ...overrides,
  };
}
