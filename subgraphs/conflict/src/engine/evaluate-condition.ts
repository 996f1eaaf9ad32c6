import type { Condition, Leaf, Literal } from './custom-condition';
import { LIST_VALUE_OPS } from './custom-condition';
import type { Facts, Streamer } from './engine-types';

export interface Bindings {
  campaign: Facts;
  other?: Facts | undefined;
  /** A streamer's id is always known; its other attributes only when facts were recorded. */
  streamer?: { streamerId: string; facts?: Streamer | undefined } | undefined;
}

type Value = string | number | readonly string[] | null | undefined;

const DAY_MS = 86_400_000;

function campaignValue(facts: Facts, name: string): Value {
  switch (name) {
    case 'id':
      return facts.campaignId;
    case 'brandId':
      return facts.brandId;
    case 'status':
      return facts.status;
    // Categories are the effective ones: the campaign's, its brand's and their ancestors.
    case 'categories':
      return facts.effectiveCategories;
    case 'platforms':
      return facts.platforms;
    case 'countries':
      return facts.countries;
    case 'durationDays':
      return (facts.endsAt.getTime() - facts.startsAt.getTime()) / DAY_MS;
  }
  return undefined;
}

/** The value of an attribute path, or undefined when the engine does not know it. */
export function valueOf(path: string, bindings: Bindings): Value {
  const dot = path.indexOf('.');
  const root = path.slice(0, dot);
  const name = path.slice(dot + 1);
  if (root === 'campaign') return campaignValue(bindings.campaign, name);
  if (root === 'other') return bindings.other ? campaignValue(bindings.other, name) : undefined;
  const streamer = bindings.streamer;
  if (!streamer) return undefined;
  if (name === 'id') return streamer.streamerId;
  const facts = streamer.facts;
  if (!facts) return undefined;
  return (facts as unknown as Record<string, Value>)[name];
}

const asList = (value: Value | Literal): readonly (string | number)[] =>
  Array.isArray(value) ? value : value === null || value === undefined ? [] : [value as string | number];

/**
 * Whether a leaf holds. An attribute the engine does not know (a streamer without recorded facts,
 * a country nobody reported) makes the leaf false, whatever the operator.
 */
export function leafHolds(leaf: Leaf, bindings: Bindings): boolean {
  const left = valueOf(leaf.field, bindings);
  if (left === null || left === undefined) return false;
  const right: Value | Literal = leaf.ref !== undefined ? valueOf(leaf.ref, bindings) : leaf.value;
  if (right === null || right === undefined) return false;
  if (LIST_VALUE_OPS.has(leaf.op)) {
    const values = asList(right);
    const items = asList(left);
    switch (leaf.op) {
      case 'in':
        return values.includes(left as string | number);
      case 'not_in':
        return !values.includes(left as string | number);
      case 'contains_all':
        return values.every((value) => items.includes(value));
      default: // contains_any, overlaps: the two sets share a value
        return values.some((value) => items.includes(value));
    }
  }
  switch (leaf.op) {
    case 'eq':
      return left === right;
    case 'neq':
      return left !== right;
    case 'gt':
      return (left as number) > (right as number);
    case 'gte':
      return (left as number) >= (right as number);
    case 'lt':
      return (left as number) < (right as number);
    case 'lte':
      return (left as number) <= (right as number);
  }
  return false;
}

export function conditionHolds(condition: Condition, bindings: Bindings): boolean {
  if ('all' in condition) return condition.all.every((child) => conditionHolds(child, bindings));
  if ('any' in condition) return condition.any.some((child) => conditionHolds(child, bindings));
  if ('not' in condition) return !conditionHolds(condition.not, bindings);
  return leafHolds(condition, bindings);
}
