import { validate } from 'class-validator';
import type { ValidationError } from 'class-validator';
import { getNamedType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import type { ResolverData } from 'type-graphql';

type TypeValue = Parameters<import('type-graphql').ValidatorFn>[1];
import { BadUserInputError } from './errors';

function firstError(errors: ValidationError[], prefix: string): { field: string; message: string } | undefined {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) return { field, message: Object.values(error.constraints)[0] ?? 'is invalid' };
    const nested = firstError(error.children ?? [], field);
    if (nested) return nested;
  }
  return undefined;
}

/** The argument name an input-type value was passed as: `input` in `createBrand(input: ...)`; '' for @Args classes. */
function argumentName(argType: TypeValue, { info }: ResolverData): string {
  const storage = getMetadataStorage();
  if (storage.argumentTypes.some((type) => type.target === argType)) return '';
  const inputName = storage.inputTypes.find((type) => type.target === argType)?.name;
  const field = info.parentType.getFields()[info.fieldName];
  return field?.args.find((arg) => getNamedType(arg.type).name === inputName)?.name ?? '';
}

/**
 * Validates arguments with class-validator and fails with BAD_USER_INPUT naming the full path of
 * the first offending field (`input.contact.email`), so clients can point at it.
 */
export async function validateArgs(argValue: unknown, argType: TypeValue, resolverData: ResolverData): Promise<void> {
  if (argValue === null || typeof argValue !== 'object') return;
  const values = Array.isArray(argValue) ? argValue : [argValue];
  const name = argumentName(argType, resolverData);
  for (const [index, value] of values.entries()) {
    if (value === null || typeof value !== 'object') continue;
    const errors = await validate(value as object, { forbidUnknownValues: false });
    const prefix = Array.isArray(argValue) ? `${name}.${index}` : name;
    const error = firstError(errors, prefix);
    if (error) throw new BadUserInputError(error.field, `${error.field}: ${error.message}`);
  }
}
