import type { BrandRegistered, BrandRegistrationRejected, EventData } from '@gametriggers/events';
import { AccountStatus } from '../account/account.type';
import type { Prisma } from '../generated/prisma/client';
import { AccountRegistrationStatus } from './registration.type';

type Kind = 'BRAND' | 'STREAMER';

/**
 * The entity exists: the registration and its account become ACTIVE, the account acting for it.
 * Only a PENDING registration of that kind and entity changes (one conditional update, which also
 * serializes concurrent deliveries), so a late, duplicate or contradicting event changes nothing.
 * Returns whether it changed anything.
 */
export async function completeRegistration(
  tx: Prisma.TransactionClient,
  kind: Kind,
  { accountId, entityId }: EventData<typeof BrandRegistered>,
  now = new Date(),
): Promise<boolean> {
  const { count } = await tx.accountRegistration.updateMany({
    where: { accountId, entityId, kind, status: AccountRegistrationStatus.PENDING },
    data: { status: AccountRegistrationStatus.ACTIVE, completedAt: now },
  });
  if (!count) return false;
  await tx.account.updateMany({
    where: { id: accountId, status: AccountStatus.PENDING },
    data: { status: AccountStatus.ACTIVE, ...(kind === 'BRAND' ? { brandId: entityId } : { streamerId: entityId }) },
  });
  return true;
}

/**
 * The compensation: the profile was refused, so no entity exists. The registration FAILS with the
 * reason and its account with it: it cannot sign in, and its email is free for a new registration.
 * Same guard as completeRegistration.
 */
export async function failRegistration(
  tx: Prisma.TransactionClient,
  kind: Kind,
  { accountId, entityId, reason, field }: EventData<typeof BrandRegistrationRejected>,
  now = new Date(),
): Promise<boolean> {
  const { count } = await tx.accountRegistration.updateMany({
    where: { accountId, entityId, kind, status: AccountRegistrationStatus.PENDING },
    data: { status: AccountRegistrationStatus.FAILED, completedAt: now, failureReason: reason, failureField: field },
  });
  if (!count) return false;
  await tx.account.updateMany({ where: { id: accountId, status: AccountStatus.PENDING }, data: { status: AccountStatus.FAILED } });
  return true;
}
