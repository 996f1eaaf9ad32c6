import { BadUserInputError } from '@gametriggers/federation';
import type { Platform } from '@gametriggers/federation';
import type { Db } from '../db';
import type { StreamerVerificationStatus } from './streamer-platform-profile.type';
import { streamerInclude } from './streamer-row';
import { touchStreamer } from './touch-streamer';

export async function setStreamerPlatformVerification(db: Db, streamerId: string, platform: Platform, status: StreamerVerificationStatus) {
  return db.$transaction(async (tx) => {
    await touchStreamer(tx, streamerId);
    const { count } = await tx.streamerPlatformProfile.updateMany({
      where: { streamerId, platform },
      data: { verificationStatus: status },
    });
    if (!count) throw new BadUserInputError('platform', `Streamer ${streamerId} has no ${platform} profile`);
    return tx.streamer.findUniqueOrThrow({ where: { id: streamerId }, include: streamerInclude });
  });
}
