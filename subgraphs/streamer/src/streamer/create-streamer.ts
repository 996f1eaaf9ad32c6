import { BadUserInputError } from '@gametriggers/federation';
import type { Prisma } from '../generated/prisma/client';
import type { CreateStreamerInput } from './streamer.inputs';
import { demographicsData, platformData, rethrowDisplayNameTaken } from './streamer-data';
import { publishCreatedStreamer } from './streamer-profile-event';
import { streamerInclude } from './streamer-row';

/**
 * Creates a streamer and its platform profiles in one statement: all or nothing. From createStreamer,
 * or a registration's profile (`id` is then the id identity assigned). Rules spanning fields fail
 * with BAD_USER_INPUT, a taken display name with CONFLICT, under `input.`. Writes StreamerProfileChanged
 * (revision 1) with it: `tx` must be a transaction, so both exist or neither does.
 */
export async function createStreamer(tx: Prisma.TransactionClient, input: CreateStreamerInput, id?: string) {
  const seen = new Set<string>();
  const platforms = input.platforms.map((platform, index) => {
    const field = `input.platforms.${index}`;
    if (seen.has(platform.platform)) {
      throw new BadUserInputError(`${field}.platform`, `${field}.platform: ${platform.platform} is listed twice`);
    }
    seen.add(platform.platform);
    return platformData(platform, field);
  });
  const displayName = input.displayName.trim();
  let row;
  try {
    row = await tx.streamer.create({
      data: {
        ...(id ? { id } : {}),
        displayName,
        bio: input.bio?.trim() || null,
        avatarUrl: input.avatarUrl ?? null,
        contactEmail: input.contactEmail.toLowerCase(),
        ...demographicsData(input.demographics),
        platforms: { create: platforms },
      },
      include: streamerInclude,
    });
  } catch (error) {
    return rethrowDisplayNameTaken(error, displayName, 'input.displayName');
  }
  await publishCreatedStreamer(tx, row);
  return row;
}
