import type { Db } from '../db';
import { StreamerVerificationStatus } from './streamer-platform-profile.type';
import type { StreamerPlatformInput } from './streamer.inputs';
import { platformData } from './streamer-data';
import { changeStreamerProfile } from './streamer-profile-event';

/**
 * Adds a streamer's profile on a platform or refreshes it. A different username or channel URL is
 * another channel: its verification starts over. A new platform, or other viewer numbers or
 * categories, publish StreamerProfileChanged; a refresh of followers or the channel alone does not.
 */
export async function upsertStreamerPlatform(db: Db, streamerId: string, input: StreamerPlatformInput) {
  const data = platformData(input, 'input');
  return db.$transaction((tx) =>
    changeStreamerProfile(tx, streamerId, async () => {
      const key = { streamerId_platform: { streamerId, platform: data.platform } };
      const existing = await tx.streamerPlatformProfile.findUnique({ where: key });
      const sameChannel = existing?.username === data.username && existing.channelUrl === data.channelUrl;
      await tx.streamerPlatformProfile.upsert({
        where: key,
        create: { streamerId, ...data },
        update: { ...data, ...(sameChannel ? {} : { verificationStatus: StreamerVerificationStatus.UNVERIFIED }) },
      });
    }),
  );
}
