import type { Db } from '../db';
import type { CreateConflictRuleInput } from './conflict-rule.inputs';
import { conditionsData } from './conditions-data';
import { withUniqueName } from './unique-name';

export async function createConflictRule(db: Db, input: CreateConflictRuleInput) {
  const name = input.name.trim();
  const data = {
    name,
    description: input.description.trim(),
    type: input.type,
    severity: input.severity,
    priority: input.priority,
    enabled: input.enabled,
    includeSameAdvertiser: input.includeSameAdvertiser ?? false,
    ...conditionsData(input.type, input.conditions, 'input.conditions'),
  };
  return withUniqueName(name, () => db.conflictRule.create({ data }));
}
