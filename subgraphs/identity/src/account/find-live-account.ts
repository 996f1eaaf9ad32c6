import type { AccountKind } from './account.type';
import { AccountStatus } from './account.type';
import type { Prisma } from '../generated/prisma/client';

/**
 * The account that holds an email for a kind: any but FAILED ones (a refused registration releases
 * its email). A partial unique index keeps it to one.
 */
export function findLiveAccount(db: Prisma.TransactionClient, kind: AccountKind, email: string) {
  return db.account.findFirst({ where: { kind, email, status: { not: AccountStatus.FAILED } } });
}
