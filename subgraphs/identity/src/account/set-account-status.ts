import { BadUserInputError, ConflictError, NotFoundError, isUuid } from '@gametriggers/federation';
import type { Db } from '../db';
import { RevokedReason } from '../session/session-lifetimes';
import { AccountStatus, REGISTRATION_STATUSES } from './account.type';

/**
 * Changes an account's status. Suspending or disabling also revokes every session it has, in the
 * same transaction, so no session outlives the decision. PENDING and FAILED belong to registrations:
 * they cannot be set, and accounts in them cannot be changed here.
 */
export async function setAccountStatus(db: Db, id: string, status: AccountStatus, now = new Date()) {
  if (!isUuid(id)) throw new NotFoundError('Account', id);
  if (REGISTRATION_STATUSES.includes(status)) throw new BadUserInputError('status', `only a registration makes an account ${status}`);
  return db.$transaction(async (tx) => {
    const { count } = await tx.account.updateMany({ where: { id, status: { notIn: [...REGISTRATION_STATUSES] } }, data: { status } });
    if (!count) {
      const account = await tx.account.findUnique({ where: { id }, select: { status: true } });
      if (!account) throw new NotFoundError('Account', id);
      throw new ConflictError(`Account ${id} is ${account.status.toLowerCase()}: its registration decides its status`, 'id');
    }
    if (status !== AccountStatus.ACTIVE) {
      await tx.accountSession.updateMany({
        where: { accountId: id, revokedAt: null },
        data: { revokedAt: now, revokedReason: RevokedReason.ACCOUNT_STATUS },
      });
    }
    return tx.account.findUniqueOrThrow({ where: { id } });
  });
}
