import { BadUserInputError } from '@gametriggers/federation';
import type { Platform } from '@gametriggers/federation';
import type { Db } from '../db';
import { changeStreamerProfile } from './streamer-profile-event';

/** Removes the streamer's profile on a platform; publishes StreamerProfileChanged without it. */
export async function removeStreamerPlatform(db: Db, streamerId: string, platform: Platform) {
  return db.$transaction((tx) =>
    changeStreamerProfile(tx, streamerId, async () => {
      const { count } = await tx.streamerPlatformProfile.deleteMany({ where: { streamerId, platform } });
      if (!count) throw new BadUserInputError('platform', `Streamer ${streamerId} has no ${platform} profile`);
    }),
  );
}
