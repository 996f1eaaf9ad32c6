import { z } from 'zod';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defineJob, PermanentJobError } from '../src/jobs/define-job';
import { handleJob, migrateJobQueue, startJobRunner } from '../src/jobs/job-runner';
import type { JobHandler, JobRunner } from '../src/jobs/job-runner';
import { scheduleJob, unscheduleJob } from '../src/jobs/schedule-job';
import { createEventsDatabase } from './pg-db';

const logger = pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });
const Touch = defineJob({ name: 'tests.touch', schema: z.object({ thingId: z.string(), note: z.string().default('') }), maxAttempts: 3 });

let database: Awaited<ReturnType<typeof createEventsDatabase>>;
const runners: JobRunner[] = [];
/** Every run of a Touch job in this test: what, which attempt, when, by which runner. */
let runs: { thingId: string; note: string; attempt: number; at: number; runner: string }[];
/** Decides what a run does (throw to fail it); default: succeed. */
let behaviour: (payload: z.output<typeof Touch.schema>, attempt: number) => Promise<void>;

beforeAll(async () => {
  database = await createEventsDatabase('jobs');
  await migrateJobQueue({ connectionString: database.url, logger });
});
beforeEach(() => {
  runs = [];
  behaviour = async () => {};
});
afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  await database.pool.query('DELETE FROM graphile_worker._private_jobs; DELETE FROM "Thing"');
});
afterAll(async () => {
  await database.drop();
});

/** A Touch handler that records its runs and counts them in "Thing" (in the database, so two runners count together). */
function touchHandler(runner: string): JobHandler {
  return handleJob(Touch, async (payload, context) => {
    runs.push({ thingId: payload.thingId, note: payload.note, attempt: context.attempt, at: Date.now(), runner });
    await behaviour(payload, context.attempt);
    await database.pool.query(
      'INSERT INTO "Thing" ("id", "count") VALUES ($1, 1) ON CONFLICT ("id") DO UPDATE SET "count" = "Thing"."count" + 1',
      [payload.thingId],
    );
  });
}

