import type { Db } from '../db';
import type { UpdateStreamerInput } from './streamer.inputs';
import { demographicsData, rethrowDisplayNameTaken } from './streamer-data';
import { changeStreamerProfile } from './streamer-profile-event';

/**
 * Changes the fields given. New demographics (country, languages, audience ages) publish
 * StreamerProfileChanged with the change; everything else (bio, display name, interests) does not.
 */
export async function updateStreamer(db: Db, id: string, input: UpdateStreamerInput) {
  const displayName = input.displayName?.trim();
  const data = {
    ...(displayName !== undefined ? { displayName } : {}),
    ...(input.bio !== undefined ? { bio: input.bio?.trim() || null } : {}),
    ...(input.avatarUrl !== undefined ? { avatarUrl: input.avatarUrl } : {}),
    ...(input.contactEmail ? { contactEmail: input.contactEmail.toLowerCase() } : {}),
    ...(input.demographics ? demographicsData(input.demographics) : {}),
  };
  return db.$transaction((tx) =>
    changeStreamerProfile(tx, id, async () => {
      try {
        await tx.streamer.update({ where: { id }, data });
      } catch (error) {
        rethrowDisplayNameTaken(error, displayName ?? '', 'input.displayName');
      }
    }),
  );
}
