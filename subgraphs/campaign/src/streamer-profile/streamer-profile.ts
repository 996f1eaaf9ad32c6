import type { EventData, StreamerProfileChanged } from '@gametriggers/events';
import type { Campaign, Prisma } from '../generated/prisma/client';

/** One platform profile of a streamer, as the streamer subgraph last reported it. */
export interface PlatformFacts {
  platform: string;
  averageViewers: number;
  peakViewers: number;
  categories: string[];
}

export interface ProfileFacts {
  country: string;
  languages: string[];
  audienceAgeRanges: string[];
  platforms: PlatformFacts[];
}

/**
 * streamer.profile.changed, in the consumer's inbox transaction: keeps the newest revision of the
 * streamer's facts (an older or repeated one changes nothing). Returns whether it was taken.
 */
export async function applyStreamerProfileChanged(
  tx: Prisma.TransactionClient,
  data: EventData<typeof StreamerProfileChanged>,
): Promise<boolean> {
  const platforms = JSON.stringify(data.platforms);
  const written = await tx.$executeRaw`
    INSERT INTO "StreamerProfile" ("streamerId", "country", "languages", "audienceAgeRanges", "platforms", "revision", "updatedAt")
    VALUES (${data.streamerId}::uuid, ${data.country}, ${data.languages}::text[], ${data.audienceAgeRanges}::text[], ${platforms}::jsonb, ${data.revision}, now())
    ON CONFLICT ("streamerId") DO UPDATE SET
      "country" = EXCLUDED."country", "languages" = EXCLUDED."languages", "audienceAgeRanges" = EXCLUDED."audienceAgeRanges",
      "platforms" = EXCLUDED."platforms", "revision" = EXCLUDED."revision", "updatedAt" = now()
    WHERE "StreamerProfile"."revision" < EXCLUDED."revision"`;
  return written === 1;
}

/** The streamer's facts as campaigns know them, or null before the first event. */
export async function loadStreamerProfile(tx: Prisma.TransactionClient, streamerId: string): Promise<ProfileFacts | null> {
  const row = await tx.streamerProfile.findUnique({ where: { streamerId } });
  if (!row) return null;
  return {
    country: row.country,
    languages: row.languages,
    audienceAgeRanges: row.audienceAgeRanges,
    platforms: row.platforms as unknown as PlatformFacts[],
  };
}

type Targeting = Pick<
  Campaign,
  | 'targetCountries'
  | 'targetLanguages'
  | 'targetAgeRanges'
  | 'targetPlatforms'
  | 'targetCategories'
  | 'minAverageViewers'
  | 'maxAverageViewers'
>;

const list = (values: string[]) => values.join(', ');

/**
 * Why a streamer does not meet a campaign's targeting (empty: they do). The same rules as
 * eligibleCampaigns: empty lists mean "any"; country, languages and audience ages are the
 * streamer's; platform, average viewers and categories must all hold on one platform profile.
 */
export function targetingMisses(campaign: Targeting, profile: ProfileFacts): string[] {
  const misses: string[] = [];
  if (campaign.targetCountries.length && !campaign.targetCountries.includes(profile.country)) {
    misses.push(`country ${profile.country} is not among ${list(campaign.targetCountries)}`);
  }
  if (campaign.targetLanguages.length && !profile.languages.some((language) => campaign.targetLanguages.includes(language))) {
    misses.push(`no language among ${list(campaign.targetLanguages)}`);
  }
  if (campaign.targetAgeRanges.length && !profile.audienceAgeRanges.some((range) => campaign.targetAgeRanges.includes(range))) {
    misses.push(`no audience age range among ${list(campaign.targetAgeRanges)}`);
  }
  const fits = (platform: PlatformFacts) =>
    (!campaign.targetPlatforms.length || campaign.targetPlatforms.includes(platform.platform)) &&
    (campaign.minAverageViewers === null || platform.averageViewers >= campaign.minAverageViewers) &&
    (campaign.maxAverageViewers === null || platform.averageViewers <= campaign.maxAverageViewers) &&
    (!campaign.targetCategories.length || platform.categories.some((category) => campaign.targetCategories.includes(category)));
  if (!profile.platforms.some(fits)) {
    const viewers =
      campaign.minAverageViewers !== null || campaign.maxAverageViewers !== null
        ? ` with ${campaign.minAverageViewers ?? 0}–${campaign.maxAverageViewers ?? '∞'} average viewers`
        : '';
    const platforms = campaign.targetPlatforms.length ? ` on ${list(campaign.targetPlatforms)}` : '';
    const categories = campaign.targetCategories.length ? ` streaming ${list(campaign.targetCategories)}` : '';
    misses.push(`no platform profile${platforms}${viewers}${categories}`);
  }
  return misses;
}