async function startRunner(name = 'runner-a', concurrency = 1) {
  const runner = await startJobRunner({
    connectionString: database.url,
    jobs: [touchHandler(name)],
    logger: logger.child({ runner: name }),
    concurrency,
    pollIntervalMs: 100,
  });
  runners.push(runner);
  return runner;
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function counts(): Promise<Record<string, number>> {
  const { rows } = await database.pool.query<{ id: string; count: number }>('SELECT "id", "count" FROM "Thing"');
  return Object.fromEntries(rows.map((row) => [row.id, row.count]));
}

async function queue() {
  const { rows } = await database.pool.query<{
    key: string | null;
    payload: { thingId: string };
    attempts: number;
    max_attempts: number;
    last_error: string | null;
  }>('SELECT "key", "payload", "attempts", "max_attempts", "last_error" FROM graphile_worker._private_jobs ORDER BY "id"');
  return rows;
}

describe('scheduleJob', () => {
  it('runs a job scheduled in a committed transaction', async () => {
    await startRunner();
    await database.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('INSERT INTO "Thing" ("id", "count") VALUES ($1, 0)', 'committed');
      await scheduleJob(tx, Touch, { thingId: 'committed' });
    });
    await waitFor('the job to run', async () => (await counts())['committed'] === 1);
    expect(runs).toMatchObject([{ thingId: 'committed', attempt: 1 }]);
    expect(await queue()).toEqual([]);
  });

  it('schedules nothing when the transaction rolls back', async () => {
    await startRunner();
    await expect(
      database.db.$transaction(async (tx) => {
        await scheduleJob(tx, Touch, { thingId: 'rolled-back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await queue()).toEqual([]);
    // A job scheduled afterwards runs; the rolled-back one never does.
    await database.db.$transaction((tx) => scheduleJob(tx, Touch, { thingId: 'after' }));
    await waitFor('the later job to run', () => runs.length === 1);
    await sleep(300);
    expect(runs.map((run) => run.thingId)).toEqual(['after']);
  });

  it('checks the payload against the job schema before scheduling anything', async () => {
    await expect(database.db.$transaction((tx) => scheduleJob(tx, Touch, { thingId: 42 } as never))).rejects.toThrow();
    expect(await queue()).toEqual([]);
  });

  it('waits for runAt', async () => {
    await startRunner();
    const runAt = new Date(Date.now() + 1_500);
    await database.db.$transaction((tx) => scheduleJob(tx, Touch, { thingId: 'later' }, { runAt }));
    await sleep(700);
    expect(runs).toEqual([]);
    await waitFor('the job to run at runAt', () => runs.length === 1, 5_000);
    expect(runs[0]!.at).toBeGreaterThanOrEqual(runAt.getTime() - 50);
  });

  it('replaces the pending job with the same jobKey instead of adding one', async () => {
    await startRunner();
    await database.db.$transaction((tx) =>
      scheduleJob(tx, Touch, { thingId: 'keyed', note: 'first' }, { jobKey: 'k1', runAt: new Date(Date.now() + 3_600_000) }),
    );
    await database.db.$transaction((tx) => scheduleJob(tx, Touch, { thingId: 'keyed', note: 'second' }, { jobKey: 'k1' }));
    await waitFor('the rescheduled job to run', () => runs.length === 1);
    await sleep(300);
    expect(runs.map((run) => run.note)).toEqual(['second']);
    expect(await queue()).toEqual([]);
  });

  it('unschedules a pending job by its key, in the caller transaction', async () => {
    const later = new Date(Date.now() + 3_600_000);
    await database.db.$transaction((tx) => scheduleJob(tx, Touch, { thingId: 'cancelled' }, { jobKey: 'k2', runAt: later }));
    await expect(
      database.db.$transaction(async (tx) => {
        await unscheduleJob(tx, Touch, 'k2');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await queue()).map((job) => job.key)).toEqual(['tests.touch:k2']);
    expect(await database.db.$transaction((tx) => unscheduleJob(tx, Touch, 'k2'))).toBe(true);
    expect(await queue()).toEqual([]);
    expect(await database.db.$transaction((tx) => unscheduleJob(tx, Touch, 'k2'))).toBe(false);
  });
});

describe('startJobRunner', () => {
  it('retries a failing job with backoff until it succeeds', async () => {
    behaviour = async (_payload, attempt) => {
      if (attempt === 1) throw new Error('the first attempt fails');
    };
    await startRunner();
    await database.db.$transaction((tx) => scheduleJob(tx, Touch, { thingId: 'flaky' }));
    await waitFor('the job to fail once', async () => (await queue())[0]?.last_error === 'the first attempt fails');
    await waitFor('the retry to succeed', async () => (await counts())['flaky'] === 1, 10_000);
    expect(runs.map((run) => run.attempt)).toEqual([1, 2]);
    // graphile-worker's backoff: e^attempts seconds after the failure.
    expect(runs[1]!.at - runs[0]!.at).toBeGreaterThanOrEqual(2_500);
    expect(await queue()).toEqual([]);
  }, 20_000);

  it('fails a job for good, without retrying, when its payload breaks the schema', async () => {
    await startRunner();
    await database.pool.query(`SELECT graphile_worker.add_job('tests.touch', '{"thingId": 7}'::json, max_attempts => 3::smallint)`);
    await waitFor('the job to fail', async () => (await queue())[0]?.last_error != null);
    await sleep(300);
    expect(runs).toEqual([]);
    const [job] = await queue();
    expect(job).toMatchObject({ attempts: 1, max_attempts: 1 });
    expect(job!.last_error).toMatch(/invalid tests\.touch payload: thingId/);
  });

  it('fails a job for good when its handler throws PermanentJobError', async () => {
    behaviour = async () => {
      throw new PermanentJobError('nothing to retry');
    };
    await startRunner();
    await database.db.$transaction((tx) => scheduleJob(tx, Touch, { thingId: 'hopeless' }));
    await waitFor('the job to fail', async () => (await queue())[0]?.last_error === 'nothing to retry');
    await sleep(300);
    expect(runs).toHaveLength(1);
    expect(await queue()).toMatchObject([{ attempts: 1, max_attempts: 1 }]);
  });

  it('picks up after a restart the jobs that were pending when it stopped', async () => {
    const first = await startRunner('before-restart');
    await database.db.$transaction((tx) => scheduleJob(tx, Touch, { thingId: 'survivor' }, { runAt: new Date(Date.now() + 800) }));
    await first.stop();
    await sleep(1_200);
    expect(runs).toEqual([]);
    await startRunner('after-restart');
    await waitFor('the pending job to run', () => runs.length === 1);
    expect(runs[0]).toMatchObject({ thingId: 'survivor', runner: 'after-restart' });
  });

  it('runs each job once when two runners share the queue', async () => {
    behaviour = async () => {
      await sleep(20);
    };
    await Promise.all([startRunner('a', 3), startRunner('b', 3)]);
    const ids = Array.from({ length: 30 }, (_, index) => `shared-${index}`);
    await database.db.$transaction(async (tx) => {
      for (const thingId of ids) await scheduleJob(tx, Touch, { thingId });
    });
    await waitFor('every job to run', async () => Object.keys(await counts()).length === ids.length, 10_000);
    await sleep(300);
    expect(await counts()).toEqual(Object.fromEntries(ids.map((id) => [id, 1])));
    expect(runs).toHaveLength(ids.length);
    expect(await queue()).toEqual([]);
  });

  it('stops cleanly while idle and refuses two handlers for one job', async () => {
    const runner = await startRunner();
    await runner.stop();
    await runner.stop();
    await expect(startJobRunner({ connectionString: database.url, jobs: [touchHandler('x'), touchHandler('y')], logger })).rejects.toThrow(
      'job tests.touch has two handlers',
    );
  });

  it('runs a recurring job when a runner starts, and registers its cron schedule', async () => {
    const recurring = { ...touchHandler('recurring'), recurrence: { cron: '0 3 * * *', payload: { thingId: 'nightly' }, atStart: true } };
    runners.push(await startJobRunner({ connectionString: database.url, jobs: [recurring], logger, pollIntervalMs: 100 }));
    await waitFor('the job run at start', async () => (await counts())['nightly'] === 1);
    const { rows } = await database.pool.query('SELECT "identifier" FROM graphile_worker._private_known_crontabs');
    expect(rows.map((row: { identifier: string }) => row.identifier)).toContain('tests.touch');
    // A recurring payload must fit the job's schema, or the runner does not start.
    const broken = { ...touchHandler('broken'), recurrence: { cron: '0 3 * * *', payload: { thingId: 7 } as never } };
    await expect(startJobRunner({ connectionString: database.url, jobs: [broken], logger })).rejects.toThrow();
  });
});
