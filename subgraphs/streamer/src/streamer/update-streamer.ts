import { NotFoundError, isUuid } from '@gametriggers/federation';
import type { Db } from '../db';
import type { UpdateStreamerInput } from './streamer.inputs';
import { demographicsData, rethrowDisplayNameTaken } from './streamer-data';
import { streamerInclude } from './streamer-row';

export async function updateStreamer(db: Db, id: string, input: UpdateStreamerInput) {
  if (!isUuid(id)) throw new NotFoundError('Streamer', id);
  const displayName = input.displayName?.trim();
  const data = {
    ...(displayName !== undefined ? { displayName } : {}),
    ...(input.bio !== undefined ? { bio: input.bio?.trim() || null } : {}),
    ...(input.avatarUrl !== undefined ? { avatarUrl: input.avatarUrl } : {}),
    ...(input.contactEmail ? { contactEmail: input.contactEmail.toLowerCase() } : {}),
    ...(input.demographics ? demographicsData(input.demographics) : {}),
  };
  try {
    const { count } = await db.streamer.updateMany({ where: { id }, data });
    if (!count) throw new NotFoundError('Streamer', id);
  } catch (error) {
    rethrowDisplayNameTaken(error, displayName ?? '', 'input.displayName');
  }
  return db.streamer.findUniqueOrThrow({ where: { id }, include: streamerInclude });
}
