import { NotFoundError, isUuid } from '@gametriggers/federation';
import type { Db } from '../db';

/** Deletes a rule for good (disable it to keep it); returns its id. */
export async function deleteConflictRule(db: Db, id: string): Promise<string> {
  const { count } = isUuid(id) ? await db.conflictRule.deleteMany({ where: { id } }) : { count: 0 };
  if (!count) throw new NotFoundError('ConflictRule', id);
  return id;
}
