import { createHash } from 'node:crypto';
import { AppError } from '@gametriggers/federation';
import type { AccountKind } from '../account/account.type';
import { AccountStatus } from '../account/account.type';
import { normalizeEmail } from '../account/email';
import { findLiveAccount } from '../account/find-live-account';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from '../account/password';
import type { Context } from '../context';
import { openSession } from '../session/open-session';
import type { IssuedTokens } from '../session/open-session';

export interface Credentials {
  email: string;
  password: string;
}

/** One answer for an unknown email, a wrong kind and a wrong password, so none of them tells which it was. */
const invalidCredentials = () => new AppError('UNAUTHENTICATED', 'Invalid email or password');

/**
 * The rate limit key of a sign-in: per kind and email, whether or not the account exists. Hashed, so
 * the counters (in Redis or the RateLimit table) hold no email addresses, and fit its 255 characters.
 */
export const signInKey = (kind: AccountKind, email: string) => createHash('sha256').update(`${kind}:${email}`).digest('base64url');

/**
 * Checks an email and password for an account of `kind` and opens a session. In order:
 * 1. the attempt counts against the kind+email and the client's IP (RATE_LIMITED over either), the
 *    same for unknown emails;
 * 2. one argon2id verification whether or not the account exists (a dummy hash for unknown ones), and
 *    one error, UNAUTHENTICATED "Invalid email or password", for unknown email and wrong password;
 * 3. only with the right password is the status told: PENDING or not ACTIVE → FORBIDDEN; a hash made
 *    with older argon2 parameters is replaced then.
 * A FAILED registration's account holds no email any more: signing in with it is an unknown email.
 */
export async function signIn(ctx: Context, kind: AccountKind, credentials: Credentials, now = new Date()): Promise<IssuedTokens> {
  const { limiter } = ctx.services;
  const email = normalizeEmail(credentials.email);
  const key = signInKey(kind, email);
  await limiter.attemptSignIn(key, ctx.client.ip);

  const account = await findLiveAccount(ctx.db, kind, email);
  const valid = account ? await verifyPassword(account.passwordHash, credentials.password) : await verifyAgainstDummy(credentials.password);
  if (!account || !valid) throw invalidCredentials();
  await limiter.signedIn(key, ctx.client.ip);
  if (needsRehash(account.passwordHash)) {
    // The only moment the password is known: move the hash to the current parameters.
    const passwordHash = await hashPassword(credentials.password);
    await ctx.db.account.updateMany({ where: { id: account.id, passwordHash: account.passwordHash }, data: { passwordHash } });
  }
  if (account.status === AccountStatus.PENDING) {
    throw new AppError('FORBIDDEN', 'This account is pending: its registration is not complete yet');
  }
  if (account.status !== AccountStatus.ACTIVE) throw new AppError('FORBIDDEN', `This account is ${account.status.toLowerCase()}`);
  return openSession(ctx.db, ctx.services, account, ctx.client, now);
}
