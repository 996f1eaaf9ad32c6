import { NotFoundError, isUuid } from '@gametriggers/federation';
import type { Db } from '../db';
import { AccountStatus } from './account.type';

/**
 * Changes an account's status. Suspending or disabling also revokes every session it has, in the
 * same transaction, so no session outlives the decision.
 */
export async function setAccountStatus(db: Db, id: string, status: AccountStatus, now = new Date()) {
  if (!isUuid(id)) throw new NotFoundError('Account', id);
  return db.$transaction(async (tx) => {
    const { count } = await tx.account.updateMany({ where: { id }, data: { status } });
    if (!count) throw new NotFoundError('Account', id);
    if (status !== AccountStatus.ACTIVE) {
      await tx.accountSession.updateMany({ where: { accountId: id, revokedAt: null }, data: { revokedAt: now } });
    }
    return tx.account.findUniqueOrThrow({ where: { id } });
  });
}
