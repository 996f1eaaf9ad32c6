import { BadUserInputError, ConflictError, Platform, isUniqueViolation } from '@gametriggers/federation';
import type { StreamerDemographicsInput, StreamerPlatformInput } from './streamer.inputs';

/** Hosts a channel URL may point at, per platform. */
const CHANNEL_HOSTS: Record<Platform, string[]> = {
  [Platform.TWITCH]: ['twitch.tv', 'www.twitch.tv'],
  [Platform.YOUTUBE]: ['youtube.com', 'www.youtube.com', 'm.youtube.com'],
  [Platform.TIKTOK]: ['tiktok.com', 'www.tiktok.com'],
  [Platform.KICK]: ['kick.com', 'www.kick.com'],
};

/** Column values for demographics. */
export function demographicsData(demographics: StreamerDemographicsInput) {
  return {
    country: demographics.country,
    languages: [...new Set(demographics.languages)],
    audienceAgeRanges: [...new Set(demographics.audienceAgeRanges)],
    interests: [...new Set(demographics.interests)],
  };
}

/** Column values for one platform profile, after the checks that span fields; `field` is the input's path. */
export function platformData(input: StreamerPlatformInput, field: string) {
  if (input.peakViewers < input.averageViewers) {
    throw new BadUserInputError(`${field}.peakViewers`, `${field}.peakViewers: peakViewers must be at least averageViewers`);
  }
  const hosts = CHANNEL_HOSTS[input.platform];
  if (!hosts.includes(new URL(input.channelUrl).hostname.toLowerCase())) {
    throw new BadUserInputError(`${field}.channelUrl`, `${field}.channelUrl: a ${input.platform} channel lives on ${hosts[0]}`);
  }
  return {
    platform: input.platform,
    username: input.username.replace(/^@/, ''),
    channelUrl: input.channelUrl,
    followers: input.followers,
    averageViewers: input.averageViewers,
    peakViewers: input.peakViewers,
    categories: [...new Set(input.categories)],
    lastSyncedAt: new Date(),
  };
}

/** The case-insensitive unique index on displayName, as a CONFLICT naming the field. */
export function rethrowDisplayNameTaken(error: unknown, displayName: string, field: string): never {
  if (isUniqueViolation(error)) {
    throw new ConflictError(`The display name "${displayName}" is already taken`, field);
  }
  throw error;
}
