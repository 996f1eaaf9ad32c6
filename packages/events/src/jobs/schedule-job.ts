import type { SqlExecutor } from '../outbox';
import type { JobDefinition, JobInput } from './define-job';

/** graphile-worker's schema in the subgraph's database (its default, installed by the job runner). */
export const JOB_SCHEMA = 'graphile_worker';

export interface ScheduleJobOptions {
  /** When the job may run first; default: now (as soon as a runner is free). */
  runAt?: Date;
  /**
   * Identifies the pending job: scheduling again with the same key replaces it (payload, runAt,
   * attempts reset) instead of adding a second one. Keys are per job type (prefixed with its name).
   * A job with this key that is running right now is left to finish and a new one is added.
   */
  jobKey?: string;
}

/** The key graphile-worker stores: keys of different job types never collide. */
export const jobKeyOf = (job: JobDefinition, jobKey: string) => `${job.name}:${jobKey}`;

/**
 * Enqueues a job IN THE CALLER'S TRANSACTION (Prisma's `tx`, or any `$executeRawUnsafe`): it exists
 * exactly when the change that asked for it is committed, and a rolled-back change schedules
 * nothing. The payload is checked against the job's schema first. The job queue's schema must have
 * been installed (the subgraph's job runner does it at start).
 */
export async function scheduleJob<TJob extends JobDefinition>(
  tx: SqlExecutor,
  job: TJob,
  payload: JobInput<TJob>,
  options: ScheduleJobOptions = {},
): Promise<void> {
  const data: unknown = job.schema.parse(payload);
  await tx.$executeRawUnsafe(
    `SELECT 1 FROM ${JOB_SCHEMA}.add_job($1::text, payload => $2::json, run_at => $3::timestamptz, max_attempts => $4::smallint, job_key => $5::text)`,
    job.name,
    JSON.stringify(data),
    options.runAt ? options.runAt.toISOString() : null,
    job.maxAttempts,
    options.jobKey === undefined ? null : jobKeyOf(job, options.jobKey),
  );
}

/**
 * Removes the pending job with this key, in the caller's transaction. A job that is running right
 * now cannot be removed: it finishes, but is not retried if it fails (so handlers should still
 * check that their work is still wanted). Returns whether a job was found.
 */
export async function unscheduleJob(tx: SqlExecutor, job: JobDefinition, jobKey: string): Promise<boolean> {
  const found = await tx.$executeRawUnsafe(
    `SELECT 1 FROM ${JOB_SCHEMA}.remove_job($1::text) AS removed WHERE removed.id IS NOT NULL`,
    jobKeyOf(job, jobKey),
  );
  return found > 0;
}
