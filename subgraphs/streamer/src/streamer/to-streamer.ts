import type { AgeRange, Platform } from '@gametriggers/federation';
import type { StreamerVerificationStatus } from './streamer-platform-profile.type';
import type { StreamerPlatformProfile } from './streamer-platform-profile.type';
import type { StreamerRow } from './streamer-row';
import type { Streamer } from './streamer.type';

/** Most followers wins; ties go to the higher average audience, then to platform order. */
function primaryPlatformOf(platforms: StreamerPlatformProfile[]): Platform | null {
  const ranked = [...platforms].sort((a, b) => b.followers - a.followers || b.averageViewers - a.averageViewers);
  return ranked[0]?.platform ?? null;
}

/** The GraphQL shape of a stored streamer (with its platforms). */
export function toStreamer(row: StreamerRow): Streamer {
  const platforms: StreamerPlatformProfile[] = row.platforms.map((profile) => ({
    platform: profile.platform as Platform,
    username: profile.username,
    channelUrl: profile.channelUrl,
    followers: profile.followers,
    averageViewers: profile.averageViewers,
    peakViewers: profile.peakViewers,
    categories: profile.categories,
    verificationStatus: profile.verificationStatus as StreamerVerificationStatus,
    lastSyncedAt: profile.lastSyncedAt,
  }));
  return {
    id: row.id,
    displayName: row.displayName,
    bio: row.bio,
    avatarUrl: row.avatarUrl,
    contactEmail: row.contactEmail,
    platforms,
    demographics: {
      country: row.country,
      languages: row.languages,
      audienceAgeRanges: row.audienceAgeRanges as AgeRange[],
      interests: row.interests,
    },
    totalFollowers: platforms.reduce((sum, profile) => sum + profile.followers, 0),
    primaryPlatform: primaryPlatformOf(platforms),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
