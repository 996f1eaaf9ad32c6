import type { EventData, StreamerProfileChanged } from '@gametriggers/events';
import type { Prisma } from '../generated/prisma/client';

type Profile = EventData<typeof StreamerProfileChanged>;

/**
 * What custom rules read as `streamer.averageViewers`: the highest average audience across the
 * streamer's platforms, their biggest channel ("streamers averaging under 100 viewers" are those
 * small everywhere). Null without any platform: an audience nobody reported, so no rule about
 * viewers holds for them (see leafHolds).
 */
export function highestAverageViewers(platforms: readonly { averageViewers: number }[]): number | null {
  return platforms.length ? Math.max(...platforms.map((platform) => platform.averageViewers)) : null;
}

/** The StreamerFacts of a profile: its country, biggest audience, every platform's categories and the platforms. */
export function streamerFactsOf(profile: {
  country: string;
  platforms: readonly { platform: string; averageViewers: number; categories: readonly string[] }[];
}) {
  return {
    country: profile.country.toUpperCase(),
    averageViewers: highestAverageViewers(profile.platforms),
    categories: [...new Set(profile.platforms.flatMap((platform) => platform.categories))],
    platforms: [...new Set(profile.platforms.map((platform) => platform.platform))],
  };
}

/**
 * Takes the facts a StreamerProfileChanged event carries into StreamerFacts, unless the facts held
 * are from the same or a later revision of the streamer: one statement (insert, or update where the
 * stored revision is lower), so events out of order, replayed or handled concurrently never put
 * older facts over newer ones. `streamer.categories` is the union of every platform's categories,
 * `streamer.platforms` the platforms the streamer has a profile on. Returns whether they were taken.
 */
export async function applyStreamerProfileChanged(tx: Prisma.TransactionClient, data: Profile): Promise<boolean> {
  const streamerId = data.streamerId.toLowerCase();
  const { categories, platforms } = streamerFactsOf(data);
  const taken = await tx.$executeRaw`
    INSERT INTO "StreamerFacts" ("streamerId", "country", "averageViewers", "categories", "platforms", "revision", "updatedAt")
    VALUES (
      ${streamerId}::uuid, ${data.country.toUpperCase()}, ${highestAverageViewers(data.platforms)}::int, ${categories}::text[], ${platforms}::text[],
      ${data.revision}, CURRENT_TIMESTAMP
    )
    ON CONFLICT ("streamerId") DO UPDATE SET
      "country" = EXCLUDED."country", "averageViewers" = EXCLUDED."averageViewers", "categories" = EXCLUDED."categories",
      "platforms" = EXCLUDED."platforms", "revision" = EXCLUDED."revision", "updatedAt" = EXCLUDED."updatedAt"
    WHERE "StreamerFacts"."revision" < EXCLUDED."revision"`;
  return taken === 1;
}
