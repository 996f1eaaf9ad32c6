import { NotFoundError, isUuid } from '@gametriggers/federation';
import type { Db } from '../db';
import type { AccountSession } from '../generated/prisma/client';
import { RevokedReason } from './session-lifetimes';

/** Ends one session of an account; ending an ended one changes nothing. NOT_FOUND for another account's session. */
export async function endSession(
  db: Db,
  { accountId, sessionId }: { accountId: string | undefined; sessionId: string },
  reason: string = RevokedReason.SIGN_OUT,
  now = new Date(),
): Promise<AccountSession> {
  if (!isUuid(sessionId)) throw new NotFoundError('AccountSession', sessionId);
  const owned = accountId ? { accountId } : {};
  await db.accountSession.updateMany({
    where: { id: sessionId, ...owned, revokedAt: null },
    data: { revokedAt: now, revokedReason: reason },
  });
  const session = await db.accountSession.findFirst({ where: { id: sessionId, ...owned } });
  if (!session) throw new NotFoundError('AccountSession', sessionId);
  return session;
}

/** Ends every live session of an account; returns how many ended. */
export async function endAllSessions(db: Db, accountId: string, reason: string, now = new Date()): Promise<number> {
  const { count } = await db.accountSession.updateMany({
    where: { accountId, revokedAt: null },
    data: { revokedAt: now, revokedReason: reason },
  });
  return count;
}
