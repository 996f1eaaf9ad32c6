import { AppError } from '@gametriggers/federation';
import { AccountStatus } from '../account/account.type';
import { normalizeEmail } from '../account/email';
import { findLiveAccount } from '../account/find-live-account';
import { verifyAgainstDummy, verifyPassword } from '../account/password';
import type { Db } from '../db';
import { SESSION_TTL_MS, newSessionToken } from '../session/session-token';
import type { SignInInput } from './sign-in.inputs';

/** One answer for an unknown email, a wrong kind and a wrong password, so none of them tells which it was. */
const invalidCredentials = () => new AppError('UNAUTHENTICATED', 'Invalid email or password');

/**
 * Checks the password and opens a session. A PENDING account (registration not complete) with the
 * right password gets FORBIDDEN saying so, like a suspended one; a FAILED one is no account at all. Every failure before the password is known to be right
 * takes one argon2 verification and gives the same error; only then is the status checked.
 */
export async function signIn(db: Db, input: SignInInput, now = new Date()) {
  // A FAILED registration's account holds no email any more: signing in with it is an unknown email.
  const account = await findLiveAccount(db, input.kind, normalizeEmail(input.email));
  const valid = account ? await verifyPassword(account.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (!account || !valid) throw invalidCredentials();
  if (account.status === AccountStatus.PENDING) {
    throw new AppError('FORBIDDEN', 'This account is pending: its registration is not complete yet');
  }
  if (account.status !== AccountStatus.ACTIVE) throw new AppError('FORBIDDEN', `This account is ${account.status.toLowerCase()}`);

  const { token, tokenHash } = newSessionToken();
  const [session, updated] = await db.$transaction([
    db.accountSession.create({
      data: {
        accountId: account.id,
        tokenHash,
        userAgent: input.userAgent ?? null,
        ipAddress: input.ipAddress ?? null,
        createdAt: now,
        lastUsedAt: now,
        expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      },
    }),
    db.account.update({ where: { id: account.id }, data: { lastSignInAt: now } }),
  ]);
  return { account: updated, session, sessionToken: token };
}
