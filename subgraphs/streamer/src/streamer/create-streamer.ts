import { BadUserInputError } from '@gametriggers/federation';
import type { Db } from '../db';
import type { CreateStreamerInput } from './streamer.inputs';
import { demographicsData, platformData, rethrowDisplayNameTaken } from './streamer-data';
import { streamerInclude } from './streamer-row';

/** Creates a streamer and its platform profiles in one statement: all or nothing. */
export async function createStreamer(db: Db, input: CreateStreamerInput) {
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
  try {
    return await db.streamer.create({
      data: {
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
}
