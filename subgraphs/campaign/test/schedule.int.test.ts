import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { scheduleJob } from '@gametriggers/events';
import { ReconcileCampaignJobsJob } from '../src/campaign/campaign-jobs';
import { createCampaignJobHandlers } from '../src/campaign/run-campaign-jobs';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { campaignSubgraph } from '../src/index';
import { TRANSITION, campaignIn } from './factories';

const READ = `query($id: ID!) { campaign(id: $id) { id status schedule { startsAt endsAt } } }`;

interface QueuedJob {
  key: string | null;
  task: string;
  payload: { campaignId: string };
  run_at: Date;
}

let subgraph: TestSubgraph;
let sql: pg.Client;
let db: Db;
beforeAll(async () => {
  // startSubgraph runs the subgraph's job runner beside its server, as in production.
  subgraph = await startTestSubgraph(campaignSubgraph, { viewer: testAdmin });
  sql = new pg.Client({ connectionString: subgraph.databaseUrl });
  await sql.connect();
  db = createDb(subgraph.databaseUrl);
});
afterAll(async () => {
  await db?.$disconnect();
  await sql?.end();
  await subgraph?.stop();
});

/** The pending jobs about one campaign (graphile-worker's queue in the subgraph's database). */
async function jobsOf(campaignId: string): Promise<QueuedJob[]> {
  const { rows } = await sql.query<QueuedJob>(
    `SELECT jobs."key", tasks."identifier" AS "task", jobs."payload", jobs."run_at"
     FROM graphile_worker._private_jobs AS jobs JOIN graphile_worker._private_tasks AS tasks ON tasks."id" = jobs."task_id"
     WHERE jobs."payload"->>'campaignId' = $1 ORDER BY jobs."id"`,
    [campaignId],
  );
  return rows;
}

async function statusesInOutbox(campaignId: string): Promise<string[]> {
  const { rows } = await sql.query<{ status: string }>(
    `SELECT "envelope"->'data'->>'status' AS "status" FROM "OutboxEvent" WHERE "subject" = $1 AND "type" = 'campaign.campaign.changed' ORDER BY "sequence"`,
    [campaignId],
  );
  return rows.map((row) => row.status);
}

async function statusOf(id: string): Promise<string> {
  const result = await subgraph.query(READ, { id });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!['campaign'].status as string;
}

