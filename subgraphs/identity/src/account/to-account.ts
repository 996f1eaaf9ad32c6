import type { Account as AccountRow } from '../generated/prisma/client';
import type { Account, AccountKind, AccountStatus } from './account.type';

/** The GraphQL shape of a stored account: everything but the password hash. */
export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    kind: row.kind as AccountKind,
    email: row.email,
    status: row.status as AccountStatus,
    brandId: row.brandId,
    streamerId: row.streamerId,
    emailVerifiedAt: row.emailVerifiedAt,
    lastSignInAt: row.lastSignInAt,
    createdAt: row.createdAt,
  };
}
