import type { Context } from '../context';
import { toConflictRule } from './to-conflict-rule';

/** Resolves `ConflictRule` entities for the router: one query for every rule in a request. */
export async function resolveConflictRuleReference(reference: { id: string }, ctx: Context) {
  const row = await ctx.loaders.conflictRule.load(reference.id);
  return row ? toConflictRule(row) : null;
}
