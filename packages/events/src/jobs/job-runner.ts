import { Logger as WorkerLogger, parseCronItems, run, runMigrations } from 'graphile-worker';
import type { CronItem, JobHelpers, Runner, Task, TaskList } from 'graphile-worker';
import pg from 'pg';
import type { Logger } from 'pino';
import { PermanentJobError } from './define-job';
import type { JobDefinition, JobInput, JobPayload } from './define-job';
import { JOB_SCHEMA, jobKeyOf } from './schedule-job';

/** What a handler learns about the job it runs. */
export interface JobContext {
  /** graphile-worker's job id. */
  jobId: string;
  /** 1 on the first run, then 2, 3... */
  attempt: number;
  maxAttempts: number;
  logger: Logger;
  /** Aborted when the runner is stopping and the job should give up soon. */
  signal: AbortSignal;
}

export type JobRun<TJob extends JobDefinition> = (payload: JobPayload<TJob>, context: JobContext) => Promise<void>;

/** When a job runs by itself, besides whenever it is scheduled. */
export interface Recurrence<TJob extends JobDefinition = JobDefinition> {
  /** A cron pattern in UTC (e.g. `0,15,30,45 * * * *`): one job per tick across every runner of the database. */
  cron: string;
  payload: JobInput<TJob>;
  /** Also once when a runner starts (one pending job across runners and ticks: they share its key). */
  atStart?: boolean;
}

/** A job type and what running one does. A job may run more than once (at least once): make `run` idempotent. */
export interface JobHandler<TJob extends JobDefinition = JobDefinition> {
  job: TJob;
  run: JobRun<TJob>;
  recurrence?: Recurrence<TJob>;
}

/** Pairs a job type with its handler, keeping the payload's type; `recurrence` makes it also run on a schedule. */
export function handleJob<TJob extends JobDefinition>(job: TJob, run: JobRun<TJob>, recurrence?: Recurrence<TJob>): JobHandler {
  return { job, run: run as JobRun<JobDefinition>, ...(recurrence ? { recurrence: recurrence as Recurrence } : {}) };
}

/** graphile-worker's cron items for the handlers that recur (job max attempts kept; no backfill of missed ticks). */
function cronItemsOf(handlers: JobHandler[]): CronItem[] {
  return handlers.flatMap(({ job, recurrence }) =>
    recurrence
      ? [
          {
            task: job.name,
            match: recurrence.cron,
            identifier: job.name,
            payload: job.schema.parse(recurrence.payload) as Record<string, unknown>,
            options: {
              maxAttempts: job.maxAttempts,
              backfillPeriod: 0,
              jobKey: jobKeyOf(job, 'recurring'),
              jobKeyMode: 'replace' as const,
            },
          },
        ]
      : [],
  );
}

export interface JobRunnerOptions {
  /** The subgraph's own database: the queue lives in its schema `graphile_worker`. */
  connectionString: string;
  jobs: JobHandler[];
  logger: Logger;
  /** Jobs run at the same time by this runner. Default 1. */
  concurrency?: number;
  /** How often to look for jobs whose runAt has come (new jobs due now also arrive by NOTIFY). Default 1000 ms. */
  pollIntervalMs?: number;
}

export interface JobRunner {
  /** Stops taking jobs, waits for running ones to finish (they are aborted after a few seconds), closes its pool. */
  stop: () => Promise<void>;
}

const LEVELS: Record<string, 'error' | 'warn' | 'info' | 'debug'> = { error: 'error', warning: 'warn', info: 'info', debug: 'debug' };

/** graphile-worker's logger, writing to pino. */
function workerLogger(logger: Logger): WorkerLogger {
  return new WorkerLogger((scope) => (level, message, meta) => {
    const { error, job: _job, ...rest } = meta ?? {};
    logger[LEVELS[String(level)] ?? 'info']({ ...scope, ...rest, ...(error ? { err: error } : {}) }, message);
  });
}

/** Makes the running job fail for good: it stays in the queue (`graphile_worker.jobs`) with its error, and is not retried. */
async function failPermanently(helpers: JobHelpers): Promise<void> {
  await helpers.query(`UPDATE ${JOB_SCHEMA}._private_jobs SET max_attempts = attempts WHERE id = $1::bigint`, [helpers.job.id]);
}

