import { ConflictError, isUniqueViolation } from '@gametriggers/federation';

/** Runs a write, turning a taken rule name (unique index) into CONFLICT on `input.name`. */
export async function withUniqueName<T>(name: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(`A conflict rule named "${name ?? ''}" already exists`, 'input.name');
    }
    throw error;
  }
}
