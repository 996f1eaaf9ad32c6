import { RegistrationRequested, writeEvent } from '@gametriggers/events';
import { BadUserInputError, ConflictError, isUniqueViolation } from '@gametriggers/federation';
import { AccountStatus } from '../account/account.type';
import type { AccountKind } from '../account/account.type';
import { normalizeEmail } from '../account/email';
import { findLiveAccount } from '../account/find-live-account';
import { hashPassword } from '../account/password';
import { passwordProblem } from '../account/password-policy';
import type { Db } from '../db';

export interface RegistrationRequest {
  kind: AccountKind.BRAND | AccountKind.STREAMER;
  email: string;
  password: string;
  /** The brand's or streamer's profile as the client sent it. */
  profile: object;
}

/**
 * One answer whether the email's account is active, suspended or still registering: a sign-up form
 * has to say the email is taken, but no more than that (see docs/auth.md, "User enumeration").
 */
const duplicate = () => new ConflictError('This email cannot be used to register; sign in, or use another email', 'input.email');

/**
 * Starts a registration: checks what identity owns (email, password policy), then in one
 * transaction creates the account PENDING, its registration with the pre-assigned entity id, and
 * RegistrationRequested in the outbox. The brand or streamer subgraph answers through events.
 */
export async function registerAccount(db: Db, request: RegistrationRequest) {
  const email = normalizeEmail(request.email);
  const problem = passwordProblem(request.password, email);
  if (problem) throw new BadUserInputError('input.password', problem);
  const existing = await findLiveAccount(db, request.kind, email);
  if (existing) throw duplicate();

  const passwordHash = await hashPassword(request.password);
  // Plain JSON: what the event carries and the consumer validates.
  const profile = JSON.parse(JSON.stringify(request.profile)) as Record<string, unknown>;
  try {
    return await db.$transaction(async (tx) => {
      const account = await tx.account.create({ data: { kind: request.kind, email, passwordHash, status: AccountStatus.PENDING } });
      const registration = await tx.accountRegistration.create({ data: { accountId: account.id, kind: request.kind } });
      await writeEvent(tx, RegistrationRequested, {
        subject: account.id,
        correlationId: account.id,
        data: { accountId: account.id, kind: request.kind, entityId: registration.entityId, email, profile },
      });
      return { account, registration };
    });
  } catch (error) {
    // Another request took the email between our check and this insert.
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}
