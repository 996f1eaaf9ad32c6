import { BadUserInputError, ConflictError, isUniqueViolation } from '@gametriggers/federation';
import type { Db } from '../db';
import type { CreateAccountInput } from './account.inputs';
import { AccountKind } from './account.type';
import { normalizeEmail } from './email';
import { findLiveAccount } from './find-live-account';
import { hashPassword } from './password';
import { passwordProblem } from './password-policy';

const duplicate = () => new ConflictError('An account of this kind with this email already exists', 'input.email');

/** brandId for brand accounts, streamerId for streamer accounts, neither for admins. */
function assertActsForOne(input: CreateAccountInput): void {
  const { kind, brandId, streamerId } = input;
  if (kind === AccountKind.BRAND && !brandId) throw new BadUserInputError('input.brandId', 'a BRAND account needs a brandId');
  if (kind === AccountKind.STREAMER && !streamerId)
    throw new BadUserInputError('input.streamerId', 'a STREAMER account needs a streamerId');
  if (kind !== AccountKind.BRAND && brandId) throw new BadUserInputError('input.brandId', 'only BRAND accounts have a brandId');
  if (kind !== AccountKind.STREAMER && streamerId)
    throw new BadUserInputError('input.streamerId', 'only STREAMER accounts have a streamerId');
}

export async function createAccount(db: Db, input: CreateAccountInput) {
  const email = normalizeEmail(input.email);
  assertActsForOne(input);
  const problem = passwordProblem(input.password, email);
  if (problem) throw new BadUserInputError('input.password', problem);
  if (await findLiveAccount(db, input.kind, email)) throw duplicate();

  const passwordHash = await hashPassword(input.password);
  try {
    return await db.account.create({
      data: {
        kind: input.kind,
        email,
        passwordHash,
        brandId: input.brandId?.toLowerCase() ?? null,
        streamerId: input.streamerId?.toLowerCase() ?? null,
      },
    });
  } catch (error) {
    // Another request took the email between our check and this insert.
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}
