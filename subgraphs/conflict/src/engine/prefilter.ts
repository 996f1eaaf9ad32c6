import type { Condition, Leaf } from './custom-condition';
import type { Facts } from './engine-types';
import { leafHolds, valueOf } from './evaluate-condition';

/**
 * true / false: the condition holds for every / no campaign (decided from the subject alone);
 * 'unknown': it may hold for any campaign (left to the evaluator); otherwise a filter of type T
 * (a SQL predicate, an in-memory lookup) that every campaign it may hold for passes. `not` needs
 * the difference between true and 'unknown': not(true) is false, not('unknown') is still 'unknown'.
 */
export type Prefilter<T> = boolean | 'unknown' | T;

/**
 * How one kind of filter is built: `leaf` for a test of another campaign's attribute against known
 * values (`other.categories contains_any [...]`; 'unknown' when the kind cannot narrow it), `all`
 * and `any` to combine filters.
 */
export interface PrefilterAlgebra<T> {
  leaf(field: string, op: Leaf['op'], values: unknown[]): T | 'unknown';
  all(parts: T[]): T;
  any(parts: T[]): T;
}

/** Operators that read the same either way round, so `campaign.x op other.y` can be turned around. */
const SYMMETRIC = new Set(['eq', 'neq', 'contains_any', 'overlaps']);

function leafPrefilter<T>(leaf: Leaf, subject: Facts, algebra: PrefilterAlgebra<T>): Prefilter<T> {
  const roots = [leaf.field, leaf.ref].filter((path): path is string => !!path).map((path) => path.split('.')[0]);
  // Streamers are not known here: anything about them may hold (the evaluator decides later).
  if (roots.includes('streamer')) return 'unknown';
  // Only the subject: known now.
  if (!roots.includes('other')) return leafHolds(leaf, { campaign: subject });
  let field = leaf.field;
  let value: unknown = leaf.value;
  if (leaf.ref !== undefined) {
    const [otherPath, campaignPath] = field.startsWith('other.') ? [field, leaf.ref] : [leaf.ref, field];
    if (!campaignPath.startsWith('campaign.') || (otherPath !== field && !SYMMETRIC.has(leaf.op))) return 'unknown';
    field = otherPath;
    value = valueOf(campaignPath, { campaign: subject });
  }
  if (value === null || value === undefined) return false; // the evaluator finds an unknown operand false
  return algebra.leaf(field, leaf.op, Array.isArray(value) ? value : [value]);
}

/**
 * A filter that every campaign `other` for which `condition` can hold (with `subject` as
 * `campaign`) passes: leaves about the subject are decided now, leaves about `other` become
 * filters of the algebra, anything else is left to the evaluator ('unknown'). It may let through
 * campaigns that do not match, never the other way round.
 */
export function prefilterWith<T>(condition: Condition, subject: Facts, algebra: PrefilterAlgebra<T>): Prefilter<T> {
  if ('all' in condition) {
    const parts: T[] = [];
    let unknown = false;
    for (const child of condition.all) {
      const part = prefilterWith(child, subject, algebra);
      if (part === false) return false;
      if (part === 'unknown') unknown = true;
      else if (part !== true) parts.push(part);
    }
    if (parts.length) return algebra.all(parts);
    return unknown ? 'unknown' : true;
  }
  if ('any' in condition) {
    const parts: T[] = [];
    let unknown = false;
    for (const child of condition.any) {
      const part = prefilterWith(child, subject, algebra);
      if (part === true) return true;
      if (part === 'unknown') unknown = true;
      else if (part !== false) parts.push(part);
    }
    if (unknown) return 'unknown';
    return parts.length ? algebra.any(parts) : false;
  }
  if ('not' in condition) {
    const inner = prefilterWith(condition.not, subject, algebra);
    return typeof inner === 'boolean' ? !inner : 'unknown';
  }
  return leafPrefilter(condition, subject, algebra);
}

/** An algebra that narrows nothing: prefilterWith then only tells whether the subject rules the condition out (false). */
const NARROWS_NOTHING: PrefilterAlgebra<never> = {
  leaf: () => 'unknown',
  all: () => {
    throw new Error('unreachable: no leaf narrows');
  },
  any: () => {
    throw new Error('unreachable: no leaf narrows');
  },
};

/** Whether `condition` can hold for no other campaign and no streamer, given the subject alone. */
export const ruledOutBySubject = (condition: Condition, subject: Facts) => prefilterWith(condition, subject, NARROWS_NOTHING) === false;
