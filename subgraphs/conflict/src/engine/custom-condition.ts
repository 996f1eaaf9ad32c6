import { BadUserInputError, CATEGORY_PATTERN, COUNTRY_PATTERN, UUID } from '@gametriggers/federation';
import { z } from 'zod';

/**
 * The language of CUSTOM rules: a tree of conditions over the campaign being evaluated
 * (`campaign.*`), another campaign running at the same time (`other.*`) and a streamer
 * (`streamer.*`), combined with `all` / `any` / `not` and nested up to MAX_DEPTH. See docs/conflicts.md.
 *
 *   { "all": [ { "field": "campaign.categories", "op": "contains_any", "value": ["alcohol"] },
 *              { "any": [ { "field": "streamer.country", "op": "in", "value": ["DE", "AT"] },
 *                         { "field": "streamer.averageViewers", "op": "lt", "value": 50 } ] } ] }
 */
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | Leaf;

export interface Leaf {
  field: FieldPath;
  op: Operator;
  /** A literal to compare with; exactly one of `value` and `ref`. */
  value?: Literal;
  /** Another attribute to compare with (`{ "field": "other.brandId", "op": "neq", "ref": "campaign.brandId" }`). */
  ref?: FieldPath;
}

export type Literal = string | number | string[] | number[];

/** What an attribute holds: each element kind has its own value rules. */
type ElementKind = 'id' | 'status' | 'country' | 'category' | 'platform' | 'number';
interface FieldSpec {
  element: ElementKind;
  list: boolean;
}

const CAMPAIGN_FIELDS: Record<string, FieldSpec> = {
  id: { element: 'id', list: false },
  brandId: { element: 'id', list: false },
  status: { element: 'status', list: false },
  categories: { element: 'category', list: true },
  platforms: { element: 'platform', list: true },
  countries: { element: 'country', list: true },
  durationDays: { element: 'number', list: false },
};

const STREAMER_FIELDS: Record<string, FieldSpec> = {
  id: { element: 'id', list: false },
  country: { element: 'country', list: false },
  averageViewers: { element: 'number', list: false },
  categories: { element: 'category', list: true },
  platforms: { element: 'platform', list: true },
};

export const FIELDS: Record<string, FieldSpec> = Object.fromEntries([
  ...Object.entries(CAMPAIGN_FIELDS).flatMap(([name, spec]) => [
    [`campaign.${name}`, spec],
    [`other.${name}`, spec],
  ]),
  ...Object.entries(STREAMER_FIELDS).map(([name, spec]) => [`streamer.${name}`, spec]),
]);
export type FieldPath = string;

export const OPERATORS = ['eq', 'neq', 'in', 'not_in', 'contains_any', 'contains_all', 'gt', 'gte', 'lt', 'lte', 'overlaps'] as const;
export type Operator = (typeof OPERATORS)[number];

/** Operators whose value is a list (a `ref` to a single attribute counts as a list of one). */
export const LIST_VALUE_OPS: ReadonlySet<Operator> = new Set(['in', 'not_in', 'contains_any', 'contains_all', 'overlaps']);
const SCALAR_OPS: Record<'text' | 'number', readonly Operator[]> = {
  text: ['eq', 'neq', 'in', 'not_in'],
  number: ['eq', 'neq', 'in', 'not_in', 'gt', 'gte', 'lt', 'lte'],
};
const LIST_OPS: readonly Operator[] = ['contains_any', 'contains_all', 'overlaps'];

export const CAMPAIGN_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'IN_REVIEW',
  'APPROVED',
  'REJECTED',
  'SCHEDULED',
  'ACTIVE',
  'PAUSED',
  'COMPLETED',
  'CANCELLED',
] as const;
const PLATFORMS = ['TWITCH', 'YOUTUBE', 'TIKTOK', 'KICK'] as const;

export const MAX_DEPTH = 6;
export const MAX_CONDITIONS = 100;
const MAX_VALUES = 200;

const ELEMENT: Record<ElementKind, z.ZodType> = {
  id: z.string().regex(UUID, 'must be a uuid'),
  status: z.enum(CAMPAIGN_STATUSES),
  country: z.string().regex(COUNTRY_PATTERN, 'must be an ISO 3166-1 alpha-2 code like "DE"'),
  category: z.string().regex(CATEGORY_PATTERN, 'must be a lowercase slug like "energy-drinks"'),
  platform: z.enum(PLATFORMS),
  number: z.number().finite(),
};

const leafShape = z.strictObject({
  field: z.string().refine((field) => field in FIELDS, { message: `must be one of ${Object.keys(FIELDS).join(', ')}` }),
  op: z.enum(OPERATORS),
  value: z.unknown().optional(),
  ref: z.string().optional(),
});