function taskOf(handler: JobHandler, logger: Logger): Task {
  const { job, run: runJob } = handler;
  return async (payload, helpers) => {
    const jobLogger = logger.child({ job: job.name, jobId: helpers.job.id, attempt: helpers.job.attempts });
    try {
      const parsed = job.schema.safeParse(payload);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new PermanentJobError(`invalid ${job.name} payload: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`.trim());
      }
      await runJob(parsed.data, {
        jobId: helpers.job.id,
        attempt: helpers.job.attempts,
        maxAttempts: helpers.job.max_attempts,
        logger: jobLogger,
        signal: helpers.abortSignal,
      });
    } catch (error) {
      if (error instanceof PermanentJobError) {
        jobLogger.error({ err: error }, `job ${job.name} failed permanently; it will not be retried`);
        await failPermanently(helpers);
      }
      throw error;
    }
  };
}

/** Installs or upgrades graphile-worker's schema (`graphile_worker`) in the database: its own migrations, safe to run concurrently. */
export async function migrateJobQueue(options: { connectionString: string; logger: Logger }): Promise<void> {
  await runMigrations({ connectionString: options.connectionString, logger: workerLogger(options.logger), maxPoolSize: 2 });
}

/**
 * Runs a subgraph's jobs from the PostgreSQL queue in its own database (graphile-worker): installs
 * or migrates the queue's schema first, then takes due jobs. Each job is locked by one runner while
 * it runs, so several runners (processes) share the work and run each job once; a failure is
 * retried with exponential backoff (e^attempt seconds) up to the job's maxAttempts; a payload that
 * breaks the job's schema, or a PermanentJobError, fails the job for good at once. Jobs are rows,
 * so they survive restarts; a job whose runner died mid-run is retried after graphile-worker's lock
 * timeout (4 hours).
 */
export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const logger = options.logger;
  const concurrency = options.concurrency ?? 1;
  const taskList: TaskList = {};
  for (const handler of options.jobs) {
    if (taskList[handler.job.name]) throw new Error(`job ${handler.job.name} has two handlers`);
    taskList[handler.job.name] = taskOf(handler, logger);
  }
  // Our own pool, ended (awaited) by stop(): graphile-worker does not wait for a pool it made, so a
  // database dropped right after stop() would hit its closing connections as unhandled errors.
  const pool = new pg.Pool({ connectionString: options.connectionString, max: concurrency + 2 });
  // graphile-worker asks for both: an idle client's error on the pool, and a checked-out client's own.
  pool.on('error', (error) => logger.warn({ err: error }, 'job runner pool connection lost'));
  pool.on('connect', (client) => client.on('error', (error) => logger.warn({ err: error }, 'job runner connection lost')));
  let runner: Runner;
  try {
    runner = await startWorker(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  let stopped: Promise<void> | undefined;
  const done = runner.promise.catch((error: unknown) => logger.error({ err: error }, 'job runner stopped with an error'));
  logger.info({ jobs: Object.keys(taskList), concurrency }, 'job runner started');
  return {
    stop: () => {
      stopped ??= runner
        .stop()
        .then(() => done)
        .then(() => pool.end());
      return stopped;
    },
  };

  async function startWorker(pgPool: pg.Pool): Promise<Runner> {
    const started: Runner = await run({
      pgPool,
      taskList,
      parsedCronItems: parseCronItems(cronItemsOf(options.jobs)),
      concurrency,
      pollInterval: options.pollIntervalMs ?? 1000,
      // The process's own shutdown stops the runner (stop()); no signal handlers of its own.
      noHandleSignals: true,
      logger: workerLogger(logger),
    });
    try {
      for (const { job, recurrence } of options.jobs) {
        if (!recurrence?.atStart) continue;
        await started.addJob(job.name, job.schema.parse(recurrence.payload) as Record<string, unknown>, {
          maxAttempts: job.maxAttempts,
          jobKey: jobKeyOf(job, 'recurring'),
        });
      }
    } catch (error) {
      await started.stop();
      throw error;
    }
    return started;
  }
}
