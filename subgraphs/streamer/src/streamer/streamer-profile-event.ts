import { StreamerProfileChanged, writeEvent } from '@gametriggers/events';
import type { EventData } from '@gametriggers/events';
import type { Prisma } from '../generated/prisma/client';
import { streamerInclude } from './streamer-row';
import type { StreamerRow } from './streamer-row';
import { touchStreamer } from './touch-streamer';

type ProfileFacts = Omit<EventData<typeof StreamerProfileChanged>, 'revision'>;

/**
 * The facts StreamerProfileChanged carries, from a stored streamer: what other domains match
 * campaigns on. Platforms in the stable order of streamerInclude, so equal states compare equal.
 */
function profileFactsOf(row: StreamerRow): ProfileFacts {
  return {
    streamerId: row.id,
    country: row.country,
    languages: row.languages,
    audienceAgeRanges: row.audienceAgeRanges,
    platforms: row.platforms.map(({ platform, averageViewers, peakViewers, categories }) => ({
      platform,
      averageViewers,
      peakViewers,
      categories,
    })),
  };
}

/** Writes StreamerProfileChanged with the streamer's whole current state and revision, in the caller's transaction. */
async function publishProfile(tx: Prisma.TransactionClient, row: StreamerRow): Promise<void> {
  await writeEvent(tx, StreamerProfileChanged, { subject: row.id, data: { ...profileFactsOf(row), revision: row.revision } });
}

/**
 * A streamer was just created (revision 1, the column's default): consumers learn it exists with
 * its first facts. In the creating transaction, so the event exists exactly when the streamer does.
 */
export async function publishCreatedStreamer(tx: Prisma.TransactionClient, row: StreamerRow): Promise<void> {
  await publishProfile(tx, row);
}

/**
 * Runs `change` on a streamer in the caller's transaction and, only when it changed the facts
 * StreamerProfileChanged carries, raises the revision and writes the event with the new state; an
 * unrelated edit (bio, display name, followers, verification) publishes nothing. The streamer's
 * row is locked first (NOT_FOUND when there is none), so the state compared against is the one the
 * change starts from, and concurrent changes get successive revisions. Returns the streamer after.
 */
export async function changeStreamerProfile(
  tx: Prisma.TransactionClient,
  streamerId: string,
  change: () => Promise<unknown>,
): Promise<StreamerRow> {
  await touchStreamer(tx, streamerId);
  const before = await tx.streamer.findUniqueOrThrow({ where: { id: streamerId }, include: streamerInclude });
  await change();
  const after = await tx.streamer.findUniqueOrThrow({ where: { id: streamerId }, include: streamerInclude });
  if (JSON.stringify(profileFactsOf(before)) === JSON.stringify(profileFactsOf(after))) return after;
  const raised = await tx.streamer.update({ where: { id: streamerId }, data: { revision: { increment: 1 } }, include: streamerInclude });
  await publishProfile(tx, raised);
  return raised;
}