/** The leaf's own rules, once its shape is right: operator fits the attribute, value fits both. */
const leafSchema = leafShape.superRefine((leaf, ctx) => {
  const spec = FIELDS[leaf.field];
  if (!spec) return; // reported by the field's own check
  const allowed = spec.list ? LIST_OPS : SCALAR_OPS[spec.element === 'number' ? 'number' : 'text'];
  if (!allowed.includes(leaf.op)) {
    ctx.addIssue({ code: 'custom', path: ['op'], message: `${leaf.field} takes ${allowed.join(', ')}, not ${leaf.op}` });
    return;
  }
  if ((leaf.value === undefined) === (leaf.ref === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: 'give exactly one of value and ref' });
    return;
  }
  const wantsList = LIST_VALUE_OPS.has(leaf.op);
  if (leaf.ref !== undefined) {
    const other = FIELDS[leaf.ref];
    if (!other) ctx.addIssue({ code: 'custom', path: ['ref'], message: `must be one of ${Object.keys(FIELDS).join(', ')}` });
    else if (other.element !== spec.element || (!wantsList && other.list)) {
      ctx.addIssue({ code: 'custom', path: ['ref'], message: `${leaf.ref} cannot be compared with ${leaf.field} by ${leaf.op}` });
    } else if (leaf.ref === leaf.field) ctx.addIssue({ code: 'custom', path: ['ref'], message: 'compares an attribute with itself' });
    return;
  }
  const element = ELEMENT[spec.element];
  const schema = wantsList ? z.array(element).min(1, 'must not be empty').max(MAX_VALUES) : element;
  const parsed = schema.safeParse(leaf.value);
  for (const issue of parsed.error?.issues ?? []) {
    ctx.addIssue({ code: 'custom', path: ['value', ...issue.path], message: issue.message });
  }
});

/**
 * Validates an untrusted condition tree (GraphQL JSON input), throwing BAD_USER_INPUT whose `field`
 * is the path of the first offending part, e.g. `input.conditions.when.all.1.any.0.value`.
 */
export function parseCondition(input: unknown, field: string): Condition {
  let count = 0;
  const fail = (path: (string | number)[], message: string): never => {
    const at = [field, ...path].join('.');
    throw new BadUserInputError(at, `${at}: ${message}`);
  };
  const walk = (node: unknown, path: (string | number)[], depth: number): Condition => {
    count += 1;
    if (count > MAX_CONDITIONS) fail(path, `a rule holds at most ${MAX_CONDITIONS} conditions`);
    if (depth > MAX_DEPTH) fail(path, `conditions nest at most ${MAX_DEPTH} deep`);
    if (!node || typeof node !== 'object' || Array.isArray(node)) return fail(path, 'must be an object');
    const keys = Object.keys(node);
    for (const group of ['all', 'any'] as const) {
      if (!(group in node)) continue;
      if (keys.length !== 1) fail(path, `a "${group}" condition holds nothing else`);
      const children = (node as Record<string, unknown>)[group];
      if (!Array.isArray(children) || children.length === 0) return fail([...path, group], 'must be a non-empty list of conditions');
      const parsed = children.map((child, index) => walk(child, [...path, group, index], depth + 1));
      return group === 'all' ? { all: parsed } : { any: parsed };
    }
    if ('not' in node) {
      if (keys.length !== 1) fail(path, 'a "not" condition holds nothing else');
      return { not: walk((node as { not: unknown }).not, [...path, 'not'], depth + 1) };
    }
    const leaf = leafSchema.safeParse(node);
    if (!leaf.success) {
      const issue = leaf.error.issues[0]!;
      const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
      fail([...path, ...(issue.path as (string | number)[]), ...(key ? [key] : [])], issue.message);
    }
    const { field: leafField, op, value, ref } = leaf.data!;
    return { field: leafField, op, ...(value !== undefined ? { value: value as Literal } : {}), ...(ref !== undefined ? { ref } : {}) };
  };
  return walk(input, [], 1);
}

/** The roots a condition reads besides `campaign`: they decide what a CUSTOM rule ranges over. */
export function bindingsOf(condition: Condition): { other: boolean; streamer: boolean } {
  const found = { other: false, streamer: false };
  const visit = (node: Condition) => {
    if ('all' in node) node.all.forEach(visit);
    else if ('any' in node) node.any.forEach(visit);
    else if ('not' in node) visit(node.not);
    else
      for (const path of [node.field, node.ref]) {
        if (path?.startsWith('other.')) found.other = true;
        if (path?.startsWith('streamer.')) found.streamer = true;
      }
  };
  visit(condition);
  return found;
}

/** The condition in words, for explanations: `campaign.categories contains_any [alcohol] and …`. */
export function describeCondition(condition: Condition): string {
  if ('all' in condition) return condition.all.map((child) => wrap(child)).join(' and ');
  if ('any' in condition) return condition.any.map((child) => wrap(child)).join(' or ');
  if ('not' in condition) return `not ${wrap(condition.not)}`;
  const operand = condition.ref ?? (Array.isArray(condition.value) ? `[${condition.value.join(', ')}]` : String(condition.value));
  return `${condition.field} ${condition.op} ${operand}`;
}

const wrap = (condition: Condition) =>
  'all' in condition || 'any' in condition ? `(${describeCondition(condition)})` : describeCondition(condition);