/** Polls the campaign through GraphQL until it has `status`; returns when it was seen. */
async function waitForStatus(id: string, status: string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = await statusOf(id);
    if (now === status) return Date.now();
    if (Date.now() > deadline) throw new Error(`campaign is still ${now}, not ${status}, after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A schedule starting and ending the given number of ms from now, whole seconds (the API keeps milliseconds anyway). */
function scheduleFromNow(startInMs: number, endInMs: number) {
  const now = Date.now();
  return { startsAt: new Date(now + startInMs).toISOString(), endsAt: new Date(now + endInMs).toISOString() };
}

describe('campaigns on schedule', () => {
  it('starts a SCHEDULED campaign at startsAt and completes it at endsAt by itself', async () => {
    const schedule = scheduleFromNow(2_000, 4_000);
    const id = await campaignIn(subgraph, 'SCHEDULED', { schedule });
    expect(await statusOf(id)).toBe('SCHEDULED');
    expect(await jobsOf(id)).toMatchObject([{ key: `campaign.start:${id}`, task: 'campaign.start', run_at: new Date(schedule.startsAt) }]);

    const activeAt = await waitForStatus(id, 'ACTIVE', 8_000);
    expect(activeAt).toBeGreaterThanOrEqual(Date.parse(schedule.startsAt));
    const completedAt = await waitForStatus(id, 'COMPLETED', 8_000);
    expect(completedAt).toBeGreaterThanOrEqual(Date.parse(schedule.endsAt));

    // Each move wrote its CampaignChanged, and nothing is left in the queue.
    expect(await statusesInOutbox(id)).toEqual(['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'APPROVED', 'SCHEDULED', 'ACTIVE', 'COMPLETED']);
    await expect.poll(() => jobsOf(id), { timeout: 2_000 }).toEqual([]);
  }, 20_000);

  it('schedules the end when the campaign becomes ACTIVE, keeps it while PAUSED, and completes a paused campaign at endsAt', async () => {
    const schedule = scheduleFromNow(2_000, 4_000);
    // Started by hand before startsAt, then paused: the pending start is dropped, the end stays.
    const id = await campaignIn(subgraph, 'PAUSED', { schedule });
    expect(await jobsOf(id)).toMatchObject([{ key: `campaign.end:${id}`, task: 'campaign.end', run_at: new Date(schedule.endsAt) }]);
    const completedAt = await waitForStatus(id, 'COMPLETED', 8_000);
    expect(completedAt).toBeGreaterThanOrEqual(Date.parse(schedule.endsAt));
    expect((await statusesInOutbox(id)).slice(-3)).toEqual(['ACTIVE', 'PAUSED', 'COMPLETED']);
  }, 15_000);

  it('drops the pending start when the campaign is cancelled, so it never starts', async () => {
    const schedule = scheduleFromNow(1_000, 60_000);
    const id = await campaignIn(subgraph, 'SCHEDULED', { schedule });
    expect(await jobsOf(id)).toHaveLength(1);
    const cancelled = await subgraph.query(TRANSITION, { id, to: 'CANCELLED' });
    expect(cancelled.errors).toBeUndefined();
    expect(await jobsOf(id)).toEqual([]);
    await sleep(2_500);
    expect(await statusOf(id)).toBe('CANCELLED');
    expect((await statusesInOutbox(id)).at(-1)).toBe('CANCELLED');
  }, 10_000);

  it('does nothing when a job finds the campaign no longer in the status it expects', async () => {
    const [start, end] = createCampaignJobHandlers(db);
    const context = { jobId: '1', attempt: 1, maxAttempts: 10, logger: pino({ level: 'silent' }), signal: new AbortController().signal };
    const cancelled = await campaignIn(subgraph, 'CANCELLED');
    const completed = await campaignIn(subgraph, 'COMPLETED');
    const before = [await statusesInOutbox(cancelled), await statusesInOutbox(completed)];

    await start!.run({ campaignId: cancelled }, context);
    await end!.run({ campaignId: cancelled }, context);
    await start!.run({ campaignId: completed }, context);
    await end!.run({ campaignId: completed }, context);
    await end!.run({ campaignId: crypto.randomUUID() }, context);

    expect([await statusOf(cancelled), await statusOf(completed)]).toEqual(['CANCELLED', 'COMPLETED']);
    expect([await statusesInOutbox(cancelled), await statusesInOutbox(completed)]).toEqual(before);
  });

  it('schedules nothing when the transition is refused', async () => {
    const id = await campaignIn(subgraph, 'APPROVED', { schedule: scheduleFromNow(3_600_000, 7_200_000) });
    const illegal = await subgraph.query(TRANSITION, { id, to: 'ACTIVE' });
    expect(illegal.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(await jobsOf(id)).toEqual([]);
  });

  it('gives campaigns written without their jobs (demo data, a restored backup) a start or end job', async () => {
    // Moved by hand in the database, behind the API's back: no job follows.
    const late = await campaignIn(subgraph, 'APPROVED', { schedule: scheduleFromNow(3_600_000, 7_200_000) });
    const running = await campaignIn(subgraph, 'APPROVED', { schedule: scheduleFromNow(3_600_000, 7_200_000) });
    const endsAt = new Date(Date.now() + 7_200_000);
    await sql.query(`UPDATE "Campaign" SET "status" = 'SCHEDULED', "startsAt" = now() - interval '1 minute' WHERE "id" = $1`, [late]);
    await sql.query(`UPDATE "Campaign" SET "status" = 'ACTIVE', "startsAt" = now(), "endsAt" = $2 WHERE "id" = $1`, [running, endsAt]);
    expect([await jobsOf(late), await jobsOf(running)]).toEqual([[], []]);

    // What runs at every start of the subgraph and hourly.
    await db.$transaction((tx) => scheduleJob(tx, ReconcileCampaignJobsJob, {}));
    await waitForStatus(late, 'ACTIVE', 8_000); // its start was overdue: it ran at once
    await expect.poll(() => jobsOf(running), { timeout: 5_000 }).toMatchObject([{ key: `campaign.end:${running}`, run_at: endsAt }]);
    expect(await jobsOf(late)).toMatchObject([{ key: `campaign.end:${late}` }]);
  }, 20_000);
});
