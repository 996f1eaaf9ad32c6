import type { Db } from '../db';
import type { Campaign } from '../generated/prisma/client';
import type { StreamerDemographicsFacts, StreamerPlatformFacts } from '../streamer/streamer.type';

/** Statuses in which a campaign takes applications. */
export const OPEN_FOR_APPLICATIONS = ['APPROVED', 'SCHEDULED', 'ACTIVE'] as const;

/**
 * The campaigns a streamer may apply to, newest first (a page of them): open for applications and
 * not over, with targeting that the streamer's profile meets. Empty targeting lists mean "any".
 * Country, languages and audience ages are the streamer's; platform, average viewers and categories
 * must all hold on one platform profile (an audience on Twitch does not make a YouTube channel big).
 */
export async function eligibleCampaigns(
  db: Db,
  streamer: { demographics: StreamerDemographicsFacts; platforms: StreamerPlatformFacts[] },
  window: { take: number; afterId?: string },
  now = new Date(),
): Promise<Campaign[]> {
  const profiles = JSON.stringify(
    streamer.platforms.map((profile) => ({
      platform: profile.platform,
      averageViewers: profile.averageViewers,
      categories: profile.categories,
    })),
  );
  return db.$queryRaw<Campaign[]>`
    SELECT campaign.* FROM "Campaign" AS campaign
    WHERE campaign."status"::text = ANY(${[...OPEN_FOR_APPLICATIONS]}::text[])
      AND campaign."endsAt" > ${now}
      AND (${window.afterId ?? null}::uuid IS NULL OR campaign."id" < ${window.afterId ?? null}::uuid)
      AND (cardinality(campaign."targetCountries") = 0 OR ${streamer.demographics.country} = ANY(campaign."targetCountries"))
      AND (cardinality(campaign."targetLanguages") = 0 OR campaign."targetLanguages" && ${streamer.demographics.languages}::text[])
      AND (cardinality(campaign."targetAgeRanges") = 0 OR campaign."targetAgeRanges" && ${streamer.demographics.audienceAgeRanges}::text[])
      AND EXISTS (
        SELECT 1 FROM jsonb_to_recordset(${profiles}::jsonb) AS profile ("platform" text, "averageViewers" int, "categories" text[])
        WHERE (cardinality(campaign."targetPlatforms") = 0 OR profile."platform" = ANY(campaign."targetPlatforms"))
          AND (campaign."minAverageViewers" IS NULL OR profile."averageViewers" >= campaign."minAverageViewers")
          AND (campaign."maxAverageViewers" IS NULL OR profile."averageViewers" <= campaign."maxAverageViewers")
          AND (cardinality(campaign."targetCategories") = 0 OR profile."categories" && campaign."targetCategories"))
    ORDER BY campaign."id" DESC
    LIMIT ${window.take}`;
}
