import type { AccountKind } from '../account/account.type';
import type { AccountRegistration as RegistrationRow } from '../generated/prisma/client';
import type { AccountRegistration, AccountRegistrationStatus } from './registration.type';

/** The GraphQL shape of a stored registration; the failed field as a path in registerBrand / registerStreamer. */
export function toRegistration(row: RegistrationRow): AccountRegistration {
  return {
    accountId: row.accountId,
    kind: row.kind as AccountKind,
    status: row.status as AccountRegistrationStatus,
    reason: row.failureReason,
    field: row.failureField ? `input.${row.kind.toLowerCase()}.${row.failureField}` : null,
    requestedAt: row.requestedAt,
    completedAt: row.completedAt,
  };
}
