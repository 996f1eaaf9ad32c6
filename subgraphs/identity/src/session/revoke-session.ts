import { NotFoundError, isUuid } from '@gametriggers/federation';
import type { Db } from '../db';

/** Ends a session; revoking a revoked session changes nothing (it keeps its first revokedAt). */
export async function revokeSession(db: Db, id: string, now = new Date()) {
  if (!isUuid(id)) throw new NotFoundError('AccountSession', id);
  await db.accountSession.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
  const session = await db.accountSession.findUnique({ where: { id } });
  if (!session) throw new NotFoundError('AccountSession', id);
  return session;
}
