import type { z } from 'zod';

/**
 * A background job type, declared once like an event contract: its name, the schema of its payload
 * and how often it is tried. Jobs run in the database of the subgraph that schedules them, so a job
 * type belongs to one subgraph and is declared there.
 */
export interface JobDefinition<TSchema extends z.ZodType = z.ZodType> {
  /** `<domain>.<action>`, e.g. `campaign.start`: graphile-worker's task identifier. */
  name: string;
  schema: TSchema;
  /** Attempts before the job fails for good; failures in between are retried with exponential backoff. */
  maxAttempts: number;
}

/** The payload a handler receives (the schema's output). */
export type JobPayload<TJob extends JobDefinition> = z.output<TJob['schema']>;
/** The payload a caller schedules (the schema's input). */
export type JobInput<TJob extends JobDefinition> = z.input<TJob['schema']>;

/** Default attempts: about 15 minutes of backoff (e^1 + ... + e^6 seconds) before giving up. */
export const DEFAULT_JOB_MAX_ATTEMPTS = 7;

export function defineJob<TSchema extends z.ZodType>(definition: {
  name: string;
  schema: TSchema;
  maxAttempts?: number;
}): JobDefinition<TSchema> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/.test(definition.name))
    throw new Error(`job name ${definition.name} is not <domain>.<action>`);
  const maxAttempts = definition.maxAttempts ?? DEFAULT_JOB_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 32_767) {
    throw new Error(`job ${definition.name}: maxAttempts must be an integer from 1 to 32767`);
  }
  return { name: definition.name, schema: definition.schema, maxAttempts };
}

/** Thrown by a job handler (or for an invalid payload) when retrying cannot help: the job fails for good at once. */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}
