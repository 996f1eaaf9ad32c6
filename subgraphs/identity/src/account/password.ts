import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Algorithm, Options } from '@node-rs/argon2';

/** argon2id with OWASP's baseline (19 MiB, 2 passes, 1 lane): tens of milliseconds per hash. */
const OPTIONS: Options = { algorithm: 2 satisfies Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** The same password typed on different keyboards may arrive composed or decomposed: compare one form. */
const normalize = (password: string) => password.normalize('NFKC');

/** The PHC prefix of a hash made with OPTIONS: a stored hash without it was made with older parameters. */
const CURRENT_PARAMETERS = `$argon2id$v=19$m=${OPTIONS.memoryCost},t=${OPTIONS.timeCost},p=${OPTIONS.parallelism}$`;

/** Whether a stored hash should be replaced (at the next successful sign-in) because the parameters changed. */
export const needsRehash = (passwordHash: string) => !passwordHash.startsWith(CURRENT_PARAMETERS);

export function hashPassword(password: string): Promise<string> {
  return hash(normalize(password), OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalize(password));
  } catch {
    return false; // a malformed stored hash is a failed check, not a server error
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Burns the time of one real verification, for a sign-in whose account does not exist: the answer
 * must not come faster than for a wrong password, or the timing tells which emails have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(24).toString('base64url'));
  await verifyPassword(await dummyHash, password);
  return false;
}

/** Computes the dummy hash ahead of the first sign-in, so that one is not slower either. */
export function warmUpPasswordHashing(): void {
  dummyHash ??= hashPassword(randomBytes(24).toString('base64url'));
}
