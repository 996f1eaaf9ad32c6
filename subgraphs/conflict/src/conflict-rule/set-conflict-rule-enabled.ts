import { NotFoundError, isUuid } from '@gametriggers/federation';
import type { Db } from '../db';

export async function setConflictRuleEnabled(db: Db, id: string, enabled: boolean) {
  const { count } = isUuid(id) ? await db.conflictRule.updateMany({ where: { id }, data: { enabled } }) : { count: 0 };
  if (!count) throw new NotFoundError('ConflictRule', id);
  return db.conflictRule.findUniqueOrThrow({ where: { id } });
}
