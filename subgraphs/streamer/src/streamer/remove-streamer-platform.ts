import { BadUserInputError } from '@gametriggers/federation';
import type { Platform } from '@gametriggers/federation';
import type { Db } from '../db';
import { streamerInclude } from './streamer-row';
import { touchStreamer } from './touch-streamer';

export async function removeStreamerPlatform(db: Db, streamerId: string, platform: Platform) {
  return db.$transaction(async (tx) => {
    await touchStreamer(tx, streamerId);
    const { count } = await tx.streamerPlatformProfile.deleteMany({ where: { streamerId, platform } });
    if (!count) throw new BadUserInputError('platform', `Streamer ${streamerId} has no ${platform} profile`);
    return tx.streamer.findUniqueOrThrow({ where: { id: streamerId }, include: streamerInclude });
  });
}
