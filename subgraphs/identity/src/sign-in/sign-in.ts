import { AppError } from '@gametriggers/federation';
import { normalizeEmail } from '../account/email';
import { verifyAgainstDummy, verifyPassword } from '../account/password';
import type { Db } from '../db';
import { SESSION_TTL_MS, newSessionToken } from '../session/session-token';
import type { SignInInput } from './sign-in.inputs';

/** One answer for an unknown email, a wrong kind and a wrong password, so none of them tells which it was. */
const invalidCredentials = () => new AppError('UNAUTHENTICATED', 'Invalid email or password');

/**
 * Checks the password and opens a session. Every failure before the password is known to be right
 * takes one argon2 verification and gives the same error; only then is the status checked.
 */
export async function signIn(db: Db, input: SignInInput, now = new Date()) {
  const account = await db.account.findUnique({ where: { kind_email: { kind: input.kind, email: normalizeEmail(input.email) } } });
  const valid = account ? await verifyPassword(account.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (!account || !valid) throw invalidCredentials();
  if (account.status !== 'ACTIVE') throw new AppError('FORBIDDEN', `This account is ${account.status.toLowerCase()}`);

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
