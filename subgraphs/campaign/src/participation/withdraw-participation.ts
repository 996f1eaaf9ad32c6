import type { Db } from '../db';
import { changeParticipationStatus } from './change-participation-status';

/** The streamer steps back from an APPLIED or ACCEPTED participation. */
export async function withdrawParticipation(db: Db, id: string) {
  return changeParticipationStatus(db, id, { to: 'WITHDRAWN', field: 'id' });
}
