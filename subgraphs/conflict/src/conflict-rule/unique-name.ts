import { ConflictError } from '@gametriggers/federation';

/** Runs a write, turning a taken rule name (unique index) into CONFLICT on `input.name`. */
export async function withUniqueName<T>(name: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string } | null)?.code === 'P2002') {
      throw new ConflictError(`A conflict rule named "${name ?? ''}" already exists`, 'input.name');
    }
    throw error;
  }
}
