import { BadUserInputError, ConflictError, isUniqueViolation } from '@gametriggers/federation';
import { IsEmail, validateSync } from 'class-validator';
import { AccountKind, AccountStatus } from '../account/account.type';
import { normalizeEmail } from '../account/email';
import { findLiveAccount } from '../account/find-live-account';
import { hashPassword } from '../account/password';
import { passwordProblem } from '../account/password-policy';
import type { Db } from '../db';

class EmailCheck {
  @IsEmail() email!: string;
}

/**
 * Creates an ACTIVE admin account. Admins are made only here (the `identity:create-admin` CLI and
 * the demo seed), never through the public API; the same password policy applies.
 */
export async function createAdmin(db: Db, input: { email: string; password: string }, now = new Date()) {
  const email = normalizeEmail(input.email);
  const check = Object.assign(new EmailCheck(), { email });
  if (validateSync(check).length || email.length > 254) throw new BadUserInputError('email', 'email must be an email address');
  const problem = passwordProblem(input.password, email);
  if (problem) throw new BadUserInputError('password', problem);
  if (await findLiveAccount(db, AccountKind.ADMIN, email)) throw new ConflictError('An admin with this email already exists', 'email');
  try {
    return await db.account.create({
      data: {
        kind: AccountKind.ADMIN,
        email,
        passwordHash: await hashPassword(input.password),
        status: AccountStatus.ACTIVE,
        emailVerifiedAt: now,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('An admin with this email already exists', 'email');
    throw error;
  }
}
