import { NotFoundError, isUuid } from '@gametriggers/federation';
import type { Db } from '../db';
import type { UpdateConflictRuleInput } from './conflict-rule.inputs';
import { conditionsData } from './conditions-data';
import { withUniqueName } from './unique-name';

/**
 * Changes the given fields of a rule. Conditions are checked against the type the rule will have:
 * a new type without new conditions keeps none of the old ones (they belonged to the old type).
 */
export async function updateConflictRule(db: Db, id: string, input: UpdateConflictRuleInput) {
  const row = isUuid(id) ? await db.conflictRule.findUnique({ where: { id } }) : null;
  if (!row) throw new NotFoundError('ConflictRule', id);
  const type = input.type ?? row.type;
  const typeChanged = type !== row.type;
  const name = input.name?.trim();
  const data = {
    ...(name !== undefined ? { name } : {}),
    ...(input.description !== undefined ? { description: input.description.trim() } : {}),
    ...(input.severity ? { severity: input.severity } : {}),
    ...(input.priority !== undefined ? { priority: input.priority } : {}),
    ...(input.includeSameAdvertiser != null ? { includeSameAdvertiser: input.includeSameAdvertiser } : {}),
    ...(input.conditions || typeChanged ? { type, ...conditionsData(type, input.conditions, 'input.conditions') } : {}),
  };
  const { count } = await withUniqueName(name, () => db.conflictRule.updateMany({ where: { id }, data }));
  if (!count) throw new NotFoundError('ConflictRule', id);
  return db.conflictRule.findUniqueOrThrow({ where: { id } });
}
