import { validate } from 'class-validator';
import type { ValidationError } from 'class-validator';
import { GraphQLScalarType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { AppError } from './errors';

/** Why a value is refused: the offending field's path inside it, and a message naming it. */
export interface InputProblem {
  field: string | null;
  reason: string;
}

type Plain = Record<string, unknown>;
type InputClass<T extends object = object> = new () => T;

const isPlain = (value: unknown): value is Plain => value !== null && typeof value === 'object' && !Array.isArray(value);

class ShapeError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** The type-graphql fields of an input class, inherited ones included. */
function fieldsOf(type: InputClass) {
  const fields = getMetadataStorage().fields;
  const own = [];
  for (let target: unknown = type; typeof target === 'function' && target !== Function.prototype; target = Object.getPrototypeOf(target)) {
    own.push(...fields.filter((field) => field.target === target));
  }
  return own;
}

function valueOf(type: unknown, value: unknown, field: string): unknown {
  if (type === String || type === Boolean || type === Number) {
    const expected = type === String ? 'string' : type === Boolean ? 'boolean' : 'number';
    if (typeof value !== expected) throw new ShapeError(field, `must be a ${expected}`);
    return value;
  }
  if (type instanceof GraphQLScalarType) {
    try {
      return type.parseValue(value);
    } catch {
      throw new ShapeError(field, `must be a ${type.name}`);
    }
  }
  if (typeof type === 'function') {
    if (!isPlain(value)) throw new ShapeError(field, 'must be an object');
    return build(type as InputClass, value, field);
  }
  if (isPlain(type) && !Object.values(type).includes(value)) {
    throw new ShapeError(field, `must be one of ${Object.values(type).join(', ')}`);
  }
  return value;
}

/** An instance of the input class, as GraphQL would build it: types and required fields checked, defaults applied. */
function build<T extends object>(type: InputClass<T>, value: Plain, prefix: string): T {
  const instance = new type() as Plain;
  for (const field of fieldsOf(type)) {
    const path = prefix ? `${prefix}.${field.name}` : field.name;
    const given = value[field.name] === undefined ? (field.typeOptions.defaultValue as unknown) : value[field.name];
    if (given === undefined || given === null) {
      if (!field.typeOptions.nullable) throw new ShapeError(path, 'is required');
      if (given === null) instance[field.name] = null;
      continue;
    }
    const itemType = field.getType();
    if (field.typeOptions.array) {
      if (!Array.isArray(given)) throw new ShapeError(path, 'must be a list');
      instance[field.name] = given.map((item, index) => valueOf(itemType, item, `${path}.${index}`));
    } else {
      instance[field.name] = valueOf(itemType, given, path);
    }
  }
  return instance as T;
}

function firstError(errors: ValidationError[], prefix: string): InputProblem | undefined {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) return { field, reason: `${field}: ${Object.values(error.constraints)[0] ?? 'is invalid'}` };
    const nested = firstError(error.children ?? [], field);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * An input class from JSON (an event's payload) with the checks a mutation's argument gets:
 * what GraphQL checks (types, required fields, enum values, defaults) and then class-validator's
 * rules, as the server's validateFn runs them. Field paths are relative to the value.
 */
export async function inputFromJson<T extends object>(
  type: InputClass<T>,
  value: unknown,
): Promise<{ input: T } | { problem: InputProblem }> {
  try {
    if (!isPlain(value)) throw new ShapeError('', 'must be an object');
    const input = build(type, value, '');
    const problem = firstError(await validate(input, { forbidUnknownValues: false }), '');
    return problem ? { problem } : { input };
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    return { problem: { field: error.field || null, reason: error.message.replace(/^: /, '') } };
  }
}

/**
 * A rule's failure (BAD_USER_INPUT or CONFLICT, as a create use-case reports them under `input.`)
 * as the reason an input is refused, with the field's path inside it. Anything else is no verdict
 * on the input: undefined, and the caller lets it fail (an event is then retried).
 */
export function problemOf(error: unknown): InputProblem | undefined {
  if (!(error instanceof AppError)) return undefined;
  const code = error.extensions['code'];
  if (code !== 'BAD_USER_INPUT' && code !== 'CONFLICT') return undefined;
  const strip = (text: string) => text.replace(/^input\./, '');
  const field = typeof error.extensions['field'] === 'string' ? strip(error.extensions['field']) : null;
  const message = strip(error.message);
  // Messages name the field, as validation messages do: "contact.email: ...".
  return { field, reason: field && !message.startsWith(field) ? `${field}: ${message}` : message };
}
